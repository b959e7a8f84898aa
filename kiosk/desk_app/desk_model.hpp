#pragma once
// The desk console as data: the counter's current case with its guest-book
// entry, the SOP steps the staff member may take now, the step timer against
// its time standard, and the queue counts. No ImGui here.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/client/api_client.hpp"
#include "kiosk/core/case_record.hpp"
#include "kiosk/core/sop.hpp"

namespace lpse::desk {

struct DeskSettings {
  std::string counter = "Loket 1";
  core::ActorRole role = core::ActorRole::Helpdesk;
  core::TimeStandards standards = core::TimeStandards::sopDefaults();
};

struct StepTimer {
  int step = 0;
  std::int64_t elapsedS = 0;
  int standardMin = 0;  // 0: the step has no standard
  bool overdue() const { return standardMin > 0 && elapsedS > standardMin * 60LL; }
};

class DeskModel {
 public:
  explicit DeskModel(DeskSettings s) : m_settings(std::move(s)) {}

  // The queue this desk calls from: walk-in tickets or Admin PPE dossiers.
  std::string queue() const { return m_settings.role == core::ActorRole::AdminPpe ? "admin" : "helpdesk"; }

  void setCurrent(std::optional<client::CaseDetail> d) { m_current = std::move(d); }
  void setBoard(const core::Board& b) { m_board = b; }
  void setOnline(bool on) { m_online = on; }
  void setBusy(bool busy) { m_busy = busy; }
  void setMessage(std::string m, bool isError) { m_message = std::move(m); m_messageIsError = isError; }
  void setQueueEmpty(bool empty) { m_queueEmpty = empty; }
  void setDevices(std::vector<core::DeviceStatus> d) { m_devices = std::move(d); }
  // Devices that need a person now (a kiosk printer out of paper...).
  std::vector<core::DeviceStatus> alerts() const;

  const std::optional<client::CaseDetail>& current() const { return m_current; }
  const core::Board& board() const { return m_board; }
  const DeskSettings& settings() const { return m_settings; }
  bool online() const { return m_online; }
  bool busy() const { return m_busy; }
  bool queueEmpty() const { return m_queueEmpty; }
  const std::string& message() const { return m_message; }
  bool messageIsError() const { return m_messageIsError; }

  // "Next" is offered when nothing is open at this counter, or the open
  // case has left this desk's hands.
  bool canCallNext() const;
  int waitingInMyQueue() const;
  std::optional<StepTimer> timer(std::int64_t nowMs) const;

 private:
  DeskSettings m_settings;
  std::optional<client::CaseDetail> m_current;
  core::Board m_board;
  bool m_online = false;
  bool m_busy = false;
  bool m_queueEmpty = false;
  std::string m_message;
  bool m_messageIsError = false;
  std::vector<core::DeviceStatus> m_devices;
};

}  // namespace lpse::desk

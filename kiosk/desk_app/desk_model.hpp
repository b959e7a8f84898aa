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
  core::TimeStandards standards = core::TimeStandards::sopDefaults();
};

// The staff member signed in at this desk: their role decides the queue
// and the SOP steps offered.
struct StaffSession {
  std::string username, displayName;
  core::ActorRole role = core::ActorRole::Helpdesk;
  std::int64_t expiresMs = 0;
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

  // Sign-in. Nothing of the queue is shown until someone signs in; signing
  // out (or the session ending) forgets the open case on screen.
  void signIn(StaffSession s);
  void signOut(std::string reason = {});
  void setSigningIn(bool busy) { m_signingIn = busy; }
  void setLoginError(std::string e) { m_loginError = std::move(e); }
  const std::optional<StaffSession>& session() const { return m_session; }
  bool signedIn() const { return m_session.has_value(); }
  bool signingIn() const { return m_signingIn; }
  const std::string& loginError() const { return m_loginError; }

  // The queue this desk calls from: walk-in tickets for the helpdesk, Admin
  // PPE dossiers for Admin PPE; none for a supervisor (who only reads).
  std::string queue() const;

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
  std::optional<StaffSession> m_session;
  bool m_signingIn = false;
  std::string m_loginError;
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

#pragma once
// The supervisor board (issue #13) as a pure model: fed with the open
// cases, each desk's presence, the public board and the push stream's
// events, it computes for a given `now` what the head of office sees: per
// queue the waiting count and the longest wait against its aim; per desk who
// is there, what it is doing and for how long; the cases past their step's
// standard; the cases stranded at a desk that went away; and an alert when a
// desk stands idle while people wait. Durations in working time (the office
// calendar), standards from core. No ImGui; only the UI thread calls it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/api/wire.hpp"
#include "kiosk/core/calendar.hpp"
#include "kiosk/core/case_record.hpp"
#include "kiosk/core/desk_rules.hpp"
#include "kiosk/core/sop.hpp"

namespace lpse::desk {

struct BoardSettings {
  core::TimeStandards standards = core::TimeStandards::sopDefaults();
  core::WorkingCalendar calendar;
  int waitTargetMin = 15;  // a queue's aim for the longest wait
  int idleAlertS = 60;     // idle this long while people wait: alert
};

// A queue's line: a walk-in service ("reset", "userid"), the Admin PPE
// queue ("admin") or the unopened e-mails ("email").
struct QueueLine {
  std::string queue;
  int waiting = 0;
  std::int64_t longestS = 0;    // working seconds the longest waiter has waited
  std::string longestTicket;    // its number ("" for e-mail)
  int targetMin = 0;            // the aim (e-mail: the same working day, 0 here)
  core::TimerLevel level = core::TimerLevel::None;  // Ok, Near (amber), Over (red)
};

enum class DeskActivity { Serving, Idle, OnBreak, SignedOut };
std::string_view toString(DeskActivity);

struct DeskLine {
  std::string counter, staff, role;
  DeskActivity activity = DeskActivity::SignedOut;
  std::int64_t sinceMs = 0;  // when this activity began
  std::int64_t forS = 0;     // wall-clock seconds since then
  std::string reason;        // BreakReason code on a break
  std::string ticket;        // the case being served
  std::int64_t caseId = 0;
  bool idleAlert = false;    // idle past idleAlertS while its queue has people waiting
};

struct BreachLine {
  core::CaseRecord kase;
  core::StepTimer timer;
};

// A case open at a counter whose desk is signed out or on a break (or never
// said it was there): nobody is serving it. The supervisor reassigns it.
struct StrandedLine {
  core::CaseRecord kase;
  DeskActivity deskActivity = DeskActivity::SignedOut;
};

struct BoardView {
  std::vector<QueueLine> queues;
  std::vector<DeskLine> desks;
  std::vector<BreachLine> breaches;   // longest over first
  std::vector<StrandedLine> stranded;
  std::vector<std::string> idleAlerts;  // counters
  int waitingTotal = 0;
};

class BoardModel {
 public:
  explicit BoardModel(BoardSettings s) : m_settings(std::move(s)) {}

  void setCases(std::vector<core::CaseRecord> open) { m_cases = std::move(open); }
  void setDesks(const std::vector<core::DeskStatus>& desks);
  // The latest call per counter (GET /api/board): when each desk last called.
  void setBoard(const core::Board& b);
  // A pushed event: a desk event changes that desk's presence at once; any
  // event at a counter counts as activity there. (The runtime also reloads
  // the cases on each event; this keeps the board right in between.)
  void onEvent(const api::StreamEvent& e);

  BoardView view(std::int64_t nowMs) const;
  const std::vector<core::CaseRecord>& cases() const { return m_cases; }
  const BoardSettings& settings() const { return m_settings; }

 private:
  BoardSettings m_settings;
  std::vector<core::CaseRecord> m_cases;
  std::map<std::string, core::DeskStatus> m_desks;      // by counter
  std::map<std::string, std::int64_t> m_lastActivity;  // by counter
  std::vector<std::string> m_services;                 // every walk-in service, waiting or not
};

// Which queue a desk of this role ("helpdesk", "admin_ppe") takes work from.
std::string queueOfRole(const std::string& role);

}  // namespace lpse::desk

// End of day. A ticket still waiting when the office closes will not be
// called (numbers restart tomorrow and call-next skips yesterday's), so it
// is closed as "not served today" instead of lying open forever, which
// would also keep its visitor's data from the retention purge.
//
// Chosen: the existing terminal state Cancelled, reached by the SOP's own
// Cancel action, with the reason code "not_served_today", by the actor
// {"system", supervisor}. A new terminal state would change the SOP table
// every front-end and report reads; the reason code already tells the two
// kinds of cancellation apart in the log (docs/REPORTS.md).
#include "kiosk/store/store_reports.hpp"

namespace lpse::store {

core::Result<int> closeUnservedTickets(Store& store, std::int64_t nowMs) {
  const auto& cal = store.options().calendar;
  const std::string today = store.today(nowMs);
  const Actor system{"system", core::ActorRole::Supervisor};
  core::ActionInput why;
  why.reason = kNotServedToday;
  int closed = 0;
  for (const CaseRecord& c : store.openCases()) {
    if (c.state != core::CaseState::Waiting || c.channel != core::Channel::WalkIn) continue;
    // The day it queues on: the day it entered Waiting (a visitor back with
    // the missing documents queues again on the day they came back). Closed
    // when it was waiting at that day's closing time, or when its day is
    // over (call-next never takes an earlier day's ticket). A ticket taken
    // after closing on the same day stays: the office may still be serving.
    const core::LocalDate day = cal.localDate(c.stateMs);
    const std::int64_t closing = cal.closingTime(day);
    const bool waitingAtClosing = c.stateMs < closing && nowMs >= closing;
    if (!waitingAtClosing && day.iso() >= today) continue;
    auto r = store.act(c.id, core::Action::Cancel, why, system, nowMs);
    if (!r) {
      // Moved on meanwhile (called by a desk a moment ago): not ours to close.
      if (r.error().code == "invalid_transition") continue;
      return r.error();
    }
    ++closed;
  }
  return closed;
}

core::Result<int> closeDayNow(Store& store, const Actor& supervisor, std::int64_t nowMs) {
  core::ActionInput why;
  why.reason = kNotServedToday;
  int closed = 0;
  for (const CaseRecord& c : store.openCases()) {
    if (c.state != core::CaseState::Waiting || c.channel != core::Channel::WalkIn) continue;
    auto r = store.act(c.id, core::Action::Cancel, why, supervisor, nowMs);
    if (!r) {
      if (r.error().code == "invalid_transition") continue;  // called a moment ago
      return r.error();
    }
    ++closed;
  }
  return closed;
}

}  // namespace lpse::store

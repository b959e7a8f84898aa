// Priority service in the helpdesk queue (issue #14): the store supplies the
// waiting tickets and today's calls; which one is next is core's policy
// (core/priority.hpp). Only when a priority ticket waits: otherwise "next"
// and "ahead" are the plain SQL order, as before.
#include <set>

#include "kiosk/store/database.hpp"
#include "kiosk/store/store.hpp"

namespace lpse::store {

bool Store::priorityWaitingLocked(const std::string& queueDay) {
  // Written as the partial index cases_priority_waiting reads: one probe.
  Stmt s(*m_db,
         "SELECT EXISTS(SELECT 1 FROM cases WHERE queue='helpdesk' AND queue_day=?"
         " AND priority_category <> '' AND state = 'waiting')");
  s.bind(1, queueDay);
  s.step();
  return s.i64(0) != 0;
}

std::vector<core::WaitingTicket> Store::waitingTicketsLocked(const std::string& queueDay) {
  Stmt s(*m_db,
         "SELECT id, service, priority, queued_ms, priority_category FROM cases"
         " WHERE queue='helpdesk' AND queue_day=? AND state='waiting'");
  s.bind(1, queueDay);
  std::vector<core::WaitingTicket> out;
  while (s.step())
    out.push_back({s.i64(0), s.text(1), static_cast<int>(s.i64(2)), s.i64(3),
                   core::priorityCategoryFrom(s.text(4)).value_or(core::PriorityCategory::None)});
  return out;
}

core::OrdinaryRuns Store::ordinaryRunsLocked(const std::string& queueDay,
                                             const std::vector<core::WaitingTicket>& waiting) {
  core::OrdinaryRuns runs;
  const auto& policy = m_options.priority;
  if (policy.kind != core::PriorityPolicyKind::OneInN) return runs;
  std::set<std::string> services;
  for (const auto& t : waiting)
    if (t.category != core::PriorityCategory::None) services.insert(t.service);
  // Today's calls from the waiting list, newest first: was each of a priority ticket?
  Stmt s(*m_db,
         "SELECT c.priority_category <> '' FROM events e JOIN cases c ON c.id = e.case_id"
         " WHERE c.ticket_day=? AND c.ticket <> '' AND c.service=? AND e.kind='call'"
         " AND json_extract(e.payload, '$.from')='waiting' ORDER BY e.seq DESC LIMIT ?");
  for (const auto& service : services) {
    s.reset();
    s.bind(1, queueDay).bind(2, service).bind(3, static_cast<std::int64_t>(policy.everyN));
    std::vector<bool> calls;
    while (s.step()) calls.push_back(s.i64(0) != 0);
    runs[service] = core::ordinaryRun(calls, policy);
  }
  return runs;
}

std::optional<std::int64_t> Store::priorityNextLocked(const std::string& queueDay) {
  if (!priorityWaitingLocked(queueDay)) return std::nullopt;
  const auto waiting = waitingTicketsLocked(queueDay);
  return core::nextToCall(waiting, m_options.priority, ordinaryRunsLocked(queueDay, waiting));
}

std::optional<int> Store::priorityAheadLocked(const CaseRecord& c) {
  Stmt d(*m_db, "SELECT queue_day FROM cases WHERE id=?");
  d.bind(1, c.id);
  if (!d.step()) return std::nullopt;
  const std::string day = d.text(0);
  if (!priorityWaitingLocked(day)) return std::nullopt;
  const auto waiting = waitingTicketsLocked(day);
  const int ahead = core::aheadOf(waiting, c.id, m_options.priority, ordinaryRunsLocked(day, waiting));
  if (ahead < 0) return std::nullopt;
  return ahead;
}

}  // namespace lpse::store

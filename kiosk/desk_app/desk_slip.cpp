#include "kiosk/desk_app/desk_slip.hpp"

#include "kiosk/desk_app/desk_model.hpp"

namespace lpse::desk {

core::SlipInput slipInputFor(const client::CaseDetail& d, const DeskSettings& s, const std::string& staff,
                             std::int64_t nowMs) {
  core::SlipInput in;
  in.office = s.officeName;
  in.ticket = d.kase.ticket.empty() ? "E-" + std::to_string(d.kase.id) : d.kase.ticket;
  if (d.visit) {
    in.name = d.visit->name;
    in.spseUserId = d.visit->spseUserId;
  }
  for (const auto& h : d.history)
    if (h.kind == "record_result") in.outcome = h.code;
  in.atMs = nowMs;
  in.staff = staff;
  in.counter = s.counter;
  return in;
}

bool SlipJob::start(std::int64_t caseId) {
  if (m_busy || caseId <= 0) return false;
  m_busy = true;
  m_finished = false;
  m_caseId = caseId;
  m_outcome = {};
  return true;
}

void SlipJob::done(std::int64_t caseId, slip::SlipOutcome outcome) {
  if (!m_busy || caseId != m_caseId) return;
  m_busy = false;
  m_finished = true;
  m_outcome = std::move(outcome);
}

}  // namespace lpse::desk

#pragma once
// Where a ticket stands, as GET /api/tickets/<token> tells the kiosk: the
// visitor's own view of their case (no personal data). One type for the
// client that reads it and the kiosk that shows it.
#include <cstdint>
#include <string>

#include "kiosk/core/priority.hpp"
#include "kiosk/core/sop.hpp"

namespace lpse::core {

struct TicketStatus {
  std::string ticket;
  CaseState state = CaseState::Waiting;
  std::string counter;  // where they were called to, when called
  std::int64_t caseId = 0;
  int ahead = 0;  // tickets before theirs in its queue
  PriorityCategory priority = PriorityCategory::None;  // a priority ticket's category
};

}  // namespace lpse::core

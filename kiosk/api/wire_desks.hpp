#pragma once
// The wire format of a desk's presence (issue #12 breaks, issue #13 the
// supervisor board): what a desk sends when a staff member signs in or out
// at it and when a break starts or ends, and each desk's state as the
// supervisor board reads it (GET /api/desks).
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "kiosk/core/desk_rules.hpp"
#include "kiosk/core/error.hpp"

namespace lpse::api {

using nlohmann::json;

// POST /api/desks/events {"counter": "Loket 1", "kind": "break_start", "reason": "prayer"}
struct DeskEvent {
  std::string counter, kind, reason;
};
core::Result<DeskEvent> deskEventFromJson(const json&);
json toJson(const DeskEvent&);

json toJson(const core::DeskStatus&);
core::Result<core::DeskStatus> deskStatusFromJson(const json&);
// {"desks": [...]}
core::Result<std::vector<core::DeskStatus>> desksFromJson(const json&);

}  // namespace lpse::api

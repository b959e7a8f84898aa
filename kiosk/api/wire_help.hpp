#pragma once
// The call for help on the wire (issue #14): POST /api/help and friends.
#include <nlohmann/json_fwd.hpp>

#include "kiosk/core/error.hpp"
#include "kiosk/core/help_alert.hpp"

namespace lpse::api {

nlohmann::json toJson(const core::HelpAlert&);
core::Result<core::HelpAlert> helpAlertFromJson(const nlohmann::json&);

}  // namespace lpse::api

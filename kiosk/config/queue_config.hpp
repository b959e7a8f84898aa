#pragma once
// `[queue]`: how priority tickets take their turns (issue #14).
#include <optional>
#include <toml++/toml.h>

#include "kiosk/core/error.hpp"
#include "kiosk/core/priority.hpp"

namespace lpse::config {

// Reads queue.priority_policy ("first" | "one_in_n") and
// queue.priority_every_n (1..100) into `out`; the first wrong key as an
// error naming it, nullopt when all is well (or the section is absent).
std::optional<core::Error> parseQueue(const toml::table& root, core::PriorityPolicy& out);

}  // namespace lpse::config

#pragma once
// `[display.voice]`: one parser and one key table for the section.
#include <optional>
#include <toml++/toml.h>

#include "kiosk/config/config.hpp"

namespace lpse::config {

// Reads the section into `out`; the first wrong key as an error naming it
// (and the line, for a volume span), nullopt when all is well.
std::optional<core::Error> parseDisplayVoice(const toml::table& root, DisplayVoiceConfig& out);

}  // namespace lpse::config

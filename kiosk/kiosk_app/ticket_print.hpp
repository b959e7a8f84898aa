#pragma once
// Turns an issued ticket into the bytes the printer gets.
#include <cstdint>
#include <vector>

#include "kiosk/config/config.hpp"
#include "kiosk/core/case_record.hpp"

namespace lpse::kiosk {

std::vector<std::uint8_t> ticketBytes(const core::IssuedTicket& t, const config::Config& cfg, const std::string& lang,
                                      std::int64_t nowMs);

}  // namespace lpse::kiosk

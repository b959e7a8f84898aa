#pragma once
// Turns an issued ticket into the bytes the printer gets.
#include <cstdint>
#include <string>
#include <vector>

#include "devices/printer/ticket_layout.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/core/case_record.hpp"

namespace lpse::kiosk {

// What the ticket's QR holds, on paper and on the kiosk's screen alike.
std::string ticketQrPayload(const core::CaseRecord& c);

// format: paper, printer-model quirks and logo (apps::ticketFormat, built once).
std::vector<std::uint8_t> ticketBytes(const core::IssuedTicket& t, const config::Config& cfg,
                                      const printer::TicketFormat& format, const std::string& lang, std::int64_t nowMs);

}  // namespace lpse::kiosk

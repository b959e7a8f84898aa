#pragma once
// The ticket's QR payload, version 1 (docs/FORM-QR.md):
//   LPSE-T1:<24 upper-case hex token>:<4 hex check>
// Every character is in the QR alphanumeric set, so the symbol stays small
// (version 2 at level M) on a 58 mm ticket.
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/error.hpp"

namespace lpse::form {

inline constexpr std::string_view kTicketQrHeader = "LPSE-T1";
inline constexpr std::size_t kTicketTokenLength = 24;  // store.cpp newToken(): 12 random bytes as hex

// nullopt when `token` is not 24 hex digits (a programming error upstream:
// the server makes every token).
std::optional<std::string> encodeTicketQr(std::string_view token);

// The token in the server's spelling (lower-case hex, as used by
// GET /api/tickets/<token>), or an Error naming what is wrong.
core::Result<std::string> parseTicketQr(std::string_view payload);

// A ticket printed before the LPSE-T1 format carried the bare token.
bool isLegacyTicketToken(std::string_view payload);

}  // namespace lpse::form

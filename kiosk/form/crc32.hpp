#pragma once
// CRC-32 (IEEE 802.3 / ISO-HDLC, the zlib and PNG one): the integrity check
// of the QR payloads. It catches damage and hand edits, not forgery.
#include <cstdint>
#include <string>
#include <string_view>

namespace lpse::form {

std::uint32_t crc32(std::string_view bytes);

// Upper-case hex, zero-padded to `digits` (the low 4*digits bits).
std::string hexUpper(std::uint32_t value, int digits);

}  // namespace lpse::form

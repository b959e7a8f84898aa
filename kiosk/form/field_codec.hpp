#pragma once
// How a field's text travels inside a QR payload: printable ASCII only, so
// the code survives every decoder, including keyboard-wedge scanners that
// type what they read; ':' separates fields; '%' escapes the rest.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lpse::form {

inline constexpr char kFieldSeparator = ':';

// Space and printable ASCII pass as they are, except ':' and '%'; every
// other byte (UTF-8 of non-ASCII letters, controls) becomes %XX with
// upper-case hex.
std::string escapeField(std::string_view text);

// Why a field cannot be unescaped.
enum class UnescapeError { None, BadEscape, NeedlessEscape, BadCharacter };

// The inverse of escapeField, and strict: '%' must be followed by two
// upper-case hex digits of a byte that needed escaping, and no byte that
// needs escaping may appear as it is, so one text has exactly one spelling
// (a code cannot be re-spelled past the checksum).
std::optional<std::string> unescapeField(std::string_view field, UnescapeError* why = nullptr);

// Splits at every ':' (the escaping guarantees none is inside a field).
std::vector<std::string_view> splitFields(std::string_view payload);

// Only bytes 0x20..0x7E: anything else in a payload is damage.
bool isPrintableAscii(std::string_view s);

}  // namespace lpse::form

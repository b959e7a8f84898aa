#pragma once
// Internal to kiosk/mail: the UTF-8 and single-byte charset helpers that
// mime.cpp's header decoding shares with mime_text.cpp.
#include <cstddef>
#include <string>
#include <string_view>

namespace lpse::mail::detail {

std::string lower(std::string_view s);
// Without leading and trailing spaces, tabs and line ends.
std::string_view trim(std::string_view s);
void appendUtf8(std::string& out, char32_t cp);
// Length of the valid UTF-8 sequence at s[i], or 0.
std::size_t utf8SeqLen(std::string_view s, std::size_t i);
bool validUtf8(std::string_view s);
// Invalid sequences -> U+FFFD (`ok` set false when one was).
std::string repairUtf8(std::string_view s, bool* ok);
// Windows-1252 (or Latin-1) bytes -> UTF-8.
std::string fromCp1252(std::string_view s, bool latin1, bool* ok);

}  // namespace lpse::mail::detail

#pragma once
// The errors the QR parsers return, in one place so the form and the ticket
// say the same thing the same way (Indonesian for the visitor, English for
// the log and the CLI). Internal to lpse_form.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/error.hpp"

namespace lpse::form::detail {

// "Nama" / "Name" for a field name.
std::pair<std::string, std::string> fieldLabel(std::string_view field);

core::Error notLpse();
core::Error inputTooLong();
// nullopt when header == expected; otherwise why not: another version of
// this kind ("version"), the other kind of LPSE code, or not ours at all.
std::optional<core::Error> checkHeader(std::string_view header, char kind, std::string_view expected);
core::Error damaged();
core::Error truncated();
core::Error checksumMismatch();
core::Error blankForm();
core::Error fieldCount(std::size_t n);
core::Error badField(std::string_view field, std::string code);
core::Error badEscape(std::string_view field, bool needless);
core::Error notCanonical(std::string_view field);
core::Error tooLong(std::string_view field, std::size_t size);

}  // namespace lpse::form::detail

#pragma once
// Field validation for the guest book, with a clear per-field message in
// both languages. The same rules run at the kiosk, in the server and in the
// form generator.
#include <string_view>
#include <vector>

#include "kiosk/core/error.hpp"
#include "kiosk/core/visit.hpp"

namespace lpse::core {

// NIP: 18 digits = birth date YYYYMMDD, appointment YYYYMM, sex digit (1/2),
// 3-digit sequence. The structure is checked, not just the length. Spaces
// and dots that people type between groups are accepted.
std::optional<Error> validateNip(std::string_view nip);
std::string normalizeNip(std::string_view nip);

// Indonesian mobile: 08xx or +628xx / 628xx, 10-13 digits in national form.
std::optional<Error> validatePhone(std::string_view phone);
// "+62 812-3456-7890" -> "081234567890"; unchanged when not a phone number.
std::string normalizePhone(std::string_view phone);

std::optional<Error> validateEmail(std::string_view email);

// Person's name: 2-100 characters, Unicode letters, spaces and the
// punctuation of Indonesian names and titles (. , ' -), at least two letters.
std::optional<Error> validateName(std::string_view name, std::string_view field = "name");

// Free text (agency, purpose): valid UTF-8, no control characters, bounded.
std::optional<Error> validateText(std::string_view text, std::string_view field, std::size_t minLen,
                                  std::size_t maxLen);

bool isValidUtf8(std::string_view s);
std::size_t utf8Length(std::string_view s);

// Every problem with a visit, one per field (empty: valid).
std::vector<Error> validateVisit(const Visit& v);

}  // namespace lpse::core

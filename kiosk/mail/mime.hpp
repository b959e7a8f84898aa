#pragma once
// Reading what arrives in a mailbox: header fields (unfolded), RFC 2047
// encoded-words and RFC 2231 parameters decoded to UTF-8, sender addresses
// and dates. Best effort by design: a malformed or oddly encoded message
// yields what can be read plus a list of problem codes, never an exception.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lpse::mail {

struct HeaderField {
  std::string name;   // lower-case
  std::string value;  // raw bytes, unfolded, trimmed
};

// The header block (up to the first empty line, or all of `raw`).
std::vector<HeaderField> parseHeaderBlock(std::string_view raw);
// The first field of that name (lower-case), if any.
std::optional<std::string> headerValue(const std::vector<HeaderField>& fields, std::string_view name);

// Bytes in `charset` -> UTF-8. Unknown charsets and invalid bytes are
// replaced (U+FFFD), `ok` tells whether that was needed.
std::string toUtf8(std::string_view bytes, std::string_view charset, bool* ok = nullptr);
// Raw header text -> UTF-8: encoded-words decoded, the rest taken as UTF-8
// when it is, else as Windows-1252 (what mail clients really send).
std::string decodeHeaderText(std::string_view raw, bool* ok = nullptr);
// RFC 2231 extended value "utf-8'id'Surat%20Tugas.pdf" -> UTF-8.
std::string decodeRfc2231(std::string_view value, bool* ok = nullptr);

std::string base64Decode(std::string_view in);  // lenient: skips what is not base64
std::string base64Encode(std::string_view in);

struct Address {
  std::string name;   // display name, decoded (may be empty)
  std::string email;  // addr-spec as written, lower-cased domain
};
// The first mailbox of an address header ("Budi <budi@x.go.id>", "budi@x.go.id (Budi)").
std::optional<Address> parseAddress(std::string_view value);

// RFC 5322 date ("Fri, 4 Dec 2026 14:05:00 +0700") -> ms since epoch.
std::optional<std::int64_t> parseMailDate(std::string_view value);
// IMAP INTERNALDATE ("04-Dec-2026 14:05:00 +0700") -> ms since epoch.
std::optional<std::int64_t> parseImapDate(std::string_view value);

// Valid UTF-8 cut to at most `maxChars` code points, control characters
// turned into spaces (text that goes into one line of a record).
std::string cleanLine(std::string_view utf8, std::size_t maxChars);

// Hex SHA-256 (the stable key of a message for "never twice").
std::string sha256Hex(std::string_view data);

}  // namespace lpse::mail

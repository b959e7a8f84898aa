#include "kiosk/form/ticket_qr.hpp"

#include "kiosk/form/crc32.hpp"
#include "kiosk/form/field_codec.hpp"
#include "kiosk/form/form_errors.hpp"

namespace lpse::form {
namespace {

// A ticket's QR has Reed-Solomon for damage; the check here is against a
// code typed or made by hand, so 16 bits (the low half of the CRC-32) is
// enough and keeps the symbol at version 2.
constexpr int kCheckDigits = 4;
constexpr std::size_t kMaxLength = 64;

bool isHex(char c, bool upper) {
  if (c >= '0' && c <= '9') return true;
  if (c >= 'A' && c <= 'F') return upper;
  if (c >= 'a' && c <= 'f') return !upper;
  return false;
}

bool allHex(std::string_view s, bool upper) {
  for (char c : s)
    if (!isHex(c, upper)) return false;
  return true;
}

std::string check(std::string_view body) { return hexUpper(crc32(body) & 0xFFFFu, kCheckDigits); }

}  // namespace

std::optional<std::string> encodeTicketQr(std::string_view token) {
  if (token.size() != kTicketTokenLength) return std::nullopt;
  std::string body(kTicketQrHeader);
  body.push_back(kFieldSeparator);
  for (char c : token) {
    if (!isHex(c, true) && !isHex(c, false)) return std::nullopt;
    body.push_back(c >= 'a' && c <= 'f' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  const std::string c = check(body);
  body.push_back(kFieldSeparator);
  return body + c;
}

core::Result<std::string> parseTicketQr(std::string_view payload) {
  using namespace detail;
  if (payload.size() > kMaxLength) return inputTooLong();
  if (auto e = checkHeader(payload.substr(0, payload.find(kFieldSeparator)), 'T', kTicketQrHeader))
    return std::move(*e);
  if (!isPrintableAscii(payload)) return damaged();
  const auto lastSep = payload.rfind(kFieldSeparator);
  if (lastSep == std::string_view::npos) return truncated();
  const std::string_view sum = payload.substr(lastSep + 1);
  if (sum.size() != static_cast<std::size_t>(kCheckDigits) || !allHex(sum, true)) return truncated();
  if (check(payload.substr(0, lastSep)) != sum) return checksumMismatch();
  const auto f = splitFields(payload);
  if (f.size() != 3 || f[1].size() != kTicketTokenLength || !allHex(f[1], true))
    return badField("token", "ticket_qr_token");
  std::string token(f[1]);
  for (char& c : token)
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
  return token;
}

bool isLegacyTicketToken(std::string_view payload) {
  return payload.size() == kTicketTokenLength && allHex(payload, false);
}

}  // namespace lpse::form

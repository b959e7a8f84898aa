// libFuzzer target: whatever the kiosk camera reads (the request form's QR,
// a ticket's QR, anything else). A bad code must be an Error naming a
// field, never a crash; a code that parses must be the one spelling the
// encoder makes of its data (no second spelling slips past the checksum).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kiosk/form/crc32.hpp"
#include "kiosk/form/field_codec.hpp"
#include "kiosk/form/form_qr.hpp"
#include "kiosk/form/scanned_qr.hpp"
#include "kiosk/form/ticket_qr.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

void parseForm(std::string_view text) {
  auto r = lpse::form::parseFormQr(text);
  if (!r) {
    check(!r.error().field.empty() && !r.error().id.empty() && !r.error().en.empty());
    return;
  }
  auto again = lpse::form::encodeFormQr(*r);
  check(again.ok() && *again == text);
}

void parseTicket(std::string_view text) {
  auto r = lpse::form::parseTicketQr(text);
  if (!r) {
    check(!r.error().field.empty());
    return;
  }
  auto again = lpse::form::encodeTicketQr(*r);
  check(again && *again == text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  parseForm(text);
  parseTicket(text);
  (void)lpse::form::classifyQr(text);

  // The input sealed with a correct checksum, so the fuzzer reaches the
  // field checks behind it without having to guess a CRC.
  std::string sealed(text);
  sealed += ':';
  parseForm(sealed + lpse::form::hexUpper(lpse::form::crc32(text), 8));
  parseTicket(sealed + lpse::form::hexUpper(lpse::form::crc32(text) & 0xFFFF, 4));

  if (auto field = lpse::form::unescapeField(text)) check(lpse::form::escapeField(*field) == text);
  return 0;
}

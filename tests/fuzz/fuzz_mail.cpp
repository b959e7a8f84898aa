// libFuzzer target: what a mail server sends the intake. The input is read
// as an IMAP FETCH response (values, literals, BODYSTRUCTURE) and as header
// text (encoded-words, addresses, dates). Whatever the bytes, the intake's
// fields must be valid UTF-8 on one line, the attachment list bounded, and
// the request key usable as a Store idempotency key.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "kiosk/mail/imap_parse.hpp"
#include "kiosk/mail/mime.hpp"

namespace {

bool validOneLine(const std::string& s) {
  // cleanLine is the identity on valid one-line UTF-8.
  if (lpse::mail::cleanLine(s, s.size() + 1) != s) return false;
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lpse::mail;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  if (auto values = parseImapValues(in)) {
    for (const auto& v : *values) {
      const auto a = attachmentsFrom(v, 50);
      if (a.names.size() > 50 || a.count < a.names.size()) __builtin_trap();
      for (const auto& n : a.names)
        if (!validOneLine(n)) __builtin_trap();
      if (v.isList()) {
        const auto m = summarizeFetch(v.items);
        if (!validOneLine(m.subject) || !validOneLine(m.fromName) || m.attachments.size() > 50) __builtin_trap();
        if (m.key.size() != 69 || m.key.rfind("mail-", 0) != 0) __builtin_trap();
      }
    }
  }
  (void)decodeHeaderText(in);
  if (auto a = parseAddress(in)) {
    if (!validOneLine(a->name) || a->email.find('@') == std::string::npos) __builtin_trap();
  }
  (void)parseMailDate(in);
  (void)parseImapDate(in);
  (void)decodeRfc2231(in);
  return 0;
}

#include "kiosk/form/field_codec.hpp"

namespace lpse::form {
namespace {

bool needsEscape(unsigned char b) { return b < 0x20 || b > 0x7E || b == ':' || b == '%'; }

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;  // lower case too: the canonical spelling is upper case
}

}  // namespace

std::string escapeField(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (!needsEscape(b)) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0xF]);
    }
  }
  return out;
}

std::optional<std::string> unescapeField(std::string_view field, UnescapeError* why) {
  auto fail = [&](UnescapeError e) -> std::optional<std::string> {
    if (why) *why = e;
    return std::nullopt;
  };
  std::string out;
  out.reserve(field.size());
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '%') {
      // Only what escapeField leaves as it is: a ':' or a control here
      // means the field was cut from its payload wrongly or damaged.
      if (needsEscape(static_cast<unsigned char>(field[i]))) return fail(UnescapeError::BadCharacter);
      out.push_back(field[i]);
      continue;
    }
    if (i + 2 >= field.size()) return fail(UnescapeError::BadEscape);  // cut short
    const int hi = hexValue(field[i + 1]), lo = hexValue(field[i + 2]);
    if (hi < 0 || lo < 0) return fail(UnescapeError::BadEscape);
    const auto b = static_cast<unsigned char>(hi * 16 + lo);
    if (!needsEscape(b)) return fail(UnescapeError::NeedlessEscape);
    out.push_back(static_cast<char>(b));
    i += 2;
  }
  if (why) *why = UnescapeError::None;
  return out;
}

std::vector<std::string_view> splitFields(std::string_view payload) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const auto pos = payload.find(kFieldSeparator, start);
    if (pos == std::string_view::npos) {
      out.push_back(payload.substr(start));
      return out;
    }
    out.push_back(payload.substr(start, pos - start));
    start = pos + 1;
  }
}

bool isPrintableAscii(std::string_view s) {
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b > 0x7E) return false;
  }
  return true;
}

}  // namespace lpse::form

#include "devices/printer/cp1252.hpp"

#include <array>
#include <optional>

namespace lpse::printer {
namespace {

// CP1252 0x80-0x9F; 0 marks the undefined slots.
constexpr std::array<char16_t, 32> kHigh = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  //
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       //
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  //
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Base letters for U+0100..U+017F (Latin Extended-A). '?' marks the two
// ligatures handled separately; entries that CP1252 has are never looked up.
constexpr std::string_view kLatinExtA =
    "AaAaAaCcCcCcCcDd"
    "DdEeEeEeEeEeGgGg"
    "GgGgHhHhIiIiIiIi"
    "Ii??JjKkkLlLlLlL"
    "lLlNnNnNnnNnOoOo"
    "OoOoRrRrRrSsSsSs"
    "SsTtTtTtUuUuUuUu"
    "UuUuWwYyYZzZzZzs";

// U+1EA0..U+1EF9: the Vietnamese letters with stacked accents.
constexpr std::string_view kVietnamese =
    "AaAaAaAaAaAaAaAa"
    "AaAaAaAaEeEeEeEe"
    "EeEeEeEeIiIiOoOo"
    "OoOoOoOoOoOoOoOo"
    "OoOoUuUuUuUuUuUu"
    "UuYyYyYyYy";

std::optional<std::uint8_t> cp1252Byte(char32_t cp) {
  if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<std::uint8_t>(cp);
  for (std::size_t i = 0; i < kHigh.size(); ++i)
    if (kHigh[i] != 0 && kHigh[i] == cp) return static_cast<std::uint8_t>(0x80 + i);
  return std::nullopt;
}

// ASCII stand-ins that win over CP1252's own codes (see the header: clones).
std::optional<std::string_view> asciiPunctuation(char32_t cp) {
  switch (cp) {
    case 0x00A0: case 0x2002: case 0x2003: case 0x2004: case 0x2005: case 0x2006:
    case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x202F: case 0x205F:
    case 0x3000: return " ";
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
      return "";
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: return "'";
    case 0x201A: return ",";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: return "-";
    case 0x2026: return "...";
    case 0x2022: case 0x2023: case 0x2043: case 0x00B7: return "*";
    case 0x2039: return "<";
    case 0x203A: return ">";
    case 0x02C6: return "^";
    case 0x02DC: return "~";
    default: return std::nullopt;
  }
}

std::optional<std::string_view> baseLetter(char32_t cp) {
  if (cp == 0x0132) return "IJ";
  if (cp == 0x0133) return "ij";
  if (cp >= 0x0100 && cp <= 0x017F) return kLatinExtA.substr(cp - 0x0100, 1);
  if (cp >= 0x1EA0 && cp < 0x1EA0 + kVietnamese.size()) return kVietnamese.substr(cp - 0x1EA0, 1);
  switch (cp) {
    case 0x0218: return "S";  // Romanian comma-below forms
    case 0x0219: return "s";
    case 0x021A: return "T";
    case 0x021B: return "t";
    case 0x01A0: return "O";
    case 0x01A1: return "o";
    case 0x01AF: return "U";
    case 0x01B0: return "u";
    case 0x01CD: return "A";
    case 0x01CE: return "a";
    default: return std::nullopt;
  }
}

// Marks that only change how the character before them looks: combining
// accents, variation selectors (the U+FE0F after "☎" asks for the emoji
// form) and emoji skin tones. Dropped, so "☎️" is one '?', not two.
bool isCombiningMark(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
         (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

// Full-width Latin (U+FF01..U+FF5E), which Chinese and Japanese keyboards
// type: the same ASCII character.
std::optional<char> fullWidthAscii(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return static_cast<char>(0x21 + (cp - 0xFF01));
  return std::nullopt;
}

// CP1252 bytes 0x80-0xFF as plain ASCII, for printers told to use only that.
constexpr std::array<std::string_view, 128> kAsciiOfHigh = {
    "EUR", "?", ",", "f", "\"", "...", "+", "+", "^", "%o", "S", "<", "OE", "?", "Z", "?",            // 80
    "?", "'", "'", "\"", "\"", "*", "-", "-", "~", "TM", "s", ">", "oe", "?", "z", "Y",              // 90
    " ", "!", "c", "GBP", "?", "JPY", "|", "S", "\"", "(c)", "a", "<<", "-", "", "(R)", "-",         // A0
    "o", "+/-", "2", "3", "'", "u", "P", "*", ",", "1", "o", ">>", "1/4", "1/2", "3/4", "?",          // B0
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",                  // C0
    "D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "Th", "ss",                 // D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",                  // E0
    "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y"};                 // F0

// Decodes one UTF-8 sequence at s[i]; returns nullopt (and advances by one
// byte) for anything malformed, overlong, surrogate or beyond U+10FFFF.
std::optional<char32_t> nextCodePoint(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
  else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
  else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
  else { ++i; return std::nullopt; }
  if (i + len > s.size()) { ++i; return std::nullopt; }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) { ++i; return std::nullopt; }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++i; return std::nullopt; }
  i += len;
  return cp;
}

}  // namespace

std::string foldToCp1252(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const auto cp = nextCodePoint(utf8, i);
    if (!cp) { out += '?'; continue; }
    const char32_t c = *cp;
    if (c == '\n') { out += '\n'; continue; }
    if (c == '\t') { out += ' '; continue; }
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) { out += '?'; continue; }
    if (auto p = asciiPunctuation(c)) { out += *p; continue; }
    if (auto a = fullWidthAscii(c)) { out += *a; continue; }
    if (c == 0x2116) { out += "No."; continue; }  // numero sign: "No. 12"
    if (auto b = cp1252Byte(c)) { out += static_cast<char>(*b); continue; }
    if (isCombiningMark(c)) continue;
    if (auto l = baseLetter(c)) { out += *l; continue; }
    out += '?';
  }
  return out;
}

std::string foldToAscii(std::string_view utf8) {
  const std::string cp = foldToCp1252(utf8);
  std::string out;
  out.reserve(cp.size());
  for (char ch : cp) {
    const auto b = static_cast<std::uint8_t>(ch);
    if (b < 0x80) out += ch;
    else out += kAsciiOfHigh[b - 0x80];
  }
  return out;
}

char32_t cp1252ToUnicode(std::uint8_t byte) {
  if (byte < 0x20 || byte == 0x7F) return 0xFFFD;
  if (byte < 0x80 || byte >= 0xA0) return byte;
  const char16_t c = kHigh[byte - 0x80];
  return c == 0 ? char32_t{0xFFFD} : char32_t{c};
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string cp1252ToUtf8(std::string_view cp1252) {
  std::string out;
  out.reserve(cp1252.size());
  for (char ch : cp1252) {
    const auto b = static_cast<std::uint8_t>(ch);
    if (b == '\n' || b == '\t') out += ch;
    else appendUtf8(out, cp1252ToUnicode(b));
  }
  return out;
}

}  // namespace lpse::printer

#include "kiosk/mail/mime.hpp"

#include <iconv.h>
#include <openssl/evp.h>

#include <cctype>
#include <cerrno>

#include "kiosk/mail/mime_text.hpp"

// Bytes to text: UTF-8 checks and repair, Windows-1252/Latin-1 tables,
// iconv for every other charset, base64, one-line cleaning, SHA-256.
namespace lpse::mail {

namespace detail {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

void appendUtf8(std::string& out, char32_t cp) {
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

constexpr char32_t kReplacement = 0xFFFD;

// Length of the valid UTF-8 sequence at s[i], or 0.
std::size_t utf8SeqLen(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return cont(1) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if ((b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 > 0x9F)) return 0;  // overlong, surrogates
    return 3;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if ((b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 > 0x8F)) return 0;
    return 4;
  }
  return 0;
}

bool validUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto n = utf8SeqLen(s, i);
    if (!n) return false;
    i += n;
  }
  return true;
}

// Invalid sequences -> U+FFFD.
std::string repairUtf8(std::string_view s, bool* ok) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto n = utf8SeqLen(s, i);
    if (n) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      appendUtf8(out, kReplacement);
      if (ok) *ok = false;
      ++i;
    }
  }
  return out;
}

// Windows-1252's 0x80-0x9F (0: undefined); the rest is Latin-1.
constexpr char16_t kCp1252High[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                      0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

std::string fromCp1252(std::string_view s, bool latin1, bool* ok) {
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  for (unsigned char c : s) {
    if (c >= 0x80 && c < 0xA0 && !latin1) {
      const char16_t cp = kCp1252High[c - 0x80];
      if (!cp && ok) *ok = false;
      appendUtf8(out, cp ? cp : kReplacement);
    } else {
      appendUtf8(out, c);
    }
  }
  return out;
}

std::string viaIconv(std::string_view s, const std::string& charset, bool* ok) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    if (ok) *ok = false;
    return validUtf8(s) ? std::string(s) : fromCp1252(s, false, nullptr);
  }
  std::string out;
  std::string in(s);
  char* ip = in.data();
  std::size_t il = in.size();
  char buf[1024];
  while (il > 0) {
    char* op = buf;
    std::size_t ol = sizeof buf;
    const std::size_t r = iconv(cd, &ip, &il, &op, &ol);
    out.append(buf, static_cast<std::size_t>(op - buf));
    if (r == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) continue;
      // EILSEQ / EINVAL: skip one byte, mark it, go on.
      appendUtf8(out, kReplacement);
      if (ok) *ok = false;
      ++ip;
      --il;
    }
  }
  iconv_close(cd);
  return repairUtf8(out, ok);
}

}  // namespace detail

using namespace detail;

std::string toUtf8(std::string_view bytes, std::string_view charsetIn, bool* ok) {
  std::string cs = lower(trim(charsetIn));
  if (cs.size() >= 2 && cs.front() == '"' && cs.back() == '"') cs = cs.substr(1, cs.size() - 2);
  if (cs.empty() || cs == "utf-8" || cs == "utf8" || cs == "us-ascii" || cs == "ascii") {
    // Mislabelled text is common: "us-ascii" with 8-bit bytes, or "utf-8"
    // that is really Windows-1252.
    if (validUtf8(bytes)) return std::string(bytes);
    if (ok) *ok = false;
    return cs.find("utf") != std::string::npos ? repairUtf8(bytes, nullptr) : fromCp1252(bytes, false, nullptr);
  }
  if (cs == "iso-8859-1" || cs == "latin1" || cs == "iso8859-1" || cs == "l1") return fromCp1252(bytes, true, ok);
  if (cs == "windows-1252" || cs == "cp1252") return fromCp1252(bytes, false, ok);
  return viaIconv(bytes, cs, ok);
}

std::string base64Decode(std::string_view in) {
  std::string out;
  unsigned buf = 0;
  int bits = 0;
  for (char c : in) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+' || c == '-') v = 62;
    else if (c == '/' || c == '_') v = 63;
    else if (c == '=') break;
    else continue;
    buf = (buf << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buf >> bits) & 0xFF);
    }
  }
  return out;
}

std::string base64Encode(std::string_view in) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (i < in.size()) {
    unsigned n = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) n |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string cleanLine(std::string_view utf8, std::size_t maxChars) {
  const std::string valid = repairUtf8(utf8, nullptr);
  std::string out;
  std::size_t chars = 0;
  bool space = false;
  for (std::size_t i = 0; i < valid.size() && chars < maxChars;) {
    const auto n = utf8SeqLen(valid, i);
    const auto b = static_cast<unsigned char>(valid[i]);
    const bool ctl = n == 1 && (b < 0x20 || b == 0x7F);
    // C1 controls (U+0080-U+009F) too.
    const bool c1 = n == 2 && b == 0xC2 && static_cast<unsigned char>(valid[i + 1]) < 0xA0;
    if (ctl || c1 || b == ' ') {
      if (!space && !out.empty()) {
        out += ' ';
        ++chars;
      }
      space = true;
    } else {
      out.append(valid, i, n);
      ++chars;
      space = false;
    }
    i += n;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string sha256Hex(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out += kHex[md[i] >> 4];
    out += kHex[md[i] & 15];
  }
  return out;
}

}  // namespace lpse::mail

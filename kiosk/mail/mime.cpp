#include "kiosk/mail/mime.hpp"

#include <iconv.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>

namespace lpse::mail {

namespace {

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

int hexVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Q encoding (RFC 2047 4.2): '_' is a space, =XX a byte.
std::string decodeQ(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      out += ' ';
    } else if (s[i] == '=' && i + 2 < s.size() && hexVal(s[i + 1]) >= 0 &&
               hexVal(s[i + 2]) >= 0) {
      out += static_cast<char>(hexVal(s[i + 1]) * 16 + hexVal(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// One encoded-word at s[i] ("=?cs?X?text?="): its decoded UTF-8 and length.
std::optional<std::pair<std::string, std::size_t>> encodedWordAt(std::string_view s, std::size_t i, bool* ok) {
  if (s.compare(i, 2, "=?") != 0) return std::nullopt;
  const auto q1 = s.find('?', i + 2);
  if (q1 == std::string_view::npos || q1 + 2 >= s.size() || s[q1 + 2] != '?') return std::nullopt;
  const auto end = s.find("?=", q1 + 3);
  if (end == std::string_view::npos) return std::nullopt;
  std::string charset = lower(s.substr(i + 2, q1 - i - 2));
  if (auto star = charset.find('*'); star != std::string::npos) charset.resize(star);  // RFC 2231 language
  const char enc = static_cast<char>(std::toupper(static_cast<unsigned char>(s[q1 + 1])));
  const std::string_view text = s.substr(q1 + 3, end - q1 - 3);
  if (text.find(' ') != std::string_view::npos || charset.empty()) return std::nullopt;
  std::string bytes;
  if (enc == 'B')
    bytes = base64Decode(text);
  else if (enc == 'Q')
    bytes = decodeQ(text);
  else
    return std::nullopt;
  return std::make_pair(toUtf8(bytes, charset, ok), end + 2 - i);
}

constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

int monthFrom(std::string_view m) {
  const std::string l = lower(m.substr(0, 3));
  for (int i = 0; i < 12; ++i)
    if (l == kMonths[i]) return i + 1;
  return 0;
}

std::int64_t civilToMs(int y, int mo, int d, int h, int mi, int s, int offsetMinutes) {
  using namespace std::chrono;
  const sys_days day{year{y} / month{static_cast<unsigned>(mo)} / std::chrono::day{static_cast<unsigned>(d)}};
  return duration_cast<milliseconds>(day.time_since_epoch() + hours{h} + minutes{mi} + seconds{s}).count() -
         std::int64_t{offsetMinutes} * 60'000;
}

bool validCivil(int y, int mo, int d, int h, int mi, int s) {
  using namespace std::chrono;
  if (y < 1970 || y > 9999 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60) return false;
  return year_month_day{year{y}, month{static_cast<unsigned>(mo)}, std::chrono::day{static_cast<unsigned>(d)}}.ok();
}

std::optional<int> zoneOffset(std::string_view z) {
  if (z.size() == 5 && (z[0] == '+' || z[0] == '-')) {
    for (int i = 1; i < 5; ++i)
      if (!std::isdigit(static_cast<unsigned char>(z[i]))) return std::nullopt;
    const int v = ((z[1] - '0') * 10 + (z[2] - '0')) * 60 + (z[3] - '0') * 10 + (z[4] - '0');
    return z[0] == '-' ? -v : v;
  }
  const std::string l = lower(z);
  if (l == "ut" || l == "gmt" || l == "z" || l.empty()) return 0;
  if (l == "est") return -5 * 60;
  if (l == "edt") return -4 * 60;
  if (l == "cst") return -6 * 60;
  if (l == "cdt") return -5 * 60;
  if (l == "mst") return -7 * 60;
  if (l == "mdt") return -6 * 60;
  if (l == "pst") return -8 * 60;
  if (l == "pdt") return -7 * 60;
  if (l == "wib") return 7 * 60;
  if (l == "wita") return 8 * 60;
  if (l == "wit") return 9 * 60;
  return std::nullopt;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == ',')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != ',') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::optional<std::array<int, 3>> parseHms(std::string_view t) {
  int v[3] = {0, 0, 0};
  int k = 0;
  std::size_t i = 0;
  while (i < t.size() && k < 3) {
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return std::nullopt;
    int n = 0, digits = 0;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) && digits < 3) {
      n = n * 10 + (t[i] - '0');
      ++i;
      ++digits;
    }
    v[k++] = n;
    if (i < t.size()) {
      if (t[i] != ':') return std::nullopt;
      ++i;
    }
  }
  if (k < 2 || i != t.size()) return std::nullopt;
  return std::array<int, 3>{v[0], v[1], v[2]};
}

bool allDigits(std::string_view s) {
  return !s.empty() && s.size() <= 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

std::vector<HeaderField> parseHeaderBlock(std::string_view raw) {
  std::vector<HeaderField> out;
  std::size_t i = 0;
  while (i < raw.size()) {
    std::size_t eol = raw.find('\n', i);
    if (eol == std::string_view::npos) eol = raw.size();
    std::string_view line = raw.substr(i, eol - i);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    i = eol + 1;
    if (line.empty()) break;  // end of the header block
    if ((line.front() == ' ' || line.front() == '\t')) {
      if (!out.empty()) {
        // Unfolding: the line break goes, the white space stays (one space).
        out.back().value += ' ';
        out.back().value += trim(line);
      }
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;  // not a field: skipped
    std::string_view name = trim(line.substr(0, colon));
    if (name.find(' ') != std::string_view::npos) continue;
    out.push_back({lower(name), std::string(trim(line.substr(colon + 1)))});
  }
  for (auto& f : out) f.value = std::string(trim(f.value));
  return out;
}

std::optional<std::string> headerValue(const std::vector<HeaderField>& fields, std::string_view name) {
  for (const auto& f : fields)
    if (f.name == name) return f.value;
  return std::nullopt;
}

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

std::string decodeHeaderText(std::string_view raw, bool* ok) {
  std::string out, ws;
  bool prevEncoded = false;
  for (std::size_t i = 0; i < raw.size();) {
    const char c = raw[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ws += ' ';
      ++i;
      continue;
    }
    if (c == '=' && i + 1 < raw.size() && raw[i + 1] == '?') {
      if (auto w = encodedWordAt(raw, i, ok)) {
        // White space between two encoded-words is dropped (RFC 2047 6.2).
        if (!prevEncoded) out += ws;
        ws.clear();
        out += w->first;
        i += w->second;
        prevEncoded = true;
        continue;
      }
    }
    std::size_t j = i;
    while (j < raw.size() && raw[j] != ' ' && raw[j] != '\t' && raw[j] != '\r' && raw[j] != '\n') ++j;
    const std::string_view plain = raw.substr(i, j - i);
    out += ws;
    ws.clear();
    if (validUtf8(plain)) {
      out += plain;
    } else {
      // Raw 8-bit headers: what mail clients send is mostly Windows-1252.
      if (ok) *ok = false;
      out += fromCp1252(plain, false, nullptr);
    }
    prevEncoded = false;
    i = j;
  }
  return out;
}

std::string decodeRfc2231(std::string_view value, bool* ok) {
  std::string charset;
  std::string_view rest = value;
  const auto q1 = value.find('\'');
  if (q1 != std::string_view::npos) {
    const auto q2 = value.find('\'', q1 + 1);
    if (q2 != std::string_view::npos) {
      charset = std::string(value.substr(0, q1));
      rest = value.substr(q2 + 1);
    }
  }
  std::string bytes;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hexVal(rest[i + 1]) >= 0 &&
        hexVal(rest[i + 2]) >= 0) {
      bytes += static_cast<char>(hexVal(rest[i + 1]) * 16 + hexVal(rest[i + 2]));
      i += 2;
    } else {
      bytes += rest[i];
    }
  }
  return toUtf8(bytes, charset.empty() ? "utf-8" : charset, ok);
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

std::optional<Address> parseAddress(std::string_view value) {
  // Comments "(...)" may hold the name in the old style; quoted strings may
  // hold '<', ',' or '@'. Walk it once, keeping the first mailbox.
  std::string display, comment, angle, bare;
  bool inQuote = false, inAngle = false, sawAngle = false;
  int depth = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (depth > 0) {
      if (c == '\\' && i + 1 < value.size()) {
        comment += value[++i];
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        --depth;
      } else {
        comment += c;
      }
      continue;
    }
    if (inQuote) {
      if (c == '\\' && i + 1 < value.size()) display += value[++i];
      else if (c == '"') inQuote = false;
      else display += c;
      continue;
    }
    if (inAngle) {
      if (c == '>') inAngle = false;
      else angle += c;
      continue;
    }
    if (c == '"') {
      inQuote = true;
    } else if (c == '(') {
      depth = 1;
    } else if (c == '<') {
      inAngle = true;
      sawAngle = true;
    } else if (c == ',' ) {
      if (sawAngle || bare.find('@') != std::string::npos) break;  // one mailbox is enough
      display.clear();
      bare.clear();
    } else if (c == ':' && !sawAngle) {
      display.clear();  // a group name "Helpdesk: a@b, c@d;"
      bare.clear();
    } else {
      display += c;
      bare += c;
    }
  }
  std::string email = std::string(trim(sawAngle ? angle : bare));
  if (!sawAngle) {
    // "budi@x.go.id (Budi)": the bare words are the address.
    display = comment;
  } else if (trim(display).empty()) {
    display = comment;
  }
  // Source routes "<@relay:budi@x>" and stray spaces.
  if (auto colon = email.rfind(':'); colon != std::string::npos && email.front() == '@') email = email.substr(colon + 1);
  email.erase(std::remove_if(email.begin(), email.end(), [](char c) { return c == ' ' || c == '\t' || c == ';'; }),
              email.end());
  const auto at = email.rfind('@');
  if (email.empty() || at == std::string::npos || at == 0 || at + 1 == email.size()) return std::nullopt;
  for (std::size_t i = at + 1; i < email.size(); ++i)
    email[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(email[i])));
  Address a;
  a.email = email;
  a.name = cleanLine(decodeHeaderText(trim(display)), 200);
  if (a.name.size() >= 2 && a.name.front() == '\'' && a.name.back() == '\'') a.name = a.name.substr(1, a.name.size() - 2);
  if (a.name == a.email) a.name.clear();
  return a;
}

std::optional<std::int64_t> parseMailDate(std::string_view value) {
  std::string v(value);
  // Drop comments such as "(WIB)".
  for (auto open = v.find('('); open != std::string::npos; open = v.find('(')) {
    const auto close = v.find(')', open);
    v.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
  }
  auto w = words(v);
  if (!w.empty() && !allDigits(w[0])) w.erase(w.begin());  // day name
  if (w.size() < 4) return std::nullopt;
  if (!allDigits(w[0]) || !allDigits(w[2])) return std::nullopt;
  const int d = std::stoi(std::string(w[0]));
  const int mo = monthFrom(w[1]);
  int y = std::stoi(std::string(w[2]));
  if (w[2].size() <= 2) y += y < 50 ? 2000 : 1900;
  else if (w[2].size() == 3) y += 1900;
  auto hms = parseHms(w[3]);
  if (!mo || !hms) return std::nullopt;
  std::optional<int> off = w.size() >= 5 ? zoneOffset(w[4]) : std::optional<int>(0);
  if (!off) off = 0;  // unknown zone names are UTC (RFC 5322 4.3: "-0000")
  if (!validCivil(y, mo, d, (*hms)[0], (*hms)[1], (*hms)[2])) return std::nullopt;
  return civilToMs(y, mo, d, (*hms)[0], (*hms)[1], std::min((*hms)[2], 59), *off);
}

std::optional<std::int64_t> parseImapDate(std::string_view value) {
  // "dd-Mon-yyyy hh:mm:ss +zzzz" (day may be space-padded).
  std::string v(trim(value));
  const auto d1 = v.find('-'), d2 = v.find('-', d1 == std::string::npos ? 0 : d1 + 1);
  if (d1 == std::string::npos || d2 == std::string::npos) return std::nullopt;
  std::string rest = v.substr(0, d1) + " " + v.substr(d1 + 1, d2 - d1 - 1) + " " + v.substr(d2 + 1);
  return parseMailDate(rest);
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

#include "kiosk/mail/mime.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>

#include "kiosk/mail/mime_text.hpp"

// Header fields, RFC 2047 encoded-words, RFC 2231 values, addresses, dates.
namespace lpse::mail {

using namespace detail;

namespace {

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

}  // namespace lpse::mail

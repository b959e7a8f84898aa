#include "kiosk/core/ticket_number.hpp"

#include <cstdint>

namespace lpse::core {
namespace {

constexpr std::string_view kDigits[] = {"nol", "satu", "dua",   "tiga",    "empat",
                                        "lima", "enam", "tujuh", "delapan", "sembilan"};

void append(std::string& out, std::string_view word) {
  if (!out.empty()) out.push_back(' ');
  out += word;
}

// 1..999, nothing for 0.
void wordsBelowThousand(std::string& out, unsigned n) {
  const unsigned h = n / 100, rest = n % 100;
  if (h == 1) append(out, "seratus");
  else if (h > 1) append(out, std::string(kDigits[h]) + " ratus");
  if (rest == 0) return;
  if (rest < 10) append(out, kDigits[rest]);
  else if (rest == 10) append(out, "sepuluh");
  else if (rest == 11) append(out, "sebelas");
  else if (rest < 20) append(out, std::string(kDigits[rest % 10]) + " belas");
  else {
    append(out, std::string(kDigits[rest / 10]) + " puluh");
    if (rest % 10) append(out, kDigits[rest % 10]);
  }
}

// A prefix is spelled letter by letter ("RU" -> "R U"), so a voice reads
// letters, not a word.
std::string spelledPrefix(std::string_view prefix) {
  std::string out;
  for (char c : prefix) append(out, std::string(1, c));
  return out;
}

}  // namespace

std::string TicketNumber::text() const {
  std::string digits = std::to_string(seq);
  if (seq >= 0 && digits.size() < 3) digits.insert(0, 3 - digits.size(), '0');
  return prefix + "-" + digits;
}

// Strict on purpose: what the printer prints and the display shows, in
// canonical case. 1-3 uppercase ASCII letters, a dash, 1-6 digits, seq >= 1.
// Leading zeros are optional ("R-1" and "R-001" are the same ticket).
std::optional<TicketNumber> TicketNumber::parse(std::string_view s) {
  const auto dash = s.find('-');
  if (dash == std::string_view::npos || dash < 1 || dash > 3) return std::nullopt;
  const std::string_view prefix = s.substr(0, dash), digits = s.substr(dash + 1);
  for (char c : prefix)
    if (c < 'A' || c > 'Z') return std::nullopt;
  if (digits.empty() || digits.size() > 6) return std::nullopt;
  int seq = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    seq = seq * 10 + (c - '0');
  }
  if (seq < 1) return std::nullopt;
  return TicketNumber{std::string(prefix), seq};
}

std::string spokenIndonesian(const TicketNumber& n, SpeakStyle style) {
  std::string out = spelledPrefix(n.prefix);
  if (style == SpeakStyle::AsNumber) {
    append(out, numberToIndonesianWords(n.seq));
    return out;
  }
  const std::string t = n.text();
  for (char c : t.substr(t.find('-') + 1)) {
    if (c >= '0' && c <= '9') append(out, kDigits[c - '0']);
    else if (c == '-') append(out, "minus");
  }
  return out;
}

// Indonesian cardinal numbers: "se-" replaces "satu" before puluh/belas/
// ratus/ribu (sepuluh, sebelas, seratus, seribu) but not before juta and up
// ("satu juta"). Covers the whole range of long.
std::string numberToIndonesianWords(long n) {
  if (n == 0) return "nol";
  std::string out;
  // Unsigned, so that the most negative long has a magnitude too.
  std::uint64_t v = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
  if (n < 0) out = "minus";
  static constexpr std::string_view kScales[] = {"", "ribu", "juta", "miliar", "triliun", "kuadriliun",
                                                 "kuintiliun"};
  unsigned groups[7] = {};
  int top = 0;
  for (int i = 0; v > 0; ++i, v /= 1000) {
    groups[i] = static_cast<unsigned>(v % 1000);
    top = i;
  }
  for (int i = top; i >= 0; --i) {
    const unsigned g = groups[i];
    if (g == 0) continue;
    if (i == 1 && g == 1) {
      append(out, "seribu");
      continue;
    }
    wordsBelowThousand(out, g);
    if (i > 0) append(out, kScales[i]);
  }
  return out;
}

}  // namespace lpse::core

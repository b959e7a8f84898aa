#pragma once
// Queue numbers as printed and called: prefix, dash, three digits or more
// ("R-001", "U-1024"). Numbering restarts daily per prefix (store/).
#include <optional>
#include <string>
#include <string_view>

namespace lpse::core {

struct TicketNumber {
  std::string prefix;
  int seq = 0;
  std::string text() const;  // "R-001"
  static std::optional<TicketNumber> parse(std::string_view s);
  auto operator<=>(const TicketNumber&) const = default;
};

// How a number is spoken: "R nol nol satu" or "R satu" (Indonesian).
enum class SpeakStyle { DigitByDigit, AsNumber };
std::string spokenIndonesian(const TicketNumber& n, SpeakStyle style);
std::string numberToIndonesianWords(long n);

}  // namespace lpse::core

#pragma once
// A QR symbol's modules from ZXing's writer, so the form can draw it with
// cairo (and a test can measure its version) without seeing ZXing.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace lpse::form {

struct QrSymbol {
  int size = 0;  // modules per side, no quiet zone
  std::vector<std::uint8_t> dark;
  int version() const { return (size - 17) / 4; }
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y) * size + x] != 0; }
};

// Error correction level M (15 %): a printed page gets creased and
// smudged; the kiosk camera is close. nullopt when it does not fit.
std::optional<QrSymbol> makeQrSymbol(std::string_view payload);

}  // namespace lpse::form

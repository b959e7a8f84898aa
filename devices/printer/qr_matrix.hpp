#pragma once
// The QR symbol a printer draws for GS ( k: used by the renderer to draw it
// and by the ticket layout to pick a module size that fits the paper.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "devices/printer/escpos.hpp"

namespace lpse::printer {

struct QrMatrix {
  int size = 0;                       // modules per side, no quiet zone
  std::vector<std::uint8_t> modules;  // size*size, 1 = dark
  bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y) * size + x] != 0; }
};

// Model 2 at the given level; nullopt when the payload is empty or too long.
// Bytes that are not valid UTF-8 are taken as Latin-1, as a printer would.
std::optional<QrMatrix> encodeQrMatrix(std::string_view payload, QrEcc ecc);

}  // namespace lpse::printer

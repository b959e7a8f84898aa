#pragma once
// Draws ESC/POS bytes the way a thermal printer prints them: the virtual
// printer's engine and the tests' way to see a ticket.
//
// Interprets init, code page (bytes are always read as CP1252), align, bold,
// ESC ! and GS ! sizes, LF, HT, ESC d / ESC J feeds, line spacing, QR
// (GS ( k, model 2, drawn with the stored module size and level), GS v 0
// raster images and cuts. Like a printer, a line is only printed by LF or a
// command that flushes it; text still buffered at the end is not printed.
// Everything else is skipped; any byte string is safe input.
#include <cstdint>
#include <vector>

#include "devices/printer/bitmap.hpp"

namespace lpse::printer {

// Longest page drawn, in dots (~4 m at 203 dpi); paper beyond is dropped so
// hostile input cannot exhaust memory. Also the total over all pages.
inline constexpr int kMaxRenderedDots = 32000;

// Every page, one per cut (a trailing uncut page too). Pages are `dots` wide;
// pixels are 0 (paper) or 255 (ink). Empty when dots < 1 or nothing printed.
std::vector<Bitmap> renderEscPosPages(const std::vector<std::uint8_t>& bytes, int dots);

// The first page; a `dots`-wide, 0-high Bitmap when nothing was printed.
Bitmap renderEscPos(const std::vector<std::uint8_t>& bytes, int dots);

}  // namespace lpse::printer

#pragma once
// Draws the printer's Font A (12x24 dots per character at size 1) with Noto
// Sans, one character per cell, as a thermal head would: ink or no ink.
#include "devices/printer/bitmap.hpp"

namespace lpse::printer {

inline constexpr int kFontACellWidth = 12;
inline constexpr int kFontACellHeight = 24;

// Inks the character into page at the cell (x, y, w, h); clipped to the page.
// Missing glyphs print as '?'; without the font files every visible
// character prints as a box, so layout stays checkable.
void drawCharCell(Bitmap& page, char32_t codePoint, bool bold, int x, int y, int w, int h);

// True when both Noto Sans files loaded.
bool fontsAvailable();

}  // namespace lpse::printer

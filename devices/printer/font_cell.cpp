#include "devices/printer/font_cell.hpp"

#include <stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace lpse::printer {
namespace {

constexpr const char* kRegularPath = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
constexpr const char* kBoldPath = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";

struct Font {
  std::vector<unsigned char> data;
  stbtt_fontinfo info{};
  bool ok = false;

  explicit Font(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return;
    data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (data.empty()) return;
    const int offset = stbtt_GetFontOffsetForIndex(data.data(), 0);
    ok = offset >= 0 && stbtt_InitFont(&info, data.data(), offset) != 0;
  }
};

// Loaded once, read-only afterwards, so any thread may draw.
const Font& font(bool bold) {
  static const Font regular(kRegularPath);
  static const Font boldFont(kBoldPath);
  if (bold && boldFont.ok) return boldFont;
  return regular;
}

void ink(Bitmap& page, int x, int y) {
  if (x >= 0 && y >= 0 && x < page.width && y < page.height) page.at(x, y) = 255;
}

void drawBox(Bitmap& page, int x, int y, int w, int h) {
  const int x0 = x + w / 6, x1 = x + w - w / 6 - 1, y0 = y + h / 4, y1 = y + h - h / 6 - 1;
  for (int i = x0; i <= x1; ++i) { ink(page, i, y0); ink(page, i, y1); }
  for (int j = y0; j <= y1; ++j) { ink(page, x0, j); ink(page, x1, j); }
}

}  // namespace

bool fontsAvailable() { return font(false).ok && font(true).ok; }

void drawCharCell(Bitmap& page, char32_t cp, bool bold, int x, int y, int w, int h) {
  if (cp == U' ' || cp == 0xA0 || w <= 0 || h <= 0) return;
  const Font& f = font(bold);
  if (!f.ok) {
    drawBox(page, x, y, w, h);
    return;
  }
  int glyph = stbtt_FindGlyphIndex(&f.info, static_cast<int>(cp));
  if (glyph == 0) glyph = stbtt_FindGlyphIndex(&f.info, '?');

  int ascent = 0, descent = 0, lineGap = 0;
  stbtt_GetFontVMetrics(&f.info, &ascent, &descent, &lineGap);
  // An em of h/1.28 leaves room for accented capitals above and descenders
  // below inside the 24-dot cell, like the printer's own font.
  const float emY = static_cast<float>(h) / 1.28f;
  const float scaleY = stbtt_ScaleForMappingEmToPixels(&f.info, emY);
  const float emX = static_cast<float>(w) * (static_cast<float>(kFontACellHeight) / kFontACellWidth) / 1.28f;
  float scaleX = stbtt_ScaleForMappingEmToPixels(&f.info, emX);
  int advance = 0, lsb = 0;
  stbtt_GetGlyphHMetrics(&f.info, glyph, &advance, &lsb);
  // Font A is monospaced: squeeze wide glyphs (M, W) into the cell.
  const float maxAdvance = static_cast<float>(w) * 0.96f;
  if (advance > 0 && advance * scaleX > maxAdvance) scaleX = maxAdvance / advance;

  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  stbtt_GetGlyphBitmapBox(&f.info, glyph, scaleX, scaleY, &x0, &y0, &x1, &y1);
  const int gw = x1 - x0, gh = y1 - y0;
  if (gw <= 0 || gh <= 0 || gw > 4 * w + 16 || gh > 4 * h + 16) return;
  std::vector<unsigned char> buf(static_cast<std::size_t>(gw) * gh);
  stbtt_MakeGlyphBitmap(&f.info, buf.data(), gw, gh, gw, scaleX, scaleY, glyph);

  const int baseline = y + h + static_cast<int>(std::lround(descent * scaleY));
  const int penX = x + static_cast<int>(std::lround((w - advance * scaleX) / 2.0f));
  for (int gy = 0; gy < gh; ++gy) {
    const int py = baseline + y0 + gy;
    if (py < y || py >= y + h) continue;  // stay in the cell, like a real font ROM
    for (int gx = 0; gx < gw; ++gx) {
      const int px = penX + x0 + gx;
      if (px < x || px >= x + w) continue;
      if (buf[static_cast<std::size_t>(gy) * gw + gx] >= 128) ink(page, px, py);
    }
  }
}

}  // namespace lpse::printer

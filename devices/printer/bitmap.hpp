#pragma once
// A monochrome-ish picture for the thermal printer: raster images going in
// (EscPos::raster) and rendered pages coming out (renderEscPos).
#include <cstdint>
#include <vector>

namespace lpse::printer {

// One byte per pixel, row-major, no padding. The value is ink, not light:
// 0 = white paper, 255 = black. Anything >= 128 prints as a dot; rendered
// pages only ever hold 0 or 255. Ink-first because that is what a thermal
// head does, and it makes "is there ink here" a plain non-zero test; convert
// (255 - v) when handing the picture to something that wants luminance.
struct Bitmap {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;

  Bitmap() = default;
  Bitmap(int w, int h) : width(w > 0 ? w : 0), height(h > 0 ? h : 0),
                         pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), 0) {}

  // False when the pixel buffer does not match the size (a hand-built Bitmap).
  bool valid() const {
    return width >= 0 && height >= 0 &&
           pixels.size() == static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
  }
  bool empty() const { return width == 0 || height == 0; }
  std::uint8_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
  std::uint8_t& at(int x, int y) { return pixels[static_cast<std::size_t>(y) * width + x]; }
  bool inked(int x, int y) const { return at(x, y) >= 128; }
};

}  // namespace lpse::printer

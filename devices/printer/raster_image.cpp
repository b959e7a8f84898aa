#include "devices/printer/raster_image.hpp"

#include <algorithm>
#include <cstdint>

namespace lpse::printer {

GrayImage scaleToFit(const GrayImage& image, int maxWidth, int maxHeight) {
  if (!image.valid() || image.width == 0 || image.height == 0 || maxWidth < 1 || maxHeight < 1) return {};
  // The larger shrink wins; never enlarge (a small logo stays sharp at 1:1).
  double scale = 1.0;
  if (image.width > maxWidth) scale = std::min(scale, static_cast<double>(maxWidth) / image.width);
  if (image.height > maxHeight) scale = std::min(scale, static_cast<double>(maxHeight) / image.height);
  if (scale >= 1.0) return image;
  const int w = std::clamp(static_cast<int>(image.width * scale + 0.5), 1, maxWidth);
  const int h = std::clamp(static_cast<int>(image.height * scale + 0.5), 1, maxHeight);
  GrayImage out(w, h);
  // Area average in fixed point: each output pixel covers source columns
  // [x*W/w, (x+1)*W/w), with the boundary pixels weighted by their overlap.
  // Averaging (not sampling) keeps thin strokes of a logo as grey, which the
  // dithering then prints, instead of dropping them.
  const std::int64_t W = image.width, H = image.height;
  for (int y = 0; y < h; ++y) {
    const std::int64_t y0 = y * H, y1 = (y + 1) * H;  // in source units * h
    for (int x = 0; x < w; ++x) {
      const std::int64_t x0 = x * W, x1 = (x + 1) * W;  // in source units * w
      std::int64_t sum = 0, area = 0;
      for (std::int64_t sy = y0 / h; sy < (y1 + h - 1) / h && sy < H; ++sy) {
        const std::int64_t wy = std::min(y1, (sy + 1) * h) - std::max(y0, sy * h);
        if (wy <= 0) continue;
        for (std::int64_t sx = x0 / w; sx < (x1 + w - 1) / w && sx < W; ++sx) {
          const std::int64_t wx = std::min(x1, (sx + 1) * w) - std::max(x0, sx * w);
          if (wx <= 0) continue;
          sum += wx * wy * image.at(static_cast<int>(sx), static_cast<int>(sy));
          area += wx * wy;
        }
      }
      out.at(x, y) = static_cast<std::uint8_t>(area ? (sum + area / 2) / area : 255);
    }
  }
  return out;
}

Bitmap toDots(const GrayImage& image, Dither dither, int threshold) {
  if (!image.valid()) return {};
  Bitmap out(image.width, image.height);
  threshold = std::clamp(threshold, 1, 255);
  if (dither == Dither::Threshold) {
    for (std::size_t i = 0; i < image.light.size(); ++i) out.pixels[i] = image.light[i] < threshold ? 255 : 0;
    return out;
  }
  // Atkinson: 1/8 of the error to each of six neighbours (two ahead on this
  // row, three on the next, one two rows down). Three rows of error suffice.
  const int w = image.width;
  std::vector<int> err(static_cast<std::size_t>(w + 4) * 3, 0);
  auto row = [&](int dy) { return err.data() + static_cast<std::size_t>(dy % 3) * (w + 4) + 2; };
  for (int y = 0; y < image.height; ++y) {
    int* cur = row(y);
    int* next = row(y + 1);
    int* next2 = row(y + 2);
    std::fill(next2 - 2, next2 + w + 2, 0);
    for (int x = 0; x < w; ++x) {
      const int v = image.at(x, y) + cur[x];
      const bool ink = v < threshold;
      const int e = (v - (ink ? 0 : 255)) / 8;
      if (ink) out.at(x, y) = 255;
      cur[x + 1] += e;
      cur[x + 2] += e;
      next[x - 1] += e;
      next[x] += e;
      next[x + 1] += e;
      next2[x] += e;
    }
    std::fill(cur - 2, cur + w + 2, 0);
  }
  return out;
}

Bitmap centerOnPaper(const Bitmap& image, int dots) {
  if (!image.valid() || image.empty() || dots < 1) return {};
  const int shown = std::min(image.width, dots);
  const int left = (dots - shown) / 2;
  Bitmap out(left + shown, image.height);
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < shown; ++x) out.at(left + x, y) = image.at(x, y);
  return out;
}

Bitmap trimBlankRows(const Bitmap& image) {
  if (!image.valid() || image.empty()) return {};
  auto blank = [&](int y) {
    for (int x = 0; x < image.width; ++x)
      if (image.inked(x, y)) return false;
    return true;
  };
  int top = 0, bottom = image.height;
  while (top < bottom && blank(top)) ++top;
  while (bottom > top && blank(bottom - 1)) --bottom;
  if (top == bottom) return {};
  Bitmap out(image.width, bottom - top);
  std::copy(image.pixels.begin() + static_cast<std::ptrdiff_t>(top) * image.width,
            image.pixels.begin() + static_cast<std::ptrdiff_t>(bottom) * image.width, out.pixels.begin());
  return out;
}

}  // namespace lpse::printer

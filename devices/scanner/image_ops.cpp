#include "devices/scanner/image_ops.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace lpse::scanner {

namespace {

// Integral images for box sums: (w+1) x (h+1), 64-bit for sums of squares.
void integrals(const std::uint8_t* src, int w, int h, std::vector<std::uint32_t>& sum, std::vector<std::uint64_t>* sq) {
  const std::size_t stride = static_cast<std::size_t>(w) + 1;
  sum.assign(stride * (h + 1), 0);
  if (sq) sq->assign(stride * (h + 1), 0);
  for (int y = 0; y < h; ++y) {
    std::uint32_t row = 0;
    std::uint64_t rowSq = 0;
    for (int x = 0; x < w; ++x) {
      const std::uint32_t v = src[static_cast<std::size_t>(y) * w + x];
      row += v;
      sum[(y + 1) * stride + x + 1] = sum[y * stride + x + 1] + row;
      if (sq) {
        rowSq += v * v;
        (*sq)[(y + 1) * stride + x + 1] = (*sq)[y * stride + x + 1] + rowSq;
      }
    }
  }
}

}  // namespace

GrayImage downscale(const std::uint8_t* src, int width, int height, int factor) {
  GrayImage out;
  if (factor < 1) factor = 1;
  out.width = width / factor;
  out.height = height / factor;
  out.pixels.resize(static_cast<std::size_t>(out.width) * out.height);
  const int n = factor * factor;
  std::vector<std::uint32_t> acc(out.width);
  for (int y = 0; y < out.height; ++y) {
    std::fill(acc.begin(), acc.end(), 0);
    for (int dy = 0; dy < factor; ++dy) {
      const std::uint8_t* row = src + static_cast<std::size_t>(y * factor + dy) * width;
      for (int x = 0; x < out.width; ++x)
        for (int dx = 0; dx < factor; ++dx) acc[x] += row[x * factor + dx];
    }
    for (int x = 0; x < out.width; ++x)
      out.pixels[static_cast<std::size_t>(y) * out.width + x] = static_cast<std::uint8_t>((acc[x] + n / 2) / n);
  }
  return out;
}

namespace {

// Exactly 2x, bilinear at the half-pixel positions: (3a + b) / 4 per axis,
// integer only. Ten times faster than the general case, and the one the
// decoder uses.
GrayImage upscale2(const std::uint8_t* src, int width, int height) {
  GrayImage out;
  out.width = width * 2;
  out.height = height * 2;
  out.pixels.resize(static_cast<std::size_t>(out.width) * out.height);
  std::vector<std::uint16_t> row0(out.width), row1(out.width);
  // Horizontal pass of one source row into 4x-scaled values.
  auto horiz = [&](int y, std::vector<std::uint16_t>& dst) {
    const std::uint8_t* r = src + static_cast<std::size_t>(y) * width;
    for (int x = 0; x < width; ++x) {
      const int l = r[x > 0 ? x - 1 : 0], c = r[x], rr = r[x + 1 < width ? x + 1 : x];
      dst[2 * x] = static_cast<std::uint16_t>(3 * c + l);
      dst[2 * x + 1] = static_cast<std::uint16_t>(3 * c + rr);
    }
  };
  for (int y = 0; y < height; ++y) {
    horiz(y, row0);
    horiz(y > 0 ? y - 1 : 0, row1);
    std::uint8_t* up = out.pixels.data() + static_cast<std::size_t>(2 * y) * out.width;
    for (int x = 0; x < out.width; ++x) up[x] = static_cast<std::uint8_t>((3 * row0[x] + row1[x] + 8) / 16);
    horiz(y + 1 < height ? y + 1 : y, row1);
    std::uint8_t* down = up + out.width;
    for (int x = 0; x < out.width; ++x) down[x] = static_cast<std::uint8_t>((3 * row0[x] + row1[x] + 8) / 16);
  }
  return out;
}

}  // namespace

GrayImage resize(const std::uint8_t* src, int width, int height, int newWidth, int newHeight) {
  if (newWidth == 2 * width && newHeight == 2 * height) return upscale2(src, width, height);
  GrayImage out;
  out.width = newWidth;
  out.height = newHeight;
  out.pixels.resize(static_cast<std::size_t>(newWidth) * newHeight);
  const double sx = static_cast<double>(width) / newWidth, sy = static_cast<double>(height) / newHeight;
  for (int y = 0; y < newHeight; ++y) {
    const double fy = std::clamp((y + 0.5) * sy - 0.5, 0.0, height - 1.0);
    const int y0 = static_cast<int>(fy), y1 = std::min(y0 + 1, height - 1);
    const double wy = fy - y0;
    for (int x = 0; x < newWidth; ++x) {
      const double fx = std::clamp((x + 0.5) * sx - 0.5, 0.0, width - 1.0);
      const int x0 = static_cast<int>(fx), x1 = std::min(x0 + 1, width - 1);
      const double wx = fx - x0;
      const auto p = [&](int xx, int yy) { return static_cast<double>(src[static_cast<std::size_t>(yy) * width + xx]); };
      const double v = (p(x0, y0) * (1 - wx) + p(x1, y0) * wx) * (1 - wy) + (p(x0, y1) * (1 - wx) + p(x1, y1) * wx) * wy;
      out.pixels[static_cast<std::size_t>(y) * newWidth + x] = static_cast<std::uint8_t>(v + 0.5);
    }
  }
  return out;
}

GrayImage crop(const std::uint8_t* src, int width, int height, int x, int y, int w, int h) {
  x = std::clamp(x, 0, width);
  y = std::clamp(y, 0, height);
  w = std::clamp(w, 0, width - x);
  h = std::clamp(h, 0, height - y);
  GrayImage out;
  out.width = w;
  out.height = h;
  out.pixels.resize(static_cast<std::size_t>(w) * h);
  for (int r = 0; r < h; ++r)
    std::memcpy(out.pixels.data() + static_cast<std::size_t>(r) * w, src + static_cast<std::size_t>(y + r) * width + x, w);
  return out;
}

GrayImage normalizeLocal(const std::uint8_t* src, int width, int height, int radius, double minSpread) {
  // Mean and spread per block of `radius` pixels, smoothed over the 3x3
  // neighbouring blocks, then a gain and offset per block, interpolated
  // between block centres: a few ms per 1280x720 frame instead of a
  // per-pixel window.
  GrayImage out;
  out.width = width;
  out.height = height;
  out.pixels.resize(static_cast<std::size_t>(width) * height);
  const int b = std::max(4, radius);
  const int bw = (width + b - 1) / b, bh = (height + b - 1) / b;
  std::vector<float> mean(static_cast<std::size_t>(bw) * bh), var(mean.size());
  for (int by = 0; by < bh; ++by)
    for (int bx = 0; bx < bw; ++bx) {
      const int x0 = bx * b, y0 = by * b, x1 = std::min(width, x0 + b), y1 = std::min(height, y0 + b);
      std::uint64_t s1 = 0, s2 = 0;
      for (int y = y0; y < y1; ++y) {
        const std::uint8_t* r = src + static_cast<std::size_t>(y) * width;
        for (int x = x0; x < x1; ++x) {
          s1 += r[x];
          s2 += static_cast<std::uint64_t>(r[x]) * r[x];
        }
      }
      const double n = static_cast<double>(x1 - x0) * (y1 - y0);
      mean[by * bw + bx] = static_cast<float>(s1 / n);
      var[by * bw + bx] = static_cast<float>(s2 / n);
    }
  std::vector<float> gain(mean.size()), offset(mean.size());
  for (int by = 0; by < bh; ++by)
    for (int bx = 0; bx < bw; ++bx) {
      double m = 0, m2 = 0;
      int n = 0;
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
          const int x = bx + dx, y = by + dy;
          if (x < 0 || y < 0 || x >= bw || y >= bh) continue;
          m += mean[y * bw + x];
          m2 += var[y * bw + x];
          ++n;
        }
      m /= n;
      // A floor on the spread keeps flat paper flat instead of amplifying noise.
      const double sd = std::max(std::sqrt(std::max(0.0, m2 / n - m * m)), minSpread);
      gain[by * bw + bx] = static_cast<float>(60.0 / sd);
      offset[by * bw + bx] = static_cast<float>(128.0 - m * 60.0 / sd);
    }
  // Interpolation weights per column, once; per row, the gain and offset of
  // every block column at that row; per pixel, one lerp of each.
  std::vector<int> x0s(width), x1s(width);
  std::vector<float> wxs(width);
  for (int x = 0; x < width; ++x) {
    const float fx = std::clamp((x + 0.5f) / b - 0.5f, 0.0f, bw - 1.0f);
    x0s[x] = static_cast<int>(fx);
    x1s[x] = std::min(x0s[x] + 1, bw - 1);
    wxs[x] = fx - x0s[x];
  }
  std::vector<float> rowGain(bw), rowOffset(bw);
  for (int y = 0; y < height; ++y) {
    const float fy = std::clamp((y + 0.5f) / b - 0.5f, 0.0f, bh - 1.0f);
    const int y0 = static_cast<int>(fy), y1 = std::min(y0 + 1, bh - 1);
    const float wy = fy - y0;
    for (int bx = 0; bx < bw; ++bx) {
      rowGain[bx] = gain[y0 * bw + bx] * (1 - wy) + gain[y1 * bw + bx] * wy;
      rowOffset[bx] = offset[y0 * bw + bx] * (1 - wy) + offset[y1 * bw + bx] * wy;
    }
    const std::uint8_t* r = src + static_cast<std::size_t>(y) * width;
    std::uint8_t* o = out.pixels.data() + static_cast<std::size_t>(y) * width;
    for (int x = 0; x < width; ++x) {
      const float wx = wxs[x];
      const float g = rowGain[x0s[x]] * (1 - wx) + rowGain[x1s[x]] * wx;
      const float off = rowOffset[x0s[x]] * (1 - wx) + rowOffset[x1s[x]] * wx;
      const float v = r[x] * g + off;
      o[x] = static_cast<std::uint8_t>(v < 0 ? 0 : v > 255 ? 255 : v);
    }
  }
  return out;
}

GrayImage sharpen(const std::uint8_t* src, int width, int height, int amountPercent) {
  GrayImage out;
  out.width = width;
  out.height = height;
  out.pixels.resize(static_cast<std::size_t>(width) * height);
  std::vector<std::uint32_t> sum;
  integrals(src, width, height, sum, nullptr);
  const std::size_t stride = static_cast<std::size_t>(width) + 1;
  const int r = 1;
  for (int y = 0; y < height; ++y) {
    const int y0 = std::max(0, y - r), y1 = std::min(height, y + r + 1);
    for (int x = 0; x < width; ++x) {
      const int x0 = std::max(0, x - r), x1 = std::min(width, x + r + 1);
      const int n = (x1 - x0) * (y1 - y0);
      const int s = static_cast<int>(sum[y1 * stride + x1] - sum[y0 * stride + x1] - sum[y1 * stride + x0] + sum[y0 * stride + x0]);
      const int v = src[static_cast<std::size_t>(y) * width + x];
      const int sharp = v + (v - s / n) * amountPercent / 100;
      out.pixels[static_cast<std::size_t>(y) * width + x] = static_cast<std::uint8_t>(std::clamp(sharp, 0, 255));
    }
  }
  return out;
}

GrayImage smooth3(const std::uint8_t* src, int width, int height) {
  GrayImage out;
  out.width = width;
  out.height = height;
  out.pixels.resize(static_cast<std::size_t>(width) * height);
  std::vector<std::uint16_t> rows(static_cast<std::size_t>(width) * height);  // horizontal 3-sums
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* r = src + static_cast<std::size_t>(y) * width;
    std::uint16_t* o = rows.data() + static_cast<std::size_t>(y) * width;
    for (int x = 0; x < width; ++x) o[x] = r[x > 0 ? x - 1 : 0] + r[x] + r[x + 1 < width ? x + 1 : x];
  }
  for (int y = 0; y < height; ++y) {
    const std::uint16_t* a = rows.data() + static_cast<std::size_t>(y > 0 ? y - 1 : 0) * width;
    const std::uint16_t* b = rows.data() + static_cast<std::size_t>(y) * width;
    const std::uint16_t* c = rows.data() + static_cast<std::size_t>(y + 1 < height ? y + 1 : y) * width;
    std::uint8_t* o = out.pixels.data() + static_cast<std::size_t>(y) * width;
    for (int x = 0; x < width; ++x) o[x] = static_cast<std::uint8_t>((a[x] + b[x] + c[x] + 4) / 9);
  }
  return out;
}

GrayImage invert(const std::uint8_t* src, int width, int height) {
  GrayImage out;
  out.width = width;
  out.height = height;
  out.pixels.resize(static_cast<std::size_t>(width) * height);
  for (std::size_t i = 0; i < out.pixels.size(); ++i) out.pixels[i] = static_cast<std::uint8_t>(255 - src[i]);
  return out;
}

}  // namespace lpse::scanner

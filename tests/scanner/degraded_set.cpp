#include "tests/scanner/degraded_set.hpp"

#include <stb_image_write.h>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>

#include "devices/camera/image_file_source.hpp"

namespace lpse::scanner::testing {

namespace {

using Rng = std::mt19937;
constexpr double kPi = 3.14159265358979323846;

double uni(Rng& r, double a, double b) { return std::uniform_real_distribution<double>(a, b)(r); }
int uniInt(Rng& r, int a, int b) { return std::uniform_int_distribution<int>(a, b)(r); }

// A float image in [0,1] (1 = white paper).
struct Img {
  int w = 0, h = 0;
  std::vector<float> p;
  Img(int w_, int h_, float v) : w(w_), h(h_), p(static_cast<std::size_t>(w_) * h_, v) {}
  float& at(int x, int y) { return p[static_cast<std::size_t>(y) * w + x]; }
  float at(int x, int y) const { return p[static_cast<std::size_t>(y) * w + x]; }
  void fill(int x0, int y0, int x1, int y1, float v) {
    x0 = std::max(0, x0), y0 = std::max(0, y0), x1 = std::min(w, x1), y1 = std::min(h, y1);
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) at(x, y) = v;
  }
  float bilinear(double x, double y, float outside) const {
    if (x < 0 || y < 0 || x > w - 1 || y > h - 1) return outside;
    const int x0 = static_cast<int>(x), y0 = static_cast<int>(y);
    const int x1 = std::min(x0 + 1, w - 1), y1 = std::min(y0 + 1, h - 1);
    const float fx = static_cast<float>(x - x0), fy = static_cast<float>(y - y0);
    return (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
  }
};

// Solves the 8x8 system for the homography mapping src[i] -> dst[i].
std::array<double, 9> homography(const std::array<double, 8>& src, const std::array<double, 8>& dst) {
  double a[8][9] = {};
  for (int i = 0; i < 4; ++i) {
    const double x = src[2 * i], y = src[2 * i + 1], u = dst[2 * i], v = dst[2 * i + 1];
    double r0[9] = {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
    double r1[9] = {0, 0, 0, x, y, 1, -v * x, -v * y, v};
    std::copy(r0, r0 + 9, a[2 * i]);
    std::copy(r1, r1 + 9, a[2 * i + 1]);
  }
  for (int c = 0; c < 8; ++c) {
    int piv = c;
    for (int r = c + 1; r < 8; ++r)
      if (std::fabs(a[r][c]) > std::fabs(a[piv][c])) piv = r;
    std::swap(a[c], a[piv]);
    for (int r = 0; r < 8; ++r) {
      if (r == c) continue;
      const double f = a[r][c] / a[c][c];
      for (int k = c; k < 9; ++k) a[r][k] -= f * a[c][k];
    }
  }
  std::array<double, 9> h{};
  for (int i = 0; i < 8; ++i) h[i] = a[i][8] / a[i][i];
  h[8] = 1;
  return h;
}

// The form around the code: text lines, a table, boxes, a logo, a border.
void drawForm(Img& page, Rng& rng, int qx, int qy, int qsize) {
  const float ink = 0.08f;
  auto avoid = [&](int x0, int y0, int x1, int y1) {
    const int pad = qsize / 12;
    return !(x1 < qx - pad || x0 > qx + qsize + pad || y1 < qy - pad || y0 > qy + qsize + pad);
  };
  const int unit = std::max(3, qsize / 40);  // about one module
  // Text lines: words of random widths.
  for (int y = unit * 4; y < page.h - unit * 4; y += unit * uniInt(rng, 4, 7)) {
    int x = unit * uniInt(rng, 3, 8);
    const int lineEnd = page.w - unit * uniInt(rng, 3, 30);
    const int th = unit * 2 + uniInt(rng, 0, unit);
    while (x < lineEnd) {
      const int ww = unit * uniInt(rng, 2, 12);
      if (!avoid(x, y, x + ww, y + th)) {
        // Letters: vertical strokes with gaps, like text at a distance.
        for (int cx = x; cx < x + ww; cx += unit) page.fill(cx, y, cx + std::max(1, unit * 2 / 3), y + th, ink);
      }
      x += ww + unit * 2;
    }
  }
  // A table: ruled lines.
  const int tx = uniInt(rng, 0, page.w / 2), ty = uniInt(rng, 0, page.h / 2);
  for (int i = 0; i < 6; ++i) {
    const int y = ty + i * unit * 6;
    if (!avoid(tx, y, tx + page.w / 2, y + 2)) page.fill(tx, y, tx + page.w / 2, y + std::max(1, unit / 3), ink);
  }
  // Check boxes and a filled logo disc.
  for (int i = 0; i < 8; ++i) {
    const int bx = uniInt(rng, 0, page.w - unit * 5), by = uniInt(rng, 0, page.h - unit * 5);
    if (avoid(bx, by, bx + unit * 4, by + unit * 4)) continue;
    page.fill(bx, by, bx + unit * 4, by + unit / 2 + 1, ink);
    page.fill(bx, by + unit * 4, bx + unit * 4, by + unit * 4 + unit / 2 + 1, ink);
    page.fill(bx, by, bx + unit / 2 + 1, by + unit * 4, ink);
    page.fill(bx + unit * 4, by, bx + unit * 4 + unit / 2 + 1, by + unit * 4 + unit / 2 + 1, ink);
  }
  const int lr = unit * uniInt(rng, 4, 8);
  const int lx = uniInt(rng, lr, page.w - lr), ly = uniInt(rng, lr, page.h - lr);
  if (!avoid(lx - lr, ly - lr, lx + lr, ly + lr))
    for (int y = ly - lr; y < ly + lr; ++y)
      for (int x = lx - lr; x < lx + lr; ++x)
        if (x >= 0 && y >= 0 && x < page.w && y < page.h && (x - lx) * (x - lx) + (y - ly) * (y - ly) < lr * lr)
          page.at(x, y) = 0.3f;
  // The form's border.
  page.fill(unit, unit, page.w - unit, unit * 2, ink);
  page.fill(unit, page.h - unit * 2, page.w - unit, page.h - unit, ink);
}

void gaussianBlur(Img& img, double sigma) {
  if (sigma < 0.3) return;
  const int r = static_cast<int>(std::ceil(sigma * 3));
  std::vector<float> k(2 * r + 1);
  float sum = 0;
  for (int i = -r; i <= r; ++i) sum += k[i + r] = static_cast<float>(std::exp(-(i * i) / (2 * sigma * sigma)));
  for (auto& v : k) v /= sum;
  std::vector<float> tmp(img.p.size());
  for (int y = 0; y < img.h; ++y)
    for (int x = 0; x < img.w; ++x) {
      float s = 0;
      for (int i = -r; i <= r; ++i) s += k[i + r] * img.at(std::clamp(x + i, 0, img.w - 1), y);
      tmp[static_cast<std::size_t>(y) * img.w + x] = s;
    }
  for (int y = 0; y < img.h; ++y)
    for (int x = 0; x < img.w; ++x) {
      float s = 0;
      for (int i = -r; i <= r; ++i) s += k[i + r] * tmp[static_cast<std::size_t>(std::clamp(y + i, 0, img.h - 1)) * img.w + x];
      img.at(x, y) = s;
    }
}

void motionBlur(Img& img, double length, double angle) {
  if (length < 1) return;
  const int n = static_cast<int>(std::ceil(length)) * 2 + 1;
  const double dx = std::cos(angle), dy = std::sin(angle);
  std::vector<float> out(img.p.size());
  for (int y = 0; y < img.h; ++y)
    for (int x = 0; x < img.w; ++x) {
      float s = 0;
      for (int i = 0; i < n; ++i) {
        const double t = (static_cast<double>(i) / (n - 1) - 0.5) * length;
        s += img.bilinear(std::clamp(x + t * dx, 0.0, img.w - 1.0), std::clamp(y + t * dy, 0.0, img.h - 1.0), 0.5f);
      }
      out[static_cast<std::size_t>(y) * img.w + x] = s / n;
    }
  img.p.swap(out);
}

struct Params {
  int ppmTimes100 = 0;
  double ppm = 4;            // frame pixels per module
  double angle = 0;          // degrees
  double tiltX = 0, tiltY = 0;  // perspective: relative shrink of one side
  double blur = 0.6;         // gaussian sigma, frame pixels (optics)
  double motion = 0;         // motion blur length, pixels
  double noise = 2;          // sensor noise sigma, gray levels
  double contrast = 1;       // ink-to-paper difference scale
  double gradient = 0;       // uneven light: darkest corner's brightness loss
  double shadow = 0;         // a hard shadow edge across the code: its darkening
  double glare = 0;          // saturating spot strength (0..1.5)
  double glareRadius = 0;    // in code widths
  double occlude = 0;        // fraction of the code width a blob covers
  int jpegQuality = 0;       // 0: none
};

Params paramsFor(const std::string& c, Rng& rng) {
  Params p;
  p.ppm = uni(rng, 3.0, 6.0);
  p.angle = uni(rng, -8, 8);
  p.tiltX = uni(rng, -0.05, 0.05);
  p.tiltY = uni(rng, -0.05, 0.05);
  p.blur = uni(rng, 0.4, 0.8);
  p.noise = uni(rng, 1.5, 3.0);
  p.contrast = uni(rng, 0.75, 0.95);
  if (c == "rotation") {
    p.angle = uni(rng, 0, 360);
    p.ppm = uni(rng, 2.5, 4.5);
  } else if (c == "perspective") {
    const double t = uni(rng, 0.25, 0.55);
    (uniInt(rng, 0, 1) ? p.tiltX : p.tiltY) = uniInt(rng, 0, 1) ? t : -t;
    p.ppm = uni(rng, 2.8, 4.5);
    p.angle = uni(rng, -25, 25);
  } else if (c == "blur") {
    if (uniInt(rng, 0, 2) == 0)
      p.motion = p.ppm * uni(rng, 0.6, 1.3);
    else
      p.blur = p.ppm * uni(rng, 0.3, 0.55);
  } else if (c == "noise") {
    p.noise = uni(rng, 18, 45);
    p.ppm = uni(rng, 2.8, 5.0);
  } else if (c == "low_contrast") {
    p.contrast = uni(rng, 0.07, 0.18);
    p.noise = uni(rng, 2.0, 4.0);
  } else if (c == "small") {
    p.ppm = uni(rng, 1.4, 2.4);
    p.blur = uni(rng, 0.4, 0.6);
  } else if (c == "jpeg") {
    p.jpegQuality = uniInt(rng, 6, 25);
    p.ppm = uni(rng, 2.5, 4.5);
  } else if (c == "occlusion") {
    p.occlude = uni(rng, 0.08, 0.16);
  } else if (c == "glare") {
    p.glare = uni(rng, 0.4, 1.0);
    p.glareRadius = uni(rng, 0.2, 0.4);
  } else if (c == "uneven_light") {
    p.gradient = uni(rng, 0.6, 0.85);
    if (uniInt(rng, 0, 1)) p.shadow = uni(rng, 0.4, 0.7);
  } else if (c == "combined") {
    p.ppm = uni(rng, 2.2, 4.0);
    p.angle = uni(rng, -30, 30);
    p.tiltX = uni(rng, -0.25, 0.25);
    p.blur = p.ppm * uni(rng, 0.2, 0.35);
    p.noise = uni(rng, 5, 12);
    p.contrast = uni(rng, 0.3, 0.55);
    p.gradient = uni(rng, 0.2, 0.5);
    p.jpegQuality = uniInt(rng, 30, 60);
  }
  return p;
}

// The synthetic camera: the page (code centre and size in page pixels)
// seen at p.ppm frame pixels per module, rotated, tilted, lit, blurred,
// noisy and compressed as p says.
camera::Frame photograph(const Img& page, double pagePxPerModule, double codeCx, double codeCy, double codeSize,
                         const Params& p, Rng& rng, int width, int height) {
  // Page -> frame: the code's centre lands somewhere in the frame's middle,
  // scaled to ppm frame pixels per module, rotated, tilted.
  const double scale = p.ppm / pagePxPerModule;
  const double cx = codeCx, cy = codeCy;
  const double fx = width * uni(rng, 0.3, 0.7), fy = height * uni(rng, 0.3, 0.7);
  const double a = p.angle * kPi / 180;
  const int pageW = page.w, pageH = page.h;
  std::array<double, 8> src = {0, 0, double(pageW), 0, double(pageW), double(pageH), 0, double(pageH)};
  std::array<double, 8> dst{};
  for (int k = 0; k < 4; ++k) {
    double x = (src[2 * k] - cx) * scale, y = (src[2 * k + 1] - cy) * scale;
    // Tilt: the far side shrinks (a pinhole camera looking at a tilted page).
    const double sx = 1 + p.tiltY * (y / (pageH * scale / 2)) * 0.5;
    const double sy = 1 + p.tiltX * (x / (pageW * scale / 2)) * 0.5;
    x *= sx, y *= sy;
    dst[2 * k] = fx + x * std::cos(a) - y * std::sin(a);
    dst[2 * k + 1] = fy + x * std::sin(a) + y * std::cos(a);
  }
  const auto hinv = homography(dst, src);  // frame -> page
  Img frame(width, height, 0);
  // The desk behind the page: dark, with a little texture.
  const float desk = static_cast<float>(uni(rng, 0.15, 0.45));
  const int ss = 2;  // supersampling: the page is finer than the frame
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      float acc = 0;
      for (int sy = 0; sy < ss; ++sy)
        for (int sx = 0; sx < ss; ++sx) {
          const double u = x + (sx + 0.5) / ss - 0.5, v = y + (sy + 0.5) / ss - 0.5;
          const double w = hinv[6] * u + hinv[7] * v + hinv[8];
          const double px = (hinv[0] * u + hinv[1] * v + hinv[2]) / w, py = (hinv[3] * u + hinv[4] * v + hinv[5]) / w;
          acc += page.bilinear(px, py, desk + 0.05f * static_cast<float>(((x / 16) ^ (y / 16)) & 1));
        }
      frame.at(x, y) = acc / (ss * ss);
    }
  // Where the code is in the frame (its centre and width), for the local effects.
  const double codeW = codeSize * scale, codeX = fx, codeY = fy;

  if (p.occlude > 0) {  // a finger or a pen: a dark blob on part of the code
    const double r = codeW * p.occlude;
    const double ox = codeX + uni(rng, -0.35, 0.35) * codeW, oy = codeY + uni(rng, -0.35, 0.35) * codeW;
    const float shade = static_cast<float>(uni(rng, 0.25, 0.6));
    for (int y = std::max(0, int(oy - r * 2)); y < std::min(height, int(oy + r * 2)); ++y)
      for (int x = std::max(0, int(ox - r)); x < std::min(width, int(ox + r)); ++x)
        if ((x - ox) * (x - ox) / (r * r) + (y - oy) * (y - oy) / (4 * r * r) < 1) frame.at(x, y) = shade;
  }
  // Contrast (faded print, bad exposure), then lighting.
  for (auto& v : frame.p) v = 0.55f + (v - 0.55f) * static_cast<float>(p.contrast);
  if (p.gradient > 0 || p.shadow > 0) {
    const double ga = uni(rng, 0, 2 * kPi);
    const double sa = uni(rng, 0, 2 * kPi), so = uni(rng, -0.3, 0.3) * codeW;
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x) {
        const double t = ((x - width / 2.0) * std::cos(ga) + (y - height / 2.0) * std::sin(ga)) / (width / 2.0);
        double light = 1 - p.gradient * std::clamp((t + 1) / 2, 0.0, 1.0);
        if (p.shadow > 0 && ((x - codeX) * std::cos(sa) + (y - codeY) * std::sin(sa)) > so) light *= 1 - p.shadow;
        frame.at(x, y) *= static_cast<float>(light);
      }
  }
  if (p.glare > 0) {  // a reflection of the ceiling light: saturates to white
    const double r = codeW * p.glareRadius;
    const double gx = codeX + uni(rng, -0.3, 0.3) * codeW, gy = codeY + uni(rng, -0.3, 0.3) * codeW;
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x) {
        const double d2 = ((x - gx) * (x - gx) + (y - gy) * (y - gy)) / (r * r);
        if (d2 < 9) frame.at(x, y) += static_cast<float>(p.glare * std::exp(-d2 / 2));
      }
  }
  gaussianBlur(frame, p.blur);
  motionBlur(frame, p.motion, uni(rng, 0, kPi));
  std::normal_distribution<double> noise(0, p.noise / 255.0);
  camera::Frame out;
  out.width = width;
  out.height = height;
  out.gray.resize(static_cast<std::size_t>(width) * height);
  for (std::size_t k = 0; k < frame.p.size(); ++k)
    out.gray[k] = static_cast<std::uint8_t>(std::clamp(std::lround((frame.p[k] + noise(rng)) * 255.0), 0L, 255L));
  if (p.jpegQuality > 0) {
    const auto jpg = encodeJpeg(out, p.jpegQuality);
    auto decoded = camera::decodeGrayImage(jpg.data(), jpg.size());
    if (decoded) out.gray = std::move(decoded->gray);
  }
  return out;
}

}  // namespace

const std::vector<std::string>& categories() {
  static const std::vector<std::string> c = {"clean", "rotation", "perspective", "blur", "noise",
                                             "low_contrast", "small", "jpeg", "occlusion", "glare",
                                             "uneven_light", "combined", "none"};
  return c;
}

std::string randomPayload(unsigned seed) {
  Rng rng(seed * 7919u + 17u);
  // 10..150 bytes: QR versions 2..7 at level M, i.e. 25..45 modules; with
  // level Q/H below, up to version 10 (57 modules).
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const int len = uniInt(rng, 10, 150);
  std::string s = "LPSE1|";
  for (int i = 0; i < len; ++i) s += alphabet[uniInt(rng, 0, 63)];
  return s;
}

Sample makeSample(const std::string& category, unsigned seed, int i, int width, int height) {
  Rng rng(seed * 1000003u + static_cast<unsigned>(i) * 7919u + static_cast<unsigned>(std::hash<std::string>{}(category)));
  Sample s;
  s.category = category;
  s.name = category + "-" + (i < 10 ? "0" : "") + std::to_string(i);
  const bool none = category == "none";
  Params p = paramsFor(none ? "clean" : category, rng);
  if (!none) s.payload = randomPayload(seed * 131u + static_cast<unsigned>(i) * 31u + static_cast<unsigned>(s.name.size()));

  // The code at 4 page pixels per module, a 4-module quiet zone.
  constexpr int kPpx = 4;
  ZXing::BitMatrix bits;
  int modules = 29;
  if (!none) {
    bits = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode).setEccLevel(uniInt(rng, 2, 6)).setMargin(0).encode(s.payload, 0, 0);
    modules = bits.width();
  }
  const int qsize = (modules + 8) * kPpx;
  const int pageW = qsize * uniInt(rng, 30, 45) / 10, pageH = qsize * uniInt(rng, 25, 40) / 10;
  Img page(pageW, pageH, 0.92f);
  const int qx = uniInt(rng, qsize / 4, pageW - qsize - qsize / 4), qy = uniInt(rng, qsize / 4, pageH - qsize - qsize / 4);
  drawForm(page, rng, qx, qy, qsize);
  if (!none)
    for (int y = 0; y < modules; ++y)
      for (int x = 0; x < modules; ++x)
        if (bits.get(x, y)) page.fill(qx + (x + 4) * kPpx, qy + (y + 4) * kPpx, qx + (x + 5) * kPpx, qy + (y + 5) * kPpx, 0.06f);

  s.frame = photograph(page, kPpx, qx + qsize / 2.0, qy + qsize / 2.0, qsize, p, rng, width, height);
  s.frame.sequence = static_cast<std::uint64_t>(i);
  return s;
}

camera::Frame photographPage(const camera::Frame& page, double pagePxPerModule, double codeCx, double codeCy,
                             double codeSize, const std::string& category, unsigned seed, int width, int height) {
  Rng rng(seed);
  Params p = paramsFor(category, rng);
  Img img(page.width, page.height, 1.0f);
  for (std::size_t k = 0; k < page.gray.size(); ++k) img.p[k] = page.gray[k] / 255.0f;
  return photograph(img, pagePxPerModule, codeCx, codeCy, codeSize, p, rng, width, height);
}

std::vector<Sample> makeDegradedSet(unsigned seed, int perCategory, int width, int height) {
  std::vector<Sample> out;
  for (const auto& c : categories())
    for (int i = 0; i < perCategory; ++i) out.push_back(makeSample(c, seed, i, width, height));
  return out;
}

namespace {
void append(void* ctx, void* data, int size) {
  auto* v = static_cast<std::vector<std::uint8_t>*>(ctx);
  v->insert(v->end(), static_cast<std::uint8_t*>(data), static_cast<std::uint8_t*>(data) + size);
}
}  // namespace

std::vector<std::uint8_t> encodePng(const camera::Frame& f) {
  std::vector<std::uint8_t> out;
  stbi_write_png_to_func(append, &out, f.width, f.height, 1, f.gray.data(), f.width);
  return out;
}

std::vector<std::uint8_t> encodeJpeg(const camera::Frame& f, int quality) {
  std::vector<std::uint8_t> out;
  stbi_write_jpg_to_func(append, &out, f.width, f.height, 1, f.gray.data(), quality);
  return out;
}

bool writePng(const camera::Frame& f, const std::string& path) {
  return stbi_write_png(path.c_str(), f.width, f.height, 1, f.gray.data(), f.width) != 0;
}

}  // namespace lpse::scanner::testing

#include "devices/scanner/qr_decoder.hpp"

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cmath>

#include "devices/scanner/image_ops.hpp"

namespace lpse::scanner {

namespace {

ZXing::Binarizer toZx(Binarizer b) {
  switch (b) {
    case Binarizer::GlobalHistogram: return ZXing::Binarizer::GlobalHistogram;
    case Binarizer::FixedThreshold: return ZXing::Binarizer::FixedThreshold;
    default: return ZXing::Binarizer::LocalAverage;
  }
}

// Maps a point in a pass's working image back to the frame.
struct Mapping {
  double scale = 1;  // frame px per working px
  double dx = 0, dy = 0;
  QrPoint apply(const ZXing::PointI& p) const {
    return {static_cast<float>(p.x * scale + dx), static_cast<float>(p.y * scale + dy)};
  }
};

using Quad = std::array<QrPoint, 4>;

void readInto(const std::uint8_t* data, int w, int h, const DecodePass& pass, bool zxingDefaults, const Mapping& map,
              std::vector<QrRead>& out, std::vector<Quad>* seen) {
  if (w < 21 || h < 21) return;
  ZXing::DecodeHints hints;
  if (!zxingDefaults) {
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(pass.tryHarder);
    hints.setTryRotate(pass.tryRotate);  // QR finder patterns are rotation-free: off in our passes
    hints.setTryDownscale(pass.zxingDownscale);
    hints.setBinarizer(toZx(pass.binarizer));
  }
  const ZXing::ImageView view(data, w, h, ZXing::ImageFormat::Lum);
  ZXing::Result r;
  if (seen && !zxingDefaults) {
    // A located code that failed to decode comes back as an error: noted
    // for a nearSeen pass. ZXing stops at that first symbol, skipping its own
    // downscaled tries, so such a frame is read once more the usual way.
    r = ZXing::ReadBarcode(view, ZXing::DecodeHints(hints).setReturnErrors(true));
    if (r.format() != ZXing::BarcodeFormat::None && r.error()) {
      Quad q;
      for (int i = 0; i < 4; ++i) q[i] = map.apply(r.position()[i]);
      seen->push_back(q);
      r = ZXing::ReadBarcode(view, hints);
    }
  } else {
    r = ZXing::ReadBarcode(view, hints);
  }
  if (!r.isValid()) return;
  std::string text = r.text();
  for (const auto& q : out)
    if (q.text == text) return;
  QrRead read;
  read.text = std::move(text);
  const auto& pos = r.position();
  for (int i = 0; i < 4; ++i) read.corners[i] = map.apply(pos[i]);
  read.pass = pass.name;
  out.push_back(std::move(read));
}

void runOn(const std::uint8_t* data, int w, int h, const DecodePass& pass, bool zxingDefaults, Mapping map,
           std::vector<QrRead>& out, std::vector<Quad>* seen = nullptr) {
  GrayImage prepared;
  switch (pass.prep) {
    case Prep::Normalize:
      prepared = normalizeLocal(data, w, h, std::max(8, std::min(w, h) / 16), pass.normalizeFloor);
      break;
    case Prep::SmoothNormalize: {
      const GrayImage smooth = smooth3(data, w, h);
      prepared = normalizeLocal(smooth.pixels.data(), w, h, std::max(8, std::min(w, h) / 16), pass.normalizeFloor);
      break;
    }
    case Prep::Sharpen: prepared = sharpen(data, w, h, 150); break;
    case Prep::Invert: prepared = invert(data, w, h); break;
    case Prep::None: break;
  }
  if (!prepared.pixels.empty()) data = prepared.pixels.data();
  readInto(data, w, h, pass, zxingDefaults, map, out, seen);
  if (!out.empty() || !pass.invertRetry) return;
  const GrayImage negative = invert(data, w, h);
  readInto(negative.pixels.data(), w, h, pass, zxingDefaults, map, out, seen);
}

}  // namespace

// Chosen on the generated degraded set (scan_bench --variants; figures in
// docs/PERFORMANCE.md), tuned on two seeds and checked on three others:
//  - QR only, tryRotate off: QR finder patterns are rotation-free; the
//    other formats and rotations only cost time.
//  - "plain" (LocalAverage binarizer, tryHarder) reads everything that is
//    only rotated, tilted, small, JPEG'd or partly hidden, in a few ms.
//    GlobalHistogram and FixedThreshold alone read less and added nothing
//    after it.
//  - "fine-normalize": the kiosk's target box (the centre 2/3) upscaled 2x,
//    which gives ZXing sub-pixel samples (noise, blur, small codes), then
//    local contrast normalisation: ZXing's binarizer treats blocks with less
//    than 24 grey levels of range as plain background, so faded print, dim
//    light and shadows read as nothing without it.
//  - "normalize": the same normalisation on the whole frame, for a faint
//    code outside the target box (a phone photo, a form held off-centre).
//  - Not kept: inverted (paper forms are dark on light; 0 reads), sharpening
//    (lost on noise what it gained on blur), 3x3 smoothing before
//    normalising, tiles, whole-frame upscale, four-pass orders (at most
//    +1 point over three seeds, for more time on every frame with no code).
DecoderConfig tunedConfig() {
  DecoderConfig c;
  c.passes = {
      {.name = "plain", .workSide = 1920, .invertRetry = true},
      {.name = "normalize", .workSide = 1280, .prep = Prep::Normalize, .invertRetry = true, .normalizeFloor = 10},
      {.name = "fine-normalize", .workSide = 1280, .roi = 0.5, .prep = Prep::Normalize, .zxingDownscale = false,
       .normalizeFloor = 8},
  };
  return c;
}

DecoderConfig zxingDefaultConfig() {
  DecoderConfig c;
  DecodePass p;
  p.name = "zxing-default";
  // DecodeHints' defaults: tryHarder, tryRotate, tryDownscale, LocalAverage.
  c.passes = {p};
  c.zxingDefaults = true;
  return c;
}

DecoderConfig zxingBestConfig() {
  DecoderConfig c;
  c.passes = {
      {.name = "zxing-best", .tryRotate = true},
      {.name = "zxing-best-inverted", .prep = Prep::Invert, .tryRotate = true},
  };
  return c;
}

QrDecoder::QrDecoder() : QrDecoder(tunedConfig()) {}
QrDecoder::QrDecoder(DecoderConfig config) : m_config(std::move(config)) {}

std::vector<QrRead> QrDecoder::decode(const camera::Frame& frame) const {
  if (frame.empty()) return {};
  return decode(frame.gray.data(), frame.width, frame.height);
}

std::vector<QrRead> QrDecoder::decode(const std::uint8_t* gray, int width, int height) const {
  std::vector<Quad> seen;
  for (const auto& pass : m_config.passes) {
    auto found = pass.nearSeen ? runNearSeen(pass, gray, width, height, seen) : runPass(pass, gray, width, height, &seen);
    if (!found.empty()) return found;
  }
  return {};
}

std::vector<QrRead> QrDecoder::decodePass(const DecodePass& pass, const std::uint8_t* gray, int width,
                                          int height) const {
  return runPass(pass, gray, width, height, nullptr);
}

std::vector<QrRead> QrDecoder::runNearSeen(const DecodePass& pass, const std::uint8_t* gray, int width, int height,
                                           const std::vector<Quad>& seen) const {
  std::vector<QrRead> out;
  // The same code is often seen by several passes; two distinct places at most.
  int tried = 0;
  std::vector<std::array<int, 4>> boxes;
  for (const auto& q : seen) {
    float x0 = q[0].x, x1 = q[0].x, y0 = q[0].y, y1 = q[0].y;
    for (const auto& p : q) x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    // A margin of a third of the code: the located corners may be off by a
    // few modules, and the quiet zone must be in the crop.
    const float m = std::max(x1 - x0, y1 - y0) / 3 + 8;
    const int bx0 = std::clamp(static_cast<int>(x0 - m), 0, width), by0 = std::clamp(static_cast<int>(y0 - m), 0, height);
    const int bx1 = std::clamp(static_cast<int>(x1 + m), 0, width), by1 = std::clamp(static_cast<int>(y1 + m), 0, height);
    bool known = false;
    for (const auto& b : boxes) known |= std::abs(b[0] - bx0) + std::abs(b[1] - by0) < 40 && std::abs(b[2] - bx1) < 40;
    if (known || bx1 - bx0 < 21 || by1 - by0 < 21) continue;
    boxes.push_back({bx0, by0, bx1, by1});
    if (++tried > 2) break;
    GrayImage crop = lpse::scanner::crop(gray, width, height, bx0, by0, bx1 - bx0, by1 - by0);
    Mapping map;
    map.dx = bx0;
    map.dy = by0;
    const int side = std::max(crop.width, crop.height);
    if (pass.workSide > 0 && side * 2 <= pass.workSide) {
      crop = resize(crop.pixels.data(), crop.width, crop.height, crop.width * 2, crop.height * 2);
      map.scale = 0.5;
    }
    runOn(crop.pixels.data(), crop.width, crop.height, pass, m_config.zxingDefaults, map, out);
    if (!out.empty()) return out;
  }
  return out;
}

std::vector<QrRead> QrDecoder::runPass(const DecodePass& pass, const std::uint8_t* gray, int width, int height,
                                       std::vector<Quad>* seen) const {
  std::vector<QrRead> out;
  if (!gray || width <= 0 || height <= 0) return out;
  const std::uint8_t* data = gray;
  int w = width, h = height;
  Mapping map;
  GrayImage roi, scaled;
  if (pass.roi < 1.0) {
    const int rw = static_cast<int>(w * pass.roi), rh = static_cast<int>(h * pass.roi);
    roi = crop(data, w, h, (w - rw) / 2, (h - rh) / 2, rw, rh);
    map.dx = (w - rw) / 2;
    map.dy = (h - rh) / 2;
    data = roi.pixels.data();
    w = rw;
    h = rh;
  }
  if (pass.workSide > 0) {
    const int side = std::max(w, h);
    if (side > pass.workSide) {
      // Big frames (phone photos) come down to the working size; box
      // averaging also takes sensor noise out.
      const int factor = (side + pass.workSide - 1) / pass.workSide;
      scaled = downscale(data, w, h, factor);
      map.scale = factor;
    } else if (side * 2 <= pass.workSide) {
      scaled = resize(data, w, h, w * 2, h * 2);
      map.scale = 0.5;
    }
    if (!scaled.pixels.empty()) {
      data = scaled.pixels.data();
      w = scaled.width;
      h = scaled.height;
    }
  }
  if (pass.tiles <= 1) {
    runOn(data, w, h, pass, m_config.zxingDefaults, map, out, seen);
    return out;
  }
  // Tiles overlap by a third of a tile, so a code up to that size always lies
  // wholly inside one of them.
  const int n = pass.tiles;
  const int tw = static_cast<int>(std::ceil(w * 3.0 / (2 * n + 1))), th = static_cast<int>(std::ceil(h * 3.0 / (2 * n + 1)));
  for (int ty = 0; ty < n; ++ty)
    for (int tx = 0; tx < n; ++tx) {
      const int x0 = n == 1 ? 0 : (w - tw) * tx / (n - 1), y0 = n == 1 ? 0 : (h - th) * ty / (n - 1);
      const GrayImage tile = crop(data, w, h, x0, y0, tw, th);
      Mapping tm = map;
      tm.dx += x0 * map.scale;
      tm.dy += y0 * map.scale;
      runOn(tile.pixels.data(), tile.width, tile.height, pass, m_config.zxingDefaults, tm, out);
      if (!out.empty()) return out;
    }
  return out;
}

}  // namespace lpse::scanner

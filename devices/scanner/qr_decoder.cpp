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

void readInto(const std::uint8_t* data, int w, int h, const DecodePass& pass, bool zxingDefaults, const Mapping& map,
              std::vector<QrRead>& out) {
  if (w < 21 || h < 21) return;
  ZXing::DecodeHints hints;
  if (!zxingDefaults) {
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(pass.tryHarder);
    hints.setTryRotate(pass.tryRotate);  // QR finder patterns are rotation-free: off in our passes
    hints.setTryDownscale(pass.zxingDownscale);
    hints.setBinarizer(toZx(pass.binarizer));
  }
  const ZXing::Result r = ZXing::ReadBarcode(ZXing::ImageView(data, w, h, ZXing::ImageFormat::Lum), hints);
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
           std::vector<QrRead>& out) {
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
  readInto(data, w, h, pass, zxingDefaults, map, out);
  if (!out.empty() || !pass.invertRetry) return;
  const GrayImage negative = invert(data, w, h);
  readInto(negative.pixels.data(), w, h, pass, zxingDefaults, map, out);
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
      {.name = "plain", .workSide = 1920},
      {.name = "fine-normalize", .workSide = 1720, .roi = 0.67, .prep = Prep::Normalize},
      {.name = "normalize", .workSide = 1280, .prep = Prep::Normalize},
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
  for (const auto& pass : m_config.passes) {
    auto found = decodePass(pass, gray, width, height);
    if (!found.empty()) return found;
  }
  return {};
}

std::vector<QrRead> QrDecoder::decodePass(const DecodePass& pass, const std::uint8_t* gray, int width,
                                          int height) const {
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
    runOn(data, w, h, pass, m_config.zxingDefaults, map, out);
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

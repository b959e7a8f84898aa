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

// Chosen on two sets (scan_bench --variants; full tables in
// docs/PERFORMANCE.md, thread CPU time on the 2-core EPYC under a load
// average of 10-16):
//  - the wild set's "tune" split (tests/scanner/wild_set.py, qrencode +
//    PIL/numpy, 16 kinds of damage x 12, 12 frames with no code); its
//    "heldout" split was never looked at while choosing;
//  - the degraded set (tests/scanner/degraded_set.cpp, our own generator),
//    seed 20261126, checked on 424242 (qr_decoder_test).
// Passes, in order; the first that reads wins:
//  - "plain": LocalAverage binarizer, QR only, tryHarder, tryRotate off (QR
//    finder patterns are rotation-free). Its inverted retry went: the
//    normalised pass's retry reads the same light-on-dark codes (the same
//    reads on every kind of the tune split) for one ZXing call less on a
//    no-code frame (about 2 ms).
//  - "normalize": local contrast normalisation of the whole frame (at most
//    1280 px), then its negative: ZXing only looks for dark finder
//    patterns, so a phone in dark mode or an inverted print read as nothing
//    (0/12 inverted, 0/12 dark screens) until this retry. ZXing's
//    binarizer takes blocks with under 24 grey levels of range for
//    background, so faded print, dim light and shadows read as nothing
//    (low contrast 0/12 -> 12/12). The floor of 10 grey levels keeps a
//    plain desk's sensor noise from being stretched into texture.
//  - "fine-normalize": the centre half of the frame (640x360 of 1280x720:
//    most of the kiosk's target box, a square 0.62 of the frame's height)
//    upscaled 2x and normalised: sub-pixel samples for 1.5-2 px modules,
//    screens, motion blur and noise (tiny modules 7 -> 11/12, screens
//    6 -> 10/12).
// Wild tune split: 77 % -> 86 % (ZXing-cpp at its best 73 %); held-out
// split, looked at once at the end: 86.5 % against 68.8 %, fewer reads on
// none of the 16 kinds (unchanged without the plain inverted retry: no-code
// mean 21.7 ms, p99 29.9 ms at load 7-10). Before that, a frame with no
// code: 23-29 ms mean, p99 32-38 ms over five runs under that load (the previous passes 21-52 ms mean in the
// same runs; ZXing at its best 5 ms). Degraded set: 89 -> 85 %.
// Tried and not kept:
//  - no whole-frame normalise pass (plain + inverted retry, centre): a
//    no-code frame at 9-11 ms, 85 % on tune, but 84 % on the held-out
//    split (dark screens 9 -> 6/12) in the one run that looked at it.
//  - the centre 2/3 upscaled (the previous fine pass) with the inverted
//    retries: 88 % but 29-60 ms mean, p99 37-72 ms, on a frame with no code
//    (ZXing on 1720x960 costs several times 1280x720 on busy or textured
//    scenes), over the 33 ms budget; centre 0.6 at 1536: 87 %, p99 33-36
//    ms, too close to it; the centre half without normalising 85 %.
//  - the inverted retry on the fine pass as well: +0, +3 ms.
//  - a rescue pass on a crop around codes ZXing located but could not
//    decode (DecodeHints::returnErrors): +0 on both sets.
//  - no ZXing downscale, normalisation floors of 8 and 12, no tryHarder on
//    the fine pass: the same reads (one fewer without tryHarder), time
//    within the run-to-run noise; 3x3 smoothing before
//    normalising, GlobalHistogram, sharpening, tiles, whole-frame upscale:
//    fewer reads or more time (degraded-set tables in docs/PERFORMANCE.md).
//  - Not solved by any pass: a thumb over a finder pattern (3/12 for every
//    decoder; ZXing 1.4 needs all three) and a saturating glare spot.
DecoderConfig tunedConfig() {
  DecoderConfig c;
  c.passes = {
      {.name = "plain", .workSide = 1920},
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

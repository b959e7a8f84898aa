#pragma once
// Reads QR codes from camera frames and photos of paper forms: ZXing-cpp
// (QR only) run in a few passes, each meant for what a webcam does to a
// code (too small, too big a frame, blur, faded print, uneven light). The
// first pass that reads something wins, so a frame with a clear code costs
// one pass. The pass list is data, so the benchmark can measure every
// pass on its own (docs/PERFORMANCE.md has the figures behind the choice).
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "devices/camera/frame.hpp"

namespace lpse::scanner {

enum class Binarizer { LocalAverage, GlobalHistogram, FixedThreshold };
enum class Prep { None, Normalize, SmoothNormalize, Sharpen, Invert };

struct DecodePass {
  std::string name;
  // The long side of the working image: a bigger frame is box-downscaled by
  // an integer factor until it fits; a smaller one is upscaled 2x (bilinear)
  // while it still fits, which gives ZXing sub-pixel samples of codes only
  // a few pixels per module wide. 0: the frame as it is.
  int workSide = 0;
  double roi = 1.0;  // < 1: only this centred fraction of the frame (the kiosk's target box)
  int tiles = 1;     // n: n x n tiles overlapping by a third, each decoded alone
  Prep prep = Prep::None;
  Binarizer binarizer = Binarizer::LocalAverage;
  bool tryHarder = true;      // ZXing: scan every row, not every few
  bool zxingDownscale = true; // ZXing: also try its own downscaled copies
  bool tryRotate = false;     // ZXing: also the image turned 90/180/270 degrees
  // Also the negative of the prepared image when the image itself gave
  // nothing: light-on-dark codes (a phone in dark mode, an inverted print)
  // for one more ZXing call, the preparation shared.
  bool invertRetry = false;
  double normalizeFloor = 4.0;  // normalizeLocal's minSpread for the Normalize preps
};

struct DecoderConfig {
  std::vector<DecodePass> passes;
  // The baseline: ZXing's default DecodeHints untouched (every format,
  // tryRotate...), the passes' own hints ignored.
  bool zxingDefaults = false;
};

// What ships: see tunedConfig() in qr_decoder.cpp for the measurements.
DecoderConfig tunedConfig();
// ZXing-cpp out of the box: one ReadBarcode with default hints (all formats).
DecoderConfig zxingDefaultConfig();
// ZXing-cpp at its best, the fair baseline: QR only, every fallback of its
// own on (tryHarder, tryRotate, tryDownscale), then the same again on the
// inverted image (1.4 has no tryInvert; later versions do exactly this).
DecoderConfig zxingBestConfig();

struct QrPoint {
  float x = 0, y = 0;
};

struct QrRead {
  std::string text;                // the payload (UTF-8)
  std::array<QrPoint, 4> corners;  // in frame pixels, clockwise from top-left of the code
  std::string pass;                // which pass read it
};

class QrDecoder {
 public:
  QrDecoder();
  explicit QrDecoder(DecoderConfig config);

  // Every distinct code found by the first pass that finds any (usually one).
  std::vector<QrRead> decode(const camera::Frame& frame) const;
  std::vector<QrRead> decode(const std::uint8_t* gray, int width, int height) const;
  // One pass alone (benchmarks and tests).
  std::vector<QrRead> decodePass(const DecodePass& pass, const std::uint8_t* gray, int width, int height) const;

  const DecoderConfig& config() const { return m_config; }

 private:
  DecoderConfig m_config;
};

}  // namespace lpse::scanner

#pragma once
// A set of camera frames of QR codes on a paper form, made by the test
// itself: a QR (ZXing's writer, 25..57 modules) on a busy synthetic form,
// seen through a synthetic camera (placement, rotation, perspective, optics
// blur, lighting, glare, sensor noise, JPEG), each category pushing one
// degradation hard. Deterministic for a seed. Shared by the scanner tests
// and scan_bench.
#include <string>
#include <vector>

#include "devices/camera/frame.hpp"

namespace lpse::scanner::testing {

struct Sample {
  std::string name;      // "blur-07"
  std::string category;  // "blur"
  std::string payload;   // empty for a frame with no code
  camera::Frame frame;
};

// The categories, in order: clean, rotation, perspective, blur, noise,
// low_contrast, small, jpeg, occlusion, glare, uneven_light, combined,
// and "none" (a busy form with no code: for false reads and time).
const std::vector<std::string>& categories();

// perCategory samples of each category, width x height frames.
std::vector<Sample> makeDegradedSet(unsigned seed, int perCategory, int width = 1280, int height = 720);

// One sample of a category (index i, for the seed).
Sample makeSample(const std::string& category, unsigned seed, int i, int width = 1280, int height = 720);

// Any printed page with a code on it (a ticket PNG from the virtual
// printer, say) through the same synthetic camera, degraded as `category`
// does. The code's centre and width are in page pixels.
camera::Frame photographPage(const camera::Frame& page, double pagePxPerModule, double codeCx, double codeCy,
                             double codeSize, const std::string& category, unsigned seed, int width = 1280,
                             int height = 720);

// A payload of the length range the product prints (form and ticket QR).
std::string randomPayload(unsigned seed);

// Encoders for the frames, for zbar and `lpse scan` on files.
std::vector<std::uint8_t> encodePng(const camera::Frame& f);
std::vector<std::uint8_t> encodeJpeg(const camera::Frame& f, int quality);
bool writePng(const camera::Frame& f, const std::string& path);

}  // namespace lpse::scanner::testing

#pragma once
// The office logo beside the office name on the wall display: a PNG or JPEG
// file (`display.logo`) read once with stb_image, kept as RGBA no larger
// than kLogoSourceSide, and resampled to the exact pixel size the layout
// gives it, so the GPU draws it 1:1 (no blur, no aliasing). A logo is
// decoration: a problem comes back as an error naming the file, and the
// display shows the name without it. No ImGui, no GL here.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "kiosk/core/error.hpp"

namespace lpse::display {

// Straight (not premultiplied) RGBA, row-major, 4 bytes a pixel.
struct LogoImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;
  bool empty() const { return width <= 0 || height <= 0; }
};

// A file larger than this on either side is refused before it is decoded:
// no logo needs it, and a 10000x10000 picture would take 400 MB and seconds.
inline constexpr int kMaxLogoFileSide = 4096;
// What is kept after decoding: the logo is drawn at most ~200 px high on a
// 4K screen (~500 px wide for a wide logo), so this is enough at every size.
inline constexpr int kLogoSourceSide = 512;

struct LogoLoad {
  LogoImage image;                  // empty on failure
  std::optional<core::Error> error;  // why not (Indonesian and English, names the file)
};

// Reads `path`: PNG or JPEG only (by content, not by name), at most
// kMaxLogoFileSide a side, not entirely transparent; shrinks it to
// kLogoSourceSide on its long side.
LogoLoad loadLogo(const std::filesystem::path& path);

// `from` resampled to width x height by area averaging, weighting colour by
// alpha (transparent pixels do not darken the edges).
LogoImage resample(const LogoImage& from, int width, int height);

// The largest whole-pixel size with the logo's aspect inside maxW x maxH
// ({0,0} for an empty logo or box).
struct LogoSize {
  int width = 0, height = 0;
};
LogoSize fitLogo(int logoW, int logoH, float maxW, float maxH);

}  // namespace lpse::display

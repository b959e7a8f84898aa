#pragma once
// The ticket logo: a picture file (PNG; stb also reads JPEG/BMP) read once and turned
// into printer dots that fit the paper. A logo is decoration, so a problem
// is returned as a sentence for the log, never thrown: the caller prints
// the ticket without it.
#include <filesystem>
#include <string>

#include "devices/printer/bitmap.hpp"
#include "devices/printer/raster_image.hpp"

namespace lpse::printer {

struct LogoOptions {
  int maxWidth = 576;    // dots: the paper's printable width (384 on 58 mm)
  int maxHeight = 160;   // dots: 20 mm at 203 dpi; a taller logo is shrunk to this
  Dither dither = Dither::Atkinson;
  int threshold = 128;
};

struct LogoLoad {
  Bitmap image;       // ink, already centred on the paper (centerOnPaper); empty on failure
  std::string error;  // empty on success; else why (Indonesian, names the file)
  bool ok() const { return error.empty(); }
};

// Files larger than this (either side, in pixels) are refused before decoding:
// a logo never needs it, and a mistaken 50-megapixel photo must not stall the kiosk.
inline constexpr int kMaxLogoSourceSide = 4096;

// Reads the file, composites transparency on white paper, shrinks it to the
// bounds (never enlarges), dithers, trims blank rows and centres it.
LogoLoad loadLogo(const std::filesystem::path& path, const LogoOptions& options);

// The same from pixels already in memory (light, see GrayImage).
Bitmap prepareLogo(const GrayImage& picture, const LogoOptions& options);

}  // namespace lpse::printer

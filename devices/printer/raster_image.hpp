#pragma once
// Grey pictures made ready for a thermal head: scaled to the paper, turned
// into dots (1 bit per dot), placed on the paper. Pure code: the logo file
// is read elsewhere (logo_file.hpp), so this part is tested byte for byte.
#include <cstdint>
#include <vector>

#include "devices/printer/bitmap.hpp"

namespace lpse::printer {

// One byte per pixel, light not ink: 0 = black, 255 = white paper (the way
// image files store it; Bitmap holds ink, see bitmap.hpp).
struct GrayImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> light;

  GrayImage() = default;
  GrayImage(int w, int h, std::uint8_t fill = 255)
      : width(w > 0 ? w : 0), height(h > 0 ? h : 0),
        light(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), fill) {}
  bool valid() const {
    return pixels() == light.size();
  }
  std::size_t pixels() const { return static_cast<std::size_t>(width) * static_cast<std::size_t>(height); }
  std::uint8_t at(int x, int y) const { return light[static_cast<std::size_t>(y) * width + x]; }
  std::uint8_t& at(int x, int y) { return light[static_cast<std::size_t>(y) * width + x]; }
};

// How grey becomes dots.
//  - Threshold: dark half prints. Crisp for the usual logo (flat colours, line
//    art, lettering); greys come out all or nothing.
//  - Atkinson: error diffusion that passes on only 6/8 of the error, so mid
//    greys keep their level while the faintest greys print as clean paper
//    and dark ones as solid black. Thermal dots bleed into each other: full
//    diffusion (Floyd-Steinberg) scatters stray dots over light areas and
//    turns dark ones muddy. A two-colour logo comes out as with Threshold.
enum class Dither { Threshold, Atkinson };

// Shrinks (area average, never enlarges) so the picture fits in maxWidth x
// maxHeight with its aspect ratio kept; each side at least 1 pixel. An
// invalid or empty image, or a bound < 1, gives an empty image.
GrayImage scaleToFit(const GrayImage& image, int maxWidth, int maxHeight);

// Light to ink, one dot per pixel (0 or 255 in the Bitmap). threshold: the
// light level below which a pixel is ink (Threshold), and the midpoint the
// error diffusion rounds at (Atkinson).
Bitmap toDots(const GrayImage& image, Dither dither, int threshold = 128);

// The picture centred on `dots`-wide paper by a white left margin (no right
// margin: the printer adds nothing there). Centred in the picture itself
// rather than with ESC a, which some clones ignore for GS v 0. An image wider
// than the paper is cut at the right edge.
Bitmap centerOnPaper(const Bitmap& image, int dots);

// Drops white rows at the top and bottom (a logo file usually has margins;
// on paper they are wasted feed). An all-white image becomes empty.
Bitmap trimBlankRows(const Bitmap& image);

}  // namespace lpse::printer

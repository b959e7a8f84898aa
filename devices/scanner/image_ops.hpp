#pragma once
// The few image operations the decoder's passes use before handing a frame
// to ZXing. Plain loops on 8-bit gray; no vendor headers.
#include <cstdint>
#include <vector>

namespace lpse::scanner {

struct GrayImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;  // width * height, no padding
};

// Box-filter (area) downscale by an integer factor: also averages noise away.
GrayImage downscale(const std::uint8_t* src, int width, int height, int factor);
// Bilinear resize to an exact size (upscaling small codes).
GrayImage resize(const std::uint8_t* src, int width, int height, int newWidth, int newHeight);
// A sub-rectangle copy.
GrayImage crop(const std::uint8_t* src, int width, int height, int x, int y, int w, int h);
// Local contrast normalisation: each pixel against the mean and spread of
// its neighbourhood (radius in pixels), so faded print, shadows and uneven
// light all come out at full contrast. A neighbourhood whose spread is below
// minSpread grey levels gets the gain of minSpread: flat paper or a desk
// stays flat instead of its sensor noise turning into full-contrast texture.
GrayImage normalizeLocal(const std::uint8_t* src, int width, int height, int radius, double minSpread = 4.0);
// 3x3 box blur: takes sensor noise down by a third before normalising.
GrayImage smooth3(const std::uint8_t* src, int width, int height);
// Unsharp mask: restores some edge contrast lost to defocus.
GrayImage sharpen(const std::uint8_t* src, int width, int height, int amountPercent);
// Photographic negative (light codes on dark ground).
GrayImage invert(const std::uint8_t* src, int width, int height);

}  // namespace lpse::scanner

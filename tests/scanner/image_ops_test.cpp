#include "devices/scanner/image_ops.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace lpse::scanner;

TEST(ImageOps, DownscaleAveragesBlocks) {
  const std::vector<std::uint8_t> src = {0, 100, 10, 10,  //
                                         200, 100, 10, 10};
  const GrayImage out = downscale(src.data(), 4, 2, 2);
  ASSERT_EQ(out.width, 2);
  ASSERT_EQ(out.height, 1);
  EXPECT_EQ(out.pixels[0], 100);
  EXPECT_EQ(out.pixels[1], 10);
}

TEST(ImageOps, Upscale2xKeepsFlatAreasAndInterpolatesEdges) {
  const std::vector<std::uint8_t> src = {0, 0, 200, 200,  //
                                         0, 0, 200, 200};
  const GrayImage out = resize(src.data(), 4, 2, 8, 4);
  ASSERT_EQ(out.pixels.size(), 32u);
  EXPECT_EQ(out.pixels[0], 0);
  EXPECT_EQ(out.pixels[7], 200);
  // Across the edge: between the two levels, rising left to right.
  EXPECT_GT(out.pixels[4], out.pixels[3]);
  EXPECT_GT(out.pixels[3], 0);
  EXPECT_LT(out.pixels[4], 200);
  // Rows of one source row are equal here (no vertical change).
  EXPECT_TRUE(std::equal(out.pixels.begin(), out.pixels.begin() + 8, out.pixels.begin() + 8));
}

TEST(ImageOps, NormalizeStretchesFaintPrintAndKeepsFlatPaperFlat) {
  // Faint stripes (120 vs 135) on the left, blank paper on the right.
  const int w = 128, h = 64;
  std::vector<std::uint8_t> src(w * h, 130);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < 48; ++x) src[y * w + x] = (x / 4) % 2 ? 120 : 135;
  const GrayImage out = normalizeLocal(src.data(), w, h, 16);
  int lo = 255, hi = 0;
  for (int y = 16; y < 48; ++y)
    for (int x = 8; x < 40; ++x) lo = std::min<int>(lo, out.pixels[y * w + x]), hi = std::max<int>(hi, out.pixels[y * w + x]);
  EXPECT_GT(hi - lo, 60);  // was 15
  int flatLo = 255, flatHi = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 96; x < w; ++x)
      flatLo = std::min<int>(flatLo, out.pixels[y * w + x]), flatHi = std::max<int>(flatHi, out.pixels[y * w + x]);
  EXPECT_LE(flatHi - flatLo, 2);
}

TEST(ImageOps, CropClampsToTheImage) {
  std::vector<std::uint8_t> src(10 * 10);
  for (int i = 0; i < 100; ++i) src[i] = static_cast<std::uint8_t>(i);
  const GrayImage c = crop(src.data(), 10, 10, 8, 8, 5, 5);
  EXPECT_EQ(c.width, 2);
  EXPECT_EQ(c.height, 2);
  EXPECT_EQ(c.pixels[0], 88);
  const GrayImage inv = invert(src.data(), 10, 10);
  EXPECT_EQ(inv.pixels[0], 255);
}

#include "devices/printer/raster_image.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace lpse::printer;

namespace {

long ink(const Bitmap& b) { return std::count(b.pixels.begin(), b.pixels.end(), std::uint8_t{255}); }

GrayImage filled(int w, int h, std::uint8_t v) { return GrayImage(w, h, v); }

}  // namespace

TEST(ScaleToFit, AveragesAreasExactly) {
  // 4x2: left half black, right half white -> 2x1: one black, one white pixel.
  GrayImage img(4, 2);
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 2; ++x) img.at(x, y) = 0;
  const GrayImage out = scaleToFit(img, 2, 10);
  ASSERT_EQ(out.width, 2);
  ASSERT_EQ(out.height, 1);
  EXPECT_EQ(out.at(0, 0), 0);
  EXPECT_EQ(out.at(1, 0), 255);
  // 3 -> 2 columns: the middle source column is split between both outputs.
  GrayImage row(3, 1);
  row.at(0, 0) = 0;
  row.at(1, 0) = 90;
  row.at(2, 0) = 255;
  const GrayImage two = scaleToFit(row, 2, 1);
  ASSERT_EQ(two.width, 2);
  EXPECT_EQ(two.at(0, 0), 30);   // (0*2 + 90*1) / 3
  EXPECT_EQ(two.at(1, 0), 200);  // (90*1 + 255*2) / 3
}

TEST(ScaleToFit, KeepsAspectNeverEnlargesAndRefusesNonsense) {
  const GrayImage wide = scaleToFit(filled(600, 200, 0), 576, 160);
  EXPECT_EQ(wide.width, 480);  // the height bound wins: 200 -> 160, 600 -> 480
  EXPECT_EQ(wide.height, 160);
  EXPECT_TRUE(std::all_of(wide.light.begin(), wide.light.end(), [](auto v) { return v == 0; }));
  const GrayImage narrow = scaleToFit(filled(600, 200, 0), 384, 160);
  EXPECT_EQ(narrow.width, 384);
  EXPECT_EQ(narrow.height, 128);
  const GrayImage small = scaleToFit(filled(40, 20, 7), 576, 160);
  EXPECT_EQ(small.width, 40);  // a small logo stays 1:1
  EXPECT_EQ(small.height, 20);
  const GrayImage line = scaleToFit(filled(2000, 1, 0), 100, 100);
  EXPECT_EQ(line.width, 100);
  EXPECT_EQ(line.height, 1);  // never 0 rows
  EXPECT_EQ(scaleToFit(filled(10, 10, 0), 0, 10).width, 0);
  GrayImage broken(4, 4);
  broken.light.resize(3);
  EXPECT_EQ(scaleToFit(broken, 2, 2).width, 0);
}

TEST(ToDots, ThresholdSplitsAtTheLevel) {
  GrayImage img(4, 1);
  img.light = {0, 127, 128, 255};
  const Bitmap b = toDots(img, Dither::Threshold);
  EXPECT_EQ(b.pixels, (std::vector<std::uint8_t>{255, 255, 0, 0}));
  EXPECT_EQ(toDots(img, Dither::Threshold, 100).pixels, (std::vector<std::uint8_t>{255, 0, 0, 0}));
}

TEST(ToDots, AtkinsonPrintsFlatAreasSolidAndTwoToneLikeThreshold) {
  EXPECT_EQ(ink(toDots(filled(32, 32, 0), Dither::Atkinson)), 32 * 32);
  EXPECT_EQ(ink(toDots(filled(32, 32, 255), Dither::Atkinson)), 0);
  // A black-and-white logo has no error to spread: identical to Threshold.
  GrayImage twoTone(37, 23);
  for (int y = 0; y < twoTone.height; ++y)
    for (int x = 0; x < twoTone.width; ++x) twoTone.at(x, y) = ((x / 5 + y / 3) % 2) ? 0 : 255;
  EXPECT_EQ(toDots(twoTone, Dither::Atkinson).pixels, toDots(twoTone, Dither::Threshold).pixels);
}

TEST(ToDots, AtkinsonKeepsMidGreysAndCleansTheExtremes) {
  const auto cover = [](std::uint8_t level) {
    return static_cast<double>(ink(toDots(filled(64, 64, level), Dither::Atkinson))) / (64 * 64);
  };
  // Mid grey: threshold gives nothing (128 is paper), Atkinson half the dots.
  EXPECT_EQ(ink(toDots(filled(64, 64, 128), Dither::Threshold)), 0);
  EXPECT_NEAR(cover(128), 0.5, 0.05);
  // It drops 1/4 of the error, so light greys print lighter than their level
  // and the faintest not at all (no stray dots on the paper), while dark
  // greys print darker (solid, where thermal dots bleed together anyway).
  EXPECT_GT(cover(200), 0.05);
  EXPECT_LT(cover(200), (255 - 200) / 255.0);
  EXPECT_EQ(cover(245), 0.0);
  EXPECT_GT(cover(60), (255 - 60) / 255.0);
  EXPECT_LT(cover(60), 1.0);
  // Monotonic: darker grey, more ink.
  EXPECT_LT(cover(160), cover(128));
  EXPECT_LT(cover(128), cover(100));
}

TEST(CenterOnPaper, PadsTheLeftOnlyAndCutsWhatIsTooWide) {
  Bitmap logo(100, 2);
  logo.at(0, 0) = 255;
  logo.at(99, 1) = 255;
  const Bitmap c = centerOnPaper(logo, 576);
  ASSERT_EQ(c.width, 238 + 100);
  ASSERT_EQ(c.height, 2);
  EXPECT_TRUE(c.inked(238, 0));
  EXPECT_TRUE(c.inked(337, 1));
  EXPECT_EQ(ink(c), 2);
  const Bitmap cut = centerOnPaper(Bitmap(700, 1), 576);
  EXPECT_EQ(cut.width, 576);
  EXPECT_TRUE(centerOnPaper(Bitmap(), 576).empty());
}

TEST(TrimBlankRows, DropsWhiteMarginsTopAndBottom) {
  Bitmap b(8, 10);
  b.at(3, 2) = 255;
  b.at(4, 6) = 255;
  const Bitmap t = trimBlankRows(b);
  ASSERT_EQ(t.height, 5);
  EXPECT_EQ(t.width, 8);
  EXPECT_TRUE(t.inked(3, 0));
  EXPECT_TRUE(t.inked(4, 4));
  EXPECT_TRUE(trimBlankRows(Bitmap(8, 4)).empty());
}

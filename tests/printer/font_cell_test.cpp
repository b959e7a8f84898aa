#include "devices/printer/font_cell.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace lpse::printer;

namespace {
long inkIn(const Bitmap& b, int x0, int y0, int x1, int y1) {
  long n = 0;
  for (int y = std::max(0, y0); y < std::min(b.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(b.width, x1); ++x) n += b.inked(x, y);
  return n;
}

void requireFonts() {
  if (!std::filesystem::exists("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"))
    GTEST_SKIP() << "fonts-noto-core is not installed";
}
}  // namespace

TEST(DrawCharCell, InksInsideTheCellOnly) {
  requireFonts();
  ASSERT_TRUE(fontsAvailable());
  Bitmap page(60, 60);
  drawCharCell(page, U'M', false, 20, 10, 12, 24);
  EXPECT_GT(inkIn(page, 20, 10, 32, 34), 20);
  EXPECT_EQ(inkIn(page, 0, 0, 60, 60), inkIn(page, 20, 10, 32, 34));
}

TEST(DrawCharCell, SpaceIsBlankAndBoldIsHeavier) {
  requireFonts();
  Bitmap space(24, 48), regular(24, 48), bold(24, 48);
  drawCharCell(space, U' ', false, 0, 0, 24, 48);
  drawCharCell(regular, U'E', false, 0, 0, 24, 48);
  drawCharCell(bold, U'E', true, 0, 0, 24, 48);
  EXPECT_EQ(inkIn(space, 0, 0, 24, 48), 0);
  EXPECT_GT(inkIn(bold, 0, 0, 24, 48), inkIn(regular, 0, 0, 24, 48));
}

TEST(DrawCharCell, DescendersAndAccentsStayInTheCell) {
  requireFonts();
  Bitmap g(12, 24), e(12, 24);
  drawCharCell(g, U'g', false, 0, 0, 12, 24);
  drawCharCell(e, U'\u00c9', false, 0, 0, 12, 24);
  EXPECT_GT(inkIn(g, 0, 18, 12, 24), 0);  // the tail of g is below the baseline
  EXPECT_GT(inkIn(e, 0, 0, 12, 5), 0);    // the accent of É is near the top
}

TEST(DrawCharCell, MissingGlyphPrintsAQuestionMark) {
  requireFonts();
  Bitmap cjk(12, 24), question(12, 24);
  drawCharCell(cjk, U'\u65e5', false, 0, 0, 12, 24);
  drawCharCell(question, U'?', false, 0, 0, 12, 24);
  EXPECT_EQ(cjk.pixels, question.pixels);
  EXPECT_GT(inkIn(question, 0, 0, 12, 24), 0);
}

TEST(DrawCharCell, ClipsAtThePageEdge) {
  Bitmap page(10, 10);
  drawCharCell(page, U'W', true, -6, -12, 24, 48);  // mostly off the page
  EXPECT_GT(inkIn(page, 0, 0, 10, 10), 0);  // the part on the page is drawn
  drawCharCell(page, U'W', true, 8, 8, 24, 48);
  EXPECT_TRUE(page.valid());
}

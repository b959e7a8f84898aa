// The high-contrast palette, computed: every text/background pair the
// widgets and the kiosk's screens draw is at least 7:1 (WCAG 2.x AAA).
#include "kiosk/ui/theme.hpp"

#include <gtest/gtest.h>

using namespace lpse::ui;

TEST(Theme, ContrastRatioMatchesTheWcagFormula) {
  EXPECT_NEAR(contrastRatio({0, 0, 0, 1}, {1, 1, 1, 1}), 21.0f, 0.01f);
  EXPECT_NEAR(contrastRatio({1, 1, 1, 1}, {1, 1, 1, 1}), 1.0f, 0.001f);
  // #767676 on white is the textbook 4.54:1.
  const float g = 0x76 / 255.0f;
  EXPECT_NEAR(contrastRatio({g, g, g, 1}, {1, 1, 1, 1}), 4.54f, 0.01f);
}

TEST(Theme, HighContrastPaletteIsAtLeastSevenToOneForEveryPair) {
  const auto pairs = textPairs(highContrastPalette());
  ASSERT_GE(pairs.size(), 12u);
  for (const auto& p : pairs) EXPECT_GE(contrastRatio(p.ink, p.fill), 7.0f) << p.name;
}

TEST(Theme, NormalPaletteKeepsItsMainTextAboveSevenToOne) {
  // The normal look is not AAA everywhere (amber buttons, red fills); its
  // body text is.
  const auto& n = normalPalette();
  EXPECT_GE(contrastRatio(n.text, n.background), 7.0f);
  EXPECT_GE(contrastRatio(n.textDim, n.background), 7.0f);
  EXPECT_GE(contrastRatio(n.onAccent, n.accent), 7.0f);
}

TEST(Theme, SwitchingPalettesChangesWhatTheColoursName) {
  setHighContrast(true);
  EXPECT_TRUE(highContrast());
  EXPECT_EQ(colors::kBackground.x, highContrastPalette().background.x);
  EXPECT_EQ(colors::kAccent.z, highContrastPalette().accent.z);
  setHighContrast(false);
  EXPECT_EQ(colors::kBackground.z, normalPalette().background.z);
}

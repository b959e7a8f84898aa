#include "kiosk/ui/window_options.hpp"

#include <gtest/gtest.h>

using namespace lpse::ui;

TEST(WindowOptions, ParseSize) {
  auto size = parseSize("1920x1080");
  ASSERT_TRUE(size.has_value());
  EXPECT_EQ(size->width, 1920);
  EXPECT_EQ(size->height, 1080);
  EXPECT_TRUE(parseSize("800X600").has_value());
  EXPECT_FALSE(parseSize("1920").has_value());
  EXPECT_FALSE(parseSize("0x600").has_value());
  EXPECT_FALSE(parseSize("-5x600").has_value());
  EXPECT_FALSE(parseSize("800x600px").has_value());
  EXPECT_FALSE(parseSize("").has_value());
}

TEST(WindowOptions, ParsePos) {
  auto pos = parsePos("100,-20");
  ASSERT_TRUE(pos.has_value());
  EXPECT_EQ(pos->x, 100);
  EXPECT_EQ(pos->y, -20);
  EXPECT_FALSE(parsePos("100").has_value());
  EXPECT_FALSE(parsePos("a,b").has_value());
}

TEST(WindowOptions, SharedFlagsAreAppliedAndTheRestKept) {
  std::vector<std::string> rest;
  auto o = parseWindowArgs(
      {"prog", "--size", "800x600", "--pos=10,20", "--fullscreen", "--server", "http://x", "--ui-scale",
       "1.5", "--screenshot", "/tmp/s.png", "--hide-cursor", "--ui-map=/tmp/m.json", "--undecorated"},
      WindowOptions{.title = "T"}, &rest);
  ASSERT_TRUE(o.ok()) << o.error().en;
  EXPECT_EQ(o->title, "T");
  EXPECT_EQ(o->width, 800);
  EXPECT_EQ(o->height, 600);
  EXPECT_EQ(o->posX, 10);
  EXPECT_EQ(o->posY, 20);
  EXPECT_TRUE(o->fullscreen);
  EXPECT_TRUE(o->hideCursor);
  EXPECT_TRUE(o->undecorated);
  EXPECT_FLOAT_EQ(o->uiScale, 1.5f);
  EXPECT_EQ(o->screenshotPath, "/tmp/s.png");
  EXPECT_EQ(o->uiMapPath, "/tmp/m.json");
  EXPECT_EQ(rest, (std::vector<std::string>{"--server", "http://x"}));
}

TEST(WindowOptions, BadValuesAreBilingualErrors) {
  auto size = parseWindowArgs({"prog", "--size", "big"}, {});
  ASSERT_FALSE(size.ok());
  EXPECT_EQ(size.error().code, "bad_option");
  EXPECT_EQ(size.error().field, "--size");
  EXPECT_NE(size.error().en.find("\"big\""), std::string::npos);
  EXPECT_NE(size.error().id.find("LEBARxTINGGI"), std::string::npos);

  auto missing = parseWindowArgs({"prog", "--screenshot"}, {});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().en.find("needs a value"), std::string::npos);

  EXPECT_FALSE(parseWindowArgs({"prog", "--ui-scale", "0"}, {}).ok());
  EXPECT_FALSE(parseWindowArgs({"prog", "--ui-scale", "2x"}, {}).ok());
}

// The camera preview texture in a real GL 3.3 context (Xvfb + llvmpipe):
// what is uploaded is what the GPU holds, a repeated sequence is not
// uploaded again, and a malformed frame is refused.
#include "kiosk/ui/gray_texture.hpp"

#include <GL/gl.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <vector>

#include "kiosk/ui/window_app.hpp"

using namespace lpse::ui;

namespace {

bool haveDisplay() {
  const char* d = std::getenv("DISPLAY");
  return d && *d;
}

std::vector<std::uint8_t> readBack(const GrayTexture& t) {
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(t.width()) * t.height() * 4);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(t.id())));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  return rgba;
}

}  // namespace

TEST(GrayTexture, UploadsTheFrameAndSkipsARepeat) {
  if (!haveDisplay()) GTEST_SKIP() << "no DISPLAY; run under xvfb-run";
  WindowOptions o;
  o.width = 64;
  o.height = 64;
  auto app = WindowApp::create(o);
  ASSERT_TRUE(app.ok()) << app.error().en;

  // 5x3: an odd width checks the row alignment.
  std::vector<std::uint8_t> gray(15);
  for (std::size_t i = 0; i < gray.size(); ++i) gray[i] = static_cast<std::uint8_t>(i * 17);
  GrayTexture t;
  EXPECT_FALSE(t.valid());
  ASSERT_TRUE(t.update(gray.data(), 5, 3, 1));
  ASSERT_TRUE(t.valid());
  EXPECT_EQ(t.width(), 5);
  EXPECT_EQ(t.height(), 3);
  auto px = readBack(t);
  for (std::size_t i = 0; i < gray.size(); ++i) {
    EXPECT_EQ(px[i * 4], gray[i]) << i;
    EXPECT_EQ(px[i * 4 + 1], gray[i]) << i;
    EXPECT_EQ(px[i * 4 + 3], 255) << i;
  }
  // The same sequence again is not uploaded (the frame loop redraws often).
  std::vector<std::uint8_t> other(15, 200);
  ASSERT_TRUE(t.update(other.data(), 5, 3, 1));
  EXPECT_EQ(readBack(t)[4], gray[1]);
  ASSERT_TRUE(t.update(other.data(), 5, 3, 2));
  EXPECT_EQ(readBack(t)[4], 200);

  EXPECT_FALSE(t.update(nullptr, 5, 3, 3));
  EXPECT_FALSE(t.update(other.data(), 0, 3, 3));
  t.reset();
  EXPECT_FALSE(t.valid());
}

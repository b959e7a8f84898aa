#include "devices/camera/image_file_source.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/camera/camera_test_support.hpp"

using namespace lpse::camera;
using namespace lpse::camera::testing;
using namespace std::chrono_literals;

TEST(ImageFile, LoadsPngAndJpegAsGray) {
  TempDir dir;
  const Frame src = pattern(120, 80);
  ASSERT_TRUE(stbi_write_png(dir.file("a.png").c_str(), 120, 80, 1, src.gray.data(), 120));
  const auto jpg = jpegOf(src, 95);
  std::ofstream(dir.file("b.jpg"), std::ios::binary).write(reinterpret_cast<const char*>(jpg.data()), jpg.size());
  auto png = loadGrayImage(dir.file("a.png"));
  ASSERT_TRUE(png) << png.error().en;
  EXPECT_EQ(png->gray, src.gray);
  auto jpeg = loadGrayImage(dir.file("b.jpg"));
  ASSERT_TRUE(jpeg) << jpeg.error().en;
  EXPECT_EQ(jpeg->width, 120);
  EXPECT_LT(meanAbsDiff(jpeg->gray, src.gray), 4.0);
}

TEST(ImageFile, UnreadableFilesSayWhy) {
  TempDir dir;
  std::ofstream(dir.file("x.png")) << "not an image";
  for (const std::string& f : {dir.file("x.png"), dir.file("missing.png")}) {
    auto r = loadGrayImage(f);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, kImageLoad);
    EXPECT_NE(r.error().en.find(f), std::string::npos);
    EXPECT_FALSE(r.error().id.empty());
  }
}

TEST(ImageFileSource, CyclesThroughTheFilesWithRisingSequence) {
  TempDir dir;
  const Frame a = pattern(40, 30, 1), b = pattern(50, 20, 2);
  ASSERT_TRUE(stbi_write_png(dir.file("a.png").c_str(), 40, 30, 1, a.gray.data(), 40));
  ASSERT_TRUE(stbi_write_png(dir.file("b.png").c_str(), 50, 20, 1, b.gray.data(), 50));
  ImageFileSource src({dir.file("a.png"), dir.file("b.png")});
  ASSERT_TRUE(src.open());
  std::uint64_t last = 0;
  for (int i = 0; i < 5; ++i) {
    auto f = src.grab(100ms);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->width, i % 2 ? 50 : 40);
    EXPECT_GT(f->sequence, last);
    last = f->sequence;
  }
}

TEST(ImageFileSource, WithoutLoopTheEndIsLikeAnUnplug) {
  TempDir dir;
  const Frame a = pattern(8, 8);
  ASSERT_TRUE(stbi_write_png(dir.file("a.png").c_str(), 8, 8, 1, a.gray.data(), 8));
  ImageFileSource src({dir.file("a.png")}, {.loop = false});
  ASSERT_TRUE(src.open());
  EXPECT_TRUE(src.grab(10ms));
  auto end = src.grab(10ms);
  ASSERT_FALSE(end);
  EXPECT_EQ(end.error().code, kCameraLost);
}

TEST(ImageFileSource, PacedSourceTimesOutInsteadOfBlocking) {
  TempDir dir;
  const Frame a = pattern(8, 8);
  ASSERT_TRUE(stbi_write_png(dir.file("a.png").c_str(), 8, 8, 1, a.gray.data(), 8));
  ImageFileSource src({dir.file("a.png")}, {.loop = true, .fps = 0.2});  // one frame per 5 s
  ASSERT_TRUE(src.open());
  ASSERT_TRUE(src.grab(10ms));  // the first is due at once
  auto next = src.grab(20ms);   // the second only in 5 s: the timeout wins
  ASSERT_FALSE(next);
  EXPECT_EQ(next.error().code, kCameraTimeout);
}

TEST(ImageFileSource, OpenFailsWhenNoFileLoads) {
  ImageFileSource src({"/nonexistent/a.png"});
  auto st = src.open();
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, kImageLoad);
  EXPECT_FALSE(src.grab(10ms));
}

// The wall display's logo file: PNG and JPEG read, a big one shrunk with its
// aspect, every bad file refused with a sentence naming it, and the resample
// that sizes it for the layout (area average, no dark fringe at a
// transparent edge).
#include <gtest/gtest.h>
#include <stb_image_write.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "kiosk/display_app/display_logo.hpp"

using namespace lpse::display;

namespace {

struct TempDir {
  TempDir() {
    char tmpl[] = "/tmp/lpse-logo-test-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string file(const std::string& name) const { return path + "/" + name; }
  std::string path;
};

// w x h: left half opaque red, right half fully transparent (black).
std::vector<unsigned char> halfRed(int w, int h) {
  std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 4, 0);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w / 2; ++x) {
      unsigned char* p = &px[(static_cast<std::size_t>(y) * w + x) * 4];
      p[0] = 255;
      p[3] = 255;
    }
  return px;
}

void expectRefused(const LogoLoad& l, const std::string& path, const std::string& word) {
  ASSERT_TRUE(l.error.has_value()) << path;
  EXPECT_TRUE(l.image.empty());
  EXPECT_EQ(l.error->field, "display.logo");
  EXPECT_NE(l.error->id.find(path), std::string::npos) << l.error->id;
  EXPECT_NE(l.error->en.find(path), std::string::npos) << l.error->en;
  EXPECT_NE(l.error->id.find(word), std::string::npos) << l.error->id;
}

}  // namespace

TEST(DisplayLogo, ReadsAPngAndAJpeg) {
  TempDir d;
  const auto px = halfRed(64, 32);
  ASSERT_TRUE(stbi_write_png(d.file("a.png").c_str(), 64, 32, 4, px.data(), 64 * 4));
  ASSERT_TRUE(stbi_write_jpg(d.file("a.jpg").c_str(), 64, 32, 4, px.data(), 90));
  for (const char* f : {"a.png", "a.jpg"}) {
    const LogoLoad l = loadLogo(d.file(f));
    ASSERT_FALSE(l.error) << l.error->en;
    EXPECT_EQ(l.image.width, 64);
    EXPECT_EQ(l.image.height, 32);
    ASSERT_EQ(l.image.rgba.size(), 64u * 32 * 4);
    EXPECT_GT(l.image.rgba[0], 200) << f;  // red at the top left
  }
}

TEST(DisplayLogo, ABigLogoIsShrunkToTheKeptSizeWithItsAspect) {
  TempDir d;
  const auto px = halfRed(2000, 500);
  ASSERT_TRUE(stbi_write_png(d.file("wide.png").c_str(), 2000, 500, 4, px.data(), 2000 * 4));
  const LogoLoad l = loadLogo(d.file("wide.png"));
  ASSERT_FALSE(l.error);
  EXPECT_EQ(l.image.width, kLogoSourceSide);
  EXPECT_EQ(l.image.height, kLogoSourceSide / 4);
}

TEST(DisplayLogo, EveryBadFileIsRefusedNamingIt) {
  TempDir d;
  expectRefused(loadLogo(d.file("nothing.png")), d.file("nothing.png"), "tidak ditemukan");

  // Not a PNG or JPEG, whatever its name says (stb alone would take a BMP).
  std::ofstream(d.file("text.png")) << "this is not a picture\n";
  expectRefused(loadLogo(d.file("text.png")), d.file("text.png"), "bukan gambar PNG atau JPEG");
  const auto px = halfRed(8, 8);
  ASSERT_TRUE(stbi_write_bmp(d.file("logo.bmp").c_str(), 8, 8, 4, px.data()));
  expectRefused(loadLogo(d.file("logo.bmp")), d.file("logo.bmp"), "bukan gambar PNG atau JPEG");

  // Damaged: a PNG cut in half, and one with its header garbled.
  ASSERT_TRUE(stbi_write_png(d.file("whole.png").c_str(), 8, 8, 4, px.data(), 8 * 4));
  std::ifstream in(d.file("whole.png"), std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::ofstream(d.file("cut.png"), std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  expectRefused(loadLogo(d.file("cut.png")), d.file("cut.png"), "rusak");
  std::ofstream(d.file("garbled.png"), std::ios::binary) << bytes.substr(0, 8) << std::string(40, '\x01');
  expectRefused(loadLogo(d.file("garbled.png")), d.file("garbled.png"), "rusak");

  // 10000x10000 (the header says so): refused before decoding 400 MB.
  const unsigned char head[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                0, 0, 0x27, 0x10, 0, 0, 0x27, 0x10, 8, 6, 0, 0, 0, 0x5B, 0x2C, 0x64, 0x6E};
  std::ofstream(d.file("huge.png"), std::ios::binary).write(reinterpret_cast<const char*>(head), sizeof head);
  const LogoLoad huge = loadLogo(d.file("huge.png"));
  expectRefused(huge, d.file("huge.png"), "terlalu besar");
  EXPECT_NE(huge.error->id.find("10000x10000"), std::string::npos) << huge.error->id;

  // Nothing to see.
  const std::vector<unsigned char> clear(8 * 8 * 4, 0);
  ASSERT_TRUE(stbi_write_png(d.file("clear.png").c_str(), 8, 8, 4, clear.data(), 8 * 4));
  expectRefused(loadLogo(d.file("clear.png")), d.file("clear.png"), "kosong");
}

TEST(DisplayLogo, ResampleAveragesByAreaWithoutADarkFringe) {
  LogoImage img{8, 2, halfRed(8, 2)};
  // 8 -> 3 columns: the middle one covers 1.33 red and 1.33 clear pixels.
  const LogoImage out = resample(img, 3, 1);
  ASSERT_EQ(out.rgba.size(), 3u * 4);
  EXPECT_EQ(out.rgba[0], 255);
  EXPECT_EQ(out.rgba[3], 255);
  EXPECT_EQ(out.rgba[4], 255) << "the half-covered pixel is red, half transparent; not dark red";
  EXPECT_NEAR(out.rgba[7], 128, 1);
  EXPECT_EQ(out.rgba[11], 0);
  // Enlarging repeats pixels; the same size is a copy.
  const LogoImage up = resample(img, 16, 4);
  EXPECT_EQ(up.rgba[(16 * 3 + 7) * 4 + 0], 255);
  EXPECT_EQ(up.rgba[(16 * 3 + 8) * 4 + 3], 0);
  EXPECT_EQ(resample(img, 8, 2).rgba, img.rgba);
}

TEST(DisplayLogo, FitKeepsTheAspectInWholePixels) {
  EXPECT_EQ(fitLogo(512, 512, 300, 82).width, 82);
  EXPECT_EQ(fitLogo(600, 200, 300, 82).width, 246);
  EXPECT_EQ(fitLogo(600, 200, 300, 82).height, 82);
  EXPECT_EQ(fitLogo(600, 200, 120, 82).height, 40);
  EXPECT_EQ(fitLogo(0, 200, 120, 82).width, 0);
  EXPECT_EQ(fitLogo(600, 200, 0.5f, 82).width, 0);
}

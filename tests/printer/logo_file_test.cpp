// The ticket logo from real files: the shipped assets/logo-ticket.png, and
// broken, missing, oversized and blank files written here.
#include "devices/printer/logo_file.hpp"

#include <gtest/gtest.h>
#include <stb_image_write.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace lpse::printer;
namespace fs = std::filesystem;

namespace {

const fs::path kLogo = fs::path(LPSE_SOURCE_DIR) / "assets" / "logo-ticket.png";

class TempDir {
 public:
  TempDir() : m_path(fs::temp_directory_path() / ("lpse-logo-" + std::to_string(::getpid()))) {
    fs::create_directories(m_path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  fs::path operator/(const std::string& name) const { return m_path / name; }

 private:
  fs::path m_path;
};

struct InkBox {
  int x0 = 1 << 30, x1 = -1, y0 = 1 << 30, y1 = -1;
};
InkBox inkBox(const Bitmap& b) {
  InkBox box;
  for (int y = 0; y < b.height; ++y)
    for (int x = 0; x < b.width; ++x)
      if (b.inked(x, y)) {
        box.x0 = std::min(box.x0, x), box.x1 = std::max(box.x1, x);
        box.y0 = std::min(box.y0, y), box.y1 = std::max(box.y1, y);
      }
  return box;
}

}  // namespace

TEST(LoadLogo, ShippedLogoFitsBothPapersCentred) {
  for (int dots : {576, 384}) {
    LogoOptions o;
    o.maxWidth = dots;
    const LogoLoad logo = loadLogo(kLogo, o);
    ASSERT_TRUE(logo.ok()) << logo.error;
    ASSERT_TRUE(logo.image.valid());
    EXPECT_LE(logo.image.width, dots);
    EXPECT_LE(logo.image.height, o.maxHeight);
    EXPECT_GT(logo.image.height, 100);  // 600x200 shrunk, not cropped to a strip
    const InkBox box = inkBox(logo.image);
    ASSERT_GE(box.x1, 0);
    // Centred: the margin left of the ink equals the paper right of it (+-1 dot).
    EXPECT_NEAR(box.x0, dots - 1 - box.x1, 1) << dots;
    // Blank rows trimmed: ink on the first and last row (the frame).
    EXPECT_EQ(box.y0, 0);
    EXPECT_EQ(box.y1, logo.image.height - 1);
  }
}

TEST(LoadLogo, TransparencyIsPaperAndGreyIsDithered) {
  LogoOptions o;
  o.maxWidth = 600;
  o.maxHeight = 200;  // 1:1, so pixels can be checked against the file
  const LogoLoad logo = loadLogo(kLogo, o);
  ASSERT_TRUE(logo.ok()) << logo.error;
  const Bitmap& b = logo.image;
  // The file's outermost rows are transparent: trimmed, one at each end.
  ASSERT_EQ(b.height, 198);
  ASSERT_EQ(b.width, 600);
  // The file's corners are transparent (outside the rounded frame): paper,
  // not black, although their stored grey is 0.
  EXPECT_FALSE(b.inked(1, 1));
  EXPECT_FALSE(b.inked(598, 196));
  EXPECT_TRUE(b.inked(300, 2));  // the frame's top edge
  // The emblem's ring is grey 55 %: a dot pattern, neither solid nor empty.
  int inked = 0, total = 0;
  for (int y = 94; y < 104; ++y)
    for (int x = 36; x < 46; ++x, ++total) inked += b.inked(x, y);
  EXPECT_GT(inked, total / 5);
  EXPECT_LT(inked, total * 4 / 5);
  // Threshold instead: the 55 % grey is lighter than the midpoint, so paper.
  o.dither = Dither::Threshold;
  const Bitmap t = loadLogo(kLogo, o).image;
  inked = 0;
  for (int y = 94; y < 104; ++y)
    for (int x = 36; x < 46; ++x) inked += t.inked(x, y);
  EXPECT_EQ(inked, 0);
  EXPECT_TRUE(t.inked(100, 99));  // the emblem's black centre stays black
}

TEST(LoadLogo, MissingBrokenHugeOrBlankFilesAreErrorsNotCrashes) {
  TempDir dir;
  const LogoOptions o;
  LogoLoad r = loadLogo(dir / "nope.png", o);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.image.empty());
  EXPECT_NE(r.error.find("tidak ditemukan"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("nope.png"), std::string::npos) << r.error;

  std::ofstream(dir / "broken.png", std::ios::binary) << "\x89PNG\r\n\x1a\n this is not a picture";
  r = loadLogo(dir / "broken.png", o);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.image.empty());

  // A truncated real PNG: header fine, data cut off.
  std::ifstream in(kLogo, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  std::ofstream(dir / "cut.png", std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  r = loadLogo(dir / "cut.png", o);
  EXPECT_FALSE(r.ok());

  std::vector<std::uint8_t> wide(5000, 0);
  ASSERT_TRUE(stbi_write_png((dir / "wide.png").c_str(), 5000, 1, 1, wide.data(), 5000));
  r = loadLogo(dir / "wide.png", o);
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("terlalu besar"), std::string::npos) << r.error;

  std::vector<std::uint8_t> clear(64 * 32 * 2, 0);  // grey+alpha, all transparent
  ASSERT_TRUE(stbi_write_png((dir / "clear.png").c_str(), 64, 32, 2, clear.data(), 64 * 2));
  r = loadLogo(dir / "clear.png", o);
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("kosong"), std::string::npos) << r.error;

  r = loadLogo(dir / "", o);  // a directory
  EXPECT_FALSE(r.ok());
}

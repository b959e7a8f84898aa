#include "devices/camera/frame_convert.hpp"

#include <gtest/gtest.h>

#include "devices/camera/frame_source.hpp"
#include "tests/camera/camera_test_support.hpp"

using namespace lpse::camera;
using namespace lpse::camera::testing;

namespace {

// Packs a gray frame as YUYV (or UYVY) with chroma that varies, and `pad`
// bytes of padding per row, the way drivers align bytesperline.
std::vector<std::uint8_t> packed422(const Frame& f, bool uyvy, int pad) {
  const int stride = f.width * 2 + pad;
  std::vector<std::uint8_t> out(static_cast<std::size_t>(stride) * f.height, 0xEE);
  for (int y = 0; y < f.height; ++y)
    for (int x = 0; x < f.width; ++x) {
      std::uint8_t* p = out.data() + static_cast<std::size_t>(y) * stride + 2 * x;
      const std::uint8_t chroma = static_cast<std::uint8_t>((x * 7 + y * 3) & 0xff);
      if (uyvy) {
        p[0] = chroma;
        p[1] = f.at(x, y);
      } else {
        p[0] = f.at(x, y);
        p[1] = chroma;
      }
    }
  return out;
}

// Removes the DHT (Huffman table) segments, as many UVC cameras send MJPEG.
std::vector<std::uint8_t> withoutHuffmanTables(const std::vector<std::uint8_t>& jpg) {
  std::vector<std::uint8_t> out(jpg.begin(), jpg.begin() + 2);
  std::size_t i = 2;
  while (i + 4 <= jpg.size() && jpg[i] == 0xFF) {
    const int marker = jpg[i + 1];
    const std::size_t len = (jpg[i + 2] << 8) | jpg[i + 3];
    if (marker == 0xDA) break;  // start of scan: the rest is entropy-coded data
    if (marker != 0xC4) out.insert(out.end(), jpg.begin() + i, jpg.begin() + i + 2 + len);
    i += 2 + len;
  }
  out.insert(out.end(), jpg.begin() + i, jpg.end());
  return out;
}

}  // namespace

TEST(FrameConvert, YuyvTakesTheLumaBytes) {
  const Frame src = pattern(64, 48);
  for (int pad : {0, 32}) {
    const auto buf = packed422(src, false, pad);
    auto f = yuyvToGray(buf.data(), buf.size(), 64, 48, pad ? 64 * 2 + pad : 0);
    ASSERT_TRUE(f) << f.error().en;
    EXPECT_EQ(f->width, 64);
    EXPECT_EQ(f->height, 48);
    EXPECT_EQ(f->gray, src.gray) << "pad " << pad;
  }
}

TEST(FrameConvert, UyvyTakesTheOddBytes) {
  const Frame src = pattern(32, 20, 3);
  const auto buf = packed422(src, true, 8);
  auto f = uyvyToGray(buf.data(), buf.size(), 32, 20, 32 * 2 + 8);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->gray, src.gray);
}

TEST(FrameConvert, LumaPlaneHonoursTheStride) {
  const Frame src = pattern(30, 10);
  const int stride = 40;
  std::vector<std::uint8_t> buf(static_cast<std::size_t>(stride) * 10 + 30 * 10 / 2, 0x55);  // + NV12 chroma
  for (int y = 0; y < 10; ++y) std::copy_n(src.gray.begin() + y * 30, 30, buf.begin() + y * stride);
  auto f = lumaPlaneToGray(buf.data(), buf.size(), 30, 10, stride);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->gray, src.gray);
}

TEST(FrameConvert, ShortOrEmptyBuffersAreErrorsNotCrashes) {
  std::vector<std::uint8_t> buf(100);
  auto a = yuyvToGray(buf.data(), buf.size(), 64, 48);
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().code, kCameraFrame);
  EXPECT_FALSE(lumaPlaneToGray(buf.data(), buf.size(), 64, 48));
  EXPECT_FALSE(yuyvToGray(buf.data(), buf.size(), 0, 0));
  EXPECT_FALSE(yuyvToGray(buf.data(), buf.size(), 10, 2, 5));  // stride shorter than a row
}

TEST(FrameConvert, MjpegDecodesStraightToGray) {
  const Frame src = pattern(160, 120);
  for (int comp : {1, 3}) {
    const auto jpg = jpegOf(src, 95, comp);
    auto f = mjpegToGray(jpg.data(), jpg.size(), 160, 120);
    ASSERT_TRUE(f) << f.error().en;
    EXPECT_EQ(f->width, 160);
    EXPECT_EQ(f->height, 120);
    EXPECT_LT(meanAbsDiff(f->gray, src.gray), 4.0) << "comp " << comp;
  }
}

TEST(FrameConvert, MjpegWithoutHuffmanTablesDecodesLikeWithThem) {
  const Frame src = pattern(96, 64, 5);
  const auto jpg = jpegOf(src, 80);
  const auto bare = withoutHuffmanTables(jpg);
  ASSERT_LT(bare.size(), jpg.size());  // the tables really were taken out
  auto full = mjpegToGray(jpg.data(), jpg.size());
  auto stripped = mjpegToGray(bare.data(), bare.size());
  ASSERT_TRUE(full);
  ASSERT_TRUE(stripped) << stripped.error().en;
  EXPECT_EQ(stripped->gray, full->gray);
}

TEST(FrameConvert, BrokenMjpegIsAFrameOrAnErrorNeverACrash) {
  const Frame src = pattern(128, 96);
  const auto jpg = jpegOf(src, 90);
  // A frame cut short (USB packet loss): libjpeg-turbo fills the rest.
  std::vector<std::uint8_t> cut(jpg.begin(), jpg.begin() + jpg.size() * 6 / 10);
  auto f = mjpegToGray(cut.data(), cut.size(), 128, 96);
  if (f) {
    EXPECT_EQ(f->gray.size(), 128u * 96u);
  } else {
    EXPECT_EQ(f.error().code, kCameraFrame);
  }
  const std::vector<std::uint8_t> junk(500, 0x42);
  EXPECT_FALSE(mjpegToGray(junk.data(), junk.size()));
  EXPECT_FALSE(mjpegToGray(jpg.data(), jpg.size(), 640, 480));  // not the negotiated size
}

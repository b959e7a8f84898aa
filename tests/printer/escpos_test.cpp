#include "devices/printer/escpos.hpp"

#include <gtest/gtest.h>

#include <string_view>

using namespace lpse::printer;
using Bytes = std::vector<std::uint8_t>;

namespace {
Bytes concat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}
}  // namespace

TEST(EscPos, InitCodePageAlignBold) {
  EXPECT_EQ(EscPos().init().bytes(), (Bytes{0x1B, 0x40}));
  EXPECT_EQ(EscPos().codePage(kCodePageWpc1252).bytes(), (Bytes{0x1B, 0x74, 0x10}));
  EXPECT_EQ(EscPos().align(Align::Left).align(Align::Center).align(Align::Right).bytes(),
            (Bytes{0x1B, 0x61, 0, 0x1B, 0x61, 1, 0x1B, 0x61, 2}));
  EXPECT_EQ(EscPos().bold(true).bold(false).bytes(), (Bytes{0x1B, 0x45, 1, 0x1B, 0x45, 0}));
}

TEST(EscPos, SizePacksWidthHighNibbleHeightLowNibbleAndClamps) {
  EXPECT_EQ(EscPos().size(1, 1).bytes(), (Bytes{0x1D, 0x21, 0x00}));
  EXPECT_EQ(EscPos().size(8, 8).bytes(), (Bytes{0x1D, 0x21, 0x77}));
  EXPECT_EQ(EscPos().size(2, 3).bytes(), (Bytes{0x1D, 0x21, 0x12}));
  EXPECT_EQ(EscPos().size(0, 9).bytes(), (Bytes{0x1D, 0x21, 0x07}));
}

TEST(EscPos, FeedNewlineCut) {
  EXPECT_EQ(EscPos().feed(3).newline().bytes(), (Bytes{0x1B, 0x64, 3, 0x0A}));
  EXPECT_EQ(EscPos().feed(300).feed(-1).bytes(), (Bytes{0x1B, 0x64, 255, 0x1B, 0x64, 0}));
  EXPECT_EQ(EscPos().cut().bytes(), (Bytes{0x1D, 0x56, 0x42, 0x00}));
  EXPECT_EQ(EscPos().cut(5).bytes(), (Bytes{0x1D, 0x56, 0x42, 0x05}));
}

TEST(EscPos, TextIsFoldedToCp1252) {
  const Bytes got = EscPos().text("Rp 5.000 \u2013 Pak D\u00e9d\u00e9\u2019s \u201cform\u201d").bytes();
  const std::string want = "Rp 5.000 - Pak D\xE9" "d\xE9's \"form\"";
  EXPECT_EQ(got, Bytes(want.begin(), want.end()));
}

TEST(EscPos, TextCannotInjectCommands) {
  EXPECT_EQ(EscPos().text("a\x1B@b\nc").bytes(), (Bytes{'a', '?', '@', 'b', 0x0A, 'c'}));
  EXPECT_EQ(EscPos().textCp1252(std::string_view("x\x1D\x56\x00y\x7F\xE9", 7)).bytes(),
            (Bytes{'x', '?', 0x56, '?', 'y', '?', 0xE9}));
}

TEST(EscPos, QrStoresA300BytePayloadWithLengthPlusThree) {
  const std::string payload(300, 'Q');
  const Bytes got = EscPos().qr(payload, 6, QrEcc::M).bytes();
  const Bytes want = concat({
      {0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00},  // model 2
      {0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x06},        // module size 6
      {0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31},        // level M
      {0x1D, 0x28, 0x6B, 0x2F, 0x01, 0x31, 0x50, 0x30},        // store: 303 = 0x012F
      Bytes(payload.begin(), payload.end()),
      {0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30},        // print
  });
  EXPECT_EQ(got, want);
}

TEST(EscPos, QrLevelsAndModuleClamp) {
  const Bytes h = EscPos().qr("x", 40, QrEcc::H).bytes();
  ASSERT_EQ(h.size(), 9u + 8 + 8 + 8 + 1 + 8);
  EXPECT_EQ(h[16], 16);    // module size clamped to 16
  EXPECT_EQ(h[24], 0x33);  // H
  EXPECT_EQ(h[28], 4);     // pL = 1 + 3
  EXPECT_EQ(h[29], 0);
}

TEST(EscPos, QrPayloadBeyondCapacityIsAnErrorAndEmitsNothing) {
  EscPos p;
  p.init().qr(std::string(1274, 'a'), 4, QrEcc::H).cut();
  EXPECT_FALSE(p.ok());
  EXPECT_NE(p.error().find("capacity"), std::string::npos);
  EXPECT_EQ(p.bytes(), (Bytes{0x1B, 0x40, 0x1D, 0x56, 0x42, 0x00}));
  EXPECT_TRUE(EscPos().qr(std::string(1273, 'a'), 4, QrEcc::H).ok());
  EXPECT_FALSE(EscPos().qr("", 4, QrEcc::L).ok());
}

TEST(EscPos, RasterHeaderAndMsbFirstRows) {
  Bitmap img(10, 2);
  img.at(0, 0) = 255;
  img.at(9, 1) = 200;
  img.at(1, 1) = 100;  // below the 128 threshold: white
  const Bytes want{0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x02, 0x00,  // 2 bytes/row, 2 rows
                   0x80, 0x00, 0x00, 0x40};
  EXPECT_EQ(EscPos().raster(img).bytes(), want);
}

TEST(EscPos, TallRasterGoesInBandsOfAtMost2303Rows) {
  Bitmap img(8, 2400);
  const Bytes b = EscPos().raster(img).bytes();
  ASSERT_EQ(b.size(), 8u + 2303 + 8 + 97);
  EXPECT_EQ((Bytes(b.begin(), b.begin() + 8)), (Bytes{0x1D, 0x76, 0x30, 0, 1, 0, 0xFF, 0x08}));
  EXPECT_EQ((Bytes(b.begin() + 8 + 2303, b.begin() + 16 + 2303)), (Bytes{0x1D, 0x76, 0x30, 0, 1, 0, 97, 0}));
}

TEST(EscPos, MalformedRasterIsAnError) {
  Bitmap bad;
  bad.width = 16;
  bad.height = 4;  // no pixels
  EscPos p;
  p.raster(bad);
  EXPECT_FALSE(p.ok());
  EXPECT_TRUE(p.bytes().empty());
  EXPECT_TRUE(EscPos().raster(Bitmap()).bytes().empty());  // nothing to print is not an error
}

TEST(EscPos, ChainsInOrder) {
  const Bytes got = EscPos().init().codePage(16).align(Align::Center).bold(true).text("A").newline().cut().bytes();
  EXPECT_EQ(got, (Bytes{0x1B, 0x40, 0x1B, 0x74, 16, 0x1B, 0x61, 1, 0x1B, 0x45, 1, 'A', 0x0A, 0x1D, 0x56, 0x42, 0}));
}

TEST(EscPos, FullCutBytes) {
  EXPECT_EQ(EscPos().fullCut().bytes(), (Bytes{0x1D, 0x56, 0x41, 0x00}));
  EXPECT_EQ(EscPos().fullCut(300).bytes(), (Bytes{0x1D, 0x56, 0x41, 0xFF}));  // clamped
}

// A logo as the layout sends it: a white left margin (centring) then the
// picture, rows padded to whole bytes, MSB = leftmost dot.
TEST(EscPos, LogoRasterWithMarginIsByteExact) {
  Bitmap logo(21, 3);  // 13 dots of margin + an 8-dot picture
  for (int x = 13; x < 21; ++x) logo.at(x, 0) = 255;  // top row solid
  logo.at(13, 1) = 255;                              // left edge
  logo.at(20, 2) = 255;                              // right edge
  const Bytes want{0x1D, 0x76, 0x30, 0x00, 0x03, 0x00, 0x03, 0x00,
                   0x00, 0x07, 0xF8,   // dots 13..20: bits 2..0 of byte 1, 7..3 of byte 2
                   0x00, 0x04, 0x00,   // dot 13
                   0x00, 0x00, 0x08};  // dot 20
  EXPECT_EQ(EscPos().raster(logo).bytes(), want);
  // 576 dots wide = 72 bytes a row; 384 = 48.
  const Bytes full = EscPos().raster(Bitmap(576, 1)).bytes();
  EXPECT_EQ((Bytes(full.begin() + 4, full.begin() + 8)), (Bytes{72, 0, 1, 0}));
  const Bytes narrow = EscPos().raster(Bitmap(384, 1)).bytes();
  EXPECT_EQ((Bytes(narrow.begin() + 4, narrow.begin() + 8)), (Bytes{48, 0, 1, 0}));
  const Bytes wide = EscPos().raster(Bitmap(2048 + 8, 2)).bytes();
  EXPECT_EQ((Bytes(wide.begin() + 4, wide.begin() + 8)), (Bytes{0x01, 0x01, 2, 0}));  // 257 bytes: xL=1, xH=1
}

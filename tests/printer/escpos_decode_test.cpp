#include "devices/printer/escpos_decode.hpp"

#include <gtest/gtest.h>

#include <random>

#include "devices/printer/escpos.hpp"

using namespace lpse::printer;
using Bytes = std::vector<std::uint8_t>;

TEST(DecodeEscPos, TextRunsCarryTheirStyle) {
  const Bytes b = EscPos().init().codePage(16).align(Align::Center).size(8, 8).bold(true).text("R-001").newline()
                      .size(1, 2).bold(false).text("Reset").newline().bytes();
  const auto doc = decodeEscPos(b);
  EXPECT_FALSE(doc.truncated);
  EXPECT_EQ(doc.skippedCommands, 0);
  ASSERT_EQ(doc.elements.size(), 6u);
  EXPECT_TRUE(std::holds_alternative<DecodedInit>(doc.elements[0]));
  EXPECT_EQ(std::get<DecodedCodePage>(doc.elements[1]).page, 16);
  const auto& number = std::get<DecodedText>(doc.elements[2]);
  EXPECT_EQ(number.text, "R-001");
  EXPECT_EQ(number.width, 8);
  EXPECT_EQ(number.height, 8);
  EXPECT_TRUE(number.bold);
  EXPECT_EQ(number.align, Align::Center);
  EXPECT_TRUE(std::holds_alternative<DecodedNewline>(doc.elements[3]));
  const auto& service = std::get<DecodedText>(doc.elements[4]);
  EXPECT_EQ(service.text, "Reset");
  EXPECT_EQ(service.width, 1);
  EXPECT_EQ(service.height, 2);
  EXPECT_FALSE(service.bold);
  EXPECT_EQ(doc.plainText(), "R-001\nReset\n");
}

TEST(DecodeEscPos, SameStyleMergesStyleChangeSplits) {
  const auto doc = decodeEscPos(EscPos().text("ab").text("cd").bold(true).text("ef").bold(false).text("g").bytes());
  const auto runs = doc.texts();
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].text, "abcd");
  EXPECT_EQ(runs[1].text, "ef");
  EXPECT_TRUE(runs[1].bold);
  EXPECT_EQ(runs[2].text, "g");
}

TEST(DecodeEscPos, Cp1252BackToUtf8) {
  const auto doc = decodeEscPos(EscPos().text("D\u00e9d\u00e9 \u20ac \u2013").newline().bytes());
  EXPECT_EQ(doc.plainText(), "D\u00e9d\u00e9 \u20ac -\n");
}

TEST(DecodeEscPos, QrWithModuleSizeLevelAndAlign) {
  const auto doc = decodeEscPos(EscPos().align(Align::Center).qr("LPSE|R-001", 7, QrEcc::Q).bytes());
  const auto qrs = doc.qrCodes();
  ASSERT_EQ(qrs.size(), 1u);
  EXPECT_EQ(qrs[0].payload, "LPSE|R-001");
  EXPECT_EQ(qrs[0].moduleSize, 7);
  EXPECT_EQ(qrs[0].ecc, QrEcc::Q);
  EXPECT_EQ(qrs[0].align, Align::Center);
}

TEST(DecodeEscPos, RasterFeedsAndCut) {
  Bitmap img(12, 3);
  img.at(11, 2) = 255;
  img.at(0, 0) = 255;
  const auto doc = decodeEscPos(EscPos().raster(img).feed(4).cut(2).bytes());
  ASSERT_EQ(doc.elements.size(), 3u);
  const auto& r = std::get<DecodedRaster>(doc.elements[0]);
  EXPECT_EQ(r.width, 16);  // rows are whole bytes
  EXPECT_EQ(r.height, 3);
  EXPECT_EQ(r.mode, 0);
  EXPECT_TRUE(r.image.inked(0, 0));
  EXPECT_TRUE(r.image.inked(11, 2));
  EXPECT_FALSE(r.image.inked(12, 2));
  EXPECT_FALSE(r.image.inked(1, 0));
  EXPECT_EQ(std::get<DecodedFeed>(doc.elements[1]).lines, 4);
  EXPECT_EQ(std::get<DecodedCut>(doc.elements[2]).feed, 2);
}

TEST(DecodeEscPos, UnknownCommandsAreCountedAndSkipped) {
  Bytes b{0x1B, '-', 1, 'a', 0x1D, 'B', 1, 'b', 0x1B, 'p', 0, 25, 250, 'c',
          0x1D, '(', 'k', 3, 0, 0x30, 0x43, 3,  // cn 48 (PDF417), not QR
          'd'};
  const auto doc = decodeEscPos(b);
  EXPECT_EQ(doc.plainText(), "abcd");
  EXPECT_EQ(doc.skippedCommands, 4);
  EXPECT_TRUE(doc.qrCodes().empty());
}

TEST(DecodeEscPos, TruncatedQrStoreIsReportedNotInvented) {
  Bytes b = EscPos().text("x").newline().bytes();
  const Bytes partial{0x1D, 0x28, 0x6B, 0x2F, 0x01, 0x31, 0x50, 0x30, 'a', 'b'};
  b.insert(b.end(), partial.begin(), partial.end());
  const auto doc = decodeEscPos(b);
  EXPECT_TRUE(doc.truncated);
  EXPECT_TRUE(doc.qrCodes().empty());
  EXPECT_EQ(doc.plainText(), "x\n");
}

TEST(DecodeEscPos, EveryPrefixOfARealJobDecodesSafely) {
  Bitmap img(20, 5);
  img.at(3, 3) = 255;
  const Bytes full = EscPos().init().align(Align::Center).size(2, 2).text("Halo").newline().raster(img)
                         .qr("payload-123", 5, QrEcc::M).feed(2).cut().bytes();
  for (std::size_t n = 0; n <= full.size(); ++n) {
    const auto doc = decodeEscPos(Bytes(full.begin(), full.begin() + n));
    const auto qrs = doc.qrCodes();
    // The QR appears only once its print command is complete, and then whole.
    if (!qrs.empty()) {
      EXPECT_EQ(qrs[0].payload, "payload-123") << n;
    }
    for (const auto& r : doc.rasters()) EXPECT_TRUE(r.image.valid());
  }
  EXPECT_EQ(decodeEscPos(full).qrCodes().size(), 1u);
}

TEST(DecodeEscPos, RandomBytesNeverCrash) {
  std::mt19937 rng(20251125);
  const std::uint8_t hot[] = {0x1B, 0x1D, 0x1C, 0x10, 0x0A, '(', 'k', 'v', '0', '!', 'V', 0x31, 0x50, 0x51, 0x43};
  int sawText = 0;
  for (int round = 0; round < 4000; ++round) {
    Bytes b(rng() % 300);
    for (auto& x : b) x = rng() % 3 == 0 ? hot[rng() % sizeof hot] : static_cast<std::uint8_t>(rng());
    const auto doc = decodeEscPos(b);
    for (const auto& t : doc.texts()) {
      EXPECT_GE(t.width, 1);
      EXPECT_LE(t.width, 8);
      EXPECT_GE(t.height, 1);
      EXPECT_LE(t.height, 8);
      ++sawText;
    }
  }
  EXPECT_GT(sawText, 0);
}

TEST(DecodeEscPos, FullAndPartialCutsAreTold) {
  Bytes bytes = EscPos().cut(3).fullCut(1).bytes();
  for (std::uint8_t b : {0x1D, 0x56, 0x00, 0x1D, 0x56, 0x31, 0x1B, 0x69, 0x1B, 0x6D}) bytes.push_back(b);
  const auto doc = decodeEscPos(bytes);
  ASSERT_EQ(doc.elements.size(), 6u);
  const bool want[] = {true, false, false, true, false, true};
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(std::get<DecodedCut>(doc.elements[i]).partial, want[i]) << i;
  EXPECT_EQ(std::get<DecodedCut>(doc.elements[0]).feed, 3);
  EXPECT_EQ(std::get<DecodedCut>(doc.elements[1]).feed, 1);
}

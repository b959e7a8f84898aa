#include "devices/printer/qr_matrix.hpp"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/DecodeHints.h>
#include <ZXing/ImageView.h>
#include <ZXing/ReadBarcode.h>
#include <gtest/gtest.h>

using namespace lpse::printer;

namespace {
// Draws the matrix at 4 px per module with a 4-module quiet zone and reads it.
ZXing::Result readBack(const QrMatrix& m) {
  const int scale = 4, quiet = 4, side = (m.size + 2 * quiet) * scale;
  std::vector<std::uint8_t> lum(static_cast<std::size_t>(side) * side, 255);
  for (int y = 0; y < m.size; ++y)
    for (int x = 0; x < m.size; ++x)
      if (m.dark(x, y))
        for (int j = 0; j < scale; ++j)
          for (int i = 0; i < scale; ++i)
            lum[static_cast<std::size_t>((y + quiet) * scale + j) * side + (x + quiet) * scale + i] = 0;
  return ZXing::ReadBarcode({lum.data(), side, side, ZXing::ImageFormat::Lum},
                            ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
}
}  // namespace

TEST(EncodeQrMatrix, SmallPayloadIsVersion1) {
  const auto m = encodeQrMatrix("HELLO", QrEcc::M);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->size, 21);
  EXPECT_EQ(m->modules.size(), 21u * 21u);
  EXPECT_TRUE(m->dark(0, 0));  // finder pattern corner
  EXPECT_FALSE(m->dark(7, 7)); // separator
}

TEST(EncodeQrMatrix, EachLevelReadsBackAsThatLevel) {
  const std::pair<QrEcc, const char*> levels[] = {{QrEcc::L, "L"}, {QrEcc::M, "M"}, {QrEcc::Q, "Q"}, {QrEcc::H, "H"}};
  for (const auto& [ecc, name] : levels) {
    const auto m = encodeQrMatrix("https://lpse.example.go.id/t/R-001", ecc);
    ASSERT_TRUE(m.has_value()) << name;
    const auto r = readBack(*m);
    ASSERT_TRUE(r.isValid()) << name;
    EXPECT_EQ(r.text(), "https://lpse.example.go.id/t/R-001");
    EXPECT_EQ(r.ecLevel(), name);
  }
}

TEST(EncodeQrMatrix, HigherLevelNeedsALargerSymbol) {
  const std::string payload(100, 'x');
  EXPECT_LT(encodeQrMatrix(payload, QrEcc::L)->size, encodeQrMatrix(payload, QrEcc::H)->size);
}

TEST(EncodeQrMatrix, EmptyOrTooLongGivesNothing) {
  EXPECT_FALSE(encodeQrMatrix("", QrEcc::L).has_value());
  EXPECT_FALSE(encodeQrMatrix(std::string(1274, 'a'), QrEcc::H).has_value());
  EXPECT_FALSE(encodeQrMatrix(std::string(5000, 'a'), QrEcc::L).has_value());
}

TEST(EncodeQrMatrix, NonUtf8BytesAreReadAsLatin1) {
  const auto m = encodeQrMatrix(std::string("caf\xE9"), QrEcc::M);
  ASSERT_TRUE(m.has_value());
  const auto r = readBack(*m);
  ASSERT_TRUE(r.isValid());
  EXPECT_EQ(r.text(), "caf\u00e9");
}

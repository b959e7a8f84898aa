#include "devices/printer/escpos_render.hpp"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/DecodeHints.h>
#include <ZXing/ImageView.h>
#include <ZXing/ReadBarcode.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "devices/printer/escpos.hpp"
#include "devices/printer/ticket_layout.hpp"

using namespace lpse::printer;
using Bytes = std::vector<std::uint8_t>;

namespace {

struct Box {
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;  // inclusive; x1 < 0 when no ink
  int width() const { return x1 < 0 ? 0 : x1 - x0 + 1; }
  int height() const { return y1 < 0 ? 0 : y1 - y0 + 1; }
};

Box inkBox(const Bitmap& b) {
  Box box;
  for (int y = 0; y < b.height; ++y)
    for (int x = 0; x < b.width; ++x)
      if (b.inked(x, y)) {
        box.x0 = std::min(box.x0, x);
        box.x1 = std::max(box.x1, x);
        box.y0 = std::min(box.y0, y);
        box.y1 = std::max(box.y1, y);
      }
  return box;
}

long inkCount(const Bitmap& b) { return std::count_if(b.pixels.begin(), b.pixels.end(), [](auto v) { return v >= 128; }); }

ZXing::Result readQr(const Bitmap& page) {
  std::vector<std::uint8_t> lum(page.pixels.size());
  std::transform(page.pixels.begin(), page.pixels.end(), lum.begin(), [](auto v) { return 255 - v; });
  return ZXing::ReadBarcode({lum.data(), page.width, page.height, ZXing::ImageFormat::Lum},
                            ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
}

TicketContent sampleTicket() {
  TicketContent t;
  t.officeName = "LPSE Kabupaten Banyumas";
  t.number = "R-001";
  t.serviceName = "Reset Password";
  t.dateTimeText = "Selasa, 25 November 2025 09:41";
  t.ahead = 3;
  t.estimatedWaitMin = 15;
  t.qrPayload = "LPSE1|T|R-001|2025-11-25|a1b2c3d4e5f6";
  t.footer = "Terima kasih";
  return t;
}

}  // namespace

class RenderTicket : public ::testing::TestWithParam<PaperSpec> {};

TEST_P(RenderTicket, PageIsPaperWideInkedAndItsQrReadsBack) {
  const PaperSpec paper = GetParam();
  const TicketContent t = sampleTicket();
  const Bitmap page = renderEscPos(layoutTicket(t, paper), paper.dots);
  ASSERT_EQ(page.width, paper.dots);
  ASSERT_GT(page.height, 300);
  ASSERT_TRUE(page.valid());
  EXPECT_GT(inkCount(page), 5000);
  const auto result = readQr(page);
  ASSERT_TRUE(result.isValid()) << "QR not found on the " << paper.dots << "-dot page";
  EXPECT_EQ(result.text(), t.qrPayload);
  EXPECT_EQ(result.ecLevel(), "M");
}

INSTANTIATE_TEST_SUITE_P(Papers, RenderTicket, ::testing::Values(paper58(), paper80()),
                         [](const auto& info) { return info.param.dots == 384 ? "mm58" : "mm80"; });

TEST(RenderEscPos, QrUsesTheRequestedModuleSizeLevelAndAlignment) {
  const Bitmap left = renderEscPos(EscPos().qr("HELLO", 4, QrEcc::H).bytes(), 576);
  const Box box = inkBox(left);
  EXPECT_EQ(box.width(), 21 * 4);  // version 1, no quiet zone: the paper is one
  EXPECT_EQ(box.height(), 21 * 4);
  EXPECT_EQ(box.x0, 0);

  const Bitmap centered =
      renderEscPos(EscPos().feed(2).align(Align::Center).qr("HELLO", 4, QrEcc::H).feed(2).bytes(), 576);
  EXPECT_EQ(inkBox(centered).x0, (576 - 84) / 2);
  const auto result = readQr(centered);
  ASSERT_TRUE(result.isValid());
  EXPECT_EQ(result.text(), "HELLO");
  EXPECT_EQ(result.ecLevel(), "H");
}

TEST(RenderEscPos, QrWiderThanThePaperIsNotPrinted) {
  const Bitmap page = renderEscPos(EscPos().qr("HELLO", 16, QrEcc::L).text("x").newline().bytes(), 200);
  EXPECT_LT(page.height, 100);  // only the text line
}

TEST(RenderEscPos, AlignmentMovesInk) {
  const Bitmap left = renderEscPos(EscPos().text("X").newline().bytes(), 576);
  const Bitmap center = renderEscPos(EscPos().align(Align::Center).text("X").newline().bytes(), 576);
  const Bitmap right = renderEscPos(EscPos().align(Align::Right).text("X").newline().bytes(), 576);
  EXPECT_LT(inkBox(left).x1, 12);
  EXPECT_GE(inkBox(center).x0, 282);
  EXPECT_LT(inkBox(center).x1, 294);
  EXPECT_GE(inkBox(right).x0, 564);
}

TEST(RenderEscPos, SizeScalesCellsAndLineHeight) {
  const Bitmap small = renderEscPos(EscPos().text("H").newline().bytes(), 576);
  const Bitmap big = renderEscPos(EscPos().size(3, 4).text("H").newline().bytes(), 576);
  EXPECT_EQ(small.height, 30);      // default line spacing
  EXPECT_EQ(big.height, 4 * 24);    // taller than the spacing
  const double ratioH = double(inkBox(big).height()) / inkBox(small).height();
  const double ratioW = double(inkBox(big).width()) / inkBox(small).width();
  EXPECT_NEAR(ratioH, 4.0, 0.6);
  EXPECT_NEAR(ratioW, 3.0, 0.6);
}

TEST(RenderEscPos, BoldHasMoreInk) {
  const Bitmap regular = renderEscPos(EscPos().size(2, 2).text("Antrian").newline().bytes(), 576);
  const Bitmap bold = renderEscPos(EscPos().size(2, 2).bold(true).text("Antrian").newline().bytes(), 576);
  EXPECT_GT(inkCount(bold), inkCount(regular) * 11 / 10);
}

TEST(RenderEscPos, LongLinesWrapAtThePaperEdge) {
  const Bitmap page = renderEscPos(EscPos().text(std::string(40, 'M')).newline().bytes(), 384);
  EXPECT_EQ(page.height, 60);  // 32 columns, then a second line
}

TEST(RenderEscPos, RasterPixelsLandExactly) {
  Bitmap img(16, 16);
  for (int y = 0; y < 16; ++y)
    for (int x = 0; x < 16; ++x) img.at(x, y) = ((x + y) % 2) ? 255 : 0;
  const Bitmap page = renderEscPos(EscPos().raster(img).bytes(), 64);
  ASSERT_EQ(page.height, 16);
  for (int y = 0; y < 16; ++y)
    for (int x = 0; x < 64; ++x) ASSERT_EQ(page.inked(x, y), x < 16 && (x + y) % 2) << x << "," << y;
}

TEST(RenderEscPos, FeedsAdvanceAndCutsSplitPages) {
  const Bytes b = EscPos().text("a").newline().feed(3).cut().text("b").newline().cut().bytes();
  const auto pages = renderEscPosPages(b, 384);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].height, 30 + 90);
  EXPECT_EQ(pages[1].height, 30);
  EXPECT_EQ(renderEscPos(b, 384).height, 120);
}

TEST(RenderEscPos, UnterminatedTextIsNotPrinted) {
  const Bitmap page = renderEscPos(EscPos().text("abc").bytes(), 384);
  EXPECT_EQ(page.width, 384);
  EXPECT_EQ(page.height, 0);
}

TEST(RenderEscPos, InitDiscardsTheLineBufferAndResetsStyle) {
  const Bitmap page = renderEscPos(EscPos().size(8, 8).text("lost").init().text("x").newline().bytes(), 576);
  EXPECT_EQ(page.height, 30);
}

TEST(RenderEscPos, BadWidthGivesNothing) {
  EXPECT_TRUE(renderEscPosPages(EscPos().text("a").newline().bytes(), 0).empty());
  EXPECT_EQ(renderEscPos(EscPos().text("a").newline().bytes(), -5).height, 0);
}

TEST(RenderEscPos, EndlessFeedsStopAtThePaperLimit) {
  EscPos p;
  for (int i = 0; i < 1000; ++i) p.feed(255);
  const auto pages = renderEscPosPages(p.bytes(), 576);
  int total = 0;
  for (const auto& pg : pages) total += pg.height;
  EXPECT_GT(total, 0);
  EXPECT_LE(total, kMaxRenderedDots);
}

TEST(RenderEscPos, GarbageAndBrokenTicketsNeverCrash) {
  std::mt19937 rng(42);
  const std::uint8_t hot[] = {0x1B, 0x1D, 0x1C, 0x10, 0x0A, 0x09, '(', 'k', 'v', '0', '!', 'V', 'd', 0x31, 0x50, 0x51};
  for (int round = 0; round < 1500; ++round) {
    Bytes b(rng() % 256);
    for (auto& x : b) x = rng() % 3 == 0 ? hot[rng() % sizeof hot] : static_cast<std::uint8_t>(rng());
    for (const auto& page : renderEscPosPages(b, 384)) {
      ASSERT_EQ(page.width, 384);
      ASSERT_TRUE(page.valid());
    }
  }
  const Bytes ticket = layoutTicket(sampleTicket(), paper58());
  for (std::size_t n = 0; n < ticket.size(); n += 7) {
    const Bitmap page = renderEscPos(Bytes(ticket.begin(), ticket.begin() + n), 384);
    ASSERT_EQ(page.width, 384);
  }
  for (int round = 0; round < 200; ++round) {
    Bytes mutated = ticket;
    for (int k = 0; k < 4; ++k) mutated[rng() % mutated.size()] = static_cast<std::uint8_t>(rng());
    ASSERT_TRUE(renderEscPos(mutated, 384).valid());
  }
}

// The logo as the virtual printer draws it: the same dots, at the top.
TEST(RenderEscPos, TicketLogoLandsAtTheTopDotForDot) {
  TicketFormat f;
  f.paper = paper58();
  f.logo = Bitmap(200, 48);  // centred by a 100-dot margin on 384 dots... plus the picture
  for (int y = 0; y < 48; ++y)
    for (int x = 100; x < 200; ++x)
      if ((x + y) % 3 == 0 || y == 0 || y == 47) f.logo.at(x, y) = 255;
  const Bitmap page = renderEscPos(layoutTicket(sampleTicket(), f), 384);
  ASSERT_GT(page.height, 48);
  for (int y = 0; y < 48; ++y)
    for (int x = 0; x < 384; ++x)
      ASSERT_EQ(page.inked(x, y), x < 200 && f.logo.inked(x, y)) << x << "," << y;
  // The rest of the ticket is still there and its QR still reads.
  const auto result = readQr(page);
  ASSERT_TRUE(result.isValid());
  EXPECT_EQ(result.text(), sampleTicket().qrPayload);
}

// A clone without GS ( k gets the QR as a picture: ZXing reads it from the
// rendered page just the same, on both papers.
TEST(RenderEscPos, RasterQrReadsBack) {
  for (const PaperSpec& paper : {paper58(), paper80()}) {
    TicketFormat f;
    f.paper = paper;
    f.quirks.qrMode = QrMode::Raster;
    f.quirks.charset = Charset::Ascii;
    f.quirks.cut = CutMode::None;
    const Bitmap page = renderEscPos(layoutTicket(sampleTicket(), f), paper.dots);
    const auto result = readQr(page);
    ASSERT_TRUE(result.isValid()) << paper.dots;
    EXPECT_EQ(result.text(), sampleTicket().qrPayload);
    EXPECT_EQ(result.ecLevel(), "M");
  }
}

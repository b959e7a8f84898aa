#include "devices/printer/ticket_layout.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "devices/printer/escpos_decode.hpp"
#include "devices/printer/qr_matrix.hpp"

using namespace lpse::printer;

namespace {

TicketContent sample() {
  TicketContent t;
  t.officeName = "LPSE Kabupaten Banyumas";
  t.number = "R-001";
  t.serviceName = "Reset Password";
  t.dateTimeText = "Selasa, 25 November 2025 09:41";
  t.counterHint = "Silakan menunggu panggilan";
  t.ahead = 3;
  t.estimatedWaitMin = 15;
  t.qrPayload = "LPSE1|T|R-001|2025-11-25|a1b2c3d4e5f6";
  t.footer = "Terima kasih";
  return t;
}

// Points into runs: keep the vector alive while using the result.
const DecodedText* findRun(const std::vector<DecodedText>& runs, const std::string& text) {
  for (const auto& r : runs)
    if (r.text == text) return &r;
  return nullptr;
}

}  // namespace

TEST(PaperSpecs, WidthsAndColumns) {
  EXPECT_EQ(paper58().dots, 384);
  EXPECT_EQ(paper58().columns, 32);
  EXPECT_EQ(paper80().dots, 576);
  EXPECT_EQ(paper80().columns, 48);
}

TEST(LayoutTicket, On80mmTheNumberIs8x8AndTheQrCarriesThePayload) {
  const auto doc = decodeEscPos(layoutTicket(sample(), paper80()));
  EXPECT_FALSE(doc.truncated);
  EXPECT_EQ(doc.skippedCommands, 0);
  ASSERT_GE(doc.elements.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<DecodedInit>(doc.elements.front()));
  EXPECT_EQ(std::get<DecodedCodePage>(doc.elements[1]).page, 16);
  EXPECT_TRUE(std::holds_alternative<DecodedCut>(doc.elements.back()));

  const auto runs = doc.texts();
  const auto* number = findRun(runs, "R-001");
  ASSERT_NE(number, nullptr);
  EXPECT_EQ(number->width, 8);
  EXPECT_EQ(number->height, 8);
  EXPECT_TRUE(number->bold);
  EXPECT_EQ(number->align, Align::Center);
  const auto* office = findRun(runs, "LPSE Kabupaten Banyumas");
  ASSERT_NE(office, nullptr);
  EXPECT_TRUE(office->bold);

  const auto qrs = doc.qrCodes();
  ASSERT_EQ(qrs.size(), 1u);
  EXPECT_EQ(qrs[0].payload, sample().qrPayload);
  EXPECT_EQ(qrs[0].ecc, QrEcc::M);
  EXPECT_EQ(qrs[0].align, Align::Center);
  const int side = encodeQrMatrix(qrs[0].payload, qrs[0].ecc)->size * qrs[0].moduleSize;
  EXPECT_GE(qrs[0].moduleSize, 4);  // big enough for a webcam at the desk
  EXPECT_LE(side, 576 * 6 / 10);
}

TEST(LayoutTicket, On58mmEverythingFitsTheNarrowerPaper) {
  const auto doc = decodeEscPos(layoutTicket(sample(), paper58()));
  const auto runs = doc.texts();
  const auto* number = findRun(runs, "R-001");
  ASSERT_NE(number, nullptr);
  EXPECT_EQ(number->width, 6);  // 5 chars * 12 dots * 6 = 360 <= 384; 7 would not fit
  EXPECT_EQ(number->height, 6);
  for (const auto& run : doc.texts())
    EXPECT_LE(static_cast<int>(run.text.size()) * run.width, 32) << run.text;
  const auto qrs = doc.qrCodes();
  ASSERT_EQ(qrs.size(), 1u);
  EXPECT_EQ(qrs[0].payload, sample().qrPayload);
  EXPECT_LE(encodeQrMatrix(qrs[0].payload, qrs[0].ecc)->size * qrs[0].moduleSize, 384);
  EXPECT_GE(qrs[0].moduleSize, 4);
}

TEST(LayoutTicket, ReadsInOrder) {
  const std::string text = decodeEscPos(layoutTicket(sample(), paper80())).plainText();
  const auto at = [&](const std::string& s) { return text.find(s); };
  ASSERT_NE(at("LPSE Kabupaten Banyumas"), std::string::npos);
  EXPECT_LT(at("LPSE Kabupaten Banyumas"), at("R-001"));
  EXPECT_LT(at("R-001"), at("Reset Password"));
  EXPECT_LT(at("Reset Password"), at("Selasa, 25 November 2025 09:41"));
  EXPECT_NE(at("Silakan menunggu panggilan"), std::string::npos);
  EXPECT_NE(at("Antrian di depan Anda: 3"), std::string::npos);
  EXPECT_NE(at("Perkiraan tunggu: \u00b115 menit"), std::string::npos);
  EXPECT_LT(at("Perkiraan tunggu"), at("Terima kasih"));
}

TEST(LayoutTicket, AheadAndWaitLinesAreOmittedWhenUnknown) {
  TicketContent t = sample();
  t.ahead = -1;
  t.estimatedWaitMin = -1;
  const std::string text = decodeEscPos(layoutTicket(t, paper80())).plainText();
  EXPECT_EQ(text.find("Antrian di depan"), std::string::npos);
  EXPECT_EQ(text.find("Perkiraan tunggu"), std::string::npos);
  t.ahead = 0;  // zero is a real answer: you are next
  EXPECT_NE(decodeEscPos(layoutTicket(t, paper80())).plainText().find("Antrian di depan Anda: 0"), std::string::npos);
}

TEST(LayoutTicket, LabelsCanBeTranslated) {
  TicketContent t = sample();
  t.aheadLabel = "Ahead of you";
  t.waitLabel = "Estimated wait";
  t.minutesUnit = "min";
  const std::string text = decodeEscPos(layoutTicket(t, paper80())).plainText();
  EXPECT_NE(text.find("Ahead of you: 3"), std::string::npos);
  EXPECT_NE(text.find("Estimated wait: \u00b115 min"), std::string::npos);
}

TEST(LayoutTicket, LongTextWrapsAtWordsWithinTheColumns) {
  TicketContent t = sample();
  t.officeName = "Layanan Pengadaan Secara Elektronik Pemerintah Kabupaten Banyumas Provinsi Jawa Tengah";
  t.footer = "Simpan tiket ini. Nomor Anda akan dipanggil melalui layar dan pengeras suara di ruang tunggu.";
  const auto doc = decodeEscPos(layoutTicket(t, paper58()));
  for (const auto& run : doc.texts()) EXPECT_LE(static_cast<int>(run.text.size()) * run.width, 32) << run.text;
  const std::string text = doc.plainText();
  std::size_t start = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; start = nl + 1, nl = text.find('\n', start)) {
    const std::string line = text.substr(start, nl - start);
    if (line.empty()) continue;
    EXPECT_NE(line.front(), ' ') << line;
    EXPECT_NE(line.back(), ' ') << line;
  }
  EXPECT_NE(text.find("Layanan Pengadaan Secara\nElektronik"), std::string::npos) << text;
}

TEST(LayoutTicket, LongNumbersShrinkToFit) {
  TicketContent t = sample();
  t.number = "RESET-00123";
  const auto runs = decodeEscPos(layoutTicket(t, paper80())).texts();
  const auto* number = findRun(runs, "RESET-00123");
  ASSERT_NE(number, nullptr);
  EXPECT_EQ(number->width, 4);  // 11 * 12 * 4 = 528 <= 576
}

TEST(LayoutTicket, TextOutsideCp1252IsFolded) {
  TicketContent t = sample();
  t.serviceName = "Layanan \u201cKhusus\u201d \u2013 \u014csaka";
  EXPECT_NE(decodeEscPos(layoutTicket(t, paper80())).plainText().find("Layanan \"Khusus\" - Osaka"), std::string::npos);
}

TEST(LayoutTicket, UnencodableQrIsLeftOutButTheTicketStillPrints) {
  TicketContent t = sample();
  t.qrPayload = std::string(4000, 'x');
  const auto doc = decodeEscPos(layoutTicket(t, paper80()));
  EXPECT_TRUE(doc.qrCodes().empty());
  EXPECT_NE(doc.plainText().find("R-001"), std::string::npos);
  EXPECT_TRUE(std::holds_alternative<DecodedCut>(doc.elements.back()));
  EXPECT_EQ(ticketQrModuleSize(t.qrPayload, paper80()), 0);
  t.qrPayload.clear();
  EXPECT_TRUE(decodeEscPos(layoutTicket(t, paper80())).qrCodes().empty());
}

TEST(TicketQrModuleSize, BigPayloadsGetSmallerModules) {
  EXPECT_EQ(ticketQrModuleSize("R-001", paper80()), 8);  // capped
  const int big = ticketQrModuleSize(std::string(600, 'a'), paper80());
  EXPECT_GE(big, 1);
  EXPECT_LT(big, 8);
  EXPECT_LE(encodeQrMatrix(std::string(600, 'a'), QrEcc::M)->size * big, 576);
}

// --- the logo and the per-model quirks ------------------------------------

namespace {

// A small logo, already centred on 576 dots (as loadLogo gives it).
Bitmap sampleLogo() {
  Bitmap b(240 + 96, 40);
  for (int y = 0; y < 40; ++y)
    for (int x = 240; x < 240 + 96; ++x)
      if ((x / 8 + y / 8) % 2 == 0) b.at(x, y) = 255;
  return b;
}

std::vector<std::uint8_t> sub(const std::vector<std::uint8_t>& v, std::size_t from, std::size_t n) {
  return {v.begin() + static_cast<std::ptrdiff_t>(from), v.begin() + static_cast<std::ptrdiff_t>(from + n)};
}

bool contains(const std::vector<std::uint8_t>& hay, const std::vector<std::uint8_t>& needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

}  // namespace

TEST(LayoutTicketFormat, DefaultFormatIsByteForByteThePaperOnlyLayout) {
  TicketFormat f;
  f.paper = paper58();
  EXPECT_EQ(layoutTicket(sample(), f), layoutTicket(sample(), paper58()));
}

TEST(LayoutTicketFormat, LogoComesFirstAsAFlushLeftRaster) {
  TicketFormat f;
  f.logo = sampleLogo();
  const auto bytes = layoutTicket(sample(), f);
  const auto plain = layoutTicket(sample(), paper80());
  // init, code page, centre; then left, GS v 0 with 42 bytes a row, 40 rows.
  const std::vector<std::uint8_t> head{0x1B, 0x40, 0x1B, 0x74, 16, 0x1B, 0x61, 1, 0x1B, 0x61, 0,
                                       0x1D, 0x76, 0x30, 0x00, 42, 0, 40, 0};
  ASSERT_GT(bytes.size(), head.size() + 42 * 40);
  EXPECT_EQ(sub(bytes, 0, head.size()), head);
  // Row 0: 30 bytes of margin, then 8-dot squares alternating from black.
  const auto row0 = sub(bytes, head.size(), 42);
  EXPECT_EQ(std::count(row0.begin(), row0.begin() + 30, 0), 30);
  EXPECT_EQ(row0[30], 0xFF);
  EXPECT_EQ(row0[31], 0x00);
  const std::size_t after = head.size() + 42 * 40;
  // Back to centred, one line of space, then exactly the ticket without a logo.
  EXPECT_EQ(sub(bytes, after, 6), (std::vector<std::uint8_t>{0x1B, 0x61, 1, 0x1B, 0x64, 1}));
  EXPECT_EQ(sub(bytes, after + 6, bytes.size() - after - 6), sub(plain, 8, plain.size() - 8));
  EXPECT_EQ(bytes.size(), plain.size() + 3 + 8 + 42 * 40 + 6);

  const auto doc = decodeEscPos(bytes);
  ASSERT_EQ(doc.rasters().size(), 1u);
  const DecodedRaster r = doc.rasters()[0];
  EXPECT_EQ(r.width, 336);
  EXPECT_EQ(r.height, 40);
  EXPECT_EQ(r.align, Align::Left);
  EXPECT_EQ(r.image.pixels, sampleLogo().pixels);
  EXPECT_EQ(doc.plainText(), decodeEscPos(plain).plainText());
  EXPECT_EQ(doc.qrCodes().size(), 1u);
}

TEST(LayoutTicketFormat, LogoWiderThanThePaperIsCutAtTheEdge) {
  TicketFormat f;
  f.paper = paper58();
  f.logo = Bitmap(576, 8);
  std::fill(f.logo.pixels.begin(), f.logo.pixels.end(), 255);
  const auto rasters = decodeEscPos(layoutTicket(sample(), f)).rasters();
  ASSERT_EQ(rasters.size(), 1u);
  EXPECT_EQ(rasters[0].width, 384);
}

TEST(LayoutTicketFormat, CodePageAndCharsetComeFromTheModel) {
  TicketContent t = sample();
  t.officeName = "LPSE Kab. Pidi\u00e9 \u2014 \u201cAceh\u201d";
  TicketFormat f;
  f.quirks.codePage = 19;
  auto doc = decodeEscPos(layoutTicket(t, f));
  EXPECT_EQ(std::get<DecodedCodePage>(doc.elements[1]).page, 19);
  EXPECT_NE(doc.plainText().find("LPSE Kab. Pidi\u00e9 - \"Aceh\""), std::string::npos) << doc.plainText();

  f.quirks.charset = Charset::Ascii;
  f.quirks.codePage = 0;
  const auto bytes = layoutTicket(t, f);
  doc = decodeEscPos(bytes);
  EXPECT_EQ(std::get<DecodedCodePage>(doc.elements[1]).page, 0);
  EXPECT_NE(doc.plainText().find("LPSE Kab. Pidie - \"Aceh\""), std::string::npos) << doc.plainText();
  EXPECT_NE(doc.plainText().find("Perkiraan tunggu: +/-15 menit"), std::string::npos) << doc.plainText();
  for (const auto& run : doc.texts())
    for (char c : run.text) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << run.text;
}

TEST(LayoutTicketFormat, QrModuleIsCappedByTheModel) {
  TicketFormat f;
  EXPECT_EQ(decodeEscPos(layoutTicket(sample(), f)).qrCodes().at(0).moduleSize, 8);
  f.quirks.qrMaxModule = 5;
  const auto bytes = layoutTicket(sample(), f);
  EXPECT_EQ(decodeEscPos(bytes).qrCodes().at(0).moduleSize, 5);
  EXPECT_TRUE(contains(bytes, {0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 5}));
  EXPECT_EQ(ticketQrModuleSize(sample().qrPayload, paper80(), 3), 3);
}

TEST(LayoutTicketFormat, QrAsRasterForPrintersWithoutGsParenK) {
  TicketFormat f;
  f.paper = paper58();
  f.quirks.qrMode = QrMode::Raster;
  const auto bytes = layoutTicket(sample(), f);
  EXPECT_FALSE(contains(bytes, {0x1D, 0x28, 0x6B}));
  const auto doc = decodeEscPos(bytes);
  EXPECT_TRUE(doc.qrCodes().empty());
  ASSERT_EQ(doc.rasters().size(), 1u);
  const int module = ticketQrModuleSize(sample().qrPayload, paper58(), 16);
  const int side = encodeQrMatrix(sample().qrPayload, QrEcc::M)->size * module;
  const Bitmap expected = ticketQrBitmap(sample().qrPayload, module);
  ASSERT_EQ(expected.width, side);
  const DecodedRaster r = doc.rasters()[0];
  EXPECT_EQ(r.height, side);
  // Centred by its own margin: the symbol's dots start (384 - side) / 2 in.
  const int left = (384 - side) / 2;
  for (int y = 0; y < side; y += 3)
    for (int x = 0; x < side; x += 3) ASSERT_EQ(r.image.inked(left + x, y), expected.inked(x, y)) << x << "," << y;
}

TEST(LayoutTicketFormat, CutFollowsTheModel) {
  TicketFormat f;
  auto last = [&] { return decodeEscPos(layoutTicket(sample(), f)).elements.back(); };
  ASSERT_TRUE(std::holds_alternative<DecodedCut>(last()));
  EXPECT_TRUE(std::get<DecodedCut>(last()).partial);
  auto tail = [&] {
    const auto b = layoutTicket(sample(), f);
    return sub(b, b.size() - 4, 4);
  };
  EXPECT_EQ(tail(), (std::vector<std::uint8_t>{0x1D, 0x56, 0x42, 0x00}));
  f.quirks.cut = CutMode::Full;
  EXPECT_EQ(tail(), (std::vector<std::uint8_t>{0x1D, 0x56, 0x41, 0x00}));
  EXPECT_FALSE(std::get<DecodedCut>(last()).partial);
  f.quirks.cut = CutMode::None;
  const auto doc = decodeEscPos(layoutTicket(sample(), f));
  for (const auto& e : doc.elements) EXPECT_FALSE(std::holds_alternative<DecodedCut>(e));
  ASSERT_TRUE(std::holds_alternative<DecodedFeed>(doc.elements.back()));
  EXPECT_EQ(std::get<DecodedFeed>(doc.elements.back()).lines, 5);  // past the tear bar
}

TEST(LayoutTicketFormat, CharsPerLineNarrowsTheWrapAndTheNumber) {
  TicketContent t = sample();
  t.footer = "Simpan tiket ini. Nomor Anda akan dipanggil melalui layar dan pengeras suara.";
  TicketFormat f;
  f.quirks.charsPerLine = 42;  // a printer in 42-column mode on 80 mm
  const auto doc = decodeEscPos(layoutTicket(t, f));
  for (const auto& run : doc.texts()) EXPECT_LE(static_cast<int>(run.text.size()) * run.width, 42) << run.text;
  const auto runs = doc.texts();
  const auto* number = findRun(runs, "R-001");
  ASSERT_NE(number, nullptr);
  EXPECT_EQ(number->width, 8);  // 42 / 5 = 8
  t.number = "RESET-00123";
  const auto runs2 = decodeEscPos(layoutTicket(t, f)).texts();
  ASSERT_NE(findRun(runs2, "RESET-00123"), nullptr);
  EXPECT_EQ(findRun(runs2, "RESET-00123")->width, 3);  // 42 / 11; 4 would overflow 42 columns
}

#include "devices/printer/ticket_layout.hpp"

#include <gtest/gtest.h>

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

// The ticket's LPSE-T1 QR through the real printing path: the ticket
// layout's ESC/POS, rendered as the thermal head would print it, read back
// with ZXing (directly, not the camera unit's tuned decoder) and parsed.
#include <ZXing/ReadBarcode.h>
#include <gtest/gtest.h>

#include "devices/printer/escpos_render.hpp"
#include "devices/printer/ticket_layout.hpp"
#include "kiosk/form/scanned_qr.hpp"
#include "kiosk/form/ticket_qr.hpp"

namespace lpse::form {
namespace {

std::string decodeTicket(const printer::PaperSpec& paper, const std::string& payload) {
  printer::TicketContent t;
  t.officeName = "LPSE Kabupaten Sleman";
  t.number = "R-007";
  t.serviceName = "Reset Password";
  t.dateTimeText = "Kamis, 26 November 2026 09:12";
  t.qrPayload = payload;
  const printer::Bitmap page = printer::renderEscPos(printer::layoutTicket(t, paper), paper.dots);
  EXPECT_FALSE(page.empty());
  std::vector<std::uint8_t> light(page.pixels.size());
  for (std::size_t i = 0; i < light.size(); ++i) light[i] = static_cast<std::uint8_t>(255 - page.pixels[i]);
  const auto r = ZXing::ReadBarcode({light.data(), page.width, page.height, ZXing::ImageFormat::Lum},
                                    ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
  EXPECT_TRUE(r.isValid());
  return r.text();
}

TEST(TicketPrintQr, PrintedTicketsReadBackAsTheirToken) {
  const std::string token = "9f86d081884c7d659a2feaa0";
  const std::string payload = *encodeTicketQr(token);
  for (const auto& paper : {printer::paper58(), printer::paper80()}) {
    const std::string text = decodeTicket(paper, payload);
    EXPECT_EQ(text, payload);
    const ScannedQr s = classifyQr(text);
    ASSERT_EQ(s.kind, ScannedQr::Kind::Ticket) << text;
    EXPECT_EQ(s.token, token);
    EXPECT_FALSE(s.legacyTicket);
  }
}

TEST(TicketPrintQr, TheVersionedPayloadPrintsNoSmallerThanTheBareToken) {
  // Alphanumeric mode keeps LPSE-T1 at QR version 2, so the layout gives it
  // modules at least as large as the bare 24-character token had.
  const std::string token = "9f86d081884c7d659a2feaa0";
  for (const auto& paper : {printer::paper58(), printer::paper80()})
    EXPECT_GE(printer::ticketQrModuleSize(*encodeTicketQr(token), paper),
              printer::ticketQrModuleSize(token, paper));
}

}  // namespace
}  // namespace lpse::form

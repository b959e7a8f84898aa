// The printed ticket of a priority visitor (issue #14): the kiosk's own
// ESC/POS bytes, decoded, carry the mark under the number, bold and double
// height, in the visitor's language; an ordinary ticket carries none.
#include <gtest/gtest.h>

#include "devices/printer/escpos_decode.hpp"
#include "kiosk/kiosk_app/ticket_print.hpp"

using namespace lpse;

namespace {

core::IssuedTicket ticket(core::PriorityCategory p) {
  core::IssuedTicket t;
  t.kase.ticket = "R-003";
  t.kase.service = "reset";
  t.kase.token = "0123456789abcdef01234567";
  t.kase.priorityCategory = p;
  t.ahead = 0;
  return t;
}

TEST(KioskTicketMark, PriorityTicketSaysSoUnderTheNumber) {
  config::Config cfg;
  printer::TicketFormat f;
  const auto doc = printer::decodeEscPos(kiosk::ticketBytes(ticket(core::PriorityCategory::Elderly), cfg, f, "id", 0));
  const std::string text = doc.plainText();
  const auto mark = text.find("PRIORITAS - Lansia");
  ASSERT_NE(mark, std::string::npos) << text;
  EXPECT_LT(text.find("R-003"), mark);
  EXPECT_LT(mark, text.find("Reset Password"));
  bool styled = false;
  for (const auto& r : doc.texts())
    if (r.text.find("PRIORITAS") != std::string::npos) styled = r.bold && r.height == 2;
  EXPECT_TRUE(styled);
  const std::string en =
      printer::decodeEscPos(kiosk::ticketBytes(ticket(core::PriorityCategory::SmallChild), cfg, f, "en", 0)).plainText();
  EXPECT_NE(en.find("PRIORITY - With a small child"), std::string::npos) << en;
}

TEST(KioskTicketMark, OrdinaryTicketHasNoMark) {
  config::Config cfg;
  printer::TicketFormat f;
  const std::string text =
      printer::decodeEscPos(kiosk::ticketBytes(ticket(core::PriorityCategory::None), cfg, f, "id", 0)).plainText();
  EXPECT_EQ(text.find("PRIORITAS"), std::string::npos);
  EXPECT_NE(text.find("R-003"), std::string::npos);
}

}  // namespace

// What the kiosk does with whatever its camera read.
#include "kiosk/form/scanned_qr.hpp"

#include <gtest/gtest.h>

#include "kiosk/form/form_qr.hpp"
#include "kiosk/form/ticket_qr.hpp"
#include "tests/form/form_samples.hpp"

namespace lpse::form {
namespace {

using Kind = ScannedQr::Kind;

TEST(ScannedQr, AFilledFormGivesItsData) {
  const std::string p = *encodeFormQr(test::sitiForm());
  const ScannedQr s = classifyQr(p);
  ASSERT_EQ(s.kind, Kind::Form) << s.error.en;
  EXPECT_EQ(s.form, canonicalForm(test::sitiForm()));
  // A keyboard-wedge scanner ends the code with Enter.
  EXPECT_EQ(classifyQr(p + "\r\n").kind, Kind::Form);
  EXPECT_EQ(classifyQr(p + "\n").kind, Kind::Form);
  EXPECT_EQ(classifyQr(p + "\n\n").kind, Kind::Invalid);
}

TEST(ScannedQr, BlankFormTicketAndLegacyTicket) {
  EXPECT_EQ(classifyQr(encodeBlankFormQr()).kind, Kind::BlankForm);
  const ScannedQr t = classifyQr(*encodeTicketQr("00ff00ff00ff00ff00ff00ff"));
  ASSERT_EQ(t.kind, Kind::Ticket);
  EXPECT_EQ(t.token, "00ff00ff00ff00ff00ff00ff");
  EXPECT_FALSE(t.legacyTicket);
  const ScannedQr legacy = classifyQr("00ff00ff00ff00ff00ff00ff");
  ASSERT_EQ(legacy.kind, Kind::Ticket);
  EXPECT_TRUE(legacy.legacyTicket);
  EXPECT_EQ(legacy.token, "00ff00ff00ff00ff00ff00ff");
}

TEST(ScannedQr, DamagedLpseCodesAreInvalidWithTheReason) {
  std::string p = *encodeFormQr(test::sitiForm());
  p[25] = p[25] == 'a' ? 'b' : 'a';
  const ScannedQr s = classifyQr(p);
  EXPECT_EQ(s.kind, Kind::Invalid);
  EXPECT_EQ(s.error.field, "checksum");
  EXPECT_FALSE(s.error.id.empty());

  std::string t = *encodeTicketQr("00ff00ff00ff00ff00ff00ff");
  t.pop_back();
  EXPECT_EQ(classifyQr(t).kind, Kind::Invalid);
  EXPECT_EQ(classifyQr("LPSE-F7:whatever").error.field, "version");
}

TEST(ScannedQr, StrangersAreUnknownWithAClearSentence) {
  for (const char* s : {"https://lpse.jogjaprov.go.id", "WIFI:S:lobby;T:WPA;P:secret;;", "", "LPSE-Q1:x"}) {
    const ScannedQr q = classifyQr(s);
    EXPECT_EQ(q.kind, Kind::Unknown) << s;
    EXPECT_EQ(q.error.code, "qr_not_lpse") << s;
    EXPECT_NE(q.error.id.find("bukan formulir atau tiket LPSE"), std::string::npos);
  }
}

}  // namespace
}  // namespace lpse::form

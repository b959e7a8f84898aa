// The capacity budget stated in docs/FORM-QR.md, measured with the same
// ZXing writer that draws the printed form's QR (error level M).
#include <gtest/gtest.h>

#include <cstdio>

#include "kiosk/form/form_qr.hpp"
#include "kiosk/form/ticket_qr.hpp"
#include "kiosk/form_pdf/qr_symbol.hpp"
#include "tests/form/form_samples.hpp"

namespace lpse::form {
namespace {

int versionOf(const std::string& payload) {
  const auto q = makeQrSymbol(payload);
  EXPECT_TRUE(q) << payload.size();
  return q ? q->version() : 0;
}

TEST(FormQrCapacity, RealisticFormsNeedVersion10AtMost) {
  for (const FormData& d : test::realisticForms()) {
    const std::string p = *encodeFormQr(d);
    const int v = versionOf(p);
    std::printf("realistic form: %zu characters -> QR version %d-M\n", p.size(), v);
    EXPECT_LE(v, 10) << p;
  }
}

TEST(FormQrCapacity, TheLongestAllAsciiFormFitsVersion20) {
  const FormData d = test::maximalAsciiForm();
  EXPECT_EQ(d.email.size(), 254u);
  auto p = encodeFormQr(d);
  ASSERT_TRUE(p.ok()) << p.error().field << ": " << p.error().en;
  const int v = versionOf(*p);
  std::printf("maximal all-ASCII form: %zu characters -> QR version %d-M\n", p->size(), v);
  EXPECT_LE(p->size(), kMaxFormQrLength);
  EXPECT_LE(v, 20);
}

TEST(FormQrCapacity, TheLengthLimitIsVersion20AtLevelM) {
  EXPECT_EQ(versionOf(std::string(kMaxFormQrLength, 'a')), 20);
  EXPECT_EQ(versionOf(std::string(kMaxFormQrLength + 1, 'a')), 21);
}

TEST(FormQrCapacity, BlankFormAndTicketAreSmall) {
  const int blank = versionOf(encodeBlankFormQr());
  const int ticket = versionOf(*encodeTicketQr("a1b2c3d4e5f6a7b8c9d0e1f2"));
  std::printf("blank form: QR version %d-M; ticket: QR version %d-M\n", blank, ticket);
  EXPECT_LE(blank, 2);
  EXPECT_EQ(ticket, 2);  // alphanumeric mode: 37 characters
}

}  // namespace
}  // namespace lpse::form

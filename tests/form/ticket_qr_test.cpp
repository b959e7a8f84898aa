// The ticket's QR payload: the server's token, prefixed, versioned, checked.
#include "kiosk/form/ticket_qr.hpp"

#include <gtest/gtest.h>

#include <random>

#include "kiosk/form/crc32.hpp"

namespace lpse::form {
namespace {

std::string sealedTicket(const std::string& body) { return body + ":" + hexUpper(crc32(body) & 0xFFFF, 4); }

TEST(TicketQr, RoundTripsTheServersToken) {
  const std::string token = "0123456789abcdef01234567";
  const auto p = encodeTicketQr(token);
  ASSERT_TRUE(p);
  EXPECT_EQ(*p, sealedTicket("LPSE-T1:0123456789ABCDEF01234567"));
  EXPECT_EQ(p->size(), 37u);
  // Only QR alphanumeric-mode characters: the symbol stays small.
  for (char c : *p)
    EXPECT_NE(std::string_view("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:").find(c), std::string_view::npos) << c;
  auto back = parseTicketQr(*p);
  ASSERT_TRUE(back.ok()) << back.error().en;
  EXPECT_EQ(*back, token);
}

TEST(TicketQr, RandomTokensRoundTrip) {
  std::mt19937 rng(42);
  for (int i = 0; i < 500; ++i) {
    std::string token;
    for (int k = 0; k < 24; ++k) token.push_back("0123456789abcdef"[rng() % 16]);
    const auto p = encodeTicketQr(token);
    ASSERT_TRUE(p);
    auto back = parseTicketQr(*p);
    ASSERT_TRUE(back.ok()) << *p;
    EXPECT_EQ(*back, token);
  }
}

TEST(TicketQr, EncodeRefusesWhatIsNotAToken) {
  EXPECT_FALSE(encodeTicketQr(""));
  EXPECT_FALSE(encodeTicketQr("0123456789abcdef0123456"));    // 23
  EXPECT_FALSE(encodeTicketQr("0123456789abcdef012345678"));  // 25
  EXPECT_FALSE(encodeTicketQr("0123456789abcdef0123456g"));
  EXPECT_TRUE(encodeTicketQr("0123456789ABCDEF01234567"));
}

TEST(TicketQr, ParserRefusesDamageEditsAndStrangers) {
  const std::string p = *encodeTicketQr("a1b2c3d4e5f6a7b8c9d0e1f2");
  for (std::size_t n = 0; n < p.size(); ++n) EXPECT_FALSE(parseTicketQr(p.substr(0, n)).ok()) << n;
  std::string edited = p;
  edited[10] = edited[10] == '1' ? '2' : '1';
  auto r = parseTicketQr(edited);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "checksum");

  auto v2 = parseTicketQr(sealedTicket("LPSE-T2:A1B2C3D4E5F6A7B8C9D0E1F2"));
  ASSERT_FALSE(v2.ok());
  EXPECT_EQ(v2.error().field, "version");

  auto lower = parseTicketQr(sealedTicket("LPSE-T1:a1b2c3d4e5f6a7b8c9d0e1f2"));
  ASSERT_FALSE(lower.ok());
  EXPECT_EQ(lower.error().field, "token");
  auto shortToken = parseTicketQr(sealedTicket("LPSE-T1:A1B2C3"));
  ASSERT_FALSE(shortToken.ok());
  EXPECT_EQ(shortToken.error().field, "token");
  auto extra = parseTicketQr(sealedTicket("LPSE-T1:A1B2C3D4E5F6A7B8C9D0E1F2:00"));
  ASSERT_FALSE(extra.ok());
  EXPECT_EQ(extra.error().field, "token");

  auto form = parseTicketQr("LPSE-F1:BLANK:00000000");
  ASSERT_FALSE(form.ok());
  EXPECT_EQ(form.error().code, "qr_is_form");
  EXPECT_EQ(parseTicketQr("a1b2c3d4e5f6a7b8c9d0e1f2").error().code, "qr_not_lpse");
  EXPECT_EQ(parseTicketQr(std::string(100, 'A')).error().code, "qr_too_long");
}

TEST(TicketQr, LegacyBareTokensAreRecognised) {
  EXPECT_TRUE(isLegacyTicketToken("a1b2c3d4e5f6a7b8c9d0e1f2"));
  EXPECT_FALSE(isLegacyTicketToken("A1B2C3D4E5F6A7B8C9D0E1F2"));
  EXPECT_FALSE(isLegacyTicketToken("a1b2c3d4e5f6a7b8c9d0e1f"));
}

}  // namespace
}  // namespace lpse::form

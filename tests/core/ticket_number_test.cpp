// Queue numbers: printed form, strict parsing, and how they are spoken in
// Indonesian on the wall display.
#include "kiosk/core/ticket_number.hpp"

#include <gtest/gtest.h>

#include <climits>

namespace lpse::core {
namespace {

TEST(TicketNumber, TextPadsToThreeDigits) {
  EXPECT_EQ((TicketNumber{"R", 1}).text(), "R-001");
  EXPECT_EQ((TicketNumber{"R", 12}).text(), "R-012");
  EXPECT_EQ((TicketNumber{"U", 999}).text(), "U-999");
  EXPECT_EQ((TicketNumber{"R", 1024}).text(), "R-1024");
  EXPECT_EQ((TicketNumber{"ABC", 123456}).text(), "ABC-123456");
}

TEST(TicketNumber, ParseValid) {
  EXPECT_EQ(TicketNumber::parse("R-001"), (TicketNumber{"R", 1}));
  EXPECT_EQ(TicketNumber::parse("R-1"), (TicketNumber{"R", 1}));
  EXPECT_EQ(TicketNumber::parse("U-1024"), (TicketNumber{"U", 1024}));
  EXPECT_EQ(TicketNumber::parse("ABC-999999"), (TicketNumber{"ABC", 999999}));
}

TEST(TicketNumber, ParseRejects) {
  for (const char* bad : {"", "R", "R-", "-001", "r-001", "Rr-001", "RUNS-001", "R-0", "R-000", "R-1234567",
                          "R-00a", "R 001", "R--1", "R-1-2", "1-001", "R-+1", " R-001", "R-001 ", "R001",
                          "\xC3\x89-001", "R-\xD9\xA1"})
    EXPECT_FALSE(TicketNumber::parse(bad).has_value()) << bad;
}

TEST(TicketNumber, RoundTrip) {
  for (int seq = 1; seq <= 2000; ++seq)
    for (const char* prefix : {"R", "U", "AB"}) {
      const TicketNumber n{prefix, seq};
      ASSERT_EQ(TicketNumber::parse(n.text()), n) << n.text();
    }
  EXPECT_LT((TicketNumber{"R", 2}), (TicketNumber{"R", 10}));
}

TEST(TicketNumber, SpokenDigitByDigit) {
  EXPECT_EQ(spokenIndonesian({"R", 1}, SpeakStyle::DigitByDigit), "R nol nol satu");
  EXPECT_EQ(spokenIndonesian({"R", 12}, SpeakStyle::DigitByDigit), "R nol satu dua");
  EXPECT_EQ(spokenIndonesian({"U", 1024}, SpeakStyle::DigitByDigit), "U satu nol dua empat");
  EXPECT_EQ(spokenIndonesian({"R", 789}, SpeakStyle::DigitByDigit), "R tujuh delapan sembilan");
  EXPECT_EQ(spokenIndonesian({"R", 356}, SpeakStyle::DigitByDigit), "R tiga lima enam");
}

TEST(TicketNumber, SpokenAsNumber) {
  EXPECT_EQ(spokenIndonesian({"R", 1}, SpeakStyle::AsNumber), "R satu");
  EXPECT_EQ(spokenIndonesian({"R", 12}, SpeakStyle::AsNumber), "R dua belas");
  EXPECT_EQ(spokenIndonesian({"U", 1024}, SpeakStyle::AsNumber), "U seribu dua puluh empat");
}

TEST(TicketNumber, MultiLetterPrefixIsSpelled) {
  EXPECT_EQ(spokenIndonesian({"RU", 5}, SpeakStyle::DigitByDigit), "R U nol nol lima");
  EXPECT_EQ(spokenIndonesian({"RU", 5}, SpeakStyle::AsNumber), "R U lima");
}

TEST(IndonesianWords, Table) {
  struct Case {
    long n;
    const char* words;
  };
  const Case cases[] = {
      {0, "nol"},
      {1, "satu"},
      {7, "tujuh"},
      {10, "sepuluh"},
      {11, "sebelas"},
      {12, "dua belas"},
      {19, "sembilan belas"},
      {20, "dua puluh"},
      {21, "dua puluh satu"},
      {99, "sembilan puluh sembilan"},
      {100, "seratus"},
      {101, "seratus satu"},
      {110, "seratus sepuluh"},
      {111, "seratus sebelas"},
      {115, "seratus lima belas"},
      {200, "dua ratus"},
      {999, "sembilan ratus sembilan puluh sembilan"},
      {1000, "seribu"},
      {1001, "seribu satu"},
      {1100, "seribu seratus"},
      {2000, "dua ribu"},
      {11000, "sebelas ribu"},
      {12345, "dua belas ribu tiga ratus empat puluh lima"},
      {100000, "seratus ribu"},
      {101000, "seratus satu ribu"},
      {1000000, "satu juta"},
      {1001000, "satu juta seribu"},
      {2500000, "dua juta lima ratus ribu"},
      {1000000000, "satu miliar"},
      {1000000000000, "satu triliun"},
      {-5, "minus lima"},
      {-1000, "minus seribu"},
      {LONG_MAX,
       "sembilan kuintiliun dua ratus dua puluh tiga kuadriliun tiga ratus tujuh puluh dua triliun tiga puluh enam "
       "miliar delapan ratus lima puluh empat juta tujuh ratus tujuh puluh lima ribu delapan ratus tujuh"},
      {LONG_MIN,
       "minus sembilan kuintiliun dua ratus dua puluh tiga kuadriliun tiga ratus tujuh puluh dua triliun tiga "
       "puluh enam miliar delapan ratus lima puluh empat juta tujuh ratus tujuh puluh lima ribu delapan ratus "
       "delapan"},
  };
  for (const auto& c : cases) EXPECT_EQ(numberToIndonesianWords(c.n), c.words) << c.n;
}

TEST(IndonesianWords, WellFormedUpToAMillion) {
  for (long n = 0; n <= 1'000'000; n += (n < 3000 ? 1 : 997)) {
    const std::string w = numberToIndonesianWords(n);
    ASSERT_FALSE(w.empty()) << n;
    ASSERT_NE(w.front(), ' ') << n;
    ASSERT_NE(w.back(), ' ') << n;
    ASSERT_EQ(w.find("  "), std::string::npos) << n;
    ASSERT_EQ(w.find("satu ratus"), std::string::npos) << n;  // seratus
    ASSERT_EQ(w.find("satu puluh"), std::string::npos) << n;  // sepuluh
    ASSERT_EQ(w.find("satu belas"), std::string::npos) << n;  // sebelas
    // "satu ribu" only ends a larger group ("seratus satu ribu"); alone it is "seribu".
    if (const auto p = w.find("satu ribu"); p != std::string::npos) {
      ASSERT_GE(p, 6u) << n;
      ASSERT_TRUE(w.compare(p - 6, 6, "ratus ") == 0 || w.compare(p - 6, 6, "puluh ") == 0) << n;
    }
    if (n > 0) {
      ASSERT_EQ(w.find("nol"), std::string::npos) << n;
    }
  }
}

}  // namespace
}  // namespace lpse::core

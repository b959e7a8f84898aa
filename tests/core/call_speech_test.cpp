#include "kiosk/core/call_speech.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace lpse::core;

namespace {
std::string joined(const std::vector<std::string>& w) {
  std::string out;
  for (const auto& s : w) out += (out.empty() ? "" : " ") + s;
  return out;
}
}  // namespace

TEST(CallSpeech, EveryLetterHasItsIndonesianName) {
  const std::string expected = "a be ce de e ef ge ha i je ka el em en o pe ki er es te u ve we eks ye zet";
  std::vector<std::string> names;
  for (char c = 'A'; c <= 'Z'; ++c) names.emplace_back(*letterName(c));
  EXPECT_EQ(joined(names), expected);
  EXPECT_FALSE(letterName('a'));
  EXPECT_FALSE(letterName('1'));
}

TEST(CallSpeech, NumbersZeroToNineNinetyNineAreWordsWithNoLeadingZero) {
  SpeechSettings s;
  EXPECT_EQ(joined(ticketWords("R-012", s)), "er , dua belas");
  EXPECT_EQ(joined(ticketWords("R-001", s)), "er , satu");
  EXPECT_EQ(joined(ticketWords("R-010", s)), "er , sepuluh");
  EXPECT_EQ(joined(ticketWords("R-011", s)), "er , sebelas");
  EXPECT_EQ(joined(ticketWords("U-100", s)), "u , seratus");
  EXPECT_EQ(joined(ticketWords("U-999", s)), "u , sembilan ratus sembilan puluh sembilan");
  EXPECT_EQ(joined(ticketWords("U-1000", s)), "u , seribu");
  // Every number 1..999 gives words only from the clip vocabulary, and
  // different numbers never sound the same.
  const std::set<std::string> vocab = {"satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
                                       "sepuluh", "sebelas", "belas", "puluh", "seratus", "ratus"};
  std::set<std::string> seen;
  for (int n = 1; n <= 999; ++n) {
    auto w = ticketWords("A-" + std::to_string(n), s);
    ASSERT_GE(w.size(), 3u);
    for (std::size_t i = 2; i < w.size(); ++i) EXPECT_TRUE(vocab.count(w[i])) << n << ": " << w[i];
    EXPECT_TRUE(seen.insert(joined(w)).second) << n;
  }
  EXPECT_EQ(joined(ticketWords("A-0", s)), "a nol");  // not a ticket: spelt, never dropped
}

TEST(CallSpeech, DigitByDigitKeepsThePrintedZeros) {
  SpeechSettings s;
  s.numberStyle = SpeakStyle::DigitByDigit;
  EXPECT_EQ(joined(ticketWords("R-012", s)), "er , nol satu dua");
  EXPECT_EQ(joined(ticketWords("R-1024", s)), "er , satu nol dua empat");
}

TEST(CallSpeech, MultiLetterPrefixesAreSpelt) {
  EXPECT_EQ(joined(ticketWords("RU-007", {})), "er u , tujuh");
}

TEST(CallSpeech, CountersFromConfigOrByRule) {
  SpeechSettings s;
  bool fromConfig = true;
  EXPECT_EQ(joined(counterWords("Loket 1", s, &fromConfig)), "loket satu");
  EXPECT_FALSE(fromConfig);
  EXPECT_EQ(joined(counterWords("Admin PPE", s)), "admin pe pe e");
  EXPECT_EQ(joined(counterWords("Loket 12", s)), "loket dua belas");
  s.counterNames["Admin PPE"] = "meja admin";
  EXPECT_EQ(joined(counterWords("Admin PPE", s, &fromConfig)), "meja admin");
  EXPECT_TRUE(fromConfig);
}

TEST(CallSpeech, CallRecallAndCallBackSentences) {
  SpeechSettings s;
  EXPECT_EQ(sentenceOf(callWords("R-012", "Loket 1", CallKind::Call, s)),
            "Nomor antrian, er, dua belas, silakan menuju loket satu.");
  EXPECT_EQ(sentenceOf(callWords("R-012", "Loket 1", CallKind::Recall, s)),
            "Panggilan ulang, nomor antrian, er, dua belas, silakan menuju loket satu.");
  EXPECT_EQ(sentenceOf(callWords("R-012", "Loket 1", CallKind::CallBack, s)),
            "Nomor antrian, er, dua belas, silakan kembali ke loket satu untuk menerima hasil.");
  s.recallPhrase = "sekali lagi";
  EXPECT_EQ(callWords("R-012", "Loket 1", CallKind::Recall, s).front(), "sekali lagi");
}

TEST(CallSpeech, EnglishSentence) {
  EXPECT_EQ(englishSentence("R-012", "Loket 1", CallKind::Call), "Number R 12, please go to counter 1.");
  EXPECT_EQ(englishSentence("R-012", "Loket 2", CallKind::CallBack),
            "Number R 12, please return to counter 2 to receive your result.");
}

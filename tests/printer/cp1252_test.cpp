#include "devices/printer/cp1252.hpp"

#include <gtest/gtest.h>

using namespace lpse::printer;

TEST(FoldToCp1252, IndonesianSentenceWithTypographicPunctuation) {
  EXPECT_EQ(foldToCp1252("Rp 5.000 \u2013 Pak D\u00e9d\u00e9\u2019s \u201cform\u201d"),
            "Rp 5.000 - Pak D\xE9" "d\xE9's \"form\"");
}

TEST(FoldToCp1252, AsciiPassesUnchanged) {
  const std::string s = "Antrian R-001, loket 2 (Layanan Reset) #ok ~ {x}";
  EXPECT_EQ(foldToCp1252(s), s);
}

TEST(FoldToCp1252, KeepsCp1252LettersAndSymbols) {
  EXPECT_EQ(foldToCp1252("\u20ac \u0160 \u2122 \u00fc \u00f1 \u00b1"), "\x80 \x8A \x99 \xFC \xF1 \xB1");
}

TEST(FoldToCp1252, DashesQuotesEllipsisBulletsSpacesBecomeAscii) {
  EXPECT_EQ(foldToCp1252("a\u2014b\u2212c\u2026 \u2022x \u2018q\u2019 \u201ed\u201c"), "a-b-c... *x 'q' \"d\"");
  EXPECT_EQ(foldToCp1252("1\u00a0000\u202f000"), "1 000 000");
  EXPECT_EQ(foldToCp1252("ab\u200bc\u00adde\ufeff"), "abcde");
}

TEST(FoldToCp1252, AccentedLettersOutsideCp1252LoseTheAccent) {
  EXPECT_EQ(foldToCp1252("\u0141\u00f3d\u017a \u0105\u0119 Nguy\u1ec5n \u0218tefan \u0130stanbul \u0133"),
            "L\xF3" "dz ae Nguyen Stefan Istanbul ij");
}

TEST(FoldToCp1252, CombiningMarksAreDropped) {
  EXPECT_EQ(foldToCp1252("De\u0301de\u0301"), "Dede");
}

TEST(FoldToCp1252, EverythingElseIsOneQuestionMarkPerCharacter) {
  EXPECT_EQ(foldToCp1252("\xF0\x9F\x98\x80"), "?");         // emoji
  EXPECT_EQ(foldToCp1252("\u65e5\u672c"), "??");             // CJK
  EXPECT_EQ(foldToCp1252("\u0391\u0431"), "??");             // Greek, Cyrillic
}

TEST(FoldToCp1252, MalformedUtf8NeverLeaksRawBytes) {
  for (std::string bad : {std::string("\xFF\xFE"), std::string("\xE2\x80"), std::string("\xC0\xAF"),
                          std::string("\xED\xA0\x80"), std::string("\xF4\x90\x80\x80"), std::string("\x80")}) {
    const std::string out = foldToCp1252(bad);
    EXPECT_FALSE(out.empty()) << "input of " << bad.size() << " bytes";
    for (char c : out) EXPECT_EQ(c, '?');
  }
}

TEST(FoldToCp1252, ControlCharactersCannotStartPrinterCommands) {
  EXPECT_EQ(foldToCp1252("a\tb\nc\x07\x1B@\x1D"), "a b\nc??@?");
  EXPECT_EQ(foldToCp1252("\u0085x\u009b"), "?x?");  // C1 controls
}

TEST(Cp1252ToUtf8, RoundTripsFoldedText) {
  EXPECT_EQ(cp1252ToUtf8(foldToCp1252("D\u00e9d\u00e9 \u20ac5 \u0160ar\u00e1")), "D\u00e9d\u00e9 \u20ac5 \u0160ar\u00e1");
}

TEST(Cp1252ToUnicode, HighRangeAndUndefinedBytes) {
  EXPECT_EQ(cp1252ToUnicode(0x80), U'\u20ac');
  EXPECT_EQ(cp1252ToUnicode(0x96), U'\u2013');
  EXPECT_EQ(cp1252ToUnicode(0xE9), U'\u00e9');
  EXPECT_EQ(cp1252ToUnicode('A'), U'A');
  for (std::uint8_t b : {0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x1B, 0x7F}) EXPECT_EQ(cp1252ToUnicode(b), U'\ufffd');
}

TEST(AppendUtf8, EncodesEachLength) {
  std::string s;
  for (char32_t c : {U'A', U'\u00e9', U'\u20ac', U'\U0001F600'}) appendUtf8(s, c);
  EXPECT_EQ(s, "A\u00e9\u20ac\U0001F600");
}

// Office and visitor names as LPSE offices really write them: typographic
// quotes and dashes from word processors, names with accents, names in other
// scripts. Folded to what WPC1252 prints, never raw UTF-8 bytes (which a
// printer would show as two or three junk characters each).
TEST(FoldToCp1252, RealisticIndonesianOfficeAndVisitorNames) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"LPSE Kabupaten Kepulauan Seribu \u2014 DKI Jakarta", "LPSE Kabupaten Kepulauan Seribu - DKI Jakarta"},
      {"Biro Pengadaan Barang/Jasa Setda Prov. D.I. Yogyakarta", "Biro Pengadaan Barang/Jasa Setda Prov. D.I. Yogyakarta"},
      {"Layanan \u201cHelpdesk\u201d LPSE Kota Pare\u2010Pare", "Layanan \"Helpdesk\" LPSE Kota Pare-Pare"},
      {"Jum\u2019at, 28 November 2025 \u2013 08.00\u201311.30 WIB", "Jum'at, 28 November 2025 - 08.00-11.30 WIB"},
      {"Muh. Ma\u2019ruf Amin", "Muh. Ma'ruf Amin"},
      {"Andr\u00e9 Sitompul", "Andr\xE9 Sitompul"},
      {"Ni Luh Putu Ay\u00fa", "Ni Luh Putu Ay\xFA"},
      {"Nguy\u1ec5n V\u0103n An", "Nguyen Van An"},
      {"Kantor \u2116 12 \u2022 Lantai 2", "Kantor No. 12 * Lantai 2"},
      {"\uff2c\uff30\uff33\uff25 Kab. Sleman", "LPSE Kab. Sleman"},  // full-width, from a CJK keyboard
      {"Pak Budi \u260e\ufe0f 0812", "Pak Budi ? 0812"},               // emoji + variation selector: one '?'
      {"Ibu Sari \U0001F44D\U0001F3FD", "Ibu Sari ?"},                   // emoji + skin tone: one '?'
      {"Tan \u9648\u5927\u660e", "Tan ???"},                             // Chinese name
      {"\u0645\u062d\u0645\u062f Rizki", "???? Rizki"},                  // Arabic script
      {"\ua997\ua9a0\ua9ab", "???"},                                     // Javanese script
  };
  for (const auto& c : cases) {
    const std::string out = foldToCp1252(c.in);
    EXPECT_EQ(out, c.out) << c.in;
    // Never a UTF-8 lead or continuation byte pattern: every output byte is
    // one printed character, and none of them is a control.
    for (char ch : out) {
      const auto b = static_cast<unsigned char>(ch);
      EXPECT_GE(b, 0x20) << c.in;
      EXPECT_NE(cp1252ToUnicode(b), U'\ufffd') << c.in;
    }
  }
}

TEST(FoldToAscii, EverythingBecomesPlainAscii) {
  EXPECT_EQ(foldToAscii("Andr\u00e9 M\u00fcller \u2013 Stra\u00dfe \u00b115 \u20ac5 \u00a9 \u0152uvre \u2122"),
            "Andre Muller - Strasse +/-15 EUR5 (c) OEuvre TM");
  EXPECT_EQ(foldToAscii("\u201cJum\u2019at\u201d \u2026"), "\"Jum'at\" ...");
  EXPECT_EQ(foldToAscii("\u00bd \u00d7 \u00b0C"), "1/2 x oC");
  EXPECT_EQ(foldToAscii("a\nb"), "a\nb");
  // Every input, however odd, gives bytes 0x20..0x7E (and LF) only.
  std::string all;
  for (char32_t cp = 0x20; cp < 0x3000; ++cp) appendUtf8(all, cp);
  for (char ch : foldToAscii(all)) {
    const auto b = static_cast<unsigned char>(ch);
    EXPECT_TRUE((b >= 0x20 && b < 0x7F) || b == '\n') << static_cast<int>(b);
  }
}

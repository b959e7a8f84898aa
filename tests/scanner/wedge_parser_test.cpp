#include "devices/scanner/wedge_parser.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace lpse::scanner;

namespace {

// Feeds `text` then Enter, one key every `gapMs` (with +-jitter ms), from
// time `t`; returns what the parser gave on Enter.
std::optional<std::string> type(WedgeParser& p, const std::u32string& text, double gapMs, std::int64_t& t,
                                int jitter = 0, unsigned seed = 1) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> j(-jitter, jitter);
  for (char32_t c : text) {
    EXPECT_FALSE(p.feed({c, t}));
    t += static_cast<std::int64_t>(gapMs) + (jitter ? j(rng) : 0);
  }
  return p.feed({U'\n', t});
}

}  // namespace

TEST(WedgeParser, AFastBurstEndingInEnterIsAScan) {
  WedgeParser p;
  std::int64_t t = 1000;
  auto r = type(p, U"LPSE-T1:0123456789ABCDEF01234567:1A2B", 8, t);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, "LPSE-T1:0123456789ABCDEF01234567:1A2B");
  // The burst is consumed: a second Enter gives nothing.
  EXPECT_FALSE(p.feed({U'\r', t + 5}));
}

TEST(WedgeParser, ScannerTimingWithJitterStillCounts) {
  WedgeParser p;
  std::int64_t t = 0;
  // A Bluetooth scanner: ~20 ms a key, up to 40 ms now and then.
  auto r = type(p, U"ABCDEFGHIJKLMNOP", 20, t, 20, 7);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, "ABCDEFGHIJKLMNOP");
}

TEST(WedgeParser, HumanTypingIsNotAScan) {
  WedgeParser p;
  std::int64_t t = 0;
  EXPECT_FALSE(type(p, U"budi santoso", 150, t, 60, 3));  // a fast typist
  EXPECT_FALSE(type(p, U"1234", 90, t));                   // digits on the keypad, quick
  // A typist's quick roll mid-word, then the usual pace and Enter.
  std::int64_t u = 0;
  for (char32_t c : std::u32string(U"abcd")) p.feed({c, u}), u += 25;
  for (char32_t c : std::u32string(U"efgh")) p.feed({c, u}), u += 140;
  EXPECT_FALSE(p.feed({U'\n', u}));
}

TEST(WedgeParser, APauseSplitsTypingFromAScanThatFollows) {
  WedgeParser p;
  std::int64_t t = 0;
  for (char32_t c : std::u32string(U"abc")) p.feed({c, t}), t += 200;
  t += 500;
  auto r = type(p, U"XYZ-12345", 6, t);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, "XYZ-12345");  // the typed "abc" is not part of the payload
}

TEST(WedgeParser, ShortBurstsAndSlowEnterAreNotScans) {
  WedgeParser p;
  std::int64_t t = 0;
  EXPECT_FALSE(type(p, U"abc", 5, t));  // shorter than minLength: a key repeat or chord
  // Fast burst, but Enter comes a second later: a person pressed it.
  for (char32_t c : std::u32string(U"ABCDEFGH")) p.feed({c, t}), t += 5;
  EXPECT_FALSE(p.feed({U'\n', t + 1000}));
}

TEST(WedgeParser, ScanningFlagAndPendingTextAndNonAscii) {
  WedgeParser p;
  std::int64_t t = 0;
  for (char32_t c : std::u32string(U"Dinas PU\u00e9\u20ac")) p.feed({c, t}), t += 5;
  EXPECT_TRUE(p.scanning(t));
  EXPECT_FALSE(p.scanning(t + 1000));
  EXPECT_EQ(p.pending(), "Dinas PU\xc3\xa9\xe2\x82\xac");
  auto r = p.feed({U'\n', t});
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, "Dinas PU\xc3\xa9\xe2\x82\xac");
  EXPECT_EQ(p.pending(), "");
}

TEST(WedgeParser, ControlKeysBreakABurst) {
  WedgeParser p;
  std::int64_t t = 0;
  for (char32_t c : std::u32string(U"ABCDEF")) p.feed({c, t}), t += 5;
  p.feed({U'\t', t});  // Tab: the person moved to the next field
  t += 5;
  EXPECT_FALSE(p.feed({U'\n', t}));
}

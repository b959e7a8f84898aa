#include "devices/scanner/read_merger.hpp"

#include <gtest/gtest.h>

using namespace lpse::scanner;
using namespace std::chrono_literals;
using Clock = ReadMerger::Clock;

TEST(ReadMerger, ACodeHeldInFrontOfTheCameraIsOneRead) {
  ReadMerger m(3000ms);
  const auto t0 = Clock::time_point{} + 1h;
  EXPECT_TRUE(m.accept("A", t0));
  // Read on every frame for 20 s: each sighting extends the window.
  for (int i = 1; i <= 600; ++i) EXPECT_FALSE(m.accept("A", t0 + i * 33ms)) << i;
}

TEST(ReadMerger, ShownAgainAfterTheWindowIsANewRead) {
  ReadMerger m(3000ms);
  const auto t0 = Clock::time_point{} + 1h;
  EXPECT_TRUE(m.accept("A", t0));
  EXPECT_FALSE(m.accept("A", t0 + 2900ms));
  EXPECT_TRUE(m.accept("A", t0 + 2900ms + 3001ms));
}

TEST(ReadMerger, DifferentCodesAreDifferentReads) {
  ReadMerger m(3000ms);
  const auto t0 = Clock::time_point{} + 1h;
  EXPECT_TRUE(m.accept("A", t0));
  EXPECT_TRUE(m.accept("B", t0 + 10ms));
  EXPECT_FALSE(m.accept("A", t0 + 20ms));
  EXPECT_FALSE(m.accept("B", t0 + 30ms));
}

TEST(ReadMerger, ForgetsOldReadsSoItStaysSmall) {
  ReadMerger m(1000ms);
  const auto t0 = Clock::time_point{} + 1h;
  for (int i = 0; i < 1000; ++i) m.accept("code-" + std::to_string(i), t0 + i * 10ms);
  EXPECT_LE(m.remembered(), 101u);
  m.reset();
  EXPECT_EQ(m.remembered(), 0u);
  EXPECT_TRUE(m.accept("code-999", t0 + 9990ms));
}

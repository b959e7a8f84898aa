#include "devices/audio/pcm_ops.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace lpse::audio;

namespace {
Pcm tone(double amplitude, double seconds = 0.5, double hz = 440) {
  Pcm p;
  for (int i = 0; i < seconds * kSampleRate; ++i)
    p.samples.push_back(static_cast<std::int16_t>(std::lround(amplitude * 32767 * std::sin(2 * M_PI * hz * i / kSampleRate))));
  return p;
}
double rms(const Pcm& p) {
  double s = 0;
  for (auto v : p.samples) s += double(v) * v;
  return std::sqrt(s / p.samples.size()) / 32768.0;
}
int peak(std::span<const std::int16_t> v) {
  int m = 0;
  for (auto s : v) m = std::max(m, std::abs(int(s)));
  return m;
}
}  // namespace

TEST(PcmOps, LevellingMakesQuietAndLoudClipsAlike) {
  Pcm quiet = tone(0.05), loud = tone(0.9);
  levelClip(quiet);
  levelClip(loud);
  EXPECT_NEAR(rms(quiet), rms(loud), 0.01);
  EXPECT_NEAR(rms(loud), 0.12, 0.01);
}

TEST(PcmOps, LevellingDoesNotPumpNoiseUp) {
  Pcm hiss = tone(0.02);  // 0.014 RMS: 8x at most
  levelClip(hiss);
  EXPECT_LT(rms(hiss), 0.12);
  EXPECT_NEAR(rms(hiss), 0.02 / std::sqrt(2.0) * 8, 0.01);
}

TEST(PcmOps, LimiterKeepsEverySampleUnderTheCeilingAtAnyGain) {
  Pcm p = tone(0.9);
  Limiter lim(0.95);
  lim.process(p.samples, 2.0);
  EXPECT_LE(peak(p.samples), static_cast<int>(0.95 * 32767) + 1);
  EXPECT_GT(peak(p.samples), 30000);  // limited, not silenced
  Pcm q = tone(0.3);
  Limiter lim2(0.95);
  const auto before = q.samples;
  lim2.process(q.samples, 1.0);
  EXPECT_EQ(q.samples, before);  // below the ceiling: untouched
}

TEST(PcmOps, ResampleKeepsDuration) {
  Pcm p = tone(0.5, 1.0);
  p.rate = 44100;
  Pcm r = resample(p, kSampleRate);
  EXPECT_NEAR(static_cast<double>(r.samples.size()), kSampleRate / 2.0, 2);
}

TEST(PcmOps, TrimAndSpans) {
  Pcm p = silence(300);
  append(p, tone(0.5, 0.2));
  append(p, silence(300));
  append(p, tone(0.5, 0.2));
  append(p, silence(300));
  auto spans = soundSpans(p.samples, kSampleRate, 100);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_NEAR(spans[0].start / double(kSampleRate), 0.3, 0.01);
  EXPECT_NEAR((spans[1].start - spans[0].end) / double(kSampleRate), 0.3, 0.01);
  trimSilence(p, 300, 0);
  EXPECT_NEAR(p.seconds(), 0.7, 0.01);
}

TEST(PcmOps, BuiltinChimeIsAboutAHalfSecondTwoToneSound) {
  Pcm c = builtinChime();
  EXPECT_NEAR(c.seconds(), 0.9, 0.01);
  EXPECT_GT(peak(c.samples), 8000);
}

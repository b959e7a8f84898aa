#pragma once
// Small operations on Pcm: resampling, loudness levelling, the limiter,
// silence and the chime. Pure functions, no device.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "devices/audio/pcm.hpp"

namespace lpse::audio {

// Linear interpolation to `rate`. Speech clips only: good enough below
// 11 kHz of content, and a 44.1 kHz recording becomes 22.05 kHz exactly.
Pcm resample(const Pcm& in, int rate);

// Scales a clip so its speech sits at `targetRms` (of full scale) with its
// peaks below `ceiling`: a quiet recording and espeak-ng's loud output end
// up alike. Silent clips are left alone; gain is capped at 8x (+18 dB) so
// noise is not pumped up into speech.
void levelClip(Pcm& pcm, double targetRms = 0.12, double ceiling = 0.89);

// Leading and trailing near-silence trimmed (espeak-ng pads each word), so
// words joined from clips do not drag.
void trimSilence(Pcm& pcm, int threshold = 300, int keepMs = 15);

// A peak limiter with instant attack and ~50 ms release, applied after the
// volume: no sample leaves above `ceiling`, so any gain is safe.
class Limiter {
 public:
  explicit Limiter(double ceiling = 0.95, int rate = kSampleRate);
  void process(std::span<std::int16_t> samples, double gain);

 private:
  double m_ceiling, m_release, m_env = 1.0;
};

Pcm silence(int ms, int rate = kSampleRate);
// Two falling tones (E6 -> C6), decaying: the built-in chime when no
// "chime" recording is installed.
Pcm builtinChime(int rate = kSampleRate);
void append(Pcm& out, const Pcm& part);

// Non-silent stretches of a signal, for tests and `lpse voice`: each is
// [start, end) in samples, split where at least `gapMs` is below `threshold`.
struct Span {
  std::size_t start = 0, end = 0;
};
std::vector<Span> soundSpans(std::span<const std::int16_t> samples, int rate, int gapMs, int threshold = 200);

}  // namespace lpse::audio

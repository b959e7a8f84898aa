#pragma once
// Sound as the audio device takes it: mono, signed 16-bit, one fixed rate
// (espeak-ng's own, so generated clips need no resampling). Every clip,
// recording or synthesis is converted to this on load.
#include <cstdint>
#include <vector>

namespace lpse::audio {

inline constexpr int kSampleRate = 22050;

struct Pcm {
  int rate = kSampleRate;
  std::vector<std::int16_t> samples;

  double seconds() const { return rate > 0 ? static_cast<double>(samples.size()) / rate : 0.0; }
  bool empty() const { return samples.empty(); }
};

}  // namespace lpse::audio

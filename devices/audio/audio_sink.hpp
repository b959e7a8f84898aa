#pragma once
// Where announcements are played: one small interface, with SDL2 (the real
// sound card, or SDL's disk driver in tests) and a fake for unit tests.
// Samples are always mono 16-bit at kSampleRate.
#include <chrono>
#include <cstdint>
#include <span>
#include <string>

#include "kiosk/core/error.hpp"

namespace lpse::audio {

struct PlayTiming {
  // When the device took the first sample (its callback ran), on the
  // steady clock: the "chime handed to the device" moment of the benchmark.
  std::chrono::steady_clock::time_point firstSample{};
};

class AudioSink {
 public:
  virtual ~AudioSink();
  virtual core::Status open() = 0;  // an error when there is no device
  virtual void close() = 0;
  virtual bool isOpen() const = 0;
  // Blocks until the device has taken every sample; an error when the device
  // went away or stalled mid-way (the caller closes and re-opens it later).
  virtual core::Result<PlayTiming> play(std::span<const std::int16_t> samples) = 0;
  virtual std::string describe() const = 0;
};

}  // namespace lpse::audio

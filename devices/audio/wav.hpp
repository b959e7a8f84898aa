#pragma once
// WAV files in and out. Reading accepts what an office's recorder or a
// phone app writes (PCM 8/16/24/32-bit, 32-bit float, mono or stereo, any
// common rate) and returns the device format (mono, 16-bit, kSampleRate);
// anything else is an error naming the file in both languages.
#include <cstdint>
#include <span>
#include <string>

#include "devices/audio/pcm.hpp"
#include "kiosk/core/error.hpp"

namespace lpse::audio {

struct WavLimits {
  double maxSeconds = 10.0;  // a clip is a word or a phrase, not a song
};

core::Result<Pcm> decodeWav(std::span<const std::uint8_t> bytes, const std::string& name, WavLimits limits = {});
core::Result<Pcm> readWav(const std::string& path, WavLimits limits = {});

std::vector<std::uint8_t> encodeWav(const Pcm& pcm);
core::Status writeWav(const std::string& path, const Pcm& pcm);

}  // namespace lpse::audio

#pragma once
// Text to speech in-process with libespeak-ng: the words no clip covers
// (a counter name from config, a replaced clip that turned out corrupt) and
// the build-time clip generator. Offline; espeak-ng is not re-entrant, so
// every call takes one process-wide lock.
#include <string>

#include "devices/audio/pcm.hpp"
#include "kiosk/core/error.hpp"

namespace lpse::audio {

struct SpeechOptions {
  std::string voice = "id";  // espeak-ng voice name: "id", "en"
  int wordsPerMinute = 150;  // a little slower than espeak's 175: a waiting room is noisy
};

// text: plain words, or espeak-ng phonemes in [[...]] (the pronunciation
// fixes in assets/voice/clips.tsv). The result is at kSampleRate.
core::Result<Pcm> synthesize(const std::string& text, const SpeechOptions& options = {});

// True once the library initialised (data files found); the error otherwise.
core::Status speechAvailable();

}  // namespace lpse::audio

#pragma once
// An announcement as sound: the chime, then the words (clips joined with
// short gaps, a longer pause at each ","), repeated; the clip lengths are
// kept so a test can check the audio that came out of the device.
#include <string>
#include <vector>

#include "devices/audio/clip_set.hpp"
#include "devices/audio/pcm.hpp"

namespace lpse::audio {

struct Utterance {
  std::vector<std::string> words;  // clip names; "," is a pause, "." ends a sentence
  std::string englishText;         // spoken after the Indonesian when not empty (synthesized)
  int repeat = 1;
};

struct PlayedPart {
  std::string name;  // clip name, "chime", "(pause)" or "(english)"
  std::size_t samples = 0;
};

struct Rendered {
  Pcm pcm;
  std::vector<PlayedPart> parts;
};

struct Timing {
  int afterChimeMs = 350, wordGapMs = 40, commaMs = 220, repeatGapMs = 800;
};

Rendered render(const Utterance& u, ClipSet& clips, const Timing& t = {});

}  // namespace lpse::audio

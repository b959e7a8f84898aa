// lpse-voice-clips LIST OUTDIR: the build step that turns
// assets/voice/clips.tsv into one WAV per word with espeak-ng's Indonesian
// voice, in one process (a process per word costs ~0.2 s each).
#include <cstdio>
#include <filesystem>

#include "devices/audio/clip_set.hpp"
#include "devices/audio/speech_synth.hpp"
#include "devices/audio/wav.hpp"

int main(int argc, char** argv) {
  using namespace lpse::audio;
  if (argc != 3) {
    std::fprintf(stderr, "usage: lpse-voice-clips CLIPS.tsv OUTDIR\n");
    return 2;
  }
  auto defs = readClipList(argv[1]);
  if (!defs) {
    std::fprintf(stderr, "lpse-voice-clips: %s\n", defs.error().en.c_str());
    return 1;
  }
  std::error_code ec;
  std::filesystem::create_directories(argv[2], ec);
  int written = 0;
  for (const auto& d : *defs) {
    auto pcm = synthesize(d.say);
    if (!pcm) {
      std::fprintf(stderr, "lpse-voice-clips: %s\n", pcm.error().en.c_str());
      return 1;
    }
    auto st = writeWav((std::filesystem::path(argv[2]) / clipFileName(d.name)).string(), *pcm);
    if (!st) {
      std::fprintf(stderr, "lpse-voice-clips: %s\n", st.error().en.c_str());
      return 1;
    }
    ++written;
  }
  std::printf("lpse-voice-clips: %d clips in %s\n", written, argv[2]);
  return 0;
}

#pragma once
// The words the display can say, one WAV clip per word or phrase. Each is
// looked up in order: an office recording (recordings folder, from config),
// the clip generated at build time with espeak-ng, else synthesized now with
// libespeak-ng. A recording that cannot be used is reported once (file
// named) and the next source is used: the call is always spoken.
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "devices/audio/pcm.hpp"
#include "devices/audio/speech_synth.hpp"
#include "kiosk/core/error.hpp"

namespace lpse::audio {

// One line of assets/voice/clips.tsv: the word as the sentence uses it, and
// what espeak-ng is given to say it (phonemes in [[...]] where its Indonesian
// reading is wrong).
struct ClipDef {
  std::string name, say;
};
core::Result<std::vector<ClipDef>> parseClipList(std::string_view text, const std::string& sourceName);
core::Result<std::vector<ClipDef>> readClipList(const std::string& path);

// Where the build put the generated clips (and a copy of clips.tsv):
// $LPSE_VOICE_DIR, else voice/ beside the programs' bin/ folder.
std::string defaultClipsDir();

// "nomor antrian" -> "nomor_antrian.wav": the file an office records.
std::string clipFileName(const std::string& name);

enum class ClipSource { Recorded, Generated, Synthesized, Builtin, Missing };
std::string_view toString(ClipSource s);

struct ClipInfo {
  std::string name;
  ClipSource source = ClipSource::Missing;
  std::string path;     // the file used, if any
  std::string problem;  // why a recording or clip was passed over (Indonesian)
  double seconds = 0;
};

class ClipSet {
 public:
  struct Options {
    std::string recordingsDir;  // the office's own recordings; empty: none
    std::string generatedDir;   // build-time clips (espeak-ng)
    SpeechOptions speech;
    bool synthesize = true;     // false: a word with no file is Missing (lpse voice list)
  };
  using Log = std::function<void(const std::string&)>;

  ClipSet(Options options, std::vector<ClipDef> defs, Log log = {});

  // Thread-safe; loaded once, then cached. Levelled and trimmed. Empty only
  // when the word has no file and espeak-ng also failed (logged).
  Pcm get(const std::string& name);
  ClipInfo info(const std::string& name);
  // Loads every listed clip now (the player does it at start, so the first
  // call is not slowed by disk reads).
  void preload();
  std::vector<ClipInfo> listAll();
  const std::vector<ClipDef>& defs() const { return m_defs; }

 private:
  struct Entry {
    ClipInfo info;
    Pcm pcm;
  };
  const Entry& load(const std::string& name);  // m_mutex held

  Options m_options;
  std::vector<ClipDef> m_defs;
  Log m_log;
  std::mutex m_mutex;
  std::map<std::string, Entry> m_cache;
};

}  // namespace lpse::audio

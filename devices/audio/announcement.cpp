#include "devices/audio/announcement.hpp"

#include "devices/audio/pcm_ops.hpp"

namespace lpse::audio {
namespace {

void add(Rendered& r, const std::string& name, const Pcm& pcm) {
  append(r.pcm, pcm);
  r.parts.push_back({name, pcm.samples.size()});
}

}  // namespace

Rendered render(const Utterance& u, ClipSet& clips, const Timing& t) {
  Rendered r;
  add(r, "chime", clips.get("chime"));
  add(r, "(pause)", silence(t.afterChimeMs));
  for (int rep = 0; rep < std::max(1, u.repeat); ++rep) {
    if (rep > 0) add(r, "(pause)", silence(t.repeatGapMs));
    bool first = true;
    for (const auto& w : u.words) {
      if (w == "," || w == ".") {
        add(r, "(pause)", silence(w == "," ? t.commaMs : t.repeatGapMs / 2));
        first = true;
        continue;
      }
      if (!first) add(r, "(pause)", silence(t.wordGapMs));
      add(r, w, clips.get(w));
      first = false;
    }
    if (!u.englishText.empty()) {
      add(r, "(pause)", silence(t.repeatGapMs / 2));
      auto en = synthesize(u.englishText, {.voice = "en"});
      if (en) {
        trimSilence(*en);
        levelClip(*en);
        add(r, "(english)", *en);
      }
    }
  }
  return r;
}

}  // namespace lpse::audio

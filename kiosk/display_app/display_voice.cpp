#include "kiosk/display_app/display_voice.hpp"

#include <filesystem>

namespace lpse::display {

CallVoice::CallVoice(const config::DisplayVoiceConfig& cfg, Log log, bool synthesize)
    : m_cfg(cfg), m_log(std::move(log)) {
  m_speech.numberStyle = cfg.numberStyle == "digits" ? core::SpeakStyle::DigitByDigit : core::SpeakStyle::AsNumber;
  m_speech.recallPhrase = cfg.recallPhrase;
  for (const auto& [counter, spoken] : cfg.counters) m_speech.counterNames[counter] = spoken;
  m_clipsDir = cfg.clipsDir.empty() ? audio::defaultClipsDir() : cfg.clipsDir;
  const std::string list = (std::filesystem::path(m_clipsDir) / "clips.tsv").string();
  auto defs = audio::readClipList(list);
  if (!defs && m_log) m_log(defs.error().id + " / " + defs.error().en);
  m_clips = std::make_shared<audio::ClipSet>(
      audio::ClipSet::Options{.recordingsDir = cfg.recordingsDir, .generatedDir = m_clipsDir, .synthesize = synthesize},
      defs ? *defs : std::vector<audio::ClipDef>{}, m_log);
  std::vector<audio::VolumeSpan> spans;
  for (const auto& s : cfg.volumeSchedule) spans.push_back({s.fromMinute, s.toMinute, s.percent});
  // The config parser already refused overlaps, naming the line.
  auto v = audio::VolumeSchedule::make(cfg.volume, spans);
  if (v) m_volume = *v;
}

audio::Utterance CallVoice::utterance(const std::string& ticket, const std::string& counter, core::CallKind kind) {
  audio::Utterance u;
  u.words = core::callWords(ticket, counter, kind, m_speech);
  u.repeat = m_cfg.repeat;
  if (m_cfg.english) u.englishText = core::englishSentence(ticket, counter, kind);
  bool fromConfig = false;
  const auto words = core::counterWords(counter, m_speech, &fromConfig);
  std::string unknown;
  for (const auto& w : words) {
    bool listed = false;
    for (const auto& d : m_clips->defs()) listed = listed || d.name == w;
    if (!listed) unknown += (unknown.empty() ? "" : ", ") + w;
  }
  if (!unknown.empty()) {
    std::lock_guard lock(m_mutex);
    if (m_warned.insert(counter).second && m_log) {
      const std::string key = "display.voice.counters";
      m_log("Loket '" + counter + "' diucapkan dengan mesin suara (" + unknown + "): atur '" + key +
            "' atau rekam klipnya / counter '" + counter + "' is synthesized (" + unknown + "): set '" + key +
            "' or record the clips");
    }
  }
  return u;
}

}  // namespace lpse::display

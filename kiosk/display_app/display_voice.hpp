#pragma once
// The display's voice settings made real: `[display.voice]` -> the clip set,
// the volume schedule and, per call, the utterance. Shared by the display
// and `lpse voice say`, so the CLI writes exactly what the display plays.
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "devices/audio/announcement.hpp"
#include "devices/audio/clip_set.hpp"
#include "devices/audio/volume_schedule.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/core/call_speech.hpp"

namespace lpse::display {

class CallVoice {
 public:
  using Log = std::function<void(const std::string&)>;
  // synthesize=false: words with no file stay missing (for `lpse voice list`).
  CallVoice(const config::DisplayVoiceConfig& cfg, Log log, bool synthesize = true);

  // Any thread. A counter whose words are not all clips is logged once,
  // naming the config key that would fix it.
  audio::Utterance utterance(const std::string& ticket, const std::string& counter, core::CallKind kind);
  std::shared_ptr<audio::ClipSet> clips() const { return m_clips; }
  const audio::VolumeSchedule& volume() const { return m_volume; }
  const core::SpeechSettings& speech() const { return m_speech; }
  std::string clipsDir() const { return m_clipsDir; }

 private:
  config::DisplayVoiceConfig m_cfg;
  Log m_log;
  core::SpeechSettings m_speech;
  std::string m_clipsDir;
  std::shared_ptr<audio::ClipSet> m_clips;
  audio::VolumeSchedule m_volume;
  std::mutex m_mutex;
  std::set<std::string> m_warned;
};

}  // namespace lpse::display

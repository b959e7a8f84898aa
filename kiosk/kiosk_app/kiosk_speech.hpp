#pragma once
// The kiosk's spoken guidance as a device: sentences (Indonesian or
// English) synthesized with libespeak-ng and played through an AudioSink
// (the kiosk's own output, e.g. its headphone jack) on a thread of its own,
// like the print spooler. A new sentence replaces the one being said, and
// stop() silences it within a tenth of a second: playback goes to the
// device in short pieces. The frame loop never waits on any of it.
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "devices/audio/audio_sink.hpp"

namespace lpse::kiosk {

class KioskSpeech {
 public:
  struct Status {
    bool deviceOk = false;
    std::string problem;        // why nothing is heard (Indonesian), empty when fine
    bool speaking = false;
    std::uint64_t finished = 0;   // sentences played to their end
    std::uint64_t cut = 0;        // sentences stopped or replaced part-way
    std::uint64_t samples = 0;    // handed to the device, in total
  };

  explicit KioskSpeech(std::unique_ptr<audio::AudioSink> sink);
  ~KioskSpeech();
  KioskSpeech(const KioskSpeech&) = delete;
  KioskSpeech& operator=(const KioskSpeech&) = delete;

  // Any thread. lang: "id" or "en". Replaces whatever is being said.
  void say(std::string text, std::string lang);
  void stop();
  Status status() const;

 private:
  void run();

  std::unique_ptr<audio::AudioSink> m_sink;  // the speech thread's after construction
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::string m_text, m_lang;
  std::uint64_t m_generation = 0;  // every say() and stop() moves it on
  bool m_pending = false;
  bool m_quit = false;
  Status m_status;
  std::thread m_thread;  // last: starts once everything above exists
};

}  // namespace lpse::kiosk

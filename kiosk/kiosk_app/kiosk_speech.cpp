#include "kiosk/kiosk_app/kiosk_speech.hpp"

#include <algorithm>
#include <span>

#include "devices/audio/pcm.hpp"
#include "devices/audio/speech_synth.hpp"

namespace lpse::kiosk {

namespace {
// A tenth of a second per piece: "stop" is heard to stop at once, and the
// device is fed often enough never to run dry between pieces.
constexpr std::size_t kPiece = audio::kSampleRate / 10;
}  // namespace

KioskSpeech::KioskSpeech(std::unique_ptr<audio::AudioSink> sink)
    : m_sink(std::move(sink)), m_thread([this] { run(); }) {}

KioskSpeech::~KioskSpeech() {
  {
    std::lock_guard lock(m_mutex);
    m_quit = true;
    ++m_generation;
  }
  m_wake.notify_all();
  m_thread.join();
  if (m_sink) m_sink->close();
}

void KioskSpeech::say(std::string text, std::string lang) {
  {
    std::lock_guard lock(m_mutex);
    m_text = std::move(text);
    m_lang = std::move(lang);
    m_pending = !m_text.empty();
    ++m_generation;
  }
  m_wake.notify_all();
}

void KioskSpeech::stop() { say({}, {}); }

KioskSpeech::Status KioskSpeech::status() const {
  std::lock_guard lock(m_mutex);
  return m_status;
}

void KioskSpeech::run() {
  std::unique_lock lock(m_mutex);
  while (true) {
    m_wake.wait(lock, [this] { return m_quit || m_pending; });
    if (m_quit) return;
    const std::string text = m_text, lang = m_lang;
    const std::uint64_t gen = m_generation;
    m_pending = false;
    m_status.speaking = true;
    lock.unlock();

    auto pcm = audio::synthesize(text, {.voice = lang == "en" ? "en" : "id", .wordsPerMinute = 145});
    std::string problem;
    if (!pcm) problem = pcm.error().id;
    else if (!m_sink->isOpen())
      if (auto opened = m_sink->open(); !opened) problem = opened.error().id;
    bool cut = false;
    std::uint64_t played = 0;
    if (problem.empty()) {
      const auto& s = pcm->samples;
      for (std::size_t at = 0; at < s.size(); at += kPiece) {
        {
          std::lock_guard check(m_mutex);
          if (m_generation != gen) {
            cut = true;
            break;
          }
        }
        const std::size_t n = std::min(kPiece, s.size() - at);
        if (auto r = m_sink->play(std::span<const std::int16_t>(s.data() + at, n)); !r) {
          problem = r.error().id;
          m_sink->close();  // opened again for the next sentence
          break;
        }
        played += n;
      }
    }

    lock.lock();
    m_status.speaking = false;
    m_status.deviceOk = problem.empty();
    m_status.problem = problem;
    m_status.samples += played;
    if (problem.empty()) ++(cut ? m_status.cut : m_status.finished);
  }
}

}  // namespace lpse::kiosk

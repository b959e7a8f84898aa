#include "devices/audio/fake_sink.hpp"

#include <thread>

#include "devices/audio/pcm.hpp"

namespace lpse::audio {

AudioSink::~AudioSink() = default;

core::Status FakeSink::open() {
  std::lock_guard lock(m_state->mutex);
  ++m_state->opens;
  if (m_state->failOpen) return core::makeError("audio_no_device", "Tidak ada perangkat suara (uji)", "No sound device (test)");
  m_open = true;
  return core::Ok{};
}

core::Result<PlayTiming> FakeSink::play(std::span<const std::int16_t> samples) {
  PlayTiming t{std::chrono::steady_clock::now()};
  std::unique_lock lock(m_state->mutex);
  m_state->playing = true;
  m_state->changed.notify_all();
  m_state->changed.wait(lock, [&] { return !m_state->holdPlayback; });
  if (m_state->failNextPlay) {
    m_state->failNextPlay = false;
    m_state->playing = false;
    m_open = false;
    return core::makeError("audio_lost", "Perangkat suara hilang (uji)", "Sound device lost (test)");
  }
  if (m_state->speed > 0) {
    lock.unlock();
    std::this_thread::sleep_for(std::chrono::duration<double>(samples.size() / (kSampleRate * m_state->speed)));
    lock.lock();
  }
  m_state->played.insert(m_state->played.end(), samples.begin(), samples.end());
  m_state->plays.push_back(samples.size());
  m_state->playing = false;
  m_state->changed.notify_all();
  return t;
}

}  // namespace lpse::audio

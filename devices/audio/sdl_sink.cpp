#include "devices/audio/sdl_sink.hpp"

#include <SDL.h>

#include <algorithm>
#include <cstring>

#include "devices/audio/pcm.hpp"

namespace lpse::audio {

SdlSink::SdlSink(std::string device) : m_device(std::move(device)) {}

SdlSink::~SdlSink() { close(); }

core::Status SdlSink::open() {
  if (m_dev) return core::Ok{};
  if (!m_subsystem) {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
      return core::makeError("audio_no_device", std::string("Tidak ada perangkat suara: ") + SDL_GetError(),
                             std::string("No sound device: ") + SDL_GetError());
    m_subsystem = true;
  }
  SDL_AudioSpec want{}, have{};
  want.freq = kSampleRate;
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  // 512 frames = 23 ms: the chime starts within one period of the call.
  want.samples = 512;
  want.callback = &SdlSink::callback;
  want.userdata = this;
  // No allowed changes: SDL converts to whatever the card wants.
  m_dev = SDL_OpenAudioDevice(m_device.empty() ? nullptr : m_device.c_str(), 0, &want, &have, 0);
  if (!m_dev) {
    const std::string why = SDL_GetError();
    // Quit the subsystem too: a sound card plugged in later shows up only
    // after SDL scans again.
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    m_subsystem = false;
    return core::makeError("audio_no_device", "Perangkat suara tidak dapat dibuka: " + why, "Cannot open the sound device: " + why);
  }
  const char* drv = SDL_GetCurrentAudioDriver();
  m_driver = drv ? drv : "?";
  SDL_PauseAudioDevice(m_dev, 0);
  return core::Ok{};
}

void SdlSink::close() {
  if (m_dev) {
    SDL_CloseAudioDevice(m_dev);  // joins SDL's audio thread: no callback runs after this
    m_dev = 0;
  }
  if (m_subsystem) {
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    m_subsystem = false;
  }
  std::lock_guard lock(m_mutex);
  m_pending = {};
  m_taken = 0;
}

std::string SdlSink::describe() const {
  return "SDL " + (m_driver.empty() ? std::string("(closed)") : m_driver) + (m_device.empty() ? "" : " " + m_device);
}

void SdlSink::callback(void* self, std::uint8_t* stream, int len) { static_cast<SdlSink*>(self)->fill(stream, len); }

void SdlSink::fill(std::uint8_t* stream, int len) {
  std::lock_guard lock(m_mutex);
  const std::size_t want = static_cast<std::size_t>(len) / 2;
  const std::size_t left = m_taken < m_pending.size() ? m_pending.size() - m_taken : 0;
  const std::size_t n = std::min(want, left);
  if (n > 0) {
    if (!m_first) {
      m_first = true;
      m_firstAt = std::chrono::steady_clock::now();
    }
    std::memcpy(stream, m_pending.data() + m_taken, n * 2);
    m_taken += n;
  }
  std::memset(stream + n * 2, 0, (want - n) * 2 + (len & 1));
  if (n > 0) m_cv.notify_all();
}

core::Result<PlayTiming> SdlSink::play(std::span<const std::int16_t> samples) {
  if (!m_dev) return core::makeError("audio_closed", "Perangkat suara belum dibuka", "The sound device is not open");
  std::unique_lock lock(m_mutex);
  m_pending = samples;
  m_taken = 0;
  m_first = false;
  std::size_t lastTaken = 0;
  auto lastProgress = std::chrono::steady_clock::now();
  while (m_taken < m_pending.size()) {
    m_cv.wait_for(lock, std::chrono::milliseconds(100));
    const auto now = std::chrono::steady_clock::now();
    if (m_taken != lastTaken) {
      lastTaken = m_taken;
      lastProgress = now;
      continue;
    }
    // A card unplugged mid-day: SDL reports the device stopped, or its
    // thread simply stops asking for samples.
    lock.unlock();
    const bool stopped = SDL_GetAudioDeviceStatus(m_dev) == SDL_AUDIO_STOPPED;
    lock.lock();
    if (stopped || now - lastProgress > std::chrono::seconds(2)) {
      m_pending = {};
      m_taken = 0;
      return core::makeError("audio_lost", "Perangkat suara berhenti di tengah pemutaran",
                             "The sound device stopped in the middle of playback");
    }
  }
  m_pending = {};
  m_taken = 0;
  return PlayTiming{m_firstAt};
}

}  // namespace lpse::audio

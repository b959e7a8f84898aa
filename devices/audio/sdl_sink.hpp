#pragma once
// The sound card through SDL2 (ALSA/PulseAudio/PipeWire, whichever SDL
// finds; SDL_AUDIODRIVER=disk writes the stream to SDL_DISKAUDIOFILE for
// tests). SDL pulls samples from its own thread; play() hands them over and
// waits until the last one was taken.
#include <condition_variable>
#include <memory>
#include <mutex>

#include "devices/audio/audio_sink.hpp"

namespace lpse::audio {

class SdlSink : public AudioSink {
 public:
  // device: an SDL output device name, empty for the system default.
  explicit SdlSink(std::string device = {});
  ~SdlSink() override;
  core::Status open() override;
  void close() override;
  bool isOpen() const override { return m_dev != 0; }
  core::Result<PlayTiming> play(std::span<const std::int16_t> samples) override;
  std::string describe() const override;

 private:
  static void callback(void* self, std::uint8_t* stream, int len);
  void fill(std::uint8_t* stream, int len);

  std::string m_device;
  std::uint32_t m_dev = 0;
  bool m_subsystem = false;
  std::string m_driver;
  std::mutex m_mutex;
  std::condition_variable m_cv;
  std::span<const std::int16_t> m_pending;  // what the callback still has to take
  std::size_t m_taken = 0;
  bool m_first = false;
  std::chrono::steady_clock::time_point m_firstAt{};
};

}  // namespace lpse::audio

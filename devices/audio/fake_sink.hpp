#pragma once
// An AudioSink that keeps what it was given: tests read the samples back,
// make it fail (no device, or a device lost mid-play) and slow it to real
// time. Thread-safe: the player calls it from its own thread.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "devices/audio/audio_sink.hpp"

namespace lpse::audio {

class FakeSink : public AudioSink {
 public:
  struct State {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::int16_t> played;
    std::vector<std::size_t> plays;  // length of each play() call
    int opens = 0;
    bool failOpen = false;        // open() fails: no device
    bool failNextPlay = false;    // the next play() fails: the device went away
    double speed = 0;             // 0: instant; 1: real time; 10: ten times as fast
    bool holdPlayback = false;    // play() waits until cleared (a call arriving during playback)
    bool playing = false;
  };
  explicit FakeSink(std::shared_ptr<State> state) : m_state(std::move(state)) {}
  core::Status open() override;
  void close() override { m_open = false; }
  bool isOpen() const override { return m_open; }
  core::Result<PlayTiming> play(std::span<const std::int16_t> samples) override;
  std::string describe() const override { return "fake"; }

 private:
  std::shared_ptr<State> m_state;
  bool m_open = false;
};

}  // namespace lpse::audio

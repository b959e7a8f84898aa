#pragma once
// Owns an AudioSink and plays announcements on its own thread, one after
// the other, each to its end (the print spooler's shape): jobs go in a
// FIFO, results come back through a callback, and the device state is a
// snapshot anyone may read. A device that is missing or fails mid-day is
// reported once and retried in the background; jobs played meanwhile come
// back "not spoken" so the caller can still show them.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "devices/audio/announcement.hpp"
#include "devices/audio/audio_sink.hpp"
#include "devices/audio/clip_set.hpp"
#include "devices/audio/volume_schedule.hpp"

namespace lpse::audio {

struct PlayResult {
  std::uint64_t id = 0;
  bool spoken = false;
  std::string error;             // Indonesian, when not spoken
  std::vector<PlayedPart> parts; // what was played, in order (for tests and logs)
  std::size_t samples = 0;
  PlayTiming timing;             // when the device took the first sample
  std::chrono::steady_clock::time_point submitted{};
};

struct PlayerStatus {
  bool deviceOk = false;
  std::string description;  // "SDL pulseaudio"
  std::string problem;      // why there is no sound, Indonesian; empty when ok
  bool playing = false;
  std::size_t queued = 0;
};

// The samples the player hands to the device for an utterance now: rendered,
// at the volume of the hour, through the limiter (`lpse voice say` writes it).
Rendered renderForDevice(const Utterance& u, ClipSet& clips, const VolumeSchedule& volume, int utcOffsetMinutes,
                         const Timing& timing = {});

class AudioPlayer {
 public:
  struct Options {
    VolumeSchedule volume;
    int utcOffsetMinutes = 7 * 60;
    std::chrono::milliseconds retryEvery{2000};  // re-open a missing device this often
    Timing timing;
  };
  // Both run on the player thread: hand over to your own queue, do not block.
  using Done = std::function<void(const PlayResult&)>;
  using Log = std::function<void(const std::string&)>;

  AudioPlayer(std::unique_ptr<AudioSink> sink, std::shared_ptr<ClipSet> clips, Options options, Done done, Log log = {});
  // Finishes the announcement in progress; queued ones are dropped unplayed.
  ~AudioPlayer();
  AudioPlayer(const AudioPlayer&) = delete;
  AudioPlayer& operator=(const AudioPlayer&) = delete;

  std::uint64_t submit(Utterance u);
  PlayerStatus status() const;

 private:
  struct Job {
    std::uint64_t id;
    Utterance u;
    std::chrono::steady_clock::time_point submitted;
  };
  void run();
  bool ensureOpen(bool force);  // player thread only
  PlayResult playJob(const Job& job);
  void setDevice(bool ok, const std::string& problem);

  std::unique_ptr<AudioSink> m_sink;  // used only on m_thread after construction
  std::shared_ptr<ClipSet> m_clips;
  Options m_options;
  Done m_done;
  Log m_log;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<Job> m_queue;
  PlayerStatus m_status;
  std::uint64_t m_nextId = 1;
  bool m_stop = false;
  bool m_reportedDown = false;
  std::chrono::steady_clock::time_point m_lastOpenTry{};
  std::thread m_thread;  // last: starts once everything above exists
};

}  // namespace lpse::audio

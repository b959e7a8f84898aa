#pragma once
// One reader of the event log for all push streams. When the hub says
// something was committed, one thread reads the new events once, formats
// their SSE frames once, and keeps the latest few thousand in memory; every
// stream takes its frames from there. Only a stream further behind than
// that window (a display back after a long break) reads the log itself.
// It also wakes every stream when a credential ends (device revoked,
// account disabled, password changed, logout), so each re-checks its own
// at once instead of at its next keep-alive.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/store/event_log.hpp"

namespace lpse::server {

class EventHub;

// The SSE frame of one event (routes_stream.cpp): only what a public
// display may see, with the log's seq as the SSE id.
std::string streamFrame(const store::EventRecord& e);

class EventFanout {
 public:
  using Reader = std::function<std::vector<store::EventRecord>(std::int64_t after, int limit)>;
  using Format = std::function<std::string(const store::EventRecord&)>;
  // Starts reading after `startSeq` (the log's end when the server starts).
  // While events come faster than one per `gap`, they are read and handed
  // to the streams at most once per `gap` (one wake-up and one socket
  // write per stream for all of them); an event after a quiet spell goes
  // out at once.
  EventFanout(EventHub& hub, Reader read, Format format, std::int64_t startSeq, std::size_t window = 4096,
              std::chrono::microseconds gap = std::chrono::milliseconds(2));
  ~EventFanout();
  EventFanout(const EventFanout&) = delete;
  EventFanout& operator=(const EventFanout&) = delete;

  struct Next {
    std::string frames;             // the SSE text of events after `after`, in order
    std::int64_t last = 0;          // seq of the last event in `frames`
    bool behind = false;            // `after` is older than the window: read the log
    bool credentialsEnded = false;  // a credential ended since the epoch given
    bool stopping = false;
  };
  // Events after `after` (at most `maxEvents`), waiting up to `timeout` for
  // some, or for a credential to end after `credentialEpoch`.
  Next next(std::int64_t after, std::uint64_t credentialEpoch, std::chrono::milliseconds timeout,
            std::size_t maxEvents = 200);

  // A credential ended somewhere: every waiting stream re-checks its own.
  void credentialsEnded();
  std::uint64_t credentialEpoch() const;
  // Reads of the log so far (one per batch of new events, not per stream).
  std::int64_t reads() const;
  void stop();

 private:
  struct Frame {
    std::int64_t seq;
    std::string text;
  };
  void loop();

  EventHub& m_hub;
  Reader m_read;
  Format m_format;
  std::size_t m_window;
  std::chrono::microseconds m_gap;
  mutable std::mutex m_mutex;
  std::condition_variable m_cv;
  std::deque<Frame> m_frames;
  std::int64_t m_floor;  // every event after this one and up to m_head is in m_frames
  std::int64_t m_head;
  std::uint64_t m_epoch = 0;
  std::int64_t m_reads = 0;
  bool m_stopping = false;
  std::thread m_thread;
};

}  // namespace lpse::server

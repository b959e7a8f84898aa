#pragma once
// Wakes the push streams when an event is committed. Waiters sleep on a
// condition variable, never poll the database in a tight loop; the store
// stays the source of what is sent, so a stream replays from the log.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace lpse::server {

class EventHub {
 public:
  // A writer committed events up to `seq`.
  void publish(std::int64_t seq);
  // Blocks until an event after `seq` is published, the timeout passes, or
  // the hub shuts down. Returns the newest published seq.
  std::int64_t waitAfter(std::int64_t seq, std::chrono::milliseconds timeout);
  void shutdown();
  bool stopping() const;

 private:
  mutable std::mutex m_mutex;
  std::condition_variable m_cv;
  std::int64_t m_seq = 0;
  bool m_stopping = false;
};

}  // namespace lpse::server

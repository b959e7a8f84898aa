#include "kiosk/server/event_fanout.hpp"

#include <algorithm>
#include <exception>

#include "kiosk/server/event_hub.hpp"

namespace lpse::server {

EventFanout::EventFanout(EventHub& hub, Reader read, Format format, std::int64_t startSeq, std::size_t window,
                         std::chrono::microseconds gap)
    : m_hub(hub),
      m_read(std::move(read)),
      m_format(std::move(format)),
      m_window(std::max<std::size_t>(window, 1)),
      m_gap(gap),
      m_floor(startSeq),
      m_head(startSeq) {
  m_thread = std::thread([this] { loop(); });
}

EventFanout::~EventFanout() {
  stop();
  if (m_thread.joinable()) m_thread.join();
}

void EventFanout::stop() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_cv.notify_all();
  m_hub.shutdown();
}

void EventFanout::credentialsEnded() {
  {
    std::lock_guard lock(m_mutex);
    ++m_epoch;
  }
  m_cv.notify_all();
}

std::uint64_t EventFanout::credentialEpoch() const {
  std::lock_guard lock(m_mutex);
  return m_epoch;
}

std::int64_t EventFanout::reads() const {
  std::lock_guard lock(m_mutex);
  return m_reads;
}

void EventFanout::loop() {
  constexpr int kChunk = 500;
  using SteadyClock = std::chrono::steady_clock;
  std::int64_t head = m_head;
  auto lastRead = SteadyClock::time_point{};
  for (;;) {
    const std::int64_t published = m_hub.waitAfter(head, std::chrono::seconds(1));
    {
      std::unique_lock lock(m_mutex);
      if (m_stopping) return;
      // A busy log (hundreds of tickets a second): let the gap pass so
      // that one read and one wake-up of each stream carry every event
      // committed meanwhile, instead of twenty wake-ups and twenty socket
      // writes per commit. A display shows nothing faster than a few ms.
      const auto since = SteadyClock::now() - lastRead;
      if (published > head && since < m_gap && m_cv.wait_for(lock, m_gap - since, [&] { return m_stopping; }))
        return;
    }
    if (m_hub.stopping()) break;
    if (published <= head) continue;
    lastRead = SteadyClock::now();
    // One read (per chunk) for every stream; the frames are made once too.
    std::vector<store::EventRecord> events;
    try {
      events = m_read(head, kChunk);
    } catch (const std::exception&) {
      // The log could not be read (busy, I/O): the streams wait; try again.
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      continue;
    }
    std::vector<Frame> frames;
    frames.reserve(events.size());
    for (const auto& e : events) frames.push_back({e.seq, m_format(e)});
    {
      std::lock_guard lock(m_mutex);
      ++m_reads;
      for (auto& f : frames) {
        m_frames.push_back(std::move(f));
        m_head = m_frames.back().seq;
      }
      while (m_frames.size() > m_window) {
        m_floor = m_frames.front().seq;
        m_frames.pop_front();
      }
    }
    if (!events.empty()) {
      head = events.back().seq;
      m_cv.notify_all();
    } else {
      // Published but not readable yet (another process's commit seen by
      // its seq before its rows): look again shortly rather than spin.
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  std::lock_guard lock(m_mutex);
  m_stopping = true;
  m_cv.notify_all();
}

EventFanout::Next EventFanout::next(std::int64_t after, std::uint64_t credentialEpoch,
                                    std::chrono::milliseconds timeout, std::size_t maxEvents) {
  Next out;
  std::unique_lock lock(m_mutex);
  m_cv.wait_for(lock, timeout, [&] {
    return m_stopping || m_epoch != credentialEpoch || after < m_floor || m_head > after;
  });
  out.stopping = m_stopping;
  out.credentialsEnded = m_epoch != credentialEpoch;
  if (after < m_floor) {
    out.behind = true;
    return out;
  }
  auto it = std::upper_bound(m_frames.begin(), m_frames.end(), after,
                             [](std::int64_t seq, const Frame& f) { return seq < f.seq; });
  for (std::size_t n = 0; it != m_frames.end() && n < maxEvents; ++it, ++n) {
    out.frames += it->text;
    out.last = it->seq;
  }
  return out;
}

}  // namespace lpse::server

#include "kiosk/server/event_hub.hpp"

namespace lpse::server {

void EventHub::publish(std::int64_t seq) {
  {
    std::lock_guard lock(m_mutex);
    if (seq <= m_seq) return;
    m_seq = seq;
  }
  m_cv.notify_all();
}

std::int64_t EventHub::waitAfter(std::int64_t seq, std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_mutex);
  m_cv.wait_for(lock, timeout, [&] { return m_stopping || m_seq > seq; });
  return m_seq;
}

void EventHub::shutdown() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_cv.notify_all();
}

bool EventHub::stopping() const {
  std::lock_guard lock(m_mutex);
  return m_stopping;
}

}  // namespace lpse::server

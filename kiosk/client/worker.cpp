#include "kiosk/client/worker.hpp"

namespace lpse::client {

Worker::Worker(std::function<void()> wake) : m_wake(std::move(wake)) { m_thread = std::thread([this] { run(); }); }

Worker::~Worker() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
    m_jobs.clear();
  }
  m_cv.notify_all();
  m_thread.join();
}

void Worker::setWake(std::function<void()> wake) {
  std::lock_guard lock(m_mutex);
  m_wake = std::move(wake);
}

void Worker::post(std::function<void()> job) {
  {
    std::lock_guard lock(m_mutex);
    m_jobs.push_back(std::move(job));
  }
  m_cv.notify_one();
}

void Worker::toUi(std::function<void()> fn) {
  std::function<void()> wake;
  {
    std::lock_guard lock(m_mutex);
    m_results.push_back(std::move(fn));
    wake = m_wake;
  }
  if (wake) wake();
}

int Worker::drain() {
  std::vector<std::function<void()>> ready;
  {
    std::lock_guard lock(m_mutex);
    ready.swap(m_results);
  }
  for (auto& fn : ready) fn();
  return static_cast<int>(ready.size());
}

bool Worker::busy() const {
  std::lock_guard lock(m_mutex);
  return m_running || !m_jobs.empty();
}

void Worker::run() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(m_mutex);
      m_cv.wait(lock, [&] { return m_stopping || !m_jobs.empty(); });
      if (m_stopping) return;
      job = std::move(m_jobs.front());
      m_jobs.pop_front();
      m_running = true;
    }
    job();
    std::lock_guard lock(m_mutex);
    m_running = false;
  }
}

}  // namespace lpse::client

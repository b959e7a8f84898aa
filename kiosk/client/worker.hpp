#pragma once
// Keeps blocking work (network, devices) off the frame loop: jobs run in
// order on one background thread; their results come back as closures the
// UI thread runs in drain(), once per frame. `wake` nudges the sleeping
// frame loop when a result is ready.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace lpse::client {

class Worker {
 public:
  explicit Worker(std::function<void()> wake = {});
  ~Worker();  // finishes the running job, drops the rest, joins

  // Runs `job` on the worker thread.
  void post(std::function<void()> job);
  // From any thread: queue `fn` to run on the UI thread at the next drain().
  void toUi(std::function<void()> fn);
  // On the UI thread: run what came back. Returns how many ran.
  int drain();
  bool busy() const;
  void setWake(std::function<void()> wake);

 private:
  void run();
  mutable std::mutex m_mutex;
  std::condition_variable m_cv;
  std::deque<std::function<void()>> m_jobs;
  std::vector<std::function<void()>> m_results;
  std::function<void()> m_wake;
  bool m_running = false;
  bool m_stopping = false;
  std::thread m_thread;
};

}  // namespace lpse::client

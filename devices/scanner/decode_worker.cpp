#include "devices/scanner/decode_worker.hpp"

namespace lpse::scanner {

DecodeWorker::DecodeWorker()
    : DecodeWorker([decoder = QrDecoder()](const camera::Frame& f) { return decoder.decode(f); }, Options{}) {}

DecodeWorker::DecodeWorker(DecodeFn decode, Options options)
    : m_decode(std::move(decode)), m_merger(options.mergeWindow) {
  m_thread = std::thread([this] { run(); });
}

DecodeWorker::~DecodeWorker() { stop(); }

void DecodeWorker::setOnEvent(std::function<void()> onEvent) {
  std::lock_guard lock(m_mutex);
  m_onEvent = std::move(onEvent);
}

void DecodeWorker::submit(camera::FramePtr frame) {
  if (!frame) return;
  {
    std::lock_guard lock(m_mutex);  // held by the worker only to swap pointers, never while decoding
    ++m_stats.submitted;
    if (m_pending) ++m_stats.skipped;
    m_pending = std::move(frame);
  }
  m_cv.notify_one();
}

std::vector<ScanEvent> DecodeWorker::takeEvents() {
  std::lock_guard lock(m_mutex);
  std::vector<ScanEvent> out;
  out.swap(m_events);
  return out;
}

DecodeWorker::Stats DecodeWorker::stats() const {
  std::lock_guard lock(m_mutex);
  return m_stats;
}

bool DecodeWorker::idle() const {
  std::lock_guard lock(m_mutex);
  return !m_pending && !m_busy;
}

void DecodeWorker::stop() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_cv.notify_all();
  if (m_thread.joinable()) m_thread.join();
}

void DecodeWorker::run() {
  for (;;) {
    camera::FramePtr frame;
    {
      std::unique_lock lock(m_mutex);
      m_cv.wait(lock, [this] { return m_stopping || m_pending; });
      if (m_stopping) return;
      frame = std::move(m_pending);
      m_pending.reset();
      m_busy = true;
    }
    const std::vector<QrRead> reads = m_decode(*frame);
    const auto now = std::chrono::steady_clock::now();
    std::vector<ScanEvent> fresh;
    for (const auto& r : reads) {
      if (!m_merger.accept(r.text, now)) continue;
      ScanEvent e;
      e.text = r.text;
      e.frameSequence = frame->sequence;
      e.corners = r.corners;
      e.at = now;
      fresh.push_back(std::move(e));
    }
    std::function<void()> notify;
    {
      std::lock_guard lock(m_mutex);
      m_busy = false;
      ++m_stats.decoded;
      m_stats.reads += reads.size();
      m_stats.events += fresh.size();
      for (auto& e : fresh) m_events.push_back(std::move(e));
      if (!fresh.empty()) notify = m_onEvent;
    }
    if (notify) notify();
  }
}

}  // namespace lpse::scanner

#include "devices/camera/capture_worker.hpp"

namespace lpse::camera {

std::string_view toString(CameraState s) {
  switch (s) {
    case CameraState::None: return "none";
    case CameraState::Opening: return "opening";
    case CameraState::Streaming: return "streaming";
    case CameraState::Error: return "error";
  }
  return "?";
}

CaptureWorker::CaptureWorker(std::unique_ptr<FrameSource> source) : CaptureWorker(std::move(source), Options{}) {}

CaptureWorker::CaptureWorker(std::unique_ptr<FrameSource> source, Options options)
    : m_source(std::move(source)), m_options(options) {
  m_status.description = m_source->describe();
}

CaptureWorker::~CaptureWorker() { stop(); }

void CaptureWorker::setOnFrame(std::function<void(const FramePtr&)> onFrame) { m_onFrame = std::move(onFrame); }
void CaptureWorker::setOnStatus(std::function<void(const CameraStatus&)> onStatus) {
  m_onStatus = std::move(onStatus);
}

void CaptureWorker::start() {
  if (m_thread.joinable()) return;
  {
    std::lock_guard lock(m_mutex);
    m_stopping = false;
  }
  m_thread = std::thread([this] { run(); });
}

void CaptureWorker::stop() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_wake.notify_all();
  if (m_thread.joinable()) m_thread.join();
}

FramePtr CaptureWorker::latest() const {
  std::lock_guard lock(m_mutex);
  return m_latest;
}

CameraStatus CaptureWorker::status() const {
  std::lock_guard lock(m_mutex);
  return m_status;
}

void CaptureWorker::setStatus(CameraState state, core::Error reason) {
  CameraStatus copy;
  {
    std::lock_guard lock(m_mutex);
    const bool same = m_announced && m_status.state == state && m_status.reason.code == reason.code &&
                      m_status.description == m_source->describe();
    m_status.state = state;
    m_status.reason = std::move(reason);
    m_status.description = m_source->describe();
    if (same) return;
    m_announced = true;
    copy = m_status;
  }
  if (m_onStatus) m_onStatus(copy);
}

bool CaptureWorker::sleepFor(std::chrono::milliseconds d) {
  std::unique_lock lock(m_mutex);
  return !m_wake.wait_for(lock, d, [this] { return m_stopping; });
}

void CaptureWorker::run() {
  auto stopping = [this] {
    std::lock_guard lock(m_mutex);
    return m_stopping;
  };
  // "Opening" on the first attempt and after a stream ended; retries after
  // a failed open keep the failure (and its reason) showing instead of
  // flickering between "opening" and "error" every retryDelay.
  bool announceOpening = true;
  while (!stopping()) {
    if (announceOpening) setStatus(CameraState::Opening);
    announceOpening = false;
    if (auto st = m_source->open(); !st) {
      setStatus(st.error().code == kNoCamera ? CameraState::None : CameraState::Error, st.error());
      if (!sleepFor(m_options.retryDelay)) break;
      continue;
    }
    bool streaming = false;
    while (!stopping()) {
      auto f = m_source->grab(m_options.grabTimeout);
      if (f) {
        auto frame = std::make_shared<const Frame>(std::move(*f));
        std::uint64_t count;
        {
          std::lock_guard lock(m_mutex);
          m_latest = frame;
          count = ++m_status.frames;
        }
        (void)count;
        if (!streaming) {
          streaming = true;
          setStatus(CameraState::Streaming);
        }
        if (m_onFrame) m_onFrame(frame);
        continue;
      }
      const std::string& code = f.error().code;
      if (code == kCameraFrame) continue;  // one bad frame: the next may be fine
      if (code == kCameraTimeout) {        // open but silent: say so, keep waiting
        streaming = false;
        setStatus(CameraState::Error, f.error());
        continue;
      }
      setStatus(code == kNoCamera ? CameraState::None : CameraState::Error, f.error());
      announceOpening = true;
      break;  // lost: close and reopen
    }
    m_source->close();
    if (!stopping() && !sleepFor(m_options.retryDelay)) break;
  }
  m_source->close();
}

}  // namespace lpse::camera

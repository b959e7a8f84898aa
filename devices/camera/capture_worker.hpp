#pragma once
// Runs a FrameSource on its own thread and keeps only the latest frame: the
// kiosk's preview and the decoder read it whenever they are ready, so a slow
// reader never queues frames up. Reopens the source after an unplug or an
// error, every retryDelay, until stopped.
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "devices/camera/frame_source.hpp"

namespace lpse::camera {

enum class CameraState {
  None,       // no camera connected (the kiosk offers typing instead)
  Opening,    // opening or reopening
  Streaming,  // frames are arriving
  Error,      // there is a camera but it fails; reason says why; retried
};
std::string_view toString(CameraState s);

struct CameraStatus {
  CameraState state = CameraState::Opening;
  core::Error reason;       // set in None and Error (code + Indonesian + English)
  std::string description;  // the source's describe()
  std::uint64_t frames = 0; // frames captured since start
};

using FramePtr = std::shared_ptr<const Frame>;

class CaptureWorker {
 public:
  struct Options {
    std::chrono::milliseconds grabTimeout{1000};  // longer than this without a frame: state Error
    std::chrono::milliseconds retryDelay{1000};   // between open attempts
  };
  explicit CaptureWorker(std::unique_ptr<FrameSource> source);
  CaptureWorker(std::unique_ptr<FrameSource> source, Options options);
  ~CaptureWorker();  // stops
  CaptureWorker(const CaptureWorker&) = delete;
  CaptureWorker& operator=(const CaptureWorker&) = delete;

  // Called on the capture thread for every frame; it must return quickly
  // (hand the frame on, e.g. DecodeWorker::submit). Set before start().
  void setOnFrame(std::function<void(const FramePtr&)> onFrame);
  // Called on the capture thread when the state changes (e.g. to wake the UI).
  void setOnStatus(std::function<void(const CameraStatus&)> onStatus);

  void start();
  void stop();  // joins; waits at most about one grabTimeout

  FramePtr latest() const;  // null until the first frame
  CameraStatus status() const;

 private:
  void run();
  void setStatus(CameraState state, core::Error reason = {});
  bool sleepFor(std::chrono::milliseconds d);  // false when stopping

  std::unique_ptr<FrameSource> m_source;
  Options m_options;
  std::function<void(const FramePtr&)> m_onFrame;
  std::function<void(const CameraStatus&)> m_onStatus;

  mutable std::mutex m_mutex;  // guards m_latest, m_status
  FramePtr m_latest;
  CameraStatus m_status;
  bool m_announced = false;  // the first state is always reported
  std::condition_variable m_wake;  // stop() interrupts the retry sleep
  bool m_stopping = false;         // guarded by m_mutex
  std::thread m_thread;
};

}  // namespace lpse::camera

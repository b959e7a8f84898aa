#pragma once
// What the kiosk screen needs from the camera, in one object: the latest
// frame for the preview (8-bit gray + size), the camera's state
// (none / opening / streaming / error with a reason), and the codes read,
// as events, each payload once. Capture and decoding run on their own
// threads; every call here returns at once.
#include <functional>
#include <memory>
#include <vector>

#include "devices/camera/capture_worker.hpp"
#include "devices/scanner/decode_worker.hpp"

namespace lpse::scanner {

class CameraScanner {
 public:
  struct Options {
    camera::CaptureWorker::Options capture;
    DecodeWorker::Options decode;
  };
  explicit CameraScanner(std::unique_ptr<camera::FrameSource> source);
  CameraScanner(std::unique_ptr<camera::FrameSource> source, Options options);
  CameraScanner(std::unique_ptr<camera::FrameSource> source, DecodeWorker::DecodeFn decode, Options options);
  ~CameraScanner();

  // Called from the worker threads when there is something new to show (a
  // frame, a state change, a read), e.g. glfwPostEmptyEvent. Set before start().
  void setWake(std::function<void()> wake);
  void start();
  void stop();

  camera::FramePtr latestFrame() const;     // null until the first frame
  camera::CameraStatus cameraStatus() const;
  std::vector<ScanEvent> takeEvents();      // new reads since the last call
  DecodeWorker::Stats decodeStats() const;

 private:
  std::function<void()> m_wake;
  DecodeWorker m_decoder;
  camera::CaptureWorker m_capture;  // after m_decoder: stopped (destroyed) first
};

}  // namespace lpse::scanner

#pragma once
// Where frames come from: a V4L2 camera, or image files (tests, the demo,
// `lpse scan`). The capture worker drives one of these on its own thread.
#include <chrono>
#include <string>

#include "devices/camera/frame.hpp"
#include "kiosk/core/error.hpp"

namespace lpse::camera {

// Error codes a source returns (core::Error::code).
inline constexpr const char* kNoCamera = "camera_none";      // nothing to open
inline constexpr const char* kCameraOpen = "camera_open";    // there, but would not open or stream
inline constexpr const char* kCameraTimeout = "camera_timeout";  // open, no frame within the timeout
inline constexpr const char* kCameraLost = "camera_lost";    // unplugged or failed while streaming
inline constexpr const char* kCameraFrame = "camera_frame";  // one frame was unusable; the next may be fine
inline constexpr const char* kImageLoad = "image_load";      // an image file could not be read

class FrameSource {
 public:
  virtual ~FrameSource() = default;
  // Opens and starts streaming. Calling it while open is a no-op.
  virtual core::Status open() = 0;
  // The next frame, waiting at most `timeout`: never blocks longer. Errors:
  // kCameraTimeout (try again), kCameraFrame (try again), kCameraLost (close
  // and open again later), anything else (not open).
  virtual core::Result<Frame> grab(std::chrono::milliseconds timeout) = 0;
  virtual void close() = 0;
  // For logs and the kiosk's camera line, e.g. "/dev/video0 (HD Webcam) 1280x720 MJPG".
  virtual std::string describe() const = 0;
};

}  // namespace lpse::camera

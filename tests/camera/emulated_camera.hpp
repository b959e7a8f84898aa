#pragma once
// A UVC webcam emulated with umockdev at the ioctl level, for testing the
// real V4L2 source without hardware: /dev/video0 answers QUERYCAP,
// ENUM_FMT, S_FMT/G_FMT, REQBUFS, QUERYBUF, QBUF/DQBUF, STREAMON/OFF, and
// read(); /dev/video1 is the metadata node a UVC camera also makes.
// mmap works too: umockdev backs the node with a plain file, so the
// emulator sizes that file to the buffers and writes each frame into it at
// the buffer's offset; the client's MAP_SHARED mapping sees the bytes.
// Needs the process to run under umockdev-wrapper: check preloadActive().
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "devices/camera/frame.hpp"

namespace lpse::camera::testing {

class EmulatedCamera {
 public:
  struct Spec {
    std::string card = "Emulated HD Webcam";
    std::vector<std::uint32_t> formats;  // fourccs offered, e.g. MJPG and YUYV
    int width = 640, height = 480;       // the only size it has (S_FMT snaps to it)
    bool streaming = true;               // V4L2_CAP_STREAMING
    bool readwrite = false;              // V4L2_CAP_READWRITE
    int minFrameIntervalMs = 5;          // DQBUF says EAGAIN until this has passed
  };
  explicit EmulatedCamera(Spec spec);
  ~EmulatedCamera();
  EmulatedCamera(const EmulatedCamera&) = delete;
  EmulatedCamera& operator=(const EmulatedCamera&) = delete;

  static bool preloadActive();

  // What the camera sees (gray, the camera's size); sent in the negotiated format.
  void setScene(const Frame& scene);
  void setProducing(bool on);  // off: no frames (DQBUF EAGAIN, read EAGAIN)
  void unplug();               // ENODEV from now on, and the node is gone
  void replug();               // back as /dev/video0, fresh state

  std::uint32_t negotiatedFormat() const;
  int framesServed() const;
  int mmapFramesServed() const;  // through DQBUF
  int readFramesServed() const;  // through read()

 private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

}  // namespace lpse::camera::testing

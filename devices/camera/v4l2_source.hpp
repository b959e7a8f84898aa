#pragma once
// A USB (UVC) camera through V4L2: negotiates a format that carries luma
// (GREY, YUYV, UYVY, NV12, YU12, MJPEG), streams through mmap'ed buffers
// (or read() on drivers without streaming), and waits in select() with a
// timeout, so a dead camera never blocks the capture thread. The capture
// worker reopens it after an unplug.
#include <cstdint>
#include <string>
#include <vector>

#include "devices/camera/frame_source.hpp"

namespace lpse::camera {

// "YUYV" -> V4L2 fourcc, and back.
std::uint32_t fourcc(const char (&code)[5]);
std::string fourccName(std::uint32_t fourcc);

class V4l2Source : public FrameSource {
 public:
  struct Options {
    std::string device;  // e.g. "/dev/video0"; empty: the first camera listCameras() finds
    int width = 1280;    // asked for; the driver picks the nearest it has
    int height = 720;
    int fps = 30;        // asked for (VIDIOC_S_PARM); drivers may ignore it
    // In order of preference; only formats the camera lists are tried.
    // Uncompressed first: no JPEG artefacts on the code and no decode cost;
    // MJPEG is what most webcams need for 720p and up at full rate.
    std::vector<std::uint32_t> formats = {fourcc("GREY"), fourcc("YUYV"), fourcc("UYVY"),
                                          fourcc("NV12"), fourcc("YU12"), fourcc("MJPG")};
    int buffers = 4;
    bool useRead = false;  // read() I/O even when the driver streams
  };

  V4l2Source();
  explicit V4l2Source(Options options);
  ~V4l2Source() override;
  V4l2Source(const V4l2Source&) = delete;
  V4l2Source& operator=(const V4l2Source&) = delete;

  core::Status open() override;
  core::Result<Frame> grab(std::chrono::milliseconds timeout) override;
  void close() override;
  std::string describe() const override;

  // What was negotiated (valid while open).
  std::uint32_t pixelFormat() const { return m_format; }
  int width() const { return m_width; }
  int height() const { return m_height; }
  bool streaming() const { return m_mmap; }

 private:
  struct Buffer {
    void* start = nullptr;
    std::size_t length = 0;
  };
  core::Status negotiate();
  core::Status startMmap();
  core::Result<Frame> convert(const std::uint8_t* data, std::size_t size);
  core::Error lost(const char* what, int err);

  Options m_options;
  std::string m_path, m_card;
  int m_fd = -1;
  std::uint32_t m_format = 0;
  int m_width = 0, m_height = 0, m_stride = 0;
  std::size_t m_sizeImage = 0;
  bool m_mmap = false, m_streamOn = false;
  std::vector<Buffer> m_buffers;
  std::vector<std::uint8_t> m_readBuffer;
  std::uint64_t m_sequence = 0;
};

}  // namespace lpse::camera

#include "devices/camera/v4l2_source.hpp"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <thread>

#include "devices/camera/camera_list.hpp"
#include "devices/camera/frame_convert.hpp"

namespace lpse::camera {

namespace {

int xioctl(int fd, unsigned long request, void* arg) {
  int rc;
  do rc = ::ioctl(fd, request, arg);
  while (rc < 0 && errno == EINTR);
  return rc;
}

std::string errText(int err) { return std::strerror(err); }

core::Error openError(const std::string& path, const std::string& why) {
  return core::makeError(kCameraOpen, "Kamera " + path + " tidak bisa dipakai: " + why,
                         "Camera " + path + " cannot be used: " + why);
}

bool isSupported(std::uint32_t f) {
  return f == V4L2_PIX_FMT_GREY || f == V4L2_PIX_FMT_YUYV || f == V4L2_PIX_FMT_UYVY || f == V4L2_PIX_FMT_NV12 ||
         f == V4L2_PIX_FMT_NV21 || f == V4L2_PIX_FMT_YUV420 || f == V4L2_PIX_FMT_YVU420 ||
         f == V4L2_PIX_FMT_MJPEG || f == V4L2_PIX_FMT_JPEG;
}

}  // namespace

std::uint32_t fourcc(const char (&c)[5]) { return v4l2_fourcc(c[0], c[1], c[2], c[3]); }

std::string fourccName(std::uint32_t f) {
  std::string s(4, ' ');
  for (int i = 0; i < 4; ++i) s[i] = static_cast<char>((f >> (8 * i)) & 0xff);
  return s;
}

V4l2Source::V4l2Source() : V4l2Source(Options{}) {}
V4l2Source::V4l2Source(Options options) : m_options(std::move(options)) {}
V4l2Source::~V4l2Source() { close(); }

core::Status V4l2Source::open() {
  if (m_fd >= 0) return core::Ok{};
  m_path = m_options.device;
  if (m_path.empty()) {
    const auto cams = listCameras();
    if (cams.empty())
      return core::makeError(kNoCamera, "Tidak ada kamera terpasang", "No camera is connected");
    m_path = cams.front().path;
  }
  m_fd = ::open(m_path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (m_fd < 0) {
    const int err = errno;
    if (err == ENOENT && m_options.device.empty())
      return core::makeError(kNoCamera, "Tidak ada kamera terpasang", "No camera is connected");
    if (err == ENOENT) return core::makeError(kNoCamera, "Kamera " + m_path + " tidak ada", "Camera " + m_path + " is not there");
    return openError(m_path, errText(err));
  }
  auto fail = [&](core::Error e) -> core::Status {
    close();
    return e;
  };
  v4l2_capability cap{};
  if (xioctl(m_fd, VIDIOC_QUERYCAP, &cap) < 0) return fail(openError(m_path, "not a V4L2 device"));
  const __u32 caps = (cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities;
  if (!(caps & V4L2_CAP_VIDEO_CAPTURE)) return fail(openError(m_path, "not a capture device"));
  m_card.assign(reinterpret_cast<const char*>(cap.card), strnlen(reinterpret_cast<const char*>(cap.card), sizeof cap.card));
  const bool canStream = caps & V4L2_CAP_STREAMING;
  const bool canRead = caps & V4L2_CAP_READWRITE;
  if (!canStream && !canRead) return fail(openError(m_path, "neither streaming nor read() I/O"));
  if (auto st = negotiate(); !st) return fail(st.error());
  m_mmap = canStream && !(m_options.useRead && canRead);
  if (m_mmap) {
    if (auto st = startMmap(); !st) return fail(st.error());
  } else {
    m_readBuffer.resize(std::max<std::size_t>(m_sizeImage, 1));
  }
  return core::Ok{};
}

core::Status V4l2Source::negotiate() {
  // What the camera offers, to try only those.
  std::vector<std::uint32_t> offered;
  for (__u32 i = 0;; ++i) {
    v4l2_fmtdesc d{};
    d.index = i;
    d.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (xioctl(m_fd, VIDIOC_ENUM_FMT, &d) < 0) break;
    offered.push_back(d.pixelformat);
  }
  std::vector<std::uint32_t> order;
  for (auto f : m_options.formats)
    if (isSupported(f) && std::find(offered.begin(), offered.end(), f) != offered.end()) order.push_back(f);
  if (order.empty()) {
    std::string list;
    for (auto f : offered) list += (list.empty() ? "" : ",") + fourccName(f);
    return openError(m_path, "no usable pixel format (camera offers " + (list.empty() ? "none" : list) + ")");
  }
  // The first format that keeps the asked size wins; failing that, the
  // first the driver accepts at all, at whatever size it picked.
  std::optional<v4l2_format> fallback;
  for (auto f : order) {
    v4l2_format fmt{};
    fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    fmt.fmt.pix.width = static_cast<__u32>(m_options.width);
    fmt.fmt.pix.height = static_cast<__u32>(m_options.height);
    fmt.fmt.pix.pixelformat = f;
    fmt.fmt.pix.field = V4L2_FIELD_NONE;
    if (xioctl(m_fd, VIDIOC_S_FMT, &fmt) < 0) {
      if (errno == EBUSY) return openError(m_path, "in use by another program");
      continue;
    }
    if (fmt.fmt.pix.pixelformat != f) continue;
    if (static_cast<int>(fmt.fmt.pix.width) == m_options.width && static_cast<int>(fmt.fmt.pix.height) == m_options.height) {
      fallback = fmt;
      break;
    }
    if (!fallback) fallback = fmt;
  }
  if (!fallback) return openError(m_path, "the camera accepted none of our pixel formats");
  v4l2_format fmt = *fallback;
  if (xioctl(m_fd, VIDIOC_S_FMT, &fmt) < 0) return openError(m_path, "VIDIOC_S_FMT: " + errText(errno));
  m_format = fmt.fmt.pix.pixelformat;
  m_width = static_cast<int>(fmt.fmt.pix.width);
  m_height = static_cast<int>(fmt.fmt.pix.height);
  m_stride = static_cast<int>(fmt.fmt.pix.bytesperline);
  m_sizeImage = fmt.fmt.pix.sizeimage;
  if (m_width <= 0 || m_height <= 0) return openError(m_path, "the driver gave an empty frame size");
  if (m_sizeImage == 0) m_sizeImage = static_cast<std::size_t>(m_width) * m_height * 2;
  if (m_options.fps > 0) {  // a wish: many drivers round it or ignore it
    v4l2_streamparm parm{};
    parm.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    parm.parm.capture.timeperframe.numerator = 1;
    parm.parm.capture.timeperframe.denominator = static_cast<__u32>(m_options.fps);
    xioctl(m_fd, VIDIOC_S_PARM, &parm);
  }
  return core::Ok{};
}

core::Status V4l2Source::startMmap() {
  v4l2_requestbuffers req{};
  req.count = static_cast<__u32>(std::max(2, m_options.buffers));
  req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  req.memory = V4L2_MEMORY_MMAP;
  if (xioctl(m_fd, VIDIOC_REQBUFS, &req) < 0) return openError(m_path, "VIDIOC_REQBUFS: " + errText(errno));
  if (req.count < 2) return openError(m_path, "the driver gave fewer than 2 buffers");
  m_buffers.assign(req.count, Buffer{});
  for (__u32 i = 0; i < req.count; ++i) {
    v4l2_buffer buf{};
    buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    buf.memory = V4L2_MEMORY_MMAP;
    buf.index = i;
    if (xioctl(m_fd, VIDIOC_QUERYBUF, &buf) < 0) return openError(m_path, "VIDIOC_QUERYBUF: " + errText(errno));
    void* p = ::mmap(nullptr, buf.length, PROT_READ | PROT_WRITE, MAP_SHARED, m_fd, buf.m.offset);
    if (p == MAP_FAILED) return openError(m_path, "mmap: " + errText(errno));
    m_buffers[i] = Buffer{p, buf.length};
  }
  for (__u32 i = 0; i < req.count; ++i) {
    v4l2_buffer buf{};
    buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    buf.memory = V4L2_MEMORY_MMAP;
    buf.index = i;
    if (xioctl(m_fd, VIDIOC_QBUF, &buf) < 0) return openError(m_path, "VIDIOC_QBUF: " + errText(errno));
  }
  int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  if (xioctl(m_fd, VIDIOC_STREAMON, &type) < 0) return openError(m_path, "VIDIOC_STREAMON: " + errText(errno));
  m_streamOn = true;
  return core::Ok{};
}

core::Error V4l2Source::lost(const char* what, int err) {
  return core::makeError(kCameraLost, "Kamera terputus (" + std::string(what) + ": " + errText(err) + ")",
                         "Camera disconnected (" + std::string(what) + ": " + errText(err) + ")");
}

core::Result<Frame> V4l2Source::convert(const std::uint8_t* data, std::size_t size) {
  switch (m_format) {
    case V4L2_PIX_FMT_YUYV: return yuyvToGray(data, size, m_width, m_height, m_stride);
    case V4L2_PIX_FMT_UYVY: return uyvyToGray(data, size, m_width, m_height, m_stride);
    case V4L2_PIX_FMT_MJPEG:
    case V4L2_PIX_FMT_JPEG: return mjpegToGray(data, size, m_width, m_height);
    default: return lumaPlaneToGray(data, size, m_width, m_height, m_stride);
  }
}

core::Result<Frame> V4l2Source::grab(std::chrono::milliseconds timeout) {
  if (m_fd < 0) return core::makeError(kCameraOpen, "Kamera belum dibuka", "Camera is not open");
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::microseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return core::makeError(kCameraTimeout, "Kamera tidak mengirim gambar", "No frame from the camera");
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(m_fd, &fds);
    timeval tv{static_cast<time_t>(left.count() / 1000000), static_cast<suseconds_t>(left.count() % 1000000)};
    const int rc = ::select(m_fd + 1, &fds, nullptr, nullptr, &tv);
    if (rc < 0) {
      if (errno == EINTR) continue;
      return lost("select", errno);
    }
    if (rc == 0) continue;  // the deadline check above reports the timeout

    if (!m_mmap) {
      const ssize_t n = ::read(m_fd, m_readBuffer.data(), m_readBuffer.size());
      if (n < 0) {
        if (errno == EAGAIN || errno == EINTR) {
          // Readable but no frame yet (spurious wake-up): do not spin.
          std::this_thread::sleep_for(std::chrono::milliseconds(2));
          continue;
        }
        return lost("read", errno);
      }
      if (n == 0) return lost("read", ENODEV);
      auto f = convert(m_readBuffer.data(), static_cast<std::size_t>(n));
      if (!f) return f;
      f->sequence = ++m_sequence;
      f->captured = std::chrono::steady_clock::now();
      return f;
    }

    v4l2_buffer buf{};
    buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    buf.memory = V4L2_MEMORY_MMAP;
    if (xioctl(m_fd, VIDIOC_DQBUF, &buf) < 0) {
      if (errno == EAGAIN) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        continue;
      }
      return lost("VIDIOC_DQBUF", errno);
    }
    core::Result<Frame> f = core::makeError(kCameraFrame, "Gambar kamera rusak", "Corrupt camera frame");
    if (buf.index < m_buffers.size() && !(buf.flags & V4L2_BUF_FLAG_ERROR)) {
      const std::size_t used = std::min<std::size_t>(buf.bytesused ? buf.bytesused : buf.length, m_buffers[buf.index].length);
      f = convert(static_cast<const std::uint8_t*>(m_buffers[buf.index].start), used);
    }
    // The buffer goes back to the driver before anything else can fail.
    if (xioctl(m_fd, VIDIOC_QBUF, &buf) < 0) return lost("VIDIOC_QBUF", errno);
    if (!f) return f;
    f->sequence = buf.sequence ? buf.sequence : ++m_sequence;
    f->captured = std::chrono::steady_clock::now();
    return f;
  }
}

void V4l2Source::close() {
  if (m_fd < 0) return;
  if (m_streamOn) {
    int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    xioctl(m_fd, VIDIOC_STREAMOFF, &type);  // fails on an unplugged camera: nothing to do about it
    m_streamOn = false;
  }
  for (auto& b : m_buffers)
    if (b.start) ::munmap(b.start, b.length);
  m_buffers.clear();
  if (m_mmap) {  // free the driver's buffers, so the next open can ask again
    v4l2_requestbuffers req{};
    req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    req.memory = V4L2_MEMORY_MMAP;
    xioctl(m_fd, VIDIOC_REQBUFS, &req);
  }
  ::close(m_fd);
  m_fd = -1;
  m_mmap = false;
  m_readBuffer.clear();
}

std::string V4l2Source::describe() const {
  std::string s = m_path.empty() ? (m_options.device.empty() ? "camera (auto)" : m_options.device) : m_path;
  if (!m_card.empty()) s += " (" + m_card + ")";
  if (m_fd >= 0) s += " " + std::to_string(m_width) + "x" + std::to_string(m_height) + " " + fourccName(m_format) + (m_mmap ? "" : " read()");
  return s;
}

}  // namespace lpse::camera

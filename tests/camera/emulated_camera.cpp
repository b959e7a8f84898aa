#include "tests/camera/emulated_camera.hpp"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <umockdev.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <stdexcept>

#include "tests/camera/camera_test_support.hpp"

namespace lpse::camera::testing {

namespace {
constexpr std::size_t kPage = 4096;
std::size_t pageAlign(std::size_t n) { return (n + kPage - 1) / kPage * kPage; }
}  // namespace

struct EmulatedCamera::Impl {
  Spec spec;
  UMockdevTestbed* testbed = nullptr;
  UMockdevIoctlBase* handler = nullptr;
  std::string nodeFile;  // the plain file behind /dev/video0 in the testbed
  bool plugged = false;

  // Shared with umockdev's thread.
  mutable std::mutex mutex;
  Frame scene;
  bool producing = true, gone = false;
  std::uint32_t format = 0;
  std::uint32_t sizeImage = 0, bytesPerLine = 0;
  std::size_t bufStride = 0;  // page-aligned size of one buffer in the node file
  int bufferCount = 0;
  std::deque<int> queued;
  bool streaming = false;
  std::uint32_t sequence = 0;
  int mmapServed = 0, readServed = 0;
  std::chrono::steady_clock::time_point lastFrame{};

  static gboolean onIoctl(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer self) {
    return static_cast<Impl*>(self)->handleIoctl(client);
  }
  static gboolean onRead(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer self) {
    return static_cast<Impl*>(self)->handleRead(client);
  }

  // The frame in the negotiated format. Called with the mutex held.
  std::vector<std::uint8_t> encodeLocked() const {
    const int w = spec.width, h = spec.height;
    std::vector<std::uint8_t> out;
    if (format == V4L2_PIX_FMT_MJPEG) return jpegOf(scene, 90);
    if (format == V4L2_PIX_FMT_YUYV) {
      out.assign(static_cast<std::size_t>(bytesPerLine) * h, 0);
      for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
          out[static_cast<std::size_t>(y) * bytesPerLine + 2 * x] = scene.at(x, y);
          out[static_cast<std::size_t>(y) * bytesPerLine + 2 * x + 1] = static_cast<std::uint8_t>(x & 1 ? 0x60 : 0xA0);
        }
      return out;
    }
    out.assign(static_cast<std::size_t>(bytesPerLine) * h, 0);  // GREY
    for (int y = 0; y < h; ++y) std::memcpy(out.data() + static_cast<std::size_t>(y) * bytesPerLine, scene.gray.data() + y * w, w);
    return out;
  }

  bool frameDueLocked() {
    const auto now = std::chrono::steady_clock::now();
    if (!producing || now - lastFrame < std::chrono::milliseconds(spec.minFrameIntervalMs)) return false;
    lastFrame = now;
    return true;
  }

  void fillFormatLocked(v4l2_format* f, std::uint32_t want) {
    bool offered = false;
    for (auto o : spec.formats) offered |= o == want;
    format = offered ? want : spec.formats.front();
    f->fmt.pix.pixelformat = format;
    f->fmt.pix.width = static_cast<__u32>(spec.width);
    f->fmt.pix.height = static_cast<__u32>(spec.height);
    f->fmt.pix.field = V4L2_FIELD_NONE;
    // Padded rows, as drivers align them: the source must honour bytesperline.
    bytesPerLine = format == V4L2_PIX_FMT_MJPEG ? 0
                   : format == V4L2_PIX_FMT_YUYV ? static_cast<std::uint32_t>(spec.width * 2 + 64)
                                                 : static_cast<std::uint32_t>(spec.width + 32);
    sizeImage = format == V4L2_PIX_FMT_MJPEG ? static_cast<std::uint32_t>(spec.width * spec.height)
                                             : bytesPerLine * static_cast<std::uint32_t>(spec.height);
    f->fmt.pix.bytesperline = bytesPerLine;
    f->fmt.pix.sizeimage = sizeImage;
  }

  template <class T>
  T* resolve(UMockdevIoctlData* arg, UMockdevIoctlData** out) {
    *out = umockdev_ioctl_data_resolve(arg, 0, sizeof(T), nullptr);
    return *out ? reinterpret_cast<T*>((*out)->data) : nullptr;
  }

  gboolean done(UMockdevIoctlClient* client, UMockdevIoctlData* d, long res, int err) {
    if (d) umockdev_ioctl_data_unref(d);
    umockdev_ioctl_client_complete(client, res, err);
    return TRUE;
  }

  gboolean handleIoctl(UMockdevIoctlClient* client) {
    const gulong request = umockdev_ioctl_client_get_request(client);
    UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
    const bool metadataNode = std::strcmp(umockdev_ioctl_client_get_devnode(client), "/dev/video1") == 0;
    std::lock_guard lock(mutex);
    UMockdevIoctlData* d = nullptr;
    if (gone) return done(client, nullptr, -1, ENODEV);
    switch (request) {
      case VIDIOC_QUERYCAP: {
        auto* cap = resolve<v4l2_capability>(arg, &d);
        if (!cap) return done(client, d, -1, EFAULT);
        std::memset(cap, 0, sizeof *cap);
        std::strncpy(reinterpret_cast<char*>(cap->driver), "uvcvideo", sizeof cap->driver - 1);
        std::strncpy(reinterpret_cast<char*>(cap->card), spec.card.c_str(), sizeof cap->card - 1);
        std::strncpy(reinterpret_cast<char*>(cap->bus_info), "usb-0000:00:14.0-1", sizeof cap->bus_info - 1);
        cap->device_caps = metadataNode ? (V4L2_CAP_META_CAPTURE | V4L2_CAP_STREAMING)
                                        : (V4L2_CAP_VIDEO_CAPTURE | (spec.streaming ? V4L2_CAP_STREAMING : 0) |
                                           (spec.readwrite ? V4L2_CAP_READWRITE : 0));
        cap->capabilities = cap->device_caps | V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_META_CAPTURE | V4L2_CAP_DEVICE_CAPS;
        return done(client, d, 0, 0);
      }
      case VIDIOC_ENUM_FMT: {
        auto* f = resolve<v4l2_fmtdesc>(arg, &d);
        if (!f) return done(client, d, -1, EFAULT);
        if (metadataNode || f->type != V4L2_BUF_TYPE_VIDEO_CAPTURE || f->index >= spec.formats.size())
          return done(client, d, -1, EINVAL);
        f->pixelformat = spec.formats[f->index];
        f->flags = f->pixelformat == V4L2_PIX_FMT_MJPEG ? V4L2_FMT_FLAG_COMPRESSED : 0;
        return done(client, d, 0, 0);
      }
      case VIDIOC_S_FMT:
      case VIDIOC_TRY_FMT: {
        auto* f = resolve<v4l2_format>(arg, &d);
        if (!f) return done(client, d, -1, EFAULT);
        if (f->type != V4L2_BUF_TYPE_VIDEO_CAPTURE) return done(client, d, -1, EINVAL);
        if (streaming || bufferCount > 0) return done(client, d, -1, EBUSY);
        const auto saved = format;
        fillFormatLocked(f, f->fmt.pix.pixelformat);
        if (request == VIDIOC_TRY_FMT) format = saved;
        return done(client, d, 0, 0);
      }
      case VIDIOC_G_FMT: {
        auto* f = resolve<v4l2_format>(arg, &d);
        if (!f) return done(client, d, -1, EFAULT);
        fillFormatLocked(f, format ? format : spec.formats.front());
        return done(client, d, 0, 0);
      }
      case VIDIOC_REQBUFS: {
        auto* r = resolve<v4l2_requestbuffers>(arg, &d);
        if (!r) return done(client, d, -1, EFAULT);
        if (!spec.streaming || r->memory != V4L2_MEMORY_MMAP) return done(client, d, -1, EINVAL);
        if (streaming) return done(client, d, -1, EBUSY);
        bufferCount = static_cast<int>(std::min<__u32>(r->count, 8));
        r->count = static_cast<__u32>(bufferCount);
        queued.clear();
        bufStride = pageAlign(sizeImage);
        // The node file holds the buffers: the client mmaps it at their offsets.
        if (::truncate(nodeFile.c_str(), static_cast<off_t>(bufStride * bufferCount)) != 0)
          return done(client, d, -1, ENOMEM);
        return done(client, d, 0, 0);
      }
      case VIDIOC_QUERYBUF: {
        auto* b = resolve<v4l2_buffer>(arg, &d);
        if (!b) return done(client, d, -1, EFAULT);
        if (b->index >= static_cast<__u32>(bufferCount)) return done(client, d, -1, EINVAL);
        b->length = sizeImage;
        b->m.offset = static_cast<__u32>(b->index * bufStride);
        b->flags = 0;
        return done(client, d, 0, 0);
      }
      case VIDIOC_QBUF: {
        auto* b = resolve<v4l2_buffer>(arg, &d);
        if (!b) return done(client, d, -1, EFAULT);
        if (b->index >= static_cast<__u32>(bufferCount)) return done(client, d, -1, EINVAL);
        queued.push_back(static_cast<int>(b->index));
        return done(client, d, 0, 0);
      }
      case VIDIOC_DQBUF: {
        auto* b = resolve<v4l2_buffer>(arg, &d);
        if (!b) return done(client, d, -1, EFAULT);
        if (!streaming || queued.empty() || !frameDueLocked()) return done(client, d, -1, EAGAIN);
        const int index = queued.front();
        queued.pop_front();
        const auto bytes = encodeLocked();
        const int fd = ::open(nodeFile.c_str(), O_WRONLY | O_CLOEXEC);
        const auto n = std::min(bytes.size(), static_cast<std::size_t>(sizeImage));
        const bool ok = fd >= 0 && ::pwrite(fd, bytes.data(), n, static_cast<off_t>(index * bufStride)) == static_cast<ssize_t>(n);
        if (fd >= 0) ::close(fd);
        if (!ok) return done(client, d, -1, EIO);
        b->index = static_cast<__u32>(index);
        b->bytesused = static_cast<__u32>(n);
        b->length = sizeImage;
        b->sequence = ++sequence;
        b->flags = V4L2_BUF_FLAG_MAPPED | V4L2_BUF_FLAG_DONE;
        b->field = V4L2_FIELD_NONE;
        ++mmapServed;
        return done(client, d, 0, 0);
      }
      case VIDIOC_STREAMON:
        streaming = true;
        return done(client, nullptr, 0, 0);
      case VIDIOC_STREAMOFF:
        streaming = false;
        queued.clear();
        return done(client, nullptr, 0, 0);
      default:  // S_PARM, ENUM_FRAMESIZES...: "not supported", as many drivers say
        return done(client, nullptr, -1, ENOTTY);
    }
  }

  gboolean handleRead(UMockdevIoctlClient* client) {
    UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
    std::lock_guard lock(mutex);
    if (gone) {
      umockdev_ioctl_client_complete(client, -1, ENODEV);
      return TRUE;
    }
    if (!format || !frameDueLocked()) {
      umockdev_ioctl_client_complete(client, -1, EAGAIN);
      return TRUE;
    }
    auto bytes = encodeLocked();
    const std::size_t n = std::min<std::size_t>(bytes.size(), arg->data_len);
    umockdev_ioctl_data_update(arg, 0, bytes.data(), static_cast<gint>(n));
    ++readServed;
    umockdev_ioctl_client_complete(client, static_cast<glong>(n), 0);
    return TRUE;
  }

  void plug() {
    GError* error = nullptr;
    for (const char* node : {"/dev/video0", "/dev/video1"})
      if (!umockdev_testbed_attach_ioctl(testbed, node, handler, &error)) {
        std::string msg = error ? error->message : "?";
        g_clear_error(&error);
        throw std::runtime_error("umockdev attach_ioctl: " + msg);
      }
    // "=00": node contents, which makes umockdev back the node with a plain
    // file (without it, a PTY): select() sees it ready, and it can be sized
    // and mmap'ed as the buffers.
    const char* record =
        "P: /devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1:1.0/video4linux/video0\n"
        "N: video0=00\n"
        "E: SUBSYSTEM=video4linux\n"
        "E: DEVNAME=/dev/video0\n"
        "A: name=Emulated HD Webcam\n"
        "\n"
        "P: /devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1:1.0/video4linux/video1\n"
        "N: video1=00\n"
        "E: SUBSYSTEM=video4linux\n"
        "E: DEVNAME=/dev/video1\n"
        "A: name=Emulated HD Webcam\n";
    if (!umockdev_testbed_add_from_string(testbed, record, &error)) {
      std::string msg = error ? error->message : "?";
      g_clear_error(&error);
      throw std::runtime_error("umockdev add_from_string: " + msg);
    }
    gchar* root = umockdev_testbed_get_root_dir(testbed);
    nodeFile = std::string(root) + "/dev/video0";
    g_free(root);
    plugged = true;
  }

  void unplugDevice() {
    if (!plugged) return;
    for (const char* sys : {"/sys/devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1:1.0/video4linux/video1",
                            "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-1/1-1:1.0/video4linux/video0"})
      umockdev_testbed_remove_device(testbed, sys);
    for (const char* node : {"/dev/video0", "/dev/video1"}) umockdev_testbed_detach_ioctl(testbed, node, nullptr);
    plugged = false;
  }
};

EmulatedCamera::EmulatedCamera(Spec spec) : m(std::make_unique<Impl>()) {
  m->spec = std::move(spec);
  if (m->spec.formats.empty()) m->spec.formats = {V4L2_PIX_FMT_YUYV};
  m->scene = pattern(m->spec.width, m->spec.height);
  m->testbed = umockdev_testbed_new();
  m->handler = umockdev_ioctl_base_new();
  g_signal_connect_after(m->handler, "handle-ioctl", G_CALLBACK(&Impl::onIoctl), m.get());
  g_signal_connect_after(m->handler, "handle-read", G_CALLBACK(&Impl::onRead), m.get());
  m->plug();
}

EmulatedCamera::~EmulatedCamera() {
  m->unplugDevice();
  g_clear_object(&m->testbed);
  g_clear_object(&m->handler);
}

bool EmulatedCamera::preloadActive() {
  static const bool active = [] {
    const char* p = std::getenv("LD_PRELOAD");
    return p && std::strstr(p, "umockdev-preload");
  }();
  return active;
}

void EmulatedCamera::setScene(const Frame& scene) {
  std::lock_guard lock(m->mutex);
  m->scene = scene;
}
void EmulatedCamera::setProducing(bool on) {
  std::lock_guard lock(m->mutex);
  m->producing = on;
}
void EmulatedCamera::unplug() {
  {
    std::lock_guard lock(m->mutex);
    m->gone = true;
  }
  m->unplugDevice();
}
void EmulatedCamera::replug() {
  m->unplugDevice();
  {
    std::lock_guard lock(m->mutex);
    m->gone = false;
    m->format = 0;
    m->bufferCount = 0;
    m->queued.clear();
    m->streaming = false;
  }
  m->plug();
}
std::uint32_t EmulatedCamera::negotiatedFormat() const {
  std::lock_guard lock(m->mutex);
  return m->format;
}
int EmulatedCamera::framesServed() const {
  std::lock_guard lock(m->mutex);
  return m->mmapServed + m->readServed;
}
int EmulatedCamera::mmapFramesServed() const {
  std::lock_guard lock(m->mutex);
  return m->mmapServed;
}
int EmulatedCamera::readFramesServed() const {
  std::lock_guard lock(m->mutex);
  return m->readServed;
}

}  // namespace lpse::camera::testing

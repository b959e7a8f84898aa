#include "tests/printer/usb_printer_fixture.hpp"

// Order matters: usbdevice_fs.h needs the ioctl macros first.
#include <linux/ioctl.h>
#include <linux/usbdevice_fs.h>
#include <umockdev.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <string>

namespace lpse::printer::testing {
namespace {

constexpr unsigned char kEpOut = 0x01;
constexpr unsigned char kEpIn = 0x82;

std::string hexLe16(std::uint16_t v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02x%02x", v & 0xff, v >> 8);
  return buf;
}

}  // namespace

struct EmulatedUsbPrinter::Impl {
  std::uint16_t vid, pid;
  UMockdevTestbed* testbed = nullptr;
  UMockdevIoctlBase* handler = nullptr;

  // Everything below is shared with umockdev's thread.
  mutable std::mutex mutex;
  std::vector<std::uint8_t> printed, received;
  std::size_t statusRequests = 0;
  bool paperOut = false, nearEnd = false, coverOpen = false, answers = true;
  std::size_t disconnectAfter = std::numeric_limits<std::size_t>::max();
  bool disconnected = false;
  std::deque<std::uint8_t> replies;
  std::deque<UMockdevIoctlData*> pendingIn;  // IN URBs waiting for a reply (ref held)
  std::deque<UMockdevIoctlData*> reapable;   // finished URBs (ref held), status already set
  std::string liveNode;                      // the device node on the bus now; empty when unplugged

  // Test-thread only.
  int devnum = 0;
  std::string syspath, devnode;

  std::uint8_t statusByte(std::uint8_t n) const {
    std::uint8_t b = 0x12;
    if (n == 4) b |= (nearEnd || paperOut ? 0x0C : 0) | (paperOut ? 0x60 : 0);
    if (n == 2) b |= (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0);
    return b;
  }

  static gboolean onIoctl(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer self) {
    return static_cast<Impl*>(self)->handle(client);
  }

  // URBs that can never finish now that the cable is out.
  void failPendingLocked() {
    for (UMockdevIoctlData* d : pendingIn) {
      reinterpret_cast<usbdevfs_urb*>(d->data)->status = -ENODEV;
      reapable.push_back(d);
    }
    pendingIn.clear();
  }

  gboolean handle(UMockdevIoctlClient* client) {
    const gulong request = umockdev_ioctl_client_get_request(client);
    UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
    std::lock_guard lock(mutex);
    // A handle opened before an unplug stays dead after the replug, as with
    // the kernel: the device comes back under a new node and the old file
    // descriptor answers ENODEV (it may still reap the URBs that failed).
    const gchar* node = umockdev_ioctl_client_get_devnode(client);
    const bool stale = node && liveNode != node;
    if (stale && request != USBDEVFS_DISCARDURB &&
        !((request == USBDEVFS_REAPURB || request == USBDEVFS_REAPURBNDELAY) && !reapable.empty())) {
      umockdev_ioctl_client_complete(client, -1, ENODEV);
      return TRUE;
    }
    switch (request) {
      case USBDEVFS_GET_CAPABILITIES: {
        UMockdevIoctlData* d = umockdev_ioctl_data_resolve(arg, 0, sizeof(guint32), nullptr);
        *reinterpret_cast<guint32*>(d->data) = USBDEVFS_CAP_BULK_CONTINUATION | USBDEVFS_CAP_NO_PACKET_SIZE_LIM |
                                               USBDEVFS_CAP_REAP_AFTER_DISCONNECT | USBDEVFS_CAP_ZERO_PACKET;
        umockdev_ioctl_data_unref(d);
        umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
      }
      case USBDEVFS_GETDRIVER:  // no kernel driver bound: nothing to detach
        umockdev_ioctl_client_complete(client, -1, ENODATA);
        return TRUE;
      case USBDEVFS_DISCONNECT_CLAIM:  // libusb's auto-detach: "unbind usblp and claim"
      case USBDEVFS_CLAIMINTERFACE:
      case USBDEVFS_RELEASEINTERFACE:
      case USBDEVFS_CLEAR_HALT:
      case USBDEVFS_RESET:
      case USBDEVFS_RESETEP:
      case USBDEVFS_SETINTERFACE:
      case USBDEVFS_IOCTL:
        if (disconnected)
          umockdev_ioctl_client_complete(client, -1, ENODEV);
        else
          umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
      case USBDEVFS_SUBMITURB: return submit(client, arg);
      case USBDEVFS_REAPURB:
      case USBDEVFS_REAPURBNDELAY: {
        if (reapable.empty() && !pendingIn.empty() && !replies.empty()) {
          UMockdevIoctlData* d = pendingIn.front();
          pendingIn.pop_front();
          auto* urb = reinterpret_cast<usbdevfs_urb*>(d->data);
          const int n = std::min<int>(urb->buffer_length, static_cast<int>(replies.size()));
          auto* buf = static_cast<std::uint8_t*>(urb->buffer);
          for (int i = 0; i < n; ++i) {
            buf[i] = replies.front();
            replies.pop_front();
          }
          urb->actual_length = n;
          urb->status = 0;
          reapable.push_back(d);
        }
        if (reapable.empty()) {
          umockdev_ioctl_client_complete(client, -1, disconnected ? ENODEV : EAGAIN);
          return TRUE;
        }
        UMockdevIoctlData* d = reapable.front();
        reapable.pop_front();
        UMockdevIoctlData* ptr = umockdev_ioctl_data_resolve(arg, 0, sizeof(gpointer), nullptr);
        umockdev_ioctl_data_set_ptr(ptr, 0, d);
        umockdev_ioctl_data_unref(ptr);
        umockdev_ioctl_data_unref(d);
        umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
      }
      case USBDEVFS_DISCARDURB: {  // a timed-out transfer is cancelled
        const gulong addr = reinterpret_cast<gulong>(*reinterpret_cast<void**>(arg->data));
        auto it = std::find_if(pendingIn.begin(), pendingIn.end(),
                               [&](UMockdevIoctlData* d) { return d->client_addr == addr; });
        if (it == pendingIn.end()) {
          umockdev_ioctl_client_complete(client, -1, EINVAL);
          return TRUE;
        }
        reinterpret_cast<usbdevfs_urb*>((*it)->data)->status = -ENOENT;
        reapable.push_back(*it);
        pendingIn.erase(it);
        umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
      }
      default:
        std::fprintf(stderr, "emulated printer: unhandled ioctl 0x%lx\n", request);
        return FALSE;
    }
  }

  gboolean submit(UMockdevIoctlClient* client, UMockdevIoctlData* arg) {
    if (disconnected) {
      umockdev_ioctl_client_complete(client, -1, ENODEV);
      return TRUE;
    }
    UMockdevIoctlData* d = umockdev_ioctl_data_resolve(arg, 0, sizeof(usbdevfs_urb), nullptr);
    auto* urb = reinterpret_cast<usbdevfs_urb*>(d->data);
    // Resolving points urb->buffer at a local copy that umockdev writes back on reap.
    UMockdevIoctlData* buf = umockdev_ioctl_data_resolve(d, G_STRUCT_OFFSET(usbdevfs_urb, buffer),
                                                         static_cast<gsize>(urb->buffer_length), nullptr);
    if (buf) umockdev_ioctl_data_unref(buf);  // d keeps it
    if (urb->type != USBDEVFS_URB_TYPE_BULK || (urb->endpoint != kEpOut && urb->endpoint != kEpIn)) {
      umockdev_ioctl_data_unref(d);
      umockdev_ioctl_client_complete(client, -1, EINVAL);
      return TRUE;
    }
    if (urb->endpoint == kEpIn) {
      pendingIn.push_back(d);
      umockdev_ioctl_client_complete(client, 0, 0);
      return TRUE;
    }
    const auto* bytes = static_cast<const std::uint8_t*>(urb->buffer);
    const std::size_t len = static_cast<std::size_t>(urb->buffer_length);
    const bool statusRequest = len == 3 && bytes[0] == 0x10 && bytes[1] == 0x04 && bytes[2] >= 1 && bytes[2] <= 4;
    if (!statusRequest && printed.size() + len > disconnectAfter) {
      disconnected = true;
      failPendingLocked();
      umockdev_ioctl_data_unref(d);
      umockdev_ioctl_client_complete(client, -1, ENODEV);
      return TRUE;
    }
    received.insert(received.end(), bytes, bytes + len);
    if (statusRequest) {
      ++statusRequests;
      if (answers) replies.push_back(statusByte(bytes[2]));
    } else {
      printed.insert(printed.end(), bytes, bytes + len);
    }
    urb->actual_length = urb->buffer_length;
    urb->status = 0;
    reapable.push_back(d);
    umockdev_ioctl_client_complete(client, 0, 0);
    return TRUE;
  }

  void plug() {
    ++devnum;
    char num[16];
    std::snprintf(num, sizeof num, "%03d", devnum % 1000);
    devnode = std::string("/dev/bus/usb/001/") + num;
    syspath = "/sys/devices/usb1/1-" + std::to_string(devnum);
    GError* error = nullptr;
    // The ioctl handler first, so the node works the moment it appears.
    if (!umockdev_testbed_attach_ioctl(testbed, devnode.c_str(), handler, &error)) {
      std::string msg = error ? error->message : "?";
      g_clear_error(&error);
      throw std::runtime_error("umockdev attach_ioctl: " + msg);
    }
    const std::string record =
        "P: /devices/usb1/1-" + std::to_string(devnum) + "\n" +
        "N: bus/usb/001/" + num + "\n"
        "E: SUBSYSTEM=usb\n"
        "E: DEVTYPE=usb_device\n"
        "E: BUSNUM=001\n"
        "E: DEVNUM=" + num + "\n"
        "E: DEVNAME=" + devnode + "\n"
        "A: busnum=1\\n\n"
        "A: devnum=" + std::to_string(devnum) + "\\n\n"
        "A: bConfigurationValue=1\\n\n"
        "A: speed=12\\n\n"
        // Device (class 0, VID/PID), one config, interface 0 class 7 (printer,
        // bidirectional), bulk OUT 0x01 and bulk IN 0x82 of 64 bytes.
        "H: descriptors=1201000200000040" + hexLe16(vid) + hexLe16(pid) +
        "000101020301"
        "0902200001010080fa"
        "090400000207010200"
        "07050102400000"
        "07058202400000\n";
    if (!umockdev_testbed_add_from_string(testbed, record.c_str(), &error)) {
      std::string msg = error ? error->message : "?";
      g_clear_error(&error);
      throw std::runtime_error("umockdev add_from_string: " + msg);
    }
    std::lock_guard lock(mutex);
    liveNode = devnode;
  }

  void unplugDevice() {
    if (syspath.empty()) return;
    {
      std::lock_guard lock(mutex);
      liveNode.clear();
    }
    umockdev_testbed_uevent(testbed, syspath.c_str(), "remove");
    umockdev_testbed_remove_device(testbed, syspath.c_str());
    umockdev_testbed_detach_ioctl(testbed, devnode.c_str(), nullptr);
    syspath.clear();
  }
};

EmulatedUsbPrinter::EmulatedUsbPrinter(std::uint16_t vendorId, std::uint16_t productId) : m(std::make_unique<Impl>()) {
  m->vid = vendorId;
  m->pid = productId;
  m->testbed = umockdev_testbed_new();
  m->handler = umockdev_ioctl_base_new();
  g_signal_connect_after(m->handler, "handle-ioctl", G_CALLBACK(&Impl::onIoctl), m.get());
  m->plug();
}

EmulatedUsbPrinter::~EmulatedUsbPrinter() {
  m->unplugDevice();
  g_clear_object(&m->testbed);
  g_clear_object(&m->handler);
  for (auto* d : m->pendingIn) umockdev_ioctl_data_unref(d);
  for (auto* d : m->reapable) umockdev_ioctl_data_unref(d);
}

bool EmulatedUsbPrinter::preloadActive() {
  // Read once: umockdev may rewrite LD_PRELOAD for the children it starts.
  static const bool active = [] {
    const char* p = std::getenv("LD_PRELOAD");
    return p && std::strstr(p, "umockdev-preload");
  }();
  return active;
}

std::vector<std::uint8_t> EmulatedUsbPrinter::printed() const {
  std::lock_guard lock(m->mutex);
  return m->printed;
}
std::vector<std::uint8_t> EmulatedUsbPrinter::received() const {
  std::lock_guard lock(m->mutex);
  return m->received;
}
std::size_t EmulatedUsbPrinter::statusRequests() const {
  std::lock_guard lock(m->mutex);
  return m->statusRequests;
}
void EmulatedUsbPrinter::clear() {
  std::lock_guard lock(m->mutex);
  m->printed.clear();
  m->received.clear();
  m->statusRequests = 0;
}
void EmulatedUsbPrinter::setPaperOut(bool on) {
  std::lock_guard lock(m->mutex);
  m->paperOut = on;
}
void EmulatedUsbPrinter::setPaperNearEnd(bool on) {
  std::lock_guard lock(m->mutex);
  m->nearEnd = on;
}
void EmulatedUsbPrinter::setCoverOpen(bool on) {
  std::lock_guard lock(m->mutex);
  m->coverOpen = on;
}
void EmulatedUsbPrinter::setAnswersStatus(bool on) {
  std::lock_guard lock(m->mutex);
  m->answers = on;
}
void EmulatedUsbPrinter::disconnectAfter(std::size_t printBytes) {
  std::lock_guard lock(m->mutex);
  m->disconnectAfter = m->printed.size() + printBytes;
}
void EmulatedUsbPrinter::unplug() {
  {
    std::lock_guard lock(m->mutex);
    m->disconnected = true;
    m->failPendingLocked();
  }
  m->unplugDevice();
}
void EmulatedUsbPrinter::replug() {
  {
    std::lock_guard lock(m->mutex);
    m->disconnected = false;
    m->disconnectAfter = std::numeric_limits<std::size_t>::max();
    m->replies.clear();
  }
  m->unplugDevice();
  m->plug();
}
bool EmulatedUsbPrinter::plugged() const { return !m->syspath.empty(); }

}  // namespace lpse::printer::testing

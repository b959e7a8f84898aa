#include "devices/printer/usb_printer.hpp"

#include <libusb.h>

#include <charconv>
#include <cstdio>

namespace lpse::printer {
namespace {

constexpr std::uint8_t kPrinterClass = 7;

std::string hex4(std::uint16_t v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04x", static_cast<unsigned>(v));
  return buf;
}

bool parseHex16(std::string_view s, std::uint16_t& out) {
  if (s.empty() || s.size() > 4) return false;
  unsigned v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 16);
  if (ec != std::errc() || p != s.data() + s.size()) return false;
  out = static_cast<std::uint16_t>(v);
  return true;
}

struct Endpoints {
  int interface = -1;
  int altsetting = 0;
  std::uint8_t out = 0;
  std::uint8_t in = 0;  // 0: the device has no bulk IN, status cannot be asked
  std::uint16_t inPacket = 64;
};

// The interface to print on: a printer-class one when there is one (required
// when the selector names no device), else the first with a bulk OUT.
std::optional<Endpoints> findEndpoints(libusb_device* dev, bool requirePrinterClass) {
  libusb_config_descriptor* config = nullptr;
  if (libusb_get_active_config_descriptor(dev, &config) != 0 &&
      libusb_get_config_descriptor(dev, 0, &config) != 0)
    return std::nullopt;
  std::optional<Endpoints> best;
  for (int i = 0; i < config->bNumInterfaces; ++i) {
    const libusb_interface& itf = config->interface[i];
    for (int a = 0; a < itf.num_altsetting; ++a) {
      const libusb_interface_descriptor& alt = itf.altsetting[a];
      const bool printer = alt.bInterfaceClass == kPrinterClass;
      if (requirePrinterClass && !printer) continue;
      Endpoints ep;
      ep.interface = alt.bInterfaceNumber;
      ep.altsetting = alt.bAlternateSetting;
      for (int e = 0; e < alt.bNumEndpoints; ++e) {
        const libusb_endpoint_descriptor& d = alt.endpoint[e];
        if ((d.bmAttributes & LIBUSB_TRANSFER_TYPE_MASK) != LIBUSB_TRANSFER_TYPE_BULK) continue;
        if ((d.bEndpointAddress & LIBUSB_ENDPOINT_DIR_MASK) == LIBUSB_ENDPOINT_OUT) {
          if (!ep.out) ep.out = d.bEndpointAddress;
        } else if (!ep.in) {
          ep.in = d.bEndpointAddress;
          ep.inPacket = d.wMaxPacketSize ? d.wMaxPacketSize : 64;
        }
      }
      if (!ep.out) continue;
      if (printer) {
        libusb_free_config_descriptor(config);
        return ep;
      }
      if (!best) best = ep;
    }
  }
  libusb_free_config_descriptor(config);
  return best;
}

}  // namespace

std::optional<UsbSelector> parseUsbSelector(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  UsbSelector s;
  if (!parseHex16(text.substr(0, colon), s.vendorId) || !parseHex16(text.substr(colon + 1), s.productId))
    return std::nullopt;
  return s;
}

std::string toString(const UsbSelector& s) {
  if (s.any()) return "printer USB pertama";
  return hex4(s.vendorId) + ":" + hex4(s.productId);
}

std::vector<UsbPrinterInfo> listUsbPrinters() {
  std::vector<UsbPrinterInfo> out;
  libusb_context* ctx = nullptr;
  if (libusb_init(&ctx) != 0) return out;
  libusb_device** list = nullptr;
  const ssize_t n = libusb_get_device_list(ctx, &list);
  for (ssize_t i = 0; i < n; ++i) {
    libusb_device_descriptor desc{};
    if (libusb_get_device_descriptor(list[i], &desc) != 0) continue;
    if (!findEndpoints(list[i], true)) continue;
    out.push_back({{desc.idVendor, desc.idProduct}, libusb_get_bus_number(list[i]), libusb_get_device_address(list[i])});
  }
  if (n >= 0) libusb_free_device_list(list, 1);
  libusb_exit(ctx);
  return out;
}

struct UsbPrinter::Connection {
  libusb_context* ctx = nullptr;
  libusb_device_handle* handle = nullptr;
  Endpoints ep;
  bool claimed = false;

  ~Connection() {
    if (handle) {
      // Fails harmlessly when the device is already gone.
      if (claimed) libusb_release_interface(handle, ep.interface);
      libusb_close(handle);
    }
    if (ctx) libusb_exit(ctx);
  }
};

UsbPrinter::UsbPrinter(UsbSelector selector, StatusQuirks quirks, UsbTimeouts timeouts)
    : m_selector(selector), m_quirks(quirks), m_timeouts(timeouts) {}

UsbPrinter::~UsbPrinter() = default;

std::string UsbPrinter::describe() const { return "Printer USB " + toString(m_selector); }

void UsbPrinter::closeConnection() { m_conn.reset(); }

std::optional<PrinterStatus> UsbPrinter::ensureOpen() {
  if (m_conn) return std::nullopt;
  auto conn = std::make_unique<Connection>();
  // A fresh context per connection: it enumerates the bus anew, so a printer
  // that was replugged (new device address) is found without hotplug events.
  if (const int r = libusb_init(&conn->ctx); r != 0) {
    conn->ctx = nullptr;
    return PrinterStatus{PrinterState::Error,
                         std::string("Sistem USB tidak dapat dipakai (libusb: ") + libusb_error_name(r) + ")."};
  }
  libusb_device** list = nullptr;
  const ssize_t n = libusb_get_device_list(conn->ctx, &list);
  libusb_device* chosen = nullptr;
  for (ssize_t i = 0; i < n && !chosen; ++i) {
    libusb_device_descriptor desc{};
    if (libusb_get_device_descriptor(list[i], &desc) != 0) continue;
    if (!m_selector.any() && (desc.idVendor != m_selector.vendorId || desc.idProduct != m_selector.productId))
      continue;
    if (auto ep = findEndpoints(list[i], m_selector.any())) {
      conn->ep = *ep;
      chosen = list[i];
    }
  }
  int openErr = LIBUSB_ERROR_NOT_FOUND;
  if (chosen) openErr = libusb_open(chosen, &conn->handle);
  if (n >= 0) libusb_free_device_list(list, 1);
  if (!chosen) {
    if (m_selector.any())
      return PrinterStatus{PrinterState::NotFound, "Printer tidak ditemukan: tidak ada printer USB yang tersambung."};
    return PrinterStatus{PrinterState::NotFound,
                         "Printer tidak ditemukan (VID:PID " + toString(m_selector) + "). Periksa kabel USB dan daya printer."};
  }
  if (openErr != 0) {
    conn->handle = nullptr;
    if (openErr == LIBUSB_ERROR_ACCESS)
      return PrinterStatus{PrinterState::Error,
                           "Tidak ada izin membuka printer USB " + toString(m_selector) +
                               ". Pasang aturan udev (lihat docs/PRINTERS.md)."};
    return PrinterStatus{PrinterState::NotFound,
                         std::string("Printer USB tidak dapat dibuka (") + libusb_error_name(openErr) + ")."};
  }
  // usblp binds to every printer-class interface; take it over for the
  // connection and give it back on close.
  libusb_set_auto_detach_kernel_driver(conn->handle, 1);
  if (const int r = libusb_claim_interface(conn->handle, conn->ep.interface); r != 0) {
    if (r == LIBUSB_ERROR_BUSY)
      return PrinterStatus{PrinterState::Error, "Printer USB sedang dipakai program lain (antarmuka sibuk)."};
    if (r == LIBUSB_ERROR_NO_DEVICE)
      return PrinterStatus{PrinterState::NotFound, "Printer terputus saat dibuka."};
    return PrinterStatus{PrinterState::Error,
                         std::string("Printer USB tidak dapat dipakai (") + libusb_error_name(r) + ")."};
  }
  conn->claimed = true;
  if (conn->ep.altsetting != 0) libusb_set_interface_alt_setting(conn->handle, conn->ep.interface, conn->ep.altsetting);
  m_conn = std::move(conn);
  return std::nullopt;
}

std::optional<std::uint8_t> UsbPrinter::askStatus(const std::vector<std::uint8_t>& request, bool& lost) {
  int done = 0;
  std::vector<std::uint8_t> req = request;
  int r = libusb_bulk_transfer(m_conn->handle, m_conn->ep.out, req.data(), static_cast<int>(req.size()), &done,
                               static_cast<unsigned>(m_timeouts.statusReply.count()));
  if (r == LIBUSB_ERROR_NO_DEVICE || r == LIBUSB_ERROR_IO) lost = true;
  if (r != 0) return std::nullopt;
  // A full packet, never less: a shorter buffer overflows when the device
  // answers with more than it was asked.
  std::vector<std::uint8_t> reply(m_conn->ep.inPacket);
  r = libusb_bulk_transfer(m_conn->handle, m_conn->ep.in, reply.data(), static_cast<int>(reply.size()), &done,
                           static_cast<unsigned>(m_timeouts.statusReply.count()));
  if (r == LIBUSB_ERROR_NO_DEVICE || r == LIBUSB_ERROR_IO) lost = true;
  if (r != 0 || done < 1) return std::nullopt;
  return reply[static_cast<std::size_t>(done) - 1];  // the newest answer
}

PrinterStatus UsbPrinter::status() {
  std::lock_guard lock(m_mutex);
  // At most twice: a handle opened before an unplug fails once (ENODEV even
  // when the printer is back, under a new address); the fresh connection
  // then answers. So a replug between two tickets never fails the second.
  for (int attempt = 0;; ++attempt) {
    const bool reused = m_conn != nullptr;
    if (auto failed = ensureOpen()) return *failed;  // unplugged: NotFound
    if (!m_conn->ep.in || !m_quirks.answersStatus) return {PrinterState::Ready, {}};
    bool lost = false;
    const auto paper = askStatus(kStatusRequestPaper, lost);
    const auto offline = lost ? std::nullopt : askStatus(kStatusRequestOffline, lost);
    if (!lost) return decodeStatus(paper, offline, m_quirks);
    closeConnection();
    if (!reused || attempt > 0)
      return {PrinterState::Offline, "Sambungan printer USB terputus saat ditanya statusnya; coba lagi."};
  }
}

PrintResult UsbPrinter::print(const std::vector<std::uint8_t>& escpos) {
  std::lock_guard lock(m_mutex);
  const bool reused = m_conn != nullptr;
  if (auto failed = ensureOpen()) return {false, failed->detail, {}};
  std::vector<std::uint8_t> buf = escpos;  // libusb wants a mutable buffer
  std::size_t sent = 0;
  bool retried = false;
  while (sent < buf.size()) {
    const int len = static_cast<int>(std::min(kChunkBytes, buf.size() - sent));
    int done = 0;
    const int r = libusb_bulk_transfer(m_conn->handle, m_conn->ep.out, buf.data() + sent, len, &done,
                                       static_cast<unsigned>(m_timeouts.writeChunk.count()));
    sent += static_cast<std::size_t>(done);
    if (r == 0) continue;
    closeConnection();  // reopened on the next call: that is the hot-plug recovery
    // A handle from before an unplug fails on its first write. Nothing has
    // reached the printer yet, so reopening and sending the whole job once
    // cannot print anything twice (models never asked their status
    // meet the stale handle here first).
    const bool lostDevice = r == LIBUSB_ERROR_NO_DEVICE || r == LIBUSB_ERROR_IO;
    if (lostDevice && sent == 0 && reused && !retried) {
      retried = true;
      if (auto failed = ensureOpen()) return {false, failed->detail, {}};
      continue;
    }
    const std::string progress =
        " (" + std::to_string(sent) + " dari " + std::to_string(buf.size()) + " byte terkirim).";
    if (r == LIBUSB_ERROR_TIMEOUT)
      return {false,
              "Printer tidak menerima data dalam " + std::to_string(m_timeouts.writeChunk.count() / 1000) +
                  " detik; periksa kertas dan tutup printer" + progress,
              {}};
    if (lostDevice || r == LIBUSB_ERROR_PIPE) return {false, "Printer terputus saat mencetak" + progress, {}};
    return {false, std::string("Gagal mengirim ke printer USB (") + libusb_error_name(r) + ")" + progress, {}};
  }
  return {true, {}, {}};
}

}  // namespace lpse::printer

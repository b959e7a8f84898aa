#pragma once
// A receipt printer on USB, driven through libusb (bulk OUT for ESC/POS,
// bulk IN for DLE EOT status). libusb stays inside usb_printer.cpp.
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "devices/printer/printer.hpp"
#include "devices/printer/printer_status.hpp"

namespace lpse::printer {

// Which USB device to use. vendorId and productId 0: the first device with a
// printer-class (7) interface.
struct UsbSelector {
  std::uint16_t vendorId = 0;
  std::uint16_t productId = 0;
  bool any() const { return vendorId == 0 && productId == 0; }
};

// "0416:5011" (hex, as lsusb prints it); nullopt when malformed.
std::optional<UsbSelector> parseUsbSelector(std::string_view text);
std::string toString(const UsbSelector& selector);  // "0416:5011", or "printer USB pertama"

// The USB devices with a printer-class interface now on the bus, for
// `lpse printer-test --list`. Empty when none (or libusb cannot start).
struct UsbPrinterInfo {
  UsbSelector id;
  int bus = 0, address = 0;
};
std::vector<UsbPrinterInfo> listUsbPrinters();

struct UsbTimeouts {
  std::chrono::milliseconds writeChunk{5000};  // per bulk OUT chunk
  std::chrono::milliseconds statusReply{500};  // per DLE EOT reply byte
};

// Opens the device lazily on the first call and again on the next call after
// any error, so unplugging and replugging recovers without a restart. Each
// (re)open starts from a fresh libusb context, which re-reads the bus. Not
// thread-safe for concurrent calls beyond an internal lock: meant for one
// PrintSpooler thread.
class UsbPrinter : public Printer {
 public:
  explicit UsbPrinter(UsbSelector selector, StatusQuirks quirks = {}, UsbTimeouts timeouts = {});
  ~UsbPrinter() override;
  UsbPrinter(const UsbPrinter&) = delete;
  UsbPrinter& operator=(const UsbPrinter&) = delete;

  // NotFound when no matching device is on the bus.
  PrinterStatus status() override;
  // Writes in chunks of at most kChunkBytes; the error names the reason.
  PrintResult print(const std::vector<std::uint8_t>& escpos) override;
  std::string describe() const override;

  static constexpr std::size_t kChunkBytes = 4096;

 private:
  struct Connection;  // libusb context, handle, endpoints
  // Empty on success, else the Indonesian sentence and the state to report.
  std::optional<PrinterStatus> ensureOpen();
  void closeConnection();
  std::optional<std::uint8_t> askStatus(const std::vector<std::uint8_t>& request, bool& lost);

  const UsbSelector m_selector;
  const StatusQuirks m_quirks;
  const UsbTimeouts m_timeouts;
  std::mutex m_mutex;
  std::unique_ptr<Connection> m_conn;
};

}  // namespace lpse::printer

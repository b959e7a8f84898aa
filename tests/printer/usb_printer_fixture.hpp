#pragma once
// A class-7 USB receipt printer emulated with umockdev, for testing the real
// libusb transport without hardware. Bulk OUT 0x01 records what is printed;
// DLE EOT n requests (sent as their own transfer) are answered on bulk IN
// 0x82 from the switchable paper/cover state. Needs the process to run under
// umockdev-wrapper (LD_PRELOAD of libumockdev-preload): check preloadActive().
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace lpse::printer::testing {

class EmulatedUsbPrinter {
 public:
  // Adds the device to a fresh testbed. Create it before the code under test
  // initializes libusb.
  explicit EmulatedUsbPrinter(std::uint16_t vendorId = 0x0416, std::uint16_t productId = 0x5011);
  ~EmulatedUsbPrinter();
  EmulatedUsbPrinter(const EmulatedUsbPrinter&) = delete;
  EmulatedUsbPrinter& operator=(const EmulatedUsbPrinter&) = delete;

  static bool preloadActive();

  std::vector<std::uint8_t> printed() const;   // bulk OUT bytes, status requests left out
  std::vector<std::uint8_t> received() const;  // every bulk OUT byte, status requests included
  std::size_t statusRequests() const;
  void clear();                                // forgets printed() and received()

  void setPaperOut(bool on);
  void setPaperNearEnd(bool on);
  void setCoverOpen(bool on);
  void setAnswersStatus(bool on);  // off: the printer stays silent on bulk IN

  // The cable is pulled once this many print bytes have arrived: the URB that
  // would cross the limit and every later one fail with ENODEV. Call unplug()
  // afterwards to take the device off the bus as well.
  void disconnectAfter(std::size_t printBytes);
  void unplug();  // off the bus: libusb no longer lists it
  void replug();  // back on the bus at a new device address, state kept
  bool plugged() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

}  // namespace lpse::printer::testing

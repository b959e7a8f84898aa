#pragma once
// Builds the configured Printer: which transport and its parameters in one
// struct, so config, the kiosk and `lpse printer-test` share one path.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "devices/printer/printer.hpp"
#include "devices/printer/printer_status.hpp"
#include "devices/printer/usb_printer.hpp"

namespace lpse::printer {

struct PrinterSpec {
  std::string kind = "virtual";  // "virtual", "usb", "tcp", "file"
  int paperDots = 576;           // virtual: 576 (80 mm) or 384 (58 mm)
  std::filesystem::path virtualDir = "tickets";  // virtual: where PNGs go
  UsbSelector usb;               // usb: VID:PID, or any printer-class device
  std::string host;              // tcp
  std::uint16_t port = 9100;     // tcp
  std::filesystem::path devicePath = "/dev/usb/lp0";  // file
  StatusQuirks quirks;           // usb, tcp: the model's status bits
};

// nullptr for an unknown kind or missing parameters; *error then says why in
// Indonesian. Nothing is opened here: transports connect on first use.
std::unique_ptr<Printer> makePrinter(const PrinterSpec& spec, std::string* error = nullptr);

}  // namespace lpse::printer

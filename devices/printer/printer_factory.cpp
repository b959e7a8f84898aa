#include "devices/printer/printer_factory.hpp"

#include "devices/printer/device_file_printer.hpp"
#include "devices/printer/tcp_printer.hpp"
#include "devices/printer/virtual_printer.hpp"

namespace lpse::printer {

std::unique_ptr<Printer> makePrinter(const PrinterSpec& spec, std::string* error) {
  auto fail = [&](std::string why) -> std::unique_ptr<Printer> {
    if (error) *error = std::move(why);
    return nullptr;
  };
  if (spec.kind == "virtual") return std::make_unique<VirtualPrinter>(spec.virtualDir, spec.paperDots);
  if (spec.kind == "usb") return std::make_unique<UsbPrinter>(spec.usb, spec.quirks);
  if (spec.kind == "tcp") {
    if (spec.host.empty()) return fail("Alamat printer jaringan (host) belum diisi.");
    return std::make_unique<TcpPrinter>(spec.host, spec.port, spec.quirks);
  }
  if (spec.kind == "file") {
    if (spec.devicePath.empty()) return fail("Berkas perangkat printer belum diisi.");
    return std::make_unique<DeviceFilePrinter>(spec.devicePath);
  }
  return fail("Jenis printer \"" + spec.kind + "\" tidak dikenal (pilih virtual, usb, tcp atau file).");
}

}  // namespace lpse::printer

#include "kiosk/apps/printer_setup.hpp"

#include "devices/printer/usb_printer.hpp"

namespace lpse::apps {

core::Result<printer::PrinterSpec> printerSpec(const config::PrinterConfig& c) {
  printer::PrinterSpec s;
  s.kind = c.kind == "auto" ? "virtual" : c.kind;
  s.paperDots = c.paperDots;
  s.virtualDir = c.outputDir;
  s.host = c.host;
  s.port = static_cast<std::uint16_t>(c.port);
  s.devicePath = c.device;
  s.quirks.answersStatus = c.answersStatus;
  if (!c.usb.empty()) {
    auto sel = printer::parseUsbSelector(c.usb);
    if (!sel)
      return core::makeError("config_invalid", "Pengaturan 'printer.usb' salah: contoh \"0416:5011\".",
                             "Setting 'printer.usb' is wrong: e.g. \"0416:5011\".", "printer.usb");
    s.usb = *sel;
  }
  return s;
}

core::Result<std::unique_ptr<printer::Printer>> openPrinter(const config::PrinterConfig& c, std::string& chosen) {
  auto spec = printerSpec(c);
  if (!spec) return spec.error();
  if (c.kind == "auto" && !printer::listUsbPrinters().empty()) spec->kind = "usb";
  std::string error;
  auto p = printer::makePrinter(*spec, &error);
  if (!p) return core::makeError("printer_config", error, "The printer settings are incomplete: " + error);
  chosen = p->describe();
  return p;
}

}  // namespace lpse::apps

#pragma once
// The configured printer, shared by lpse-kiosk and `lpse printer-test`.
#include <memory>
#include <string>

#include "devices/printer/printer_factory.hpp"
#include "kiosk/config/config.hpp"

namespace lpse::apps {

core::Result<printer::PrinterSpec> printerSpec(const config::PrinterConfig& c);

// "auto" picks the first USB printer that is plugged in, else the virtual
// one; `chosen` says which, for the log.
core::Result<std::unique_ptr<printer::Printer>> openPrinter(const config::PrinterConfig& c, std::string& chosen);

}  // namespace lpse::apps

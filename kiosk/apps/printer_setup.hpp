#pragma once
// The configured printer, shared by lpse-kiosk, `lpse printer-test` and
// `lpse doctor`: the transport (openPrinter) and how tickets are laid out
// for it (ticketFormat), both from the [printer] section.
#include <filesystem>
#include <memory>
#include <string>

#include "devices/printer/printer_factory.hpp"
#include "devices/printer/printer_model.hpp"
#include "devices/printer/ticket_layout.hpp"
#include "kiosk/config/config.hpp"

namespace lpse::apps {

// The preset named by printer.model with the [printer.quirks] overrides on
// top. An unknown model is an error naming printer.model and the presets.
core::Result<printer::PrinterModel> printerModel(const config::PrinterConfig& c);

core::Result<printer::PrinterSpec> printerSpec(const config::PrinterConfig& c);

// "auto" picks the first USB printer that is plugged in, else the virtual
// one; `chosen` says which, for the log.
core::Result<std::unique_ptr<printer::Printer>> openPrinter(const config::PrinterConfig& c, std::string& chosen);

// Where printer.logo is looked for when relative: from the working directory
// (like every other path in the config), then beside the config file, then
// one folder above it (the checkout, when the config is config/lpse.toml).
// The first that exists; else the path as given.
std::filesystem::path resolveLogoPath(const std::string& logo, const std::string& configPath);

// Paper, model quirks and the logo, read once: build it at start-up and use
// it for every ticket. A logo that cannot be used never fails the format:
// it is left out, the reason is logged on stderr and put in *warning.
// Errors: an unknown model (see printerModel).
core::Result<printer::TicketFormat> ticketFormat(const config::PrinterConfig& c, const std::string& configPath,
                                                 std::string* warning = nullptr);
core::Result<printer::TicketFormat> ticketFormat(const config::Config& cfg, std::string* warning = nullptr);

}  // namespace lpse::apps

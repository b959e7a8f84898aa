#include "kiosk/apps/printer_setup.hpp"

#include <cstdio>
#include <system_error>

#include "devices/printer/logo_file.hpp"
#include "devices/printer/usb_printer.hpp"

namespace lpse::apps {

namespace {

constexpr int kDotsPerMm = 8;  // 203 dpi, every receipt printer we target

template <class T>
void apply(const std::optional<int>& v, T& out) {
  if (v) out = static_cast<T>(*v);
}

}  // namespace

core::Result<printer::PrinterModel> printerModel(const config::PrinterConfig& c) {
  const std::string name = c.model.empty() ? std::string(printer::kDefaultPrinterModel) : c.model;
  auto model = printer::findPrinterModel(name);
  if (!model) {
    std::string names;
    for (const auto& m : printer::printerModels()) names += (names.empty() ? "" : ", ") + m.name;
    return core::makeError("config_invalid", "Pengaturan 'printer.model' salah: \"" + name + "\" tidak dikenal (" + names + ").",
                           "Setting 'printer.model' is wrong: \"" + name + "\" is unknown (" + names + ").",
                           "printer.model");
  }
  const config::PrinterQuirksConfig& q = c.quirks;
  printer::LayoutQuirks& l = model->layout;
  printer::StatusQuirks& s = model->status;
  if (q.answersStatus) s.answersStatus = *q.answersStatus;
  apply(q.codePage, l.codePage);
  apply(q.qrMaxModule, l.qrMaxModule);
  apply(q.charsPerLine, l.charsPerLine);
  // config.cpp accepted only the words these parse.
  if (auto v = printer::parseCharset(q.charset)) l.charset = *v;
  if (auto v = printer::parseQrMode(q.qrMode)) l.qrMode = *v;
  if (auto v = printer::parseCutMode(q.cut)) l.cut = *v;
  apply(q.statusFixedMask, s.fixedMask);
  apply(q.statusFixedValue, s.fixedValue);
  apply(q.paperNearEndBits, s.paperNearEndBits);
  apply(q.paperOutBits, s.paperOutBits);
  apply(q.coverOpenBit, s.coverOpenBit);
  apply(q.paperEndStopBit, s.stoppedPaperEndBit);
  apply(q.errorBit, s.errorBit);
  return *model;
}

core::Result<printer::PrinterSpec> printerSpec(const config::PrinterConfig& c) {
  auto model = printerModel(c);
  if (!model) return model.error();
  printer::PrinterSpec s;
  s.kind = c.kind == "auto" ? "virtual" : c.kind;
  s.paperDots = c.paperDots;
  s.virtualDir = c.outputDir;
  s.host = c.host;
  s.port = static_cast<std::uint16_t>(c.port);
  s.devicePath = c.device;
  s.quirks = model->status;
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

std::filesystem::path resolveLogoPath(const std::string& logo, const std::string& configPath) {
  namespace fs = std::filesystem;
  const fs::path given(logo);
  if (logo.empty() || given.is_absolute()) return given;
  std::error_code ec;
  if (fs::exists(given, ec)) return given;
  if (!configPath.empty()) {
    const fs::path dir = fs::path(configPath).parent_path();
    for (const fs::path& base : {dir, dir.empty() ? fs::path("..") : dir.parent_path()}) {
      const fs::path candidate = base / given;
      if (!base.empty() && fs::exists(candidate, ec)) return candidate;
    }
  }
  return given;
}

core::Result<printer::TicketFormat> ticketFormat(const config::PrinterConfig& c, const std::string& configPath,
                                                 std::string* warning) {
  auto model = printerModel(c);
  if (!model) return model.error();
  printer::TicketFormat f;
  f.paper = c.paperDots == 384 ? printer::paper58() : printer::paper80();
  f.quirks = model->layout;
  if (!c.logo.empty()) {
    printer::LogoOptions o;
    o.maxWidth = f.paper.dots;
    o.maxHeight = c.logoMaxHeightMm * kDotsPerMm;
    o.dither = c.logoDither == "threshold" ? printer::Dither::Threshold : printer::Dither::Atkinson;
    auto loaded = printer::loadLogo(resolveLogoPath(c.logo, configPath), o);
    if (loaded.ok()) {
      f.logo = std::move(loaded.image);
    } else {
      // Decoration only: the visitor still gets a ticket, the IT person a log line.
      std::fprintf(stderr, "level=warn msg=\"ticket logo left out\" reason=\"%s\"\n", loaded.error.c_str());
      if (warning) *warning = loaded.error;
    }
  }
  return f;
}

core::Result<printer::TicketFormat> ticketFormat(const config::Config& cfg, std::string* warning) {
  return ticketFormat(cfg.printer, cfg.sourcePath, warning);
}

}  // namespace lpse::apps

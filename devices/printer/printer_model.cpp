#include "devices/printer/printer_model.hpp"

namespace lpse::printer {
namespace {

// The presets. Values for clones are what the common Xprinter / "POS-58"
// class boards do; a specific unit that differs is fixed in config.
std::vector<PrinterModel> presets() {
  std::vector<PrinterModel> out;
  PrinterModel epson{"epson-tm-t82", "Epson TM-T82 / TM-T82II / TM-T82X (80 mm, pemotong, status lengkap)", {}, {}};
  out.push_back(epson);

  PrinterModel t20 = epson;
  t20.name = "epson-tm-t20";
  t20.description = "Epson TM-T20 / TM-T20II / TM-T20III (80 mm atau 58 mm, pemotong, status lengkap)";
  out.push_back(t20);

  // Xprinter XP-80C/XP-Q80 class: Epson status bits and WPC1252 at 16, but
  // GS ( k module sizes above 8 are refused or drawn wrong.
  PrinterModel clone80{"generic-80mm-clone", "Printer 80 mm tiruan (Xprinter XP-80 dan sejenisnya)", {}, {}};
  clone80.layout.qrMaxModule = 8;
  out.push_back(clone80);

  // "POS-58" class (VID:PID 0416:5011 and the like): answers DLE EOT with the
  // Epson paper bits, QR up to module 8, no cutter.
  PrinterModel clone58{"generic-58mm-clone", "Printer 58 mm tiruan tanpa pemotong (POS-58, 0416:5011 dan sejenisnya)", {},
                       {}};
  clone58.layout.qrMaxModule = 8;
  clone58.layout.cut = CutMode::None;
  out.push_back(clone58);

  // The least a printer can do and still give a usable ticket: plain ASCII,
  // the QR as a picture, no status channel, no cutter.
  PrinterModel basic{"generic-58mm-basic",
                     "Printer 58 mm paling sederhana: tanpa QR bawaan, tanpa status, tanpa pemotong, hanya ASCII", {}, {}};
  basic.layout.charset = Charset::Ascii;
  basic.layout.codePage = 0;
  basic.layout.qrMaxModule = 8;
  basic.layout.qrMode = QrMode::Raster;
  basic.layout.cut = CutMode::None;
  basic.status.answersStatus = false;
  out.push_back(basic);
  return out;
}

}  // namespace

std::vector<PrinterModel> printerModels() { return presets(); }

std::optional<PrinterModel> findPrinterModel(std::string_view name) {
  for (auto& m : presets())
    if (m.name == name) return m;
  return std::nullopt;
}

std::optional<Charset> parseCharset(std::string_view s) {
  if (s == "cp1252") return Charset::Cp1252;
  if (s == "ascii") return Charset::Ascii;
  return std::nullopt;
}
std::optional<QrMode> parseQrMode(std::string_view s) {
  if (s == "native") return QrMode::Native;
  if (s == "raster") return QrMode::Raster;
  return std::nullopt;
}
std::optional<CutMode> parseCutMode(std::string_view s) {
  if (s == "partial") return CutMode::Partial;
  if (s == "full") return CutMode::Full;
  if (s == "none") return CutMode::None;
  return std::nullopt;
}
std::string_view toString(Charset c) { return c == Charset::Ascii ? "ascii" : "cp1252"; }
std::string_view toString(QrMode m) { return m == QrMode::Raster ? "raster" : "native"; }
std::string_view toString(CutMode m) {
  switch (m) {
    case CutMode::Partial: return "partial";
    case CutMode::Full: return "full";
    case CutMode::None: return "none";
  }
  return "partial";
}

}  // namespace lpse::printer

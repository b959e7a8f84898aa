#pragma once
// What differs between printer models, as data: how a ticket is encoded
// for it (LayoutQuirks) and how its status replies read (StatusQuirks).
// Named presets cover the usual classes; config picks one and overrides
// single values, so a new clone is a config change, never a code path.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "devices/printer/printer_status.hpp"

namespace lpse::printer {

// How text is turned into bytes (see cp1252.hpp).
//  Cp1252: WPC1252 bytes (é, ü, €), for printers with that table at `codePage`.
//  Ascii: only 0x20-0x7E, the same in every code page: for clones whose
//         tables are unknown or lack 1252 (é prints as e, never as garbage).
enum class Charset { Cp1252, Ascii };

// Native: GS ( k (the printer draws the QR). Raster: the QR as a GS v 0
// picture, for clones without GS ( k (they print its bytes as junk text).
enum class QrMode { Native, Raster };

// Partial: GS V 66 n. Full: GS V 65 n. None: no cutter, feed past the tear bar.
enum class CutMode { Partial, Full, None };

struct LayoutQuirks {
  Charset charset = Charset::Cp1252;
  std::uint8_t codePage = 16;  // ESC t n: 16 = WPC1252 on Epson and most clones
  int qrMaxModule = 16;        // the largest GS ( k module size the model accepts (1..16)
  QrMode qrMode = QrMode::Native;
  CutMode cut = CutMode::Partial;
  int charsPerLine = 0;        // Font A characters per line; 0 = paper dots / 12
};

struct PrinterModel {
  std::string name;
  std::string description;  // for docs and `lpse printer-test`
  LayoutQuirks layout;
  StatusQuirks status;
};

// The default: Epson TM-T82 / TM-T20, the reference the others are measured against.
inline constexpr std::string_view kDefaultPrinterModel = "epson-tm-t82";

// nullopt for an unknown name. Names: epson-tm-t82, epson-tm-t20,
// generic-80mm-clone, generic-58mm-clone, generic-58mm-basic.
std::optional<PrinterModel> findPrinterModel(std::string_view name);
std::vector<PrinterModel> printerModels();

// "cp1252"/"ascii", "native"/"raster", "partial"/"full"/"none": the config words.
std::optional<Charset> parseCharset(std::string_view s);
std::optional<QrMode> parseQrMode(std::string_view s);
std::optional<CutMode> parseCutMode(std::string_view s);
std::string_view toString(Charset c);
std::string_view toString(QrMode m);
std::string_view toString(CutMode m);

}  // namespace lpse::printer

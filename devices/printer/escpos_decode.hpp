#pragma once
// ESC/POS bytes back into what they ask the printer to do: styled text
// runs, QR codes, images, feeds and cuts. For tests and ticket checks; any
// byte string is safe input.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "devices/printer/bitmap.hpp"
#include "devices/printer/escpos.hpp"

namespace lpse::printer {

// Consecutive printable bytes in one style, converted to UTF-8 (HT as '\t').
struct DecodedText {
  std::string text;
  int width = 1;   // GS ! / ESC ! multipliers, 1..8
  int height = 1;
  bool bold = false;
  Align align = Align::Left;
};
struct DecodedNewline {};                      // LF
struct DecodedFeed { int lines = 0; int dots = 0; };  // ESC d (lines) or ESC J (dots)
struct DecodedQr {                             // at the print command, with the stored data
  std::string payload;                         // raw bytes as stored
  int moduleSize = 3;
  QrEcc ecc = QrEcc::L;
  Align align = Align::Left;
};
struct DecodedRaster {
  int width = 0;   // dots, before the m scaling
  int height = 0;
  int mode = 0;    // GS v 0 m: 0 normal, 1 double width, 2 double height, 3 both
  Align align = Align::Left;
  Bitmap image;    // 0/255, see bitmap.hpp
};
struct DecodedCut {
  int feed = 0;
  bool partial = true;  // GS V 1/49/66/98/104, ESC m; false: GS V 0/48/65/97/103, ESC i
};
struct DecodedInit {};
struct DecodedCodePage { int page = 0; };

using EscPosElement = std::variant<DecodedText, DecodedNewline, DecodedFeed, DecodedQr, DecodedRaster,
                                   DecodedCut, DecodedInit, DecodedCodePage>;

struct EscPosDocument {
  std::vector<EscPosElement> elements;
  bool truncated = false;    // the input ended inside a command
  int skippedCommands = 0;   // commands outside the list above

  std::vector<DecodedText> texts() const;
  std::vector<DecodedQr> qrCodes() const;
  std::vector<DecodedRaster> rasters() const;
  // All text, a '\n' per LF: what a person reads, minus layout.
  std::string plainText() const;
};

EscPosDocument decodeEscPos(const std::vector<std::uint8_t>& bytes);

}  // namespace lpse::printer

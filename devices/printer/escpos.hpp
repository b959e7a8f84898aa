#pragma once
// ESC/POS byte builder: the only place that knows the command bytes a
// receipt printer is sent (see docs: the ESC/POS table in platform-facts).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "devices/printer/bitmap.hpp"
#include "devices/printer/cp1252.hpp"

namespace lpse::printer {

enum class Align : std::uint8_t { Left = 0, Center = 1, Right = 2 };

// QR error correction; the value is the byte GS ( k fn 69 takes.
enum class QrEcc : std::uint8_t { L = 0x30, M = 0x31, Q = 0x32, H = 0x33 };

// The code page tickets use: WPC1252, which foldToCp1252 targets.
inline constexpr std::uint8_t kCodePageWpc1252 = 16;

// Chainable: EscPos().init().align(Align::Center).text("Halo").newline().bytes().
// Out-of-range arguments are clamped; a request that cannot be encoded at all
// (QR payload beyond the symbol's capacity, a malformed Bitmap) emits nothing
// and is remembered in error(), so the caller decides whether to print.
class EscPos {
 public:
  EscPos& init();                      // ESC @
  EscPos& codePage(std::uint8_t n);    // ESC t n
  EscPos& align(Align a);              // ESC a n
  EscPos& bold(bool on);               // ESC E n
  EscPos& size(int width, int height); // GS ! n, each 1..8
  EscPos& text(std::string_view utf8); // folded with foldToCp1252
  EscPos& textCp1252(std::string_view bytes);  // already folded; controls become '?'
  EscPos& newline();                   // LF
  EscPos& feed(int lines);             // ESC d n, 0..255
  // Model 2, module size (1..16 dots), error level, store, print.
  EscPos& qr(std::string_view payload, int moduleSize, QrEcc ecc);
  EscPos& raster(const Bitmap& image); // GS v 0, split in bands of <= 2303 rows
  EscPos& cut(int feedDots = 0);       // GS V 66 n: feed to the cutter, partial cut
  EscPos& fullCut(int feedDots = 0);   // GS V 65 n: feed to the cutter, full cut

  std::vector<std::uint8_t> bytes() const { return m_bytes; }
  const std::vector<std::uint8_t>& view() const { return m_bytes; }
  bool ok() const { return m_error.empty(); }
  const std::string& error() const { return m_error; }  // first problem, empty when none

 private:
  void put(std::initializer_list<std::uint8_t> b);
  void fail(std::string message);

  std::vector<std::uint8_t> m_bytes;
  std::string m_error;
};

// The most bytes a QR symbol (version 40, byte mode) holds at that level.
int qrByteCapacity(QrEcc ecc);

}  // namespace lpse::printer

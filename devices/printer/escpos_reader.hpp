#pragma once
// Splits an ESC/POS byte stream into commands, shared by the renderer and the
// decoder so both agree on where every command ends. Knows the lengths of
// the common Epson commands, so unknown-but-standard ones are skipped whole;
// never reads past the input, whatever the bytes.
#include <cstddef>
#include <cstdint>
#include <span>

namespace lpse::printer {

enum class CommandKind {
  Text,                // data: printable bytes (>= 0x20), in the printer's code page
  LineFeed,            // LF: print the line buffer
  Tab,                 // HT
  Init,                // ESC @
  CodePage,            // ESC t n          value = n
  Align,               // ESC a n          value = 0 left, 1 center, 2 right
  Bold,                // ESC E n          value = 0/1
  PrintMode,           // ESC ! n          value = n (bit 3 bold, 4 double height, 5 double width)
  Size,                // GS ! n           value = n (already validated: both nibbles <= 7)
  FeedLines,           // ESC d n          value = n
  FeedDots,            // ESC J n          value = n
  LineSpacing,         // ESC 3 n          value = n
  DefaultLineSpacing,  // ESC 2
  Qr,                  // GS ( k, cn 49:   value = fn, data = the bytes after fn
  Raster,              // GS v 0           value = m, width = bytes per row, height = rows, data = rows
  Cut,                 // GS V / ESC i / ESC m   value = extra feed in dots
  Skipped,             // recognised or not, nothing a ticket needs
  Truncated,           // the input ends inside a command; always the last one
};

struct Command {
  CommandKind kind = CommandKind::Skipped;
  int value = 0;
  int width = 0;
  int height = 0;
  std::span<const std::uint8_t> data;
};

class EscPosReader {
 public:
  explicit EscPosReader(std::span<const std::uint8_t> bytes) : m_in(bytes) {}
  // False at the end of the input (and after a Truncated command).
  bool next(Command& out);
  std::size_t position() const { return m_pos; }

 private:
  bool fixed(Command& out, CommandKind kind, std::size_t length);
  bool sized(Command& out, std::size_t length);  // Skipped, with a computed length
  bool truncated(Command& out);
  bool esc(Command& out);
  bool gs(Command& out);
  bool fs(Command& out);
  bool dle(Command& out);
  std::size_t left() const { return m_in.size() - m_pos; }
  std::uint8_t at(std::size_t offset) const { return m_in[m_pos + offset]; }

  std::span<const std::uint8_t> m_in;
  std::size_t m_pos = 0;
  bool m_done = false;
};

}  // namespace lpse::printer

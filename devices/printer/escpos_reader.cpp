#include "devices/printer/escpos_reader.hpp"

#include <cstring>

namespace lpse::printer {
namespace {
constexpr std::uint8_t DLE = 0x10, ESC = 0x1B, FS = 0x1C, GS = 0x1D;

bool oneOf(std::uint8_t c, const char* set) { return c != 0 && std::strchr(set, c) != nullptr; }
}  // namespace

bool EscPosReader::truncated(Command& out) {
  out = Command{CommandKind::Truncated, 0, 0, 0, m_in.subspan(m_pos)};
  m_pos = m_in.size();
  m_done = true;
  return true;
}

bool EscPosReader::fixed(Command& out, CommandKind kind, std::size_t length) {
  if (left() < length) return truncated(out);
  out = Command{kind, length >= 3 ? at(2) : 0, 0, 0, m_in.subspan(m_pos, length)};
  m_pos += length;
  return true;
}

bool EscPosReader::sized(Command& out, std::size_t length) {
  if (left() < length) return truncated(out);
  out = Command{CommandKind::Skipped, 0, 0, 0, m_in.subspan(m_pos, length)};
  m_pos += length;
  return true;
}

bool EscPosReader::next(Command& out) {
  if (m_done || m_pos >= m_in.size()) return false;
  const std::uint8_t b = at(0);
  if (b >= 0x20) {
    std::size_t end = m_pos;
    while (end < m_in.size() && m_in[end] >= 0x20) ++end;
    out = Command{CommandKind::Text, 0, 0, 0, m_in.subspan(m_pos, end - m_pos)};
    m_pos = end;
    return true;
  }
  switch (b) {
    case 0x0A: return fixed(out, CommandKind::LineFeed, 1);
    case 0x09: return fixed(out, CommandKind::Tab, 1);
    case ESC: return esc(out);
    case GS: return gs(out);
    case FS: return fs(out);
    case DLE: return dle(out);
    default: return fixed(out, CommandKind::Skipped, 1);  // CR, FF, CAN and the rest
  }
}

bool EscPosReader::esc(Command& out) {
  if (left() < 2) return truncated(out);
  const std::uint8_t c = at(1);
  switch (c) {
    case '@': return fixed(out, CommandKind::Init, 2);
    case 't': return fixed(out, CommandKind::CodePage, 3);
    case 'a': {
      if (!fixed(out, CommandKind::Align, 3) || out.kind != CommandKind::Align) return true;
      const int n = out.value >= '0' ? out.value - '0' : out.value;
      if (n < 0 || n > 2) out.kind = CommandKind::Skipped;  // the printer ignores it too
      out.value = n;
      return true;
    }
    case 'E':
      if (fixed(out, CommandKind::Bold, 3) && out.kind == CommandKind::Bold) out.value &= 1;
      return true;
    case '!': return fixed(out, CommandKind::PrintMode, 3);
    case 'd': return fixed(out, CommandKind::FeedLines, 3);
    case 'J': return fixed(out, CommandKind::FeedDots, 3);
    case '3': return fixed(out, CommandKind::LineSpacing, 3);
    case '2': return fixed(out, CommandKind::DefaultLineSpacing, 2);
    case 'i': case 'm': return fixed(out, CommandKind::Cut, 2);  // old full/partial cut
    case 'p': return sized(out, 5);
    case 'W': return sized(out, 10);
    case 'c': return sized(out, 4);
    case '*': {  // bit image: m nL nH, then k or 3k columns
      if (left() < 5) return truncated(out);
      const std::size_t k = at(3) + 256u * at(4);
      const std::uint8_t m = at(2);
      return sized(out, 5 + ((m == 32 || m == 33) ? 3 * k : k));
    }
    case '&': {  // user-defined characters: y c1 c2, then per char x and y*x bytes
      if (left() < 5) return truncated(out);
      const std::size_t y = at(2);
      const int first = at(3), last = at(4);
      std::size_t length = 5;
      for (int ch = first; ch <= last; ++ch) {
        if (left() < length + 1) return truncated(out);
        length += 1 + y * at(length);
      }
      return sized(out, length);
    }
    case 'D': {  // tab stops, NUL-terminated, at most 32
      for (std::size_t i = 2; i < 2 + 33; ++i) {
        if (i >= left()) return truncated(out);
        if (at(i) == 0) return sized(out, i + 1);
      }
      return sized(out, 2 + 33);
    }
    case '(': {
      if (left() < 5) return truncated(out);
      return sized(out, 5 + at(3) + 256u * at(4));
    }
    default:
      if (oneOf(c, "-MRV{ T%=rUu?eGnK")) return sized(out, 3);
      if (oneOf(c, "$\\B")) return sized(out, 4);
      return sized(out, 2);
  }
}

bool EscPosReader::gs(Command& out) {
  if (left() < 2) return truncated(out);
  const std::uint8_t c = at(1);
  switch (c) {
    case '!': {
      if (!fixed(out, CommandKind::Size, 3) || out.kind != CommandKind::Size) return true;
      if ((out.value & 0x0F) > 7 || (out.value >> 4) > 7) out.kind = CommandKind::Skipped;
      return true;
    }
    case '(': {
      if (left() < 5) return truncated(out);
      const std::size_t length = at(3) + 256u * at(4);
      if (left() < 5 + length) return truncated(out);
      const auto body = m_in.subspan(m_pos + 5, length);
      if (at(2) == 'k' && length >= 2 && body[0] == 0x31) {
        out = Command{CommandKind::Qr, body[1], 0, 0, body.subspan(2)};
        m_pos += 5 + length;
        return true;
      }
      return sized(out, 5 + length);
    }
    case 'v': {
      if (left() < 3) return truncated(out);
      if (at(2) != '0') return sized(out, 3);
      if (left() < 8) return truncated(out);
      const int x = at(4) + 256 * at(5);
      const int y = at(6) + 256 * at(7);
      const std::size_t length = 8 + static_cast<std::size_t>(x) * static_cast<std::size_t>(y);
      if (left() < length) return truncated(out);
      out = Command{CommandKind::Raster, at(3), x, y, m_in.subspan(m_pos + 8, length - 8)};
      m_pos += length;
      return true;
    }
    case 'V': {
      if (left() < 3) return truncated(out);
      const std::uint8_t m = at(2);
      if (m == 0 || m == 1 || m == 48 || m == 49) {
        fixed(out, CommandKind::Cut, 3);
        out.value = 0;
        return true;
      }
      if (m == 65 || m == 66 || m == 97 || m == 98 || m == 103 || m == 104) {
        if (!fixed(out, CommandKind::Cut, 4) || out.kind != CommandKind::Cut) return true;
        out.value = out.data[3];
        return true;
      }
      return sized(out, 3);
    }
    case 'k': {  // barcodes: m <= 6 NUL-terminated, m >= 65 counted
      if (left() < 3) return truncated(out);
      if (at(2) <= 6) {
        for (std::size_t i = 3; i < left(); ++i)
          if (at(i) == 0) return sized(out, i + 1);
        return truncated(out);
      }
      if (left() < 4) return truncated(out);
      return sized(out, 4 + at(3));
    }
    case '*': {
      if (left() < 4) return truncated(out);
      return sized(out, 4 + 8u * at(2) * at(3));
    }
    case '8': {  // GS 8 L: a 32-bit length
      if (left() < 7) return truncated(out);
      const std::size_t length = at(3) | (std::size_t{at(4)} << 8) | (std::size_t{at(5)} << 16) |
                                 (std::size_t{at(6)} << 24);
      return sized(out, 7 + length);
    }
    default:
      if (oneOf(c, "BHhwfarIbE/Tj")) return sized(out, 3);
      if (oneOf(c, "LWP$\\")) return sized(out, 4);
      if (c == '^') return sized(out, 5);
      return sized(out, 2);
  }
}

bool EscPosReader::fs(Command& out) {
  if (left() < 2) return truncated(out);
  const std::uint8_t c = at(1);
  switch (c) {
    case '(': {
      if (left() < 5) return truncated(out);
      return sized(out, 5 + at(3) + 256u * at(4));
    }
    case '2': return sized(out, 4 + 72);
    case 'q': {  // NV bit images: n, then per image xL xH yL yH and x*y*8 bytes
      if (left() < 3) return truncated(out);
      std::size_t length = 3;
      for (int i = 0; i < at(2); ++i) {
        if (left() < length + 4) return truncated(out);
        const std::size_t x = at(length) + 256u * at(length + 1);
        const std::size_t y = at(length + 2) + 256u * at(length + 3);
        length += 4 + x * y * 8;
      }
      return sized(out, length);
    }
    default:
      if (oneOf(c, "C!-W")) return sized(out, 3);
      if (oneOf(c, "Sp")) return sized(out, 4);
      return sized(out, 2);
  }
}

bool EscPosReader::dle(Command& out) {
  if (left() < 2) return truncated(out);
  const std::uint8_t c = at(1);
  if (c == 0x04 || c == 0x05) return sized(out, 3);
  if (c == 0x14) return sized(out, 5);
  return sized(out, 2);
}

}  // namespace lpse::printer

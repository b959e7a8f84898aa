#include "devices/printer/escpos.hpp"

#include <algorithm>

namespace lpse::printer {
namespace {
constexpr std::uint8_t ESC = 0x1B;
constexpr std::uint8_t GS = 0x1D;
constexpr std::uint8_t LF = 0x0A;
// Epson's limit for GS v 0 (yL + yH*256 <= 2303); taller images go in bands.
constexpr int kMaxRasterBand = 2303;
constexpr int kMaxRasterRowBytes = 0xFFFF;

std::uint8_t lo(int v) { return static_cast<std::uint8_t>(v & 0xFF); }
std::uint8_t hi(int v) { return static_cast<std::uint8_t>((v >> 8) & 0xFF); }
}  // namespace

int qrByteCapacity(QrEcc ecc) {
  switch (ecc) {
    case QrEcc::L: return 2953;
    case QrEcc::M: return 2331;
    case QrEcc::Q: return 1663;
    case QrEcc::H: return 1273;
  }
  return 0;
}

void EscPos::put(std::initializer_list<std::uint8_t> b) { m_bytes.insert(m_bytes.end(), b); }

void EscPos::fail(std::string message) {
  if (m_error.empty()) m_error = std::move(message);
}

EscPos& EscPos::init() {
  put({ESC, '@'});
  return *this;
}

EscPos& EscPos::codePage(std::uint8_t n) {
  put({ESC, 't', n});
  return *this;
}

EscPos& EscPos::align(Align a) {
  put({ESC, 'a', static_cast<std::uint8_t>(a)});
  return *this;
}

EscPos& EscPos::bold(bool on) {
  put({ESC, 'E', static_cast<std::uint8_t>(on ? 1 : 0)});
  return *this;
}

EscPos& EscPos::size(int width, int height) {
  const int w = std::clamp(width, 1, 8) - 1;
  const int h = std::clamp(height, 1, 8) - 1;
  put({GS, '!', static_cast<std::uint8_t>((w << 4) | h)});
  return *this;
}

EscPos& EscPos::text(std::string_view utf8) { return textCp1252(foldToCp1252(utf8)); }

EscPos& EscPos::textCp1252(std::string_view bytes) {
  for (char ch : bytes) {
    auto b = static_cast<std::uint8_t>(ch);
    // Only LF may pass: any other control byte would start a command, and
    // text can come from a visitor's keyboard.
    if (b < 0x20 && b != LF) b = '?';
    if (b == 0x7F) b = '?';
    m_bytes.push_back(b);
  }
  return *this;
}

EscPos& EscPos::newline() {
  m_bytes.push_back(LF);
  return *this;
}

EscPos& EscPos::feed(int lines) {
  put({ESC, 'd', static_cast<std::uint8_t>(std::clamp(lines, 0, 255))});
  return *this;
}

EscPos& EscPos::qr(std::string_view payload, int moduleSize, QrEcc ecc) {
  if (payload.empty()) {
    fail("QR payload is empty");
    return *this;
  }
  if (payload.size() > static_cast<std::size_t>(qrByteCapacity(ecc))) {
    fail("QR payload of " + std::to_string(payload.size()) + " bytes exceeds the symbol's capacity");
    return *this;
  }
  const auto module = static_cast<std::uint8_t>(std::clamp(moduleSize, 1, 16));
  put({GS, '(', 'k', 0x04, 0x00, 0x31, 0x41, 0x32, 0x00});
  put({GS, '(', 'k', 0x03, 0x00, 0x31, 0x43, module});
  put({GS, '(', 'k', 0x03, 0x00, 0x31, 0x45, static_cast<std::uint8_t>(ecc)});
  const int len = static_cast<int>(payload.size()) + 3;
  put({GS, '(', 'k', lo(len), hi(len), 0x31, 0x50, 0x30});
  m_bytes.insert(m_bytes.end(), payload.begin(), payload.end());
  put({GS, '(', 'k', 0x03, 0x00, 0x31, 0x51, 0x30});
  return *this;
}

EscPos& EscPos::raster(const Bitmap& image) {
  if (!image.valid()) {
    fail("raster image buffer does not match its size");
    return *this;
  }
  if (image.empty()) return *this;
  const int rowBytes = (image.width + 7) / 8;
  if (rowBytes > kMaxRasterRowBytes) {
    fail("raster image is too wide");
    return *this;
  }
  for (int top = 0; top < image.height; top += kMaxRasterBand) {
    const int rows = std::min(kMaxRasterBand, image.height - top);
    put({GS, 'v', '0', 0x00, lo(rowBytes), hi(rowBytes), lo(rows), hi(rows)});
    for (int y = top; y < top + rows; ++y) {
      for (int bx = 0; bx < rowBytes; ++bx) {
        std::uint8_t packed = 0;
        for (int bit = 0; bit < 8; ++bit) {
          const int x = bx * 8 + bit;
          if (x < image.width && image.inked(x, y)) packed |= static_cast<std::uint8_t>(0x80 >> bit);
        }
        m_bytes.push_back(packed);
      }
    }
  }
  return *this;
}

EscPos& EscPos::cut(int feedDots) {
  put({GS, 'V', 0x42, static_cast<std::uint8_t>(std::clamp(feedDots, 0, 255))});
  return *this;
}

EscPos& EscPos::fullCut(int feedDots) {
  put({GS, 'V', 0x41, static_cast<std::uint8_t>(std::clamp(feedDots, 0, 255))});
  return *this;
}

}  // namespace lpse::printer

#include "devices/printer/qr_matrix.hpp"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>
#include <string>

#include "devices/printer/cp1252.hpp"

namespace lpse::printer {
namespace {

// ZXing's writer takes 0..8: 0-2 L, 3-4 M, 5-6 Q, 7-8 H.
int zxingLevel(QrEcc ecc) {
  switch (ecc) {
    case QrEcc::L: return 1;
    case QrEcc::M: return 3;
    case QrEcc::Q: return 5;
    case QrEcc::H: return 7;
  }
  return 3;
}

bool validUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

}  // namespace

std::optional<QrMatrix> encodeQrMatrix(std::string_view payload, QrEcc ecc) {
  if (payload.empty() || payload.size() > static_cast<std::size_t>(qrByteCapacity(ecc))) return std::nullopt;
  std::string text;
  if (validUtf8(payload)) {
    text.assign(payload);
  } else {
    for (char c : payload) appendUtf8(text, static_cast<unsigned char>(c));
  }
  try {
    // Margin 0: the paper around the symbol is the quiet zone, the layout
    // keeps it clear.
    const auto bits = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                          .setEccLevel(zxingLevel(ecc))
                          .setMargin(0)
                          .encode(text, 0, 0);
    if (bits.width() <= 0 || bits.width() != bits.height()) return std::nullopt;
    QrMatrix m;
    m.size = bits.width();
    m.modules.resize(static_cast<std::size_t>(m.size) * m.size);
    for (int y = 0; y < m.size; ++y)
      for (int x = 0; x < m.size; ++x) m.modules[static_cast<std::size_t>(y) * m.size + x] = bits.get(x, y) ? 1 : 0;
    return m;
  } catch (const std::exception&) {
    // ZXing throws when the data does not fit any version; to a printer that
    // is "prints nothing", not a crash.
    return std::nullopt;
  }
}

}  // namespace lpse::printer

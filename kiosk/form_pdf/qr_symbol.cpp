#include "kiosk/form_pdf/qr_symbol.hpp"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>
#include <string>

namespace lpse::form {

std::optional<QrSymbol> makeQrSymbol(std::string_view payload) {
  try {
    // Level 3 of ZXing's 0-8 scale is M. The payloads are printable ASCII,
    // so the default byte encoding needs no ECI and every reader agrees.
    const ZXing::BitMatrix bits = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                      .setEccLevel(3)
                                      .setMargin(0)
                                      .encode(std::string(payload), 0, 0);
    QrSymbol q;
    q.size = bits.width();
    q.dark.resize(static_cast<std::size_t>(q.size) * q.size);
    for (int y = 0; y < q.size; ++y)
      for (int x = 0; x < q.size; ++x) q.dark[static_cast<std::size_t>(y) * q.size + x] = bits.get(x, y) ? 1 : 0;
    return q;
  } catch (const std::exception&) {
    return std::nullopt;  // too long for any version
  }
}

}  // namespace lpse::form

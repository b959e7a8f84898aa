// libFuzzer target: ESC/POS bytes into the renderer (what the virtual
// printer draws) and the decoder (what tests read back). Both promise that
// any byte string is safe input and that output stays bounded.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "devices/printer/escpos_decode.hpp"
#include "devices/printer/escpos_render.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lpse::printer;
  const std::vector<std::uint8_t> bytes(data, data + size);
  // The first page at both paper widths; every page at 80 mm (rendering
  // is the slow part, tall pages are megabytes).
  for (int dots : {384, 576}) {
    const Bitmap first = renderEscPos(bytes, dots);
    if (first.width != dots || !first.valid()) __builtin_trap();
  }
  long total = 0;
  for (const Bitmap& page : renderEscPosPages(bytes, 576)) {
    if (page.width != 576 || !page.valid()) __builtin_trap();
    total += page.height;
  }
  if (total > kMaxRenderedDots) __builtin_trap();
  const EscPosDocument doc = decodeEscPos(bytes);
  (void)doc.plainText();
  (void)doc.texts();
  (void)doc.qrCodes();
  (void)doc.rasters();
  return 0;
}

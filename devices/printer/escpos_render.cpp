#include "devices/printer/escpos_render.hpp"

#include <algorithm>
#include <string>

#include "devices/printer/cp1252.hpp"
#include "devices/printer/escpos.hpp"
#include "devices/printer/escpos_reader.hpp"
#include "devices/printer/font_cell.hpp"
#include "devices/printer/qr_matrix.hpp"

namespace lpse::printer {
namespace {

constexpr int kDefaultLineSpacing = 30;  // dots, Epson's default (ESC 2)
constexpr int kMaxDots = 2048;  // wider than any receipt paper (112 mm is 832)

struct Cell {
  char32_t cp;
  bool bold;
  int w, h;  // size multipliers
};

class PageRenderer {
 public:
  explicit PageRenderer(int dots) : m_dots(dots) { m_page.width = dots; }

  std::vector<Bitmap> run(const std::vector<std::uint8_t>& bytes) {
    EscPosReader reader(bytes);
    Command c;
    while (reader.next(c)) handle(c);
    endPage();
    return std::move(m_pages);
  }

 private:
  void handle(const Command& c) {
    switch (c.kind) {
      case CommandKind::Text:
        for (std::uint8_t b : c.data) addCell(cp1252ToUnicode(b));
        break;
      case CommandKind::LineFeed: printLine(); break;
      case CommandKind::Tab: tab(); break;
      case CommandKind::Init: reset(); break;
      case CommandKind::Align: m_align = static_cast<Align>(c.value); break;
      case CommandKind::Bold: m_bold = c.value != 0; break;
      case CommandKind::PrintMode:
        m_bold = (c.value & 0x08) != 0;
        m_h = (c.value & 0x10) ? 2 : 1;
        m_w = (c.value & 0x20) ? 2 : 1;
        break;
      case CommandKind::Size:
        m_w = ((c.value >> 4) & 0x07) + 1;
        m_h = (c.value & 0x07) + 1;
        break;
      case CommandKind::FeedLines:
        if (!m_line.empty()) printLine();
        advance(c.value * m_lineSpacing);
        break;
      case CommandKind::FeedDots:
        if (!m_line.empty()) printLine();
        advance(c.value);
        break;
      case CommandKind::LineSpacing: m_lineSpacing = c.value; break;
      case CommandKind::DefaultLineSpacing: m_lineSpacing = kDefaultLineSpacing; break;
      case CommandKind::Qr: qr(c); break;
      case CommandKind::Raster: raster(c); break;
      case CommandKind::Cut:
        if (!m_line.empty()) printLine();
        advance(c.value);
        endPage();
        break;
      case CommandKind::CodePage:
      case CommandKind::Skipped:
      case CommandKind::Truncated: break;
    }
  }

  void reset() {
    m_line.clear();
    m_lineWidth = 0;
    m_align = Align::Left;
    m_bold = false;
    m_w = m_h = 1;
    m_lineSpacing = kDefaultLineSpacing;
    m_qrModule = 3;
    m_qrEcc = QrEcc::L;
  }

  void addCell(char32_t cp) {
    const int cw = kFontACellWidth * m_w;
    // The printer wraps a line that reaches the right edge.
    if (!m_line.empty() && m_lineWidth + cw > m_dots) printLine();
    if (m_line.empty()) m_lineAlign = m_align;  // ESC a counts at the start of a line
    m_line.push_back({cp, m_bold, m_w, m_h});
    m_lineWidth += cw;
  }

  void tab() {
    const int stop = 8 * kFontACellWidth;
    do addCell(U' ');
    while (m_lineWidth % stop != 0 && m_lineWidth + kFontACellWidth * m_w <= m_dots);
  }

  int alignedX(int width, Align a) const {
    if (width >= m_dots) return 0;
    if (a == Align::Center) return (m_dots - width) / 2;
    if (a == Align::Right) return m_dots - width;
    return 0;
  }

  // Prints the buffered line (bottoms aligned) and moves down one line.
  void printLine() {
    int tallest = 0;
    for (const Cell& c : m_line) tallest = std::max(tallest, kFontACellHeight * c.h);
    const int height = std::max(m_lineSpacing, tallest);
    if (!ensure(m_y + height)) {
      m_line.clear();
      m_lineWidth = 0;
      return;
    }
    int x = alignedX(m_lineWidth, m_lineAlign);
    for (const Cell& c : m_line) {
      const int cw = kFontACellWidth * c.w, ch = kFontACellHeight * c.h;
      drawCharCell(m_page, c.cp, c.bold, x, m_y + tallest - ch, cw, ch);
      x += cw;
    }
    m_y += height;
    m_line.clear();
    m_lineWidth = 0;
  }

  void advance(int dots) {
    if (dots > 0 && ensure(m_y + dots)) m_y += dots;
  }

  // Grows the page to `bottom` rows; false when that passes the paper limit.
  bool ensure(int bottom) {
    if (bottom <= m_page.height) return true;
    if (m_usedBefore + bottom > kMaxRenderedDots) return false;
    m_page.height = bottom;
    m_page.pixels.resize(static_cast<std::size_t>(m_page.width) * bottom, 0);
    return true;
  }

  void qr(const Command& c) {
    switch (c.value) {
      case 0x43:  // module size
        if (!c.data.empty() && c.data[0] >= 1 && c.data[0] <= 16) m_qrModule = c.data[0];
        break;
      case 0x45:  // error level
        if (!c.data.empty() && c.data[0] >= 0x30 && c.data[0] <= 0x33) m_qrEcc = static_cast<QrEcc>(c.data[0]);
        break;
      case 0x50:  // store
        if (!c.data.empty() && c.data[0] == 0x30) m_qrData.assign(c.data.begin() + 1, c.data.end());
        break;
      case 0x51: printQr(); break;
      default: break;
    }
  }

  void printQr() {
    if (!m_line.empty()) printLine();
    const auto matrix = encodeQrMatrix(m_qrData, m_qrEcc);
    if (!matrix) return;
    const int side = matrix->size * m_qrModule;
    if (side > m_dots || !ensure(m_y + side)) return;  // a printer skips what does not fit
    const int x0 = alignedX(side, m_align);
    for (int my = 0; my < matrix->size; ++my)
      for (int mx = 0; mx < matrix->size; ++mx)
        if (matrix->dark(mx, my)) fill(x0 + mx * m_qrModule, m_y + my * m_qrModule, m_qrModule, m_qrModule);
    m_y += side;
  }

  void raster(const Command& c) {
    if (!m_line.empty()) printLine();
    const int m = c.value >= '0' ? c.value - '0' : c.value;
    const int sx = (m == 1 || m == 3) ? 2 : 1;
    const int sy = (m == 2 || m == 3) ? 2 : 1;
    const int width = c.width * 8 * sx, height = c.height * sy;
    if (height <= 0 || !ensure(m_y + height)) return;
    const int x0 = alignedX(std::min(width, m_dots), m_align);
    for (int row = 0; row < c.height; ++row) {
      for (int bx = 0; bx < c.width; ++bx) {
        const std::uint8_t packed = c.data[static_cast<std::size_t>(row) * c.width + bx];
        if (packed == 0) continue;
        for (int bit = 0; bit < 8; ++bit)
          if (packed & (0x80 >> bit)) fill(x0 + (bx * 8 + bit) * sx, m_y + row * sy, sx, sy);
      }
    }
    m_y += height;
  }

  void fill(int x, int y, int w, int h) {
    const int xa = std::max(x, 0), xb = std::min(x + w, m_page.width);
    const int ya = std::max(y, 0), yb = std::min(y + h, m_page.height);
    for (int j = ya; j < yb; ++j)
      for (int i = xa; i < xb; ++i) m_page.at(i, j) = 255;
  }

  void endPage() {
    if (m_page.height > 0) {
      m_usedBefore += m_page.height;
      m_pages.push_back(std::move(m_page));
    }
    m_page = Bitmap{};
    m_page.width = m_dots;
    m_y = 0;
  }

  int m_dots;
  Bitmap m_page;
  std::vector<Bitmap> m_pages;
  int m_usedBefore = 0;  // rows on finished pages, for kMaxRenderedDots
  int m_y = 0;
  std::vector<Cell> m_line;
  int m_lineWidth = 0;
  Align m_lineAlign = Align::Left;
  Align m_align = Align::Left;
  bool m_bold = false;
  int m_w = 1, m_h = 1;
  int m_lineSpacing = kDefaultLineSpacing;
  int m_qrModule = 3;
  QrEcc m_qrEcc = QrEcc::L;
  std::string m_qrData;
};

}  // namespace

std::vector<Bitmap> renderEscPosPages(const std::vector<std::uint8_t>& bytes, int dots) {
  if (dots < 1) return {};
  return PageRenderer(std::min(dots, kMaxDots)).run(bytes);
}

Bitmap renderEscPos(const std::vector<std::uint8_t>& bytes, int dots) {
  auto pages = renderEscPosPages(bytes, dots);
  if (!pages.empty()) return std::move(pages.front());
  Bitmap blank;
  blank.width = std::clamp(dots, 0, kMaxDots);
  return blank;
}

}  // namespace lpse::printer

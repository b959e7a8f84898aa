#include "devices/printer/ticket_layout.hpp"

#include <algorithm>
#include <string_view>

#include "devices/printer/escpos.hpp"
#include "devices/printer/font_cell.hpp"
#include "devices/printer/qr_matrix.hpp"
#include "devices/printer/raster_image.hpp"

namespace lpse::printer {
namespace {

constexpr QrEcc kTicketEcc = QrEcc::M;  // survives a crease or a smudge, stays small
constexpr int kMaxModule = 8;           // some clones accept only 1..8

int columnsOf(const TicketFormat& f) {
  if (f.quirks.charsPerLine > 0) return f.quirks.charsPerLine;
  return f.paper.columns > 0 ? f.paper.columns : std::max(1, f.paper.dots / kFontACellWidth);
}

// UTF-8 to the bytes the model prints (cp1252.hpp).
std::string fold(std::string_view utf8, Charset charset) {
  return charset == Charset::Ascii ? foldToAscii(utf8) : foldToCp1252(utf8);
}

// Greedy word wrap of CP1252 text (one byte = one column); words longer
// than a line are split.
std::vector<std::string> wrap(std::string_view text, int columns) {
  std::vector<std::string> lines;
  const auto width = static_cast<std::size_t>(std::max(columns, 1));
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t nl = text.find('\n', pos);
    std::string_view para = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    std::string line;
    std::size_t i = 0;
    while (i < para.size()) {
      while (i < para.size() && para[i] == ' ') ++i;
      std::size_t end = para.find(' ', i);
      if (end == std::string_view::npos) end = para.size();
      std::string_view word = para.substr(i, end - i);
      i = end;
      if (word.empty()) break;
      if (!line.empty() && line.size() + 1 + word.size() > width) {
        lines.push_back(std::move(line));
        line.clear();
      }
      while (word.size() > width) {
        if (!line.empty()) { lines.push_back(std::move(line)); line.clear(); }
        lines.emplace_back(word.substr(0, width));
        word.remove_prefix(width);
      }
      if (!line.empty()) line += ' ';
      line += word;
    }
    if (!line.empty()) lines.push_back(std::move(line));
  }
  return lines;
}

// Prints text centered at the given size, wrapped to what fits at that width.
void block(EscPos& p, std::string_view utf8, Charset charset, int columns, int width, int height, bool bold) {
  const std::string folded = fold(utf8, charset);
  const auto lines = wrap(folded, columns / width);
  if (lines.empty()) return;
  p.size(width, height).bold(bold);
  for (const auto& line : lines) p.textCp1252(line).newline();
  p.size(1, 1).bold(false);
}

// A picture printed flush left: it carries its own centring margin
// (centerOnPaper), because some clones ignore ESC a for GS v 0.
void picture(EscPos& p, const Bitmap& image, int dots) {
  if (image.empty() || !image.valid()) return;
  p.align(Align::Left);
  if (image.width > dots) p.raster(centerOnPaper(image, dots));  // cut at the edge
  else p.raster(image);
  p.align(Align::Center);
}

}  // namespace

PaperSpec paper58() { return {384, 32}; }
PaperSpec paper80() { return {576, 48}; }

int ticketQrModuleSize(const std::string& payload, const PaperSpec& paper, int maxModule) {
  const auto matrix = encodeQrMatrix(payload, kTicketEcc);
  if (!matrix) return 0;
  const int target = paper.dots <= 384 ? paper.dots * 3 / 4 : paper.dots * 6 / 10;
  const int cap = std::clamp(std::min(maxModule, kMaxModule), 1, kMaxModule);
  int module = std::clamp(target / matrix->size, 1, cap);
  while (module > 1 && module * matrix->size > paper.dots) --module;
  return module;
}

Bitmap ticketQrBitmap(const std::string& payload, int moduleSize) {
  const auto matrix = encodeQrMatrix(payload, kTicketEcc);
  if (!matrix || moduleSize < 1) return {};
  Bitmap out(matrix->size * moduleSize, matrix->size * moduleSize);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x)
      if (matrix->dark(x / moduleSize, y / moduleSize)) out.at(x, y) = 255;
  return out;
}

std::vector<std::uint8_t> layoutTicket(const TicketContent& t, const PaperSpec& paper) {
  TicketFormat f;
  f.paper = paper;
  return layoutTicket(t, f);
}

std::vector<std::uint8_t> layoutTicket(const TicketContent& t, const TicketFormat& f) {
  const PaperSpec& paper = f.paper;
  const Charset cs = f.quirks.charset;
  const int columns = columnsOf(f);
  EscPos p;
  p.init().codePage(f.quirks.codePage).align(Align::Center);

  if (!f.logo.empty()) {
    picture(p, f.logo, paper.dots);
    p.feed(1);
  }

  block(p, t.officeName, cs, columns, 1, 2, true);
  p.feed(1);

  // The number is what the visitor watches the display for: as wide as the
  // paper allows, never wrapped.
  const std::string number = fold(t.number, cs);
  if (!number.empty()) {
    const int len = static_cast<int>(number.size());
    const int fit = std::clamp(columns / len, 1, 8);
    p.size(fit, fit).bold(true).textCp1252(number).newline().size(1, 1).bold(false);
  }
  block(p, t.mark, cs, columns, 1, 2, true);

  // The service in double height; double width too when it fits on a line.
  const std::string service = fold(t.serviceName, cs);
  const int serviceWidth = static_cast<int>(service.size()) * 2 <= columns ? 2 : 1;
  block(p, t.serviceName, cs, columns, serviceWidth, 2, true);
  p.feed(1);

  block(p, t.dateTimeText, cs, columns, 1, 1, false);
  block(p, t.counterHint, cs, columns, 1, 1, false);

  if (t.ahead >= 0) {
    p.textCp1252(fold(t.aheadLabel + ": ", cs)).bold(true).textCp1252(std::to_string(t.ahead)).bold(false).newline();
  }
  if (t.estimatedWaitMin >= 0) {
    p.textCp1252(fold(t.waitLabel + ": ", cs))
        .bold(true)
        .textCp1252(fold("\u00b1" + std::to_string(t.estimatedWaitMin) + " " + t.minutesUnit, cs))
        .bold(false)
        .newline();
  }

  const int qrLimit = f.quirks.qrMaxModule;
  if (const int module = ticketQrModuleSize(t.qrPayload, paper, qrLimit); module > 0) {
    p.feed(2);  // >= 4 modules of quiet zone above the symbol
    if (f.quirks.qrMode == QrMode::Raster)
      picture(p, centerOnPaper(ticketQrBitmap(t.qrPayload, module), paper.dots), paper.dots);
    else
      p.qr(t.qrPayload, module, kTicketEcc);
    p.feed(2);
  }

  block(p, t.footer, cs, columns, 1, 1, false);
  switch (f.quirks.cut) {
    case CutMode::Partial: p.feed(3).cut(); break;
    case CutMode::Full: p.feed(3).fullCut(); break;
    case CutMode::None: p.feed(5); break;  // past the tear bar, by hand
  }
  return p.bytes();
}

}  // namespace lpse::printer

#include "devices/printer/ticket_layout.hpp"

#include <algorithm>
#include <string_view>

#include "devices/printer/escpos.hpp"
#include "devices/printer/font_cell.hpp"
#include "devices/printer/qr_matrix.hpp"

namespace lpse::printer {
namespace {

constexpr QrEcc kTicketEcc = QrEcc::M;  // survives a crease or a smudge, stays small
constexpr int kMaxModule = 8;           // some clones accept only 1..8

int columnsOf(const PaperSpec& paper) {
  return paper.columns > 0 ? paper.columns : std::max(1, paper.dots / kFontACellWidth);
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
void block(EscPos& p, std::string_view utf8, int columns, int width, int height, bool bold) {
  const std::string folded = foldToCp1252(utf8);
  const auto lines = wrap(folded, columns / width);
  if (lines.empty()) return;
  p.size(width, height).bold(bold);
  for (const auto& line : lines) p.textCp1252(line).newline();
  p.size(1, 1).bold(false);
}

}  // namespace

PaperSpec paper58() { return {384, 32}; }
PaperSpec paper80() { return {576, 48}; }

int ticketQrModuleSize(const std::string& payload, const PaperSpec& paper) {
  const auto matrix = encodeQrMatrix(payload, kTicketEcc);
  if (!matrix) return 0;
  const int target = paper.dots <= 384 ? paper.dots * 3 / 4 : paper.dots * 6 / 10;
  int module = std::clamp(target / matrix->size, 1, kMaxModule);
  while (module > 1 && module * matrix->size > paper.dots) --module;
  return module;
}

std::vector<std::uint8_t> layoutTicket(const TicketContent& t, const PaperSpec& paper) {
  const int columns = columnsOf(paper);
  EscPos p;
  p.init().codePage(kCodePageWpc1252).align(Align::Center);

  block(p, t.officeName, columns, 1, 2, true);
  p.feed(1);

  // The number is what the visitor watches the display for: as wide as the
  // paper allows, never wrapped.
  const std::string number = foldToCp1252(t.number);
  if (!number.empty()) {
    const int len = static_cast<int>(number.size());
    const int fit = std::clamp(paper.dots / (len * kFontACellWidth), 1, 8);
    p.size(fit, fit).bold(true).textCp1252(number).newline().size(1, 1).bold(false);
  }

  // The service in double height; double width too when it fits on a line.
  const std::string service = foldToCp1252(t.serviceName);
  const int serviceWidth = static_cast<int>(service.size()) * 2 <= columns ? 2 : 1;
  block(p, t.serviceName, columns, serviceWidth, 2, true);
  p.feed(1);

  block(p, t.dateTimeText, columns, 1, 1, false);
  block(p, t.counterHint, columns, 1, 1, false);

  if (t.ahead >= 0) {
    p.text(t.aheadLabel + ": ").bold(true).text(std::to_string(t.ahead)).bold(false).newline();
  }
  if (t.estimatedWaitMin >= 0) {
    p.text(t.waitLabel + ": ").bold(true).text("\xC2\xB1" + std::to_string(t.estimatedWaitMin) + " " + t.minutesUnit)
        .bold(false).newline();
  }

  if (const int module = ticketQrModuleSize(t.qrPayload, paper); module > 0) {
    p.feed(2);  // >= 4 modules of quiet zone above the symbol
    p.qr(t.qrPayload, module, kTicketEcc);
    p.feed(2);
  }

  block(p, t.footer, columns, 1, 1, false);
  p.feed(3);
  p.cut();
  return p.bytes();
}

}  // namespace lpse::printer

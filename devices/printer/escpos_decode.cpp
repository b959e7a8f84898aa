#include "devices/printer/escpos_decode.hpp"

#include "devices/printer/cp1252.hpp"
#include "devices/printer/escpos_reader.hpp"

namespace lpse::printer {
namespace {

// The reader hands over the whole command: ESC i / ESC m, or GS V m [n].
bool partialCut(const Command& c) {
  if (c.data.size() < 2) return true;
  if (c.data[0] == 0x1B) return c.data[1] == 'm';
  if (c.data.size() < 3) return true;
  const std::uint8_t m = c.data[2];
  return m == 1 || m == 49 || m == 66 || m == 98 || m == 104;
}

class Decoder {
 public:
  EscPosDocument run(const std::vector<std::uint8_t>& bytes) {
    EscPosReader reader(bytes);
    Command c;
    while (reader.next(c)) handle(c);
    return std::move(m_doc);
  }

 private:
  void handle(const Command& c) {
    switch (c.kind) {
      case CommandKind::Text:
        appendText(cp1252ToUtf8({reinterpret_cast<const char*>(c.data.data()), c.data.size()}));
        break;
      case CommandKind::Tab: appendText("\t"); break;
      case CommandKind::LineFeed: push(DecodedNewline{}); break;
      case CommandKind::Init:
        m_style = DecodedText{};
        m_qr = DecodedQr{};
        push(DecodedInit{});
        break;
      case CommandKind::CodePage: push(DecodedCodePage{c.value}); break;
      case CommandKind::Align: m_style.align = static_cast<Align>(c.value); break;
      case CommandKind::Bold: m_style.bold = c.value != 0; break;
      case CommandKind::PrintMode:
        m_style.bold = (c.value & 0x08) != 0;
        m_style.height = (c.value & 0x10) ? 2 : 1;
        m_style.width = (c.value & 0x20) ? 2 : 1;
        break;
      case CommandKind::Size:
        m_style.width = ((c.value >> 4) & 0x07) + 1;
        m_style.height = (c.value & 0x07) + 1;
        break;
      case CommandKind::FeedLines: push(DecodedFeed{c.value, 0}); break;
      case CommandKind::FeedDots: push(DecodedFeed{0, c.value}); break;
      case CommandKind::Qr: qr(c); break;
      case CommandKind::Raster: raster(c); break;
      case CommandKind::Cut: push(DecodedCut{c.value, partialCut(c)}); break;
      case CommandKind::Truncated: m_doc.truncated = true; break;
      case CommandKind::LineSpacing:
      case CommandKind::DefaultLineSpacing: break;
      case CommandKind::Skipped: ++m_doc.skippedCommands; break;
    }
  }

  void push(EscPosElement e) { m_doc.elements.push_back(std::move(e)); }

  // Joins with the previous run when the style did not change in between.
  void appendText(const std::string& utf8) {
    if (!m_doc.elements.empty()) {
      if (auto* last = std::get_if<DecodedText>(&m_doc.elements.back());
          last && last->width == m_style.width && last->height == m_style.height &&
          last->bold == m_style.bold && last->align == m_style.align) {
        last->text += utf8;
        return;
      }
    }
    DecodedText run = m_style;
    run.text = utf8;
    push(std::move(run));
  }

  void qr(const Command& c) {
    switch (c.value) {
      case 0x41: break;  // model: only model 2 is drawn, nothing to record
      case 0x43:
        if (!c.data.empty() && c.data[0] >= 1 && c.data[0] <= 16) m_qr.moduleSize = c.data[0];
        break;
      case 0x45:
        if (!c.data.empty() && c.data[0] >= 0x30 && c.data[0] <= 0x33) m_qr.ecc = static_cast<QrEcc>(c.data[0]);
        break;
      case 0x50:
        if (!c.data.empty() && c.data[0] == 0x30) m_qr.payload.assign(c.data.begin() + 1, c.data.end());
        break;
      case 0x51: {
        DecodedQr printed = m_qr;
        printed.align = m_style.align;
        push(std::move(printed));
        break;
      }
      default: ++m_doc.skippedCommands; break;
    }
  }

  void raster(const Command& c) {
    DecodedRaster r;
    r.width = c.width * 8;
    r.height = c.height;
    r.mode = c.value >= '0' ? c.value - '0' : c.value;
    r.align = m_style.align;
    r.image = Bitmap(r.width, r.height);
    for (int y = 0; y < c.height; ++y)
      for (int x = 0; x < r.width; ++x)
        if (c.data[static_cast<std::size_t>(y) * c.width + x / 8] & (0x80 >> (x % 8))) r.image.at(x, y) = 255;
    push(std::move(r));
  }

  EscPosDocument m_doc;
  DecodedText m_style;
  DecodedQr m_qr;
};

template <class T>
std::vector<T> collect(const std::vector<EscPosElement>& elements) {
  std::vector<T> out;
  for (const auto& e : elements)
    if (const auto* t = std::get_if<T>(&e)) out.push_back(*t);
  return out;
}

}  // namespace

std::vector<DecodedText> EscPosDocument::texts() const { return collect<DecodedText>(elements); }
std::vector<DecodedQr> EscPosDocument::qrCodes() const { return collect<DecodedQr>(elements); }
std::vector<DecodedRaster> EscPosDocument::rasters() const { return collect<DecodedRaster>(elements); }

std::string EscPosDocument::plainText() const {
  std::string out;
  for (const auto& e : elements) {
    if (const auto* t = std::get_if<DecodedText>(&e)) out += t->text;
    else if (std::holds_alternative<DecodedNewline>(e)) out += '\n';
  }
  return out;
}

EscPosDocument decodeEscPos(const std::vector<std::uint8_t>& bytes) { return Decoder().run(bytes); }

}  // namespace lpse::printer

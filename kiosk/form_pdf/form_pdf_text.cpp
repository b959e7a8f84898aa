#include "kiosk/form_pdf/form_pdf_text.hpp"

#include <cairo.h>

#include <vector>

namespace lpse::form::pdf {
namespace {

// Noto Sans covers every Latin letter an Indonesian name uses (fonts-noto-
// core); cairo finds it through fontconfig.
constexpr const char* kFamily = "Noto Sans";

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

}  // namespace

void Painter::font(double size, bool bold, bool italic) {
  m_size = size, m_bold = bold, m_italic = italic;
  cairo_select_font_face(m_cr, kFamily, italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(m_cr, size);
}

void Painter::gray(double level) { cairo_set_source_rgb(m_cr, level, level, level); }

double Painter::textWidth(std::string_view text) const {
  const std::string s(text);
  cairo_text_extents_t e;
  cairo_text_extents(m_cr, s.c_str(), &e);
  return e.x_advance;
}

void Painter::text(double x, double baseline, std::string_view text) {
  const std::string s(text);
  cairo_move_to(m_cr, x, baseline);
  cairo_show_text(m_cr, s.c_str());
}

void Painter::textCentered(double centerX, double baseline, std::string_view t) {
  text(centerX - textWidth(t) / 2, baseline, t);
}

void Painter::line(double x1, double y1, double x2, double y2, double width) {
  cairo_set_line_width(m_cr, width);
  cairo_move_to(m_cr, x1, y1);
  cairo_line_to(m_cr, x2, y2);
  cairo_stroke(m_cr);
}

void Painter::box(double x, double y, double w, double h, double width) {
  cairo_set_line_width(m_cr, width);
  cairo_rectangle(m_cr, x, y, w, h);
  cairo_stroke(m_cr);
}

void Painter::fill(double x, double y, double w, double h) {
  cairo_rectangle(m_cr, x, y, w, h);
  cairo_fill(m_cr);
}

void Painter::checkbox(double x, double top, double size, bool checked) {
  box(x, top, size, size, 0.8);
  if (!checked) return;
  cairo_set_line_width(m_cr, 1.4);
  cairo_move_to(m_cr, x + size * 0.2, top + size * 0.55);
  cairo_line_to(m_cr, x + size * 0.42, top + size * 0.8);
  cairo_line_to(m_cr, x + size * 0.82, top + size * 0.2);
  cairo_stroke(m_cr);
}

void Painter::fitText(double x, double y, double w, double h, std::string_view t, double maxSize) {
  const double pad = 4;
  const double avail = w - 2 * pad;
  for (double size = maxSize; size >= maxSize * 0.75; size -= 0.25) {
    font(size, m_bold, m_italic);
    if (textWidth(t) <= avail) {
      text(x + pad, y + h / 2 + size * 0.35, t);
      return;
    }
  }
  // Two lines, split at the space nearest the middle, as large as fits.
  const auto ws = words(t);
  std::string first, second;
  double best = 1e9;
  for (std::size_t cut = 1; cut < ws.size(); ++cut) {
    std::string a, b;
    for (std::size_t i = 0; i < ws.size(); ++i) {
      std::string& dst = i < cut ? a : b;
      if (!dst.empty()) dst += ' ';
      dst += ws[i];
    }
    const double diff = textWidth(a) > textWidth(b) ? textWidth(a) - textWidth(b) : textWidth(b) - textWidth(a);
    if (diff < best) best = diff, first = a, second = b;
  }
  if (ws.size() < 2) {
    // One long word (an e-mail address): cut in the middle, on a UTF-8
    // character boundary.
    std::size_t cut = t.size() / 2;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
    first = std::string(t.substr(0, cut)), second = std::string(t.substr(cut));
  }
  double size = maxSize * 0.8;
  for (; size > 4; size -= 0.25) {
    font(size, m_bold, m_italic);
    if (textWidth(first) <= avail && textWidth(second) <= avail && size * 2.3 <= h) break;
  }
  const double lead = size * 1.15;
  const double top = y + (h - lead * 2) / 2;
  text(x + pad, top + size, first);
  text(x + pad, top + size + lead, second);
}

double Painter::paragraph(double x, double top, double w, std::string_view t, double size, double leading) {
  font(size, m_bold, m_italic);
  const double lead = size * leading;
  double y = top + size;
  std::string lineText;
  for (std::string_view word : words(t)) {
    std::string candidate = lineText.empty() ? std::string(word) : lineText + " " + std::string(word);
    if (!lineText.empty() && textWidth(candidate) > w) {
      text(x, y, lineText);
      y += lead;
      lineText = std::string(word);
    } else {
      lineText = std::move(candidate);
    }
  }
  if (!lineText.empty()) {
    text(x, y, lineText);
    y += lead;
  }
  return y - size;  // top + lines * lead
}

}  // namespace lpse::form::pdf

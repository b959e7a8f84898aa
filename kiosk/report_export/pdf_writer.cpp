// The printable report: A4 landscape, the office's name and the report's
// title and period at the top of every page, the table's header repeated on
// each page, "Halaman i dari n" at the foot. Rows have one fixed height, so
// the page count is known before drawing.
#include <cairo-pdf.h>
#include <cairo.h>

#include <memory>
#include <numeric>

#include "kiosk/report_export/export_document.hpp"

namespace lpse::report {
namespace {

constexpr double kPageW = 841.890, kPageH = 595.276;  // A4 landscape, points
constexpr double kMargin = 36, kHeaderH = 62, kFooterH = 24;
constexpr double kRowH = 13, kTitleH = 22, kFont = 8;
constexpr const char* kFamily = "Noto Sans";

struct Ctx {
  cairo_t* cr;
  const Document& d;
  int page = 0, pages = 0;
  double y = 0;
};

void font(cairo_t* cr, double size, bool bold) {
  cairo_select_font_face(cr, kFamily, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
}

double width(cairo_t* cr, const std::string& s) {
  cairo_text_extents_t e;
  cairo_text_extents(cr, s.c_str(), &e);
  return e.x_advance;
}

void text(cairo_t* cr, double x, double y, const std::string& s) {
  cairo_move_to(cr, x, y);
  cairo_show_text(cr, s.c_str());
}

// Cut to fit `w` with an ellipsis, on UTF-8 character boundaries.
std::string fit(cairo_t* cr, std::string s, double w) {
  if (width(cr, s) <= w) return s;
  while (!s.empty()) {
    do s.pop_back();
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80);
    if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0x80)) s.pop_back();
    if (width(cr, s + "\u2026") <= w) return s + "\u2026";
  }
  return s;
}

void pageFrame(Ctx& c) {
  cairo_t* cr = c.cr;
  ++c.page;
  cairo_set_source_rgb(cr, 0, 0, 0);
  font(cr, 13, true);
  text(cr, kMargin, kMargin + 10, c.d.office);
  font(cr, 11, true);
  text(cr, kMargin, kMargin + 27, c.d.title);
  font(cr, 9, false);
  text(cr, kMargin, kMargin + 41, "Periode / Period: " + c.d.period);
  cairo_set_line_width(cr, 0.8);
  cairo_move_to(cr, kMargin, kMargin + kHeaderH - 12);
  cairo_line_to(cr, kPageW - kMargin, kMargin + kHeaderH - 12);
  cairo_stroke(cr);
  font(cr, 8, false);
  const std::string foot = "Halaman " + std::to_string(c.page) + " dari " + std::to_string(c.pages);
  text(cr, kPageW - kMargin - width(cr, foot), kPageH - kMargin + 8, foot);
  c.y = kMargin + kHeaderH;
}

std::vector<double> columnX(const Table& t) {
  std::vector<double> w(t.columns.size(), 1.0);
  for (std::size_t i = 0; i < w.size() && i < t.widths.size(); ++i) w[i] = t.widths[i];
  const double sum = std::accumulate(w.begin(), w.end(), 0.0);
  std::vector<double> x{kMargin};
  for (double wi : w) x.push_back(x.back() + wi / sum * (kPageW - 2 * kMargin));
  return x;
}

void headerRow(Ctx& c, const Table& t, const std::vector<double>& x) {
  cairo_set_source_rgb(c.cr, 0.85, 0.85, 0.85);
  cairo_rectangle(c.cr, kMargin, c.y, kPageW - 2 * kMargin, kRowH);
  cairo_fill(c.cr);
  cairo_set_source_rgb(c.cr, 0, 0, 0);
  font(c.cr, kFont, true);
  for (std::size_t i = 0; i < t.columns.size(); ++i) text(c.cr, x[i] + 2, c.y + kRowH - 3.5, fit(c.cr, t.columns[i], x[i + 1] - x[i] - 4));
  c.y += kRowH;
}

double bottom() { return kPageH - kMargin - kFooterH; }

// Pages each table needs when it starts at the top of a fresh page region.
int countPages(const Document& d) {
  int pages = 1;
  double y = kMargin + kHeaderH;
  for (const Table& t : d.tables) {
    if (y + kTitleH + 2 * kRowH > bottom()) ++pages, y = kMargin + kHeaderH;
    y += kTitleH + kRowH;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      if (y + kRowH > bottom()) ++pages, y = kMargin + kHeaderH + kRowH;
      y += kRowH;
    }
    if (t.rows.empty()) y += kRowH;
    y += 8;
  }
  return pages;
}

}  // namespace

core::Status writePdf(const Document& d, const std::string& path) {
  auto fail = [&](const char* why) {
    return core::makeError("report_write", "Berkas PDF " + path + " tidak dapat ditulis: " + why,
                           "Cannot write the PDF " + path + ": " + why, "out");
  };
  std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> surface(
      cairo_pdf_surface_create(path.c_str(), kPageW, kPageH), &cairo_surface_destroy);
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return fail(cairo_status_to_string(cairo_surface_status(surface.get())));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, d.title.c_str());
  {
    std::unique_ptr<cairo_t, void (*)(cairo_t*)> cr(cairo_create(surface.get()), &cairo_destroy);
    Ctx c{cr.get(), d};
    c.pages = countPages(d);
    pageFrame(c);
    for (const Table& t : d.tables) {
      if (c.y + kTitleH + 2 * kRowH > bottom()) {
        cairo_show_page(c.cr);
        pageFrame(c);
      }
      font(c.cr, 10, true);
      text(c.cr, kMargin, c.y + 14, t.title);
      c.y += kTitleH;
      const auto x = columnX(t);
      headerRow(c, t, x);
      int n = 0;
      for (const auto& row : t.rows) {
        if (c.y + kRowH > bottom()) {
          cairo_show_page(c.cr);
          pageFrame(c);
          headerRow(c, t, x);
        }
        if (++n % 2 == 0) {
          cairo_set_source_rgb(c.cr, 0.95, 0.95, 0.95);
          cairo_rectangle(c.cr, kMargin, c.y, kPageW - 2 * kMargin, kRowH);
          cairo_fill(c.cr);
          cairo_set_source_rgb(c.cr, 0, 0, 0);
        }
        font(c.cr, kFont, false);
        for (std::size_t i = 0; i < row.size() && i + 1 < x.size(); ++i) {
          const std::string s = fit(c.cr, cellText(row[i], d.utcOffsetMinutes), x[i + 1] - x[i] - 4);
          // Numbers right-aligned, text left.
          const bool right = row[i].kind == Cell::Int || row[i].kind == Cell::Num;
          text(c.cr, right ? x[i + 1] - 2 - width(c.cr, s) : x[i] + 2, c.y + kRowH - 3.5, s);
        }
        c.y += kRowH;
      }
      if (t.rows.empty()) {
        font(c.cr, kFont, false);
        text(c.cr, kMargin + 2, c.y + kRowH - 3.5, "(tidak ada data / no data)");
        c.y += kRowH;
      }
      c.y += 8;
    }
    if (cairo_status(c.cr) != CAIRO_STATUS_SUCCESS) return fail(cairo_status_to_string(cairo_status(c.cr)));
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return fail(cairo_status_to_string(cairo_surface_status(surface.get())));
  return core::Ok{};
}

}  // namespace lpse::report

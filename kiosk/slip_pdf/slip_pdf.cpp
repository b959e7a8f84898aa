#include "kiosk/slip_pdf/slip_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <memory>

#include "kiosk/form_pdf/form_pdf_text.hpp"

namespace lpse::slip {
namespace {

// Laid out on A5 portrait in points; an A4 page draws the same slip scaled
// up (an office printer with only A4 paper still gets a full-page slip).
constexpr double kPageW = 419.528, kPageH = 595.276;
constexpr double kA4W = 595.276, kA4H = 841.890;
constexpr double kLeft = 30, kRight = kPageW - 30, kWidth = kRight - kLeft;

core::Error pdfError(const std::string& path, const char* why) {
  return core::makeError("slip_write", "Slip " + path + " tidak dapat ditulis: " + why,
                         "Cannot write the slip " + path + ": " + why);
}

class SlipPage {
 public:
  SlipPage(cairo_t* cr, const core::SlipContent& s) : m_cr(cr), p(cr), m_s(s) {}

  void draw() {
    double y = header();
    y = title(y + 14);
    y = fields(y + 10);
    if (m_s.passwordBlank) y = passwordBlank(y + 8);
    y = instruction(y + 12);
    signatures(y + 14);
    footer();
  }

 private:
  const std::string& field(const char* labelId) const {
    static const std::string none;
    for (const auto& f : m_s.fields)
      if (f.labelId == labelId) return f.value;
    return none;
  }

  double header() {
    const double top = 30;
    p.gray(0);
    p.font(11, true);
    const std::string office = m_s.office.empty() ? "LAYANAN PENGADAAN SECARA ELEKTRONIK (LPSE)" : m_s.office;
    p.fitText(kLeft - 4, top, kWidth - 130, 18, office, 11);
    p.font(8);
    p.gray(0.3);
    p.text(kLeft, top + 27, "Layanan Pengadaan Secara Elektronik - Helpdesk");
    // The ticket, large, in a box at the right: what the visitor knows their case by.
    const double bw = 118, bx = kRight - bw;
    p.gray(0);
    p.box(bx, top - 4, bw, 50, 0.9);
    p.font(7, true);
    p.gray(0.3);
    p.textCentered(bx + bw / 2, top + 6, "Nomor antrian / Ticket");
    p.gray(0);
    const std::string& ticket = field("Nomor antrian");
    p.font(20, true);
    p.textCentered(bx + bw / 2, top + 28, ticket.empty() ? "-" : ticket);
    if (!m_s.counter.empty()) {
      p.font(7.5);
      p.textCentered(bx + bw / 2, top + 40, m_s.counter);
    }
    p.line(kLeft, top + 54, kRight, top + 54, 1.1);
    return top + 54;
  }

  double title(double y) {
    p.gray(0);
    p.font(14, true);
    p.text(kLeft, y + 12, "TANDA TERIMA HASIL");
    p.font(10.5, true);
    p.text(kLeft, y + 28, m_s.titleId);
    p.font(8, false, true);
    p.gray(0.35);
    p.text(kLeft, y + 40, "Result slip: " + m_s.titleEn);
    p.gray(0);
    return y + 44;
  }

  double fields(double y) {
    constexpr double labelW = 104, h = 24;
    for (const auto& f : m_s.fields) {
      if (f.labelId == "Nomor antrian") continue;  // in the header box
      p.font(8.5, true);
      p.text(kLeft, y + 10, f.labelId);
      p.font(7, false, true);
      p.gray(0.35);
      p.text(kLeft, y + 19, f.labelEn);
      p.gray(0);
      p.box(kLeft + labelW, y, kWidth - labelW, h);
      if (!f.value.empty()) {
        p.font(10.5);
        p.fitText(kLeft + labelW, y, kWidth - labelW, h, f.value, 10.5);
      }
      y += h + 4;
    }
    return y;
  }

  // A tall empty box with a rule to write on: nothing is printed in it.
  double passwordBlank(double y) {
    p.font(8.5, true);
    y = p.paragraph(kLeft, y, kWidth, m_s.blankId, 8.5, 1.25);
    p.font(7, false, true);
    p.gray(0.35);
    y = p.paragraph(kLeft, y + 1, kWidth, m_s.blankEn, 7, 1.25);
    p.gray(0);
    const double h = 40;
    p.box(kLeft, y + 3, kWidth, h, 1.0);
    p.gray(0.55);
    p.line(kLeft + 12, y + 3 + h - 10, kRight - 12, y + 3 + h - 10, 0.6);
    p.gray(0);
    return y + 3 + h;
  }

  double instruction(double y) {
    // The text's height first, measured on a scratch surface (drawing it
    // twice would put it twice into the PDF's text), then the shaded box
    // and the text over it.
    const double pad = 8, textW = kWidth - 2 * pad;
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> scratch(
        cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1), &cairo_surface_destroy);
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> measureCr(cairo_create(scratch.get()), &cairo_destroy);
    form::pdf::Painter measure(measureCr.get());
    measure.font(9.5, true);
    double end = measure.paragraph(0, 0, textW, m_s.instructionId, 9.5, 1.3);
    measure.font(8, false, true);
    end = measure.paragraph(0, end + 2, textW, m_s.instructionEn, 8, 1.3);
    const double h = pad + 12 + end + pad;
    p.gray(0.92);
    p.fill(kLeft, y, kWidth, h);
    p.gray(0);
    p.box(kLeft, y, kWidth, h, 0.8);
    p.font(9, true);
    p.text(kLeft + pad, y + pad + 8, "PENTING / IMPORTANT");
    p.font(9.5, true);
    const double next = p.paragraph(kLeft + pad, y + pad + 12, textW, m_s.instructionId, 9.5, 1.3);
    p.font(8, false, true);
    p.gray(0.25);
    p.paragraph(kLeft + pad, next + 2, textW, m_s.instructionEn, 8, 1.3);
    p.gray(0);
    return y + h;
  }

  void signatures(double y) {
    const double w = (kWidth - 14) / 2, h = 78;
    box(kLeft, y, w, h, "Petugas Helpdesk", "Officer", m_s.staff);
    box(kLeft + w + 14, y, w, h, "Diterima oleh", "Received by", field("Nama"));
  }

  void box(double x, double y, double w, double h, const char* id, const char* en, const std::string& name) {
    p.box(x, y, w, h);
    p.font(8.5, true);
    p.textCentered(x + w / 2, y + 12, id);
    p.font(7, false, true);
    p.gray(0.35);
    p.textCentered(x + w / 2, y + 21, en);
    p.gray(0);
    p.font(8.5);
    const std::string n = name.empty() ? "(.................................)" : "( " + name + " )";
    if (p.textWidth(n) <= w - 12) p.textCentered(x + w / 2, y + h - 8, n);
    else p.fitText(x + 2, y + h - 30, w - 4, 26, n, 8.5);
  }

  void footer() {
    const double y = kPageH - 34;
    p.line(kLeft, y - 4, kRight, y - 4, 0.5);
    p.gray(0.3);
    p.font(6.8);
    const double next = p.paragraph(kLeft, y, kWidth,
                                    "Tanda terima ini tidak memuat password: sistem antrean LPSE tidak pernah "
                                    "menyimpannya. Simpan tanda terima ini di tempat aman.",
                                    6.8, 1.25);
    p.font(6.5, false, true);
    p.paragraph(kLeft, next, kWidth,
                "This slip carries no password: the LPSE queue system never stores one. Keep it somewhere safe.", 6.5,
                1.25);
    p.gray(0);
  }

  cairo_t* m_cr;
  form::pdf::Painter p;
  const core::SlipContent& m_s;
};

}  // namespace

std::optional<Paper> parsePaper(std::string_view s) {
  if (s == "a5" || s == "A5") return Paper::A5;
  if (s == "a4" || s == "A4") return Paper::A4;
  return std::nullopt;
}

const char* mediaName(Paper p) { return p == Paper::A4 ? "A4" : "A5"; }

core::Status writeSlipPdf(const std::string& path, const core::SlipContent& slip, Paper paper) {
  const bool a4 = paper == Paper::A4;
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_pdf_surface_create(path.c_str(), a4 ? kA4W : kPageW, a4 ? kA4H : kPageH), &cairo_surface_destroy);
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return pdfError(path, cairo_status_to_string(cairo_surface_status(surface.get())));
  const std::string ticket = slip.fields.empty() ? "" : slip.fields.front().value;
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, ("Tanda terima hasil " + ticket).c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "lpse-desk");
  {
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), &cairo_destroy);
    if (a4) cairo_scale(cr.get(), kA4W / kPageW, kA4W / kPageW);
    SlipPage(cr.get(), slip).draw();
    cairo_show_page(cr.get());
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
      return pdfError(path, cairo_status_to_string(cairo_status(cr.get())));
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return pdfError(path, cairo_status_to_string(cairo_surface_status(surface.get())));
  return core::Ok{};
}

}  // namespace lpse::slip

#include "kiosk/form_pdf/form_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <array>
#include <memory>

#include "kiosk/form/form_qr.hpp"
#include "kiosk/form_pdf/form_pdf_text.hpp"
#include "kiosk/form_pdf/qr_symbol.hpp"

namespace lpse::form {
namespace {

constexpr double kPageW = 595.276, kPageH = 841.890;  // A4 in points
constexpr double kLeft = 45, kRight = kPageW - 45, kWidth = kRight - kLeft;
constexpr double kQrBox = 140;  // the symbol with its quiet zone, ~49 mm

std::string dateId(const core::LocalDate& d) {
  static constexpr std::array<const char*, 12> kMonths = {"Januari", "Februari", "Maret",     "April",
                                                          "Mei",     "Juni",     "Juli",      "Agustus",
                                                          "September", "Oktober", "November", "Desember"};
  return std::to_string(d.day) + " " + kMonths[static_cast<std::size_t>(d.month - 1)] + " " + std::to_string(d.year);
}

core::Error pdfError(const std::string& path, const char* why) {
  return core::makeError("form_pdf_write", "Berkas PDF " + path + " tidak dapat ditulis: " + why,
                         "Cannot write the PDF " + path + ": " + why, "out");
}

// The QR with a 4-module quiet zone inside a kQrBox square, modules in
// whole horizontal runs so the PDF stays small.
void drawQr(cairo_t* cr, const QrSymbol& q, double x, double y) {
  // Modules of at most 3.5 pt (1.2 mm): the blank form's tiny symbol would
  // otherwise fill the box with coarse blocks. Centred in the box.
  double module = kQrBox / (q.size + 8);
  if (module > 3.5) module = 3.5;
  const double side = module * (q.size + 8);
  x += (kQrBox - side) / 2;
  y += (kQrBox - side) / 2;
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int row = 0; row < q.size; ++row) {
    for (int col = 0; col < q.size;) {
      if (!q.at(col, row)) {
        ++col;
        continue;
      }
      int end = col;
      while (end < q.size && q.at(end, row)) ++end;
      cairo_rectangle(cr, x + (4 + col) * module, y + (4 + row) * module, (end - col) * module, module);
      col = end;
    }
  }
  cairo_fill(cr);
}

struct Field {
  const char* labelId;
  const char* labelEn;
  std::string value;
};

class FormPage {
 public:
  FormPage(cairo_t* cr, const std::optional<FormData>& d, const FormPdfOptions& o) : m_cr(cr), p(cr), m_d(d), m_o(o) {}

  void draw(const QrSymbol& qr) {
    header(qr);
    double y = 200;
    y = section(y, "A. Jenis permohonan", "Request");
    y = services(y);
    y = section(y + 6, "B. Data pemohon", "Applicant");
    y = fields(y);
    y = section(y + 6, "C. Dokumen yang dilampirkan", "Attached documents");
    y = documents(y);
    y = statement(y + 4);
    y = signatures(y + 8);
    staffBoxes(y + 10);
    footer();
  }

 private:
  bool filled() const { return m_d.has_value(); }

  void header(const QrSymbol& qr) {
    const double top = 40;
    p.gray(0);
    p.font(10.5, true);
    const bool named = !m_o.officeName.empty();
    p.text(kLeft, top + 12, named ? m_o.officeName : "LAYANAN PENGADAAN SECARA ELEKTRONIK (LPSE)");
    p.font(8.5);
    p.gray(0.3);
    p.text(kLeft, top + 25, named ? "Layanan Pengadaan Secara Elektronik - Helpdesk" : "Helpdesk");
    p.gray(0);
    p.font(15, true);
    p.text(kLeft, top + 62, "FORMULIR PERMOHONAN");
    p.text(kLeft, top + 82, "RESET PASSWORD DAN");
    p.text(kLeft, top + 102, "INFORMASI USER ID");
    p.font(9, false, true);
    p.gray(0.3);
    p.text(kLeft, top + 118, "Request form: SPSE password reset and user ID information");
    p.text(kLeft, top + 130, "Pengguna SPSE selain penyedia: Admin Agency, Auditor, PPK,");
    p.text(kLeft, top + 142, "Panitia, Helpdesk, Verifikator");
    p.gray(0);
    const double qx = kRight - kQrBox, qy = top - 10;
    drawQr(m_cr, qr, qx, qy);
    p.font(7.5, true);
    p.textCentered(qx + kQrBox / 2, qy + kQrBox + 4,
                   filled() ? "Pindai kode ini di kios antrian" : "Formulir kosong: isi dengan tangan");
    p.font(7, false, true);
    p.gray(0.3);
    p.textCentered(qx + kQrBox / 2, qy + kQrBox + 13,
                   filled() ? "Scan this code at the queue kiosk" : "Blank form: fill in by hand");
    p.gray(0);
    p.line(kLeft, 191, kRight, 191, 1.2);
  }

  double section(double y, const char* id, const char* en) {
    p.gray(0.9);
    p.fill(kLeft, y, kWidth, 16);
    p.gray(0);
    p.font(9.5, true);
    p.text(kLeft + 4, y + 11.5, id);
    const double w = p.textWidth(id);
    p.font(8, false, true);
    p.gray(0.35);
    p.text(kLeft + 12 + w, y + 11.5, en);
    p.gray(0);
    return y + 22;
  }

  double services(double y) {
    const bool reset = filled() && m_d->service == FormService::Reset;
    const bool userId = filled() && m_d->service == FormService::UserId;
    p.checkbox(kLeft + 4, y, 11, reset);
    p.font(10);
    p.text(kLeft + 20, y + 9.5, "Reset Password");
    p.checkbox(kLeft + 200, y, 11, userId);
    p.text(kLeft + 216, y + 9.5, "Informasi User ID");
    return y + 18;
  }

  double fields(double y) {
    const double labelW = 150, h = 22;
    auto row = [&](const char* id, const char* en, const std::string& value) {
      p.font(9, true);
      p.text(kLeft + 4, y + 10, id);
      p.font(7.5, false, true);
      p.gray(0.35);
      p.text(kLeft + 4, y + 19, en);
      p.gray(0);
      p.box(kLeft + labelW, y, kWidth - labelW, h);
      if (!value.empty()) {
        p.font(10.5);
        p.fitText(kLeft + labelW, y, kWidth - labelW, h, value, 10.5);
      }
      y += h + 4;
    };
    const bool f = filled();
    row("Nama lengkap dan gelar", "Full name with titles", f ? m_d->name : "");
    row("NIP", "Civil servant ID (if any)", f ? m_d->nip : "");
    roles(y);
    y += 36;
    row("Instansi / Satuan Kerja", "Agency / work unit", f ? m_d->agency : "");
    row("Nomor HP", "Mobile number", f ? m_d->phone : "");
    row("E-mail", "E-mail address", f ? m_d->email : "");
    row("User ID SPSE (jika tahu)", "SPSE user ID, if known", f ? m_d->spseUserId : "");
    return y;
  }

  void roles(double y) {
    p.font(9, true);
    p.text(kLeft + 4, y + 10, "Peran pengguna SPSE");
    p.font(7.5, false, true);
    p.gray(0.35);
    p.text(kLeft + 4, y + 19, "SPSE role (tick one)");
    p.gray(0);
    for (std::size_t i = 0; i < std::size(core::kAllVisitorRoles); ++i) {
      const core::VisitorRole r = core::kAllVisitorRoles[i];
      const double x = kLeft + 150 + static_cast<double>(i % 3) * 115;
      const double top = y + 2 + static_cast<double>(i / 3) * 16;
      p.checkbox(x, top, 10, filled() && m_d->role == r);
      p.font(9.5);
      p.text(x + 15, top + 8.5, roleLabelId(r));
    }
  }

  double documents(double y) {
    const core::VisitorRole role = filled() ? m_d->role : core::VisitorRole::Ppk;
    const bool auditor = role == core::VisitorRole::Auditor;
    p.font(9.5);
    p.checkbox(kLeft + 4, y, 10, false);
    p.text(kLeft + 20, y + 8.5, "SK Penunjukan (Admin Agency, Helpdesk, Verifikator, PPK, Panitia)");
    p.checkbox(kLeft + 4, y + 15, 10, false);
    p.text(kLeft + 20, y + 23.5, "Surat Perintah Pemeriksaan (Auditor)");
    y += 32;
    if (filled()) {
      p.font(8, false, true);
      p.text(kLeft + 4, y + 6,
             std::string("Untuk peran ") + std::string(roleLabelId(role)) + " lampirkan: " +
                 (auditor ? "Surat Perintah Pemeriksaan." : "SK Penunjukan.") +
                 " Centang dokumen saat melampirkannya.");
      y += 12;
    }
    return y;
  }

  double statement(double y) {
    p.font(9);
    return p.paragraph(kLeft, y, kWidth,
                       "Saya menyatakan bahwa data di atas benar dan permohonan ini saya ajukan sendiri. "
                       "Password baru atau informasi User ID hanya diberikan kepada pemohon, dan password "
                       "wajib segera diganti setelah login.",
                       9);
  }

  double signatures(double y) {
    p.font(9.5);
    const std::string place = std::string("......................., ") +
                              (filled() ? dateId(m_d->date) : std::string("......................... 20......"));
    p.text(kRight - 230, y + 8, place);
    y += 14;
    const double w = (kWidth - 20) / 2, h = 92;
    signatureBox(kLeft, y, w, h, "Pemohon", "Applicant", filled() ? m_d->name : "", filled() ? m_d->nip : "");
    signatureBox(kLeft + w + 20, y, w, h, "Mengetahui, Atasan Langsung", "Acknowledged by the superior", "", "");
    return y + h;
  }

  void signatureBox(double x, double y, double w, double h, const char* id, const char* en, const std::string& name,
                    const std::string& nip) {
    p.box(x, y, w, h);
    p.font(9, true);
    p.textCentered(x + w / 2, y + 12, id);
    p.font(7.5, false, true);
    p.gray(0.35);
    p.textCentered(x + w / 2, y + 21, en);
    p.gray(0);
    p.font(9);
    const std::string n = name.empty() ? "(.......................................)" : "( " + name + " )";
    if (p.textWidth(n) <= w - 16) p.textCentered(x + w / 2, y + h - 18, n);
    else p.fitText(x + 4, y + h - 36, w - 8, 24, n, 9);  // a long name: smaller, or on two lines
    p.font(8.5);
    p.text(x + 8, y + h - 6, "NIP. " + (nip.empty() ? std::string("...................................") : nip));
  }

  void staffBoxes(double y) {
    p.font(8.5, true);
    p.text(kLeft, y + 8, "Diisi oleh petugas LPSE");
    p.font(7.5, false, true);
    p.gray(0.35);
    p.text(kLeft + p.textWidth("Diisi oleh petugas LPSE") + 30, y + 8, "For LPSE staff");
    p.gray(0);
    y += 13;
    const double w = (kWidth - 20) / 3, h = 66;
    const std::array<std::pair<const char*, const char*>, 3> boxes{{
        {"Helpdesk: berkas lengkap", "Tanggal/jam, paraf"},
        {"Admin PPE: berkas valid", "Tanggal/jam, paraf"},
        {"Hasil diserahkan", "Tanggal/jam, paraf pemohon"},
    }};
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      const double x = kLeft + static_cast<double>(i) * (w + 10);
      p.box(x, y, w, h);
      p.font(8.5, true);
      p.text(x + 6, y + 12, boxes[i].first);
      p.font(7.5);
      p.gray(0.35);
      p.text(x + 6, y + h - 6, boxes[i].second);
      p.gray(0);
    }
  }

  void footer() {
    const double y = kPageH - 58;
    p.line(kLeft, y - 4, kRight, y - 4, 0.5);
    p.gray(0.2);
    p.font(7.5);
    const double next = p.paragraph(
        kLeft, y, kWidth,
        filled() ? "Bawa formulir ini beserta SK Penunjukan (atau Surat Perintah Pemeriksaan bagi Auditor) ke LPSE. "
                   "Di kios antrian, tunjukkan kode QR ke kamera: data Anda terisi sendiri. Formulir juga dapat "
                   "dikirim (hasil pindai) melalui e-mail."
                 : "Isi formulir dengan huruf cetak, lalu bawa beserta SK Penunjukan (atau Surat Perintah "
                   "Pemeriksaan bagi Auditor) ke LPSE. Di kios antrian, isi buku tamu di layar.",
        7.5, 1.25);
    p.font(7, false, true);
    p.paragraph(kLeft, next, kWidth,
                filled() ? "Bring this form and your appointment decree (auditors: audit assignment letter). At "
                           "the queue kiosk, show the QR code to the camera: your data fills in by itself."
                         : "Fill in in block letters and bring this form with your appointment decree (auditors: "
                           "audit assignment letter). At the queue kiosk, enter your data on the screen.",
                7, 1.25);
    p.gray(0);
  }

  cairo_t* m_cr;
  pdf::Painter p;
  const std::optional<FormData>& m_d;
  const FormPdfOptions& m_o;
};

}  // namespace

core::Status writeFormPdf(const std::string& path, const std::optional<FormData>& input,
                          const FormPdfOptions& options) {
  std::optional<FormData> form;
  std::string payload;
  if (input) {
    auto encoded = encodeFormQr(*input);
    if (!encoded) return encoded.error();
    payload = std::move(*encoded);
    form = canonicalForm(*input);  // print what the QR says
  } else {
    payload = encodeBlankFormQr();
  }
  const auto qr = makeQrSymbol(payload);
  if (!qr) return core::makeError("form_qr_too_long", "Data terlalu panjang untuk kode QR.",
                                  "The data is too long for a QR code.", "qr");

  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_pdf_surface_create(path.c_str(), kPageW, kPageH), &cairo_surface_destroy);
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return pdfError(path, cairo_status_to_string(cairo_surface_status(surface.get())));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                 "Formulir Permohonan Reset Password dan Informasi User ID");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "lpse form");
  {
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), &cairo_destroy);
    FormPage(cr.get(), form, options).draw(*qr);
    cairo_show_page(cr.get());
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
      return pdfError(path, cairo_status_to_string(cairo_status(cr.get())));
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return pdfError(path, cairo_status_to_string(cairo_surface_status(surface.get())));
  return core::Ok{};
}

}  // namespace lpse::form

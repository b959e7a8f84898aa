#include "kiosk/form/form_errors.hpp"

#include "kiosk/form/form_qr.hpp"

namespace lpse::form::detail {

std::pair<std::string, std::string> fieldLabel(std::string_view field) {
  if (field == "service") return {"Jenis permohonan", "Request type"};
  if (field == "role") return {"Peran pengguna SPSE", "SPSE role"};
  if (field == "name") return {"Nama", "Name"};
  if (field == "nip") return {"NIP", "NIP"};
  if (field == "agency") return {"Instansi", "Agency"};
  if (field == "phone") return {"Nomor HP", "Mobile number"};
  if (field == "email") return {"E-mail", "E-mail"};
  if (field == "spse_user_id") return {"User ID SPSE", "SPSE user ID"};
  if (field == "date") return {"Tanggal formulir", "Form date"};
  if (field == "token") return {"Nomor tiket", "Ticket token"};
  return {"Isian", "Field"};
}

core::Error notLpse() {
  return core::makeError("qr_not_lpse", "Kode QR ini bukan formulir atau tiket LPSE.",
                         "This QR code is not an LPSE form or ticket.", "qr");
}

core::Error inputTooLong() {
  return core::makeError("qr_too_long", "Kode QR ini terlalu panjang untuk formulir atau tiket LPSE.",
                         "This QR code is too long to be an LPSE form or ticket.", "qr");
}

std::optional<core::Error> checkHeader(std::string_view header, char kind, std::string_view expected) {
  if (header == expected) return std::nullopt;
  constexpr std::string_view kMagic = "LPSE-";
  if (!header.starts_with(kMagic) || header.size() < kMagic.size() + 2) return notLpse();
  const char k = header[kMagic.size()];
  const std::string_view version = header.substr(kMagic.size() + 1);
  for (char c : version)
    if (c < '0' || c > '9') return notLpse();
  if (k == kind) {
    const std::string v(version);
    return core::makeError("qr_version",
                           "Kode QR ini dibuat dengan format versi " + v +
                               " yang belum dikenal kios ini. Minta petugas memperbarui kios.",
                           "This QR code uses format version " + v +
                               ", which this kiosk does not know. Ask the staff to update the kiosk.",
                           "version");
  }
  if (k == 'T')
    return core::makeError("qr_is_ticket", "Ini kode QR tiket antrian, bukan formulir permohonan.",
                           "This is a queue ticket's QR code, not a request form's.", "qr");
  if (k == 'F')
    return core::makeError("qr_is_form", "Ini kode QR formulir permohonan, bukan tiket antrian.",
                           "This is a request form's QR code, not a queue ticket's.", "qr");
  return notLpse();
}

core::Error damaged() {
  return core::makeError("qr_damaged", "Kode QR rusak: berisi karakter yang tidak mungkin ada. Cetak ulang formulir.",
                         "The QR code is damaged: it holds characters that cannot be there. Print the form again.",
                         "qr");
}

core::Error truncated() {
  return core::makeError("qr_truncated", "Kode QR tidak lengkap (terpotong atau rusak). Pindai ulang atau cetak ulang.",
                         "The QR code is incomplete (cut off or damaged). Scan it again or print it again.",
                         "checksum");
}

core::Error checksumMismatch() {
  return core::makeError("qr_checksum",
                         "Kode QR tidak cocok dengan angka pemeriksanya: rusak atau diubah. Cetak ulang formulir.",
                         "The QR code does not match its check digits: damaged or edited. Print the form again.",
                         "checksum");
}

core::Error blankForm() {
  return core::makeError("form_qr_blank",
                         "Ini formulir kosong yang diisi tangan: masukkan data Anda di layar kios.",
                         "This is a blank form filled in by hand: enter your data on the kiosk screen.", "qr");
}

core::Error fieldCount(std::size_t n) {
  return core::makeError("form_qr_fields",
                         "Kode QR formulir berisi " + std::to_string(n) + " bagian, seharusnya 11.",
                         "The form's QR code has " + std::to_string(n) + " parts instead of 11.", "qr");
}

core::Error badField(std::string_view field, std::string code) {
  const auto [id, en] = fieldLabel(field);
  return core::makeError(std::move(code), id + " pada kode QR tidak valid.", en + " in the QR code is not valid.",
                         std::string(field));
}

core::Error badEscape(std::string_view field, bool needless) {
  const auto [id, en] = fieldLabel(field);
  return core::makeError(needless ? "qr_escape_needless" : "qr_escape",
                         id + " pada kode QR ditulis dengan kode % yang salah.",
                         en + " in the QR code has a malformed % escape.", std::string(field));
}

core::Error notCanonical(std::string_view field) {
  const auto [id, en] = fieldLabel(field);
  return core::makeError("qr_not_canonical", id + " pada kode QR tidak ditulis dalam bentuk bakunya.",
                         en + " in the QR code is not written in its standard form.", std::string(field));
}

core::Error tooLong(std::string_view field, std::size_t size) {
  const auto [id, en] = fieldLabel(field);
  const std::string max = std::to_string(kMaxFormQrLength);
  return core::makeError("form_qr_too_long",
                         "Data terlalu panjang untuk kode QR formulir (" + std::to_string(size) + " dari maksimal " +
                             max + " karakter): persingkat " + id + ".",
                         "The data is too long for the form's QR code (" + std::to_string(size) + " of at most " +
                             max + " characters): shorten this field: " + en + ".",
                         std::string(field));
}

}  // namespace lpse::form::detail

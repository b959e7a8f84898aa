#include "kiosk/core/result_notice.hpp"

#include <cstdio>

#include "kiosk/core/calendar.hpp"

namespace lpse::core {

namespace {

// Values come from people (names, notes): control characters would break
// the layout, or a mail header when the subject quotes the reference.
std::string oneLine(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) out += (c < 0x20 || c == 0x7f) ? ' ' : static_cast<char>(c);
  const auto b = out.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  return out.substr(b, out.find_last_not_of(' ') - b + 1);
}

const char* const kMonthsId[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                 "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
const char* const kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};

std::string zoneName(int offset) {
  if (offset == 420) return "WIB";
  if (offset == 480) return "WITA";
  if (offset == 540) return "WIT";
  char buf[16];
  const int a = offset < 0 ? -offset : offset;
  std::snprintf(buf, sizeof buf, "UTC%c%02d:%02d", offset < 0 ? '-' : '+', a / 60, a % 60);
  return buf;
}

struct ServiceWords {
  const char *id, *en;
};
ServiceWords serviceWords(const std::string& code) {
  if (code == "reset") return {"reset kata sandi (password)", "password reset"};
  if (code == "userid") return {"informasi User ID", "User ID information"};
  return {"layanan Helpdesk LPSE", "LPSE helpdesk service"};
}

std::string refPart(const std::string& ref) { return ref.empty() ? "" : " (" + ref + ")"; }

// The SOP's step 12 output: log in at once and change the password.
constexpr const char* kLoginNowId =
    "PENTING: segera masuk (login) ke SPSE dan langsung ganti kata sandi Anda. Jangan memberitahukan kata sandi "
    "kepada siapa pun, termasuk petugas LPSE.";
constexpr const char* kLoginNowEn =
    "IMPORTANT: log in to SPSE at once and change your password straight away. Never tell your password to anyone, "
    "LPSE staff included.";

void resultBody(const NoticeInput& in, std::string& id, std::string& en) {
  const auto w = serviceWords(in.service);
  const std::string user = oneLine(in.spseUserId);
  const bool slip = in.medium == NoticeMedium::Slip;
  const std::string dateId = formatNoticeDate(in.atMs, in.utcOffsetMinutes, false);
  const std::string dateEn = formatNoticeDate(in.atMs, in.utcOffsetMinutes, true);
  id += "Permohonan " + std::string(w.id) + " Anda" + refPart(in.reference) + " telah selesai diproses oleh " +
        oneLine(in.officeName) + " pada " + dateId + ".\n\n";
  en += "Your " + std::string(w.en) + " request" + refPart(in.reference) + " was completed by " +
        oneLine(in.officeName) + " on " + dateEn + ".\n\n";
  const std::string blank = "______________________";
  id += "User ID SPSE: " + (user.empty() ? (slip ? blank : "(disampaikan oleh petugas Helpdesk)") : user) + "\n";
  en += "SPSE user ID: " + (user.empty() ? (slip ? blank : "(given to you by the helpdesk staff)") : user) + "\n";
  if (in.service == "reset") {
    if (slip) {
      id += "Kata sandi sementara (ditulis tangan oleh petugas): " + blank + "\n";
      en += "Temporary password (handwritten by staff): " + blank + "\n";
    } else {
      id += "Kata sandi sementara tidak dicantumkan dalam pesan ini; Anda menerimanya secara terpisah.\n";
      en += "The temporary password is not in this message; you receive it separately.\n";
    }
  }
  id += std::string("\n") + kLoginNowId + "\n";
  en += std::string("\n") + kLoginNowEn + "\n";
}

void rejectionBody(const NoticeInput& in, std::string& id, std::string& en) {
  const auto w = serviceWords(in.service);
  const std::string dateId = formatNoticeDate(in.atMs, in.utcOffsetMinutes, false);
  const std::string dateEn = formatNoticeDate(in.atMs, in.utcOffsetMinutes, true);
  id += "Dengan menyesal kami sampaikan bahwa permohonan " + std::string(w.id) + " Anda" + refPart(in.reference) +
        " tidak dapat diproses (diputuskan pada " + dateId + ").\n\n";
  en += "We regret that your " + std::string(w.en) + " request" + refPart(in.reference) +
        " cannot be processed (decided on " + dateEn + ").\n\n";
  const ReasonText* reason = nullptr;
  for (const auto& r : rejectionReasons())
    if (r.code == in.reasonCode) reason = &r;
  id += "Alasan: " + (reason ? reason->id : std::string("berkas tidak dapat diverifikasi.")) + "\n";
  en += "Reason: " + (reason ? reason->en : std::string("the dossier could not be verified.")) + "\n";
  const std::string note = oneLine(in.reasonNote);
  if (!note.empty()) {
    id += "Catatan petugas: " + note + "\n";
    en += "Staff note: " + note + "\n";
  }
  id += "\nSilakan lengkapi atau perbaiki berkas lalu ajukan permohonan kembali ke Helpdesk " + oneLine(in.officeName) +
        ".\n";
  en += "\nPlease complete or correct the dossier and submit the request again to the " + oneLine(in.officeName) +
        " helpdesk.\n";
}

}  // namespace

const std::vector<ReasonText>& rejectionReasons() {
  // The codes are the desk's rejection list (core/desk_rules.cpp, which the
  // SOP check enforces); a test keeps the two lists the same.
  static const std::vector<ReasonText> list = {
      {"data_mismatch", "data dalam berkas tidak sesuai dengan data di SPSE atau arsip pendaftaran.",
       "the data in the dossier do not match SPSE or the registration archive."},
      {"sk_invalid", "dokumen (SK Penunjukan / Surat Perintah Pemeriksaan) tidak sah atau tidak berlaku.",
       "the document (appointment decree / audit assignment letter) is not valid or has expired."},
      {"unconfirmed", "identitas pemohon tidak dapat dikonfirmasi melalui telepon atau tatap muka.",
       "the applicant's identity could not be confirmed by phone or in person."},
      {"not_authorised", "pemohon tidak berwenang atas akun SPSE yang dimaksud.",
       "the applicant has no authority over the SPSE account concerned."},
      {"account_not_found", "akun SPSE yang dimaksud tidak ditemukan.", "the SPSE account concerned was not found."},
      {"other", "lihat catatan petugas.", "see the staff note."},
  };
  return list;
}

std::string formatNoticeDate(TimeMs t, int utcOffsetMinutes, bool english) {
  WorkingCalendar cal;
  cal.utcOffsetMinutes = utcOffsetMinutes;
  const LocalDate d = cal.localDate(t);
  const int minute = cal.localMinuteOfDay(t);
  char buf[96];
  const int m = (d.month >= 1 && d.month <= 12) ? d.month - 1 : 0;
  if (english)
    std::snprintf(buf, sizeof buf, "%d %s %d, %02d:%02d %s", d.day, kMonthsEn[m], d.year, minute / 60, minute % 60,
                  zoneName(utcOffsetMinutes).c_str());
  else
    std::snprintf(buf, sizeof buf, "%d %s %d pukul %02d.%02d %s", d.day, kMonthsId[m], d.year, minute / 60,
                  minute % 60, zoneName(utcOffsetMinutes).c_str());
  return buf;
}

Notice makeNotice(const NoticeInput& in) {
  Notice n;
  const auto w = serviceWords(in.service);
  const std::string ref = oneLine(in.reference);
  const std::string office = oneLine(in.officeName);
  if (in.kind == NoticeKind::Result)
    n.subject = "[" + office + "] Hasil permohonan " + w.id + " / Result of your " + w.en + " request";
  else
    n.subject = "[" + office + "] Permohonan " + std::string(w.id) + " ditolak / Your " + w.en +
                " request was rejected";
  if (!ref.empty()) n.subject += " (" + ref + ")";

  const std::string name = oneLine(in.recipientName);
  std::string id = "Yth. " + (name.empty() ? std::string("Bapak/Ibu Pengguna SPSE") : name) + ",\n\n";
  std::string en = "Dear " + (name.empty() ? std::string("SPSE user") : name) + ",\n\n";
  NoticeInput clean = in;
  clean.reference = ref;
  if (in.kind == NoticeKind::Result)
    resultBody(clean, id, en);
  else
    rejectionBody(clean, id, en);
  id += "\nHormat kami,\nHelpdesk " + office + "\n";
  en += "\nKind regards,\nHelpdesk " + office + "\n";
  n.text = id + "\n---- English ----\n\n" + en;
  return n;
}

}  // namespace lpse::core

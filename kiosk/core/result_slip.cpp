#include "kiosk/core/result_slip.hpp"

#include <cstdio>

#include "kiosk/core/desk_rules.hpp"
#include "kiosk/core/result_notice.hpp"

namespace lpse::core {

namespace {
// Values typed by people: control characters would break a line of the slip.
std::string oneLine(const std::string& s) {
  std::string out;
  for (unsigned char c : s) out += (c < 0x20 || c == 0x7f) ? ' ' : static_cast<char>(c);
  return out;
}
}  // namespace

SlipContent slipContent(const SlipInput& in, const WorkingCalendar& cal) {
  SlipContent s;
  s.office = oneLine(in.office);
  s.counter = oneLine(in.counter);
  s.staff = oneLine(in.staff);
  // A user-ID lookup has no password; anything else (a reset, both, an
  // unknown code) gets the blank: a blank too many costs nothing.
  const bool reset = in.outcome != "user_id_given";
  s.titleId = reset ? "Reset Password / Informasi User ID" : "Informasi User ID";
  s.titleEn = reset ? "Password reset / user ID information" : "User ID information";
  s.fields.push_back({"Nomor antrian", "Ticket", oneLine(in.ticket)});
  s.fields.push_back({"Tanggal", "Date", formatNoticeDate(in.atMs, cal.utcOffsetMinutes, false)});
  s.fields.push_back({"Nama", "Name", oneLine(in.name)});
  s.fields.push_back({"User ID SPSE", "SPSE user ID", oneLine(in.spseUserId)});
  s.fields.push_back({"Dikerjakan", "Done", codeLabel(CodeList::Outcome, in.outcome, "id") + " / " +
                                                    codeLabel(CodeList::Outcome, in.outcome, "en")});
  s.passwordBlank = reset;
  s.blankId = "Password sementara (ditulis tangan oleh petugas; tidak disimpan oleh sistem ini)";
  s.blankEn = "Temporary password (written by hand by the officer; never stored by this system)";
  if (reset) {
    s.instructionId = "Segera login ke SPSE dan wajib mengganti password ini. Jangan memberitahukan password "
                      "kepada siapa pun, termasuk petugas LPSE.";
    s.instructionEn = "Log in to SPSE at once and change this password immediately. Never tell your password to "
                      "anyone, LPSE staff included.";
  } else {
    s.instructionId = "Segera login ke SPSE dengan user ID ini.";
    s.instructionEn = "Log in to SPSE at once with this user ID.";
  }
  return s;
}

std::vector<std::string> resultSlip(const SlipInput& in, const WorkingCalendar& cal, const std::string& lang) {
  const bool en = lang == "en";
  const SlipContent s = slipContent(in, cal);
  std::vector<std::string> out;
  out.push_back(s.office);
  out.push_back(en ? s.titleEn : s.titleId);
  for (const auto& f : s.fields) {
    if (f.value.empty() && f.labelId != "User ID SPSE") continue;  // no ticket, no name: no line
    const std::string value = f.labelId == "Tanggal" ? formatNoticeDate(in.atMs, cal.utcOffsetMinutes, en)
                              : f.labelId == "Dikerjakan" ? codeLabel(CodeList::Outcome, in.outcome, lang)
                                                          : f.value;
    out.push_back((en ? f.labelEn : f.labelId) + ": " + (value.empty() ? kPasswordBlank : value));
  }
  if (s.passwordBlank) {
    out.push_back((en ? "Temporary password: " : "Password sementara: ") + std::string(kPasswordBlank));
    out.push_back(en ? "(written by hand by the officer; never stored by this system)"
                     : "(ditulis tangan oleh petugas; tidak disimpan oleh sistem ini)");
  }
  out.push_back(en ? s.instructionEn : s.instructionId);
  if (!s.staff.empty()) out.push_back((en ? "Officer: " : "Petugas: ") + s.staff);
  return out;
}

std::string slipFileName(const SlipInput& in, const WorkingCalendar& cal) {
  std::string ticket;
  for (char c : in.ticket)
    ticket += ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') ? c : '_';
  if (ticket.empty()) ticket = "case";
  const LocalDate d = cal.localDate(in.atMs);
  const std::int64_t localMs = in.atMs - cal.localMidnight(d);
  const long long sec = localMs / 1000;
  char buf[96];
  std::snprintf(buf, sizeof buf, "slip-%s-%04d%02d%02d-%02lld%02lld%02lld.pdf", ticket.substr(0, 24).c_str(), d.year,
                d.month, d.day, sec / 3600, sec / 60 % 60, sec % 60);
  return buf;
}

}  // namespace lpse::core

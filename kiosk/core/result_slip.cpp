#include "kiosk/core/result_slip.hpp"

#include <cstdio>

#include "kiosk/core/desk_rules.hpp"

namespace lpse::core {

std::vector<std::string> resultSlip(const SlipInput& in, const WorkingCalendar& cal, const std::string& lang) {
  const bool en = lang == "en";
  const LocalDate d = cal.localDate(in.atMs);
  const int minute = cal.localMinuteOfDay(in.atMs);
  char when[40];
  std::snprintf(when, sizeof when, "%s %02d:%02d", d.iso().c_str(), minute / 60, minute % 60);
  const bool reset = in.outcome != "user_id_given";
  std::vector<std::string> out;
  out.push_back(in.office);
  out.push_back(en ? "Password reset / user ID information" : "Reset Password / Informasi User ID");
  if (!in.ticket.empty()) out.push_back((en ? "Ticket: " : "Nomor antrian: ") + in.ticket);
  out.push_back((en ? "Date: " : "Tanggal: ") + std::string(when));
  if (!in.name.empty()) out.push_back((en ? "Name: " : "Nama: ") + in.name);
  out.push_back((en ? "Done: " : "Dikerjakan: ") + codeLabel(CodeList::Outcome, in.outcome, lang));
  out.push_back((en ? "SPSE user ID: " : "User ID SPSE: ") + (in.spseUserId.empty() ? kPasswordBlank : in.spseUserId));
  if (reset) {
    out.push_back((en ? "Temporary password: " : "Password sementara: ") + std::string(kPasswordBlank));
    out.push_back(en ? "(written by hand by the officer; never stored by this system)"
                     : "(ditulis tangan oleh petugas; tidak disimpan oleh sistem ini)");
    out.push_back(en ? "Log in to SPSE at once and change this password immediately."
                     : "Segera login ke SPSE dan wajib mengganti password ini.");
  } else {
    out.push_back(en ? "Log in to SPSE at once with this user ID." : "Segera login ke SPSE dengan user ID ini.");
  }
  return out;
}

}  // namespace lpse::core

#include "kiosk/form/form_data.hpp"

#include "kiosk/core/validation.hpp"

namespace lpse::form {
namespace {

std::string trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

std::string_view serviceCode(FormService s) { return s == FormService::Reset ? "reset" : "userid"; }

std::optional<FormService> formServiceFrom(std::string_view code) {
  if (code == "reset") return FormService::Reset;
  if (code == "userid") return FormService::UserId;
  return std::nullopt;
}

FormData canonicalForm(FormData d) {
  d.name = trimmed(d.name);
  d.nip = core::normalizeNip(trimmed(d.nip));
  d.agency = trimmed(d.agency);
  d.phone = core::normalizePhone(trimmed(d.phone));
  d.email = trimmed(d.email);
  d.spseUserId = trimmed(d.spseUserId);
  return d;
}

bool isValidFormDate(const core::LocalDate& d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 2000 || d.year > 2099 || d.month < 1 || d.month > 12) return false;
  const int days = d.month == 2 && isLeap(d.year) ? 29 : kDays[d.month - 1];
  return d.day >= 1 && d.day <= days;
}

core::Visit toVisit(const FormData& d) {
  core::Visit v;
  v.service = std::string(serviceCode(d.service));
  v.channel = core::Channel::WalkIn;
  v.name = d.name;
  v.nip = d.nip;
  v.role = d.role;
  v.agency = d.agency;
  v.phone = d.phone;
  v.email = d.email;
  v.spseUserId = d.spseUserId;
  v.documents = {core::Document::RequestForm};
  return v;
}

std::vector<core::Error> validateForm(const FormData& d) {
  core::Visit v = toVisit(d);
  v.consent = true;  // asked at the kiosk, not on paper
  std::vector<core::Error> errors = core::validateVisit(v);
  if (!isValidFormDate(d.date))
    errors.push_back(core::makeError("form_date", "Tanggal formulir bukan tanggal yang benar (2000-2099).",
                                     "The form date is not a real date (2000-2099).", "date"));
  return errors;
}

std::string_view roleLabelId(core::VisitorRole r) {
  switch (r) {
    case core::VisitorRole::AdminAgency: return "Admin Agency";
    case core::VisitorRole::Helpdesk: return "Helpdesk";
    case core::VisitorRole::Verifikator: return "Verifikator";
    case core::VisitorRole::Ppk: return "PPK";
    case core::VisitorRole::Panitia: return "Panitia/Pokja";
    case core::VisitorRole::Auditor: return "Auditor";
  }
  return "?";
}

std::string_view serviceLabelId(FormService s) {
  return s == FormService::Reset ? "Reset Password" : "Informasi User ID";
}
std::string_view serviceLabelEn(FormService s) {
  return s == FormService::Reset ? "Password reset" : "User ID information";
}

}  // namespace lpse::form

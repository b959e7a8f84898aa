#pragma once
// The request form "Formulir Permohonan Reset Password dan Informasi User
// ID" (SOP step 1) as data: what the form's QR carries and what `lpse form`
// prints. Validated with the kiosk's own rules (core::validateVisit).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/calendar.hpp"
#include "kiosk/core/error.hpp"
#include "kiosk/core/visit.hpp"

namespace lpse::form {

// The two requests the form serves; each maps to a core service code.
enum class FormService { Reset, UserId };
std::string_view serviceCode(FormService);                     // "reset", "userid"
std::optional<FormService> formServiceFrom(std::string_view);  // from a service code

struct FormData {
  FormService service = FormService::Reset;
  core::VisitorRole role = core::VisitorRole::Ppk;
  std::string name;
  std::string nip;  // optional
  std::string agency;
  std::string phone;
  std::string email;       // optional
  std::string spseUserId;  // optional: "if known"
  core::LocalDate date;    // the day the form was filled in

  bool operator==(const FormData&) const = default;
};

// The one spelling the QR carries: text fields trimmed of spaces, NIP
// without the spaces and dots people type, phone in national 08... form.
// Encoding always goes through this, so one form has exactly one payload.
FormData canonicalForm(FormData d);

// Every problem, one per field (empty: valid). The kiosk's rules for the
// visitor's fields; the date must be a real day in 2000-2099.
std::vector<core::Error> validateForm(const FormData& d);

bool isValidFormDate(const core::LocalDate& d);

// The guest-book entry the kiosk pre-fills from a scanned form. The
// visitor still accepts the data notice on screen, so consent stays false;
// the form itself counts as brought.
core::Visit toVisit(const FormData& d);

// Labels of the official form, for messages and the printed form.
std::string_view roleLabelId(core::VisitorRole);
std::string_view serviceLabelId(FormService);
std::string_view serviceLabelEn(FormService);

}  // namespace lpse::form

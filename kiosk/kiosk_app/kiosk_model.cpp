#include "kiosk/kiosk_app/kiosk_model.hpp"

#include <algorithm>

#include "kiosk/core/validation.hpp"

namespace lpse::kiosk {

KioskModel::KioskModel(KioskSettings settings) : m_settings(std::move(settings)) { wipe(); }

void KioskModel::wipe() {
  // Nothing of the previous visitor survives: a fresh draft, no errors, no ticket.
  m_draft = core::Visit{};
  m_draft.documents = {core::Document::RequestForm};
  m_draft.language = m_lang;
  m_fieldErrors.clear();
  m_submitError.reset();
  m_ticket.reset();
  m_print = PrintState::None;
  m_printDetail.clear();
}

void KioskModel::start(std::int64_t nowMs) {
  wipe();
  m_step = Step::Form;
  if (!m_settings.services.empty()) m_draft.service = m_settings.services.front().code;
  touched(nowMs);
}

void KioskModel::chooseService(const std::string& code, std::int64_t nowMs) {
  m_draft.service = code;
  touched(nowMs);
}

void KioskModel::revalidate(const std::string& field) {
  // Validate as the visitor types, but only fields they have touched.
  auto errors = core::validateVisit(m_draft);
  m_fieldErrors[field].reset();
  for (const auto& e : errors)
    if (e.field == field) m_fieldErrors[field] = e;
}

void KioskModel::setField(const std::string& field, const std::string& value, std::int64_t nowMs) {
  if (field == "name") m_draft.name = value;
  else if (field == "nip") m_draft.nip = value;
  else if (field == "agency") m_draft.agency = value;
  else if (field == "phone") m_draft.phone = value;
  else if (field == "email") m_draft.email = value;
  else if (field == "purpose") m_draft.purpose = value;
  else return;
  revalidate(field);
  touched(nowMs);
}

void KioskModel::setRole(core::VisitorRole role, std::int64_t nowMs) {
  m_draft.role = role;
  touched(nowMs);
}

void KioskModel::toggleDocument(core::Document d, std::int64_t nowMs) {
  auto& docs = m_draft.documents;
  auto it = std::find(docs.begin(), docs.end(), d);
  if (it == docs.end()) docs.push_back(d);
  else docs.erase(it);
  touched(nowMs);
}

void KioskModel::setConsent(bool yes, std::int64_t nowMs) {
  m_draft.consent = yes;
  m_fieldErrors["consent"].reset();
  touched(nowMs);
}

void KioskModel::setLanguage(const std::string& lang) {
  m_lang = lang;
  m_draft.language = lang;
}

bool KioskModel::submit(std::int64_t nowMs) {
  touched(nowMs);
  if (m_step != Step::Form) return false;
  m_fieldErrors.clear();
  m_submitError.reset();
  auto errors = core::validateVisit(m_draft);
  for (const auto& e : errors) m_fieldErrors[e.field] = e;
  if (!errors.empty()) return false;
  m_step = Step::Submitting;
  return true;
}

void KioskModel::cancel() {
  wipe();
  m_step = Step::Attract;
}

void KioskModel::ticketIssued(const core::IssuedTicket& t, std::int64_t nowMs) {
  m_ticket = t;
  m_step = Step::Ticket;
  m_ticketShownMs = nowMs;
}

void KioskModel::ticketFailed(const core::Error& e) {
  // Back to the form with everything kept, so the visitor can try again.
  m_submitError = e;
  if (!e.field.empty()) m_fieldErrors[e.field] = e;
  m_step = Step::Form;
}

void KioskModel::printStarted() { m_print = PrintState::Printing; }

void KioskModel::printFinished(bool ok, const std::string& detail) {
  m_print = ok ? PrintState::Printed : PrintState::Failed;
  m_printDetail = detail;
}

void KioskModel::tick(std::int64_t nowMs) {
  if (m_step == Step::Form && idleSecondsLeft(nowMs) == 0) cancel();
  if (m_step == Step::Ticket && nowMs - m_ticketShownMs >= m_settings.ticketScreenS * 1000LL) cancel();
}

int KioskModel::idleSecondsLeft(std::int64_t nowMs) const {
  if (m_step != Step::Form) return -1;
  std::int64_t left = m_settings.idleTimeoutS * 1000LL - (nowMs - m_lastInputMs);
  return left <= 0 ? 0 : static_cast<int>((left + 999) / 1000);
}

const std::optional<core::Error>& KioskModel::fieldError(const std::string& field) const {
  static const std::optional<core::Error> none;
  auto it = m_fieldErrors.find(field);
  return it == m_fieldErrors.end() ? none : it->second;
}

}  // namespace lpse::kiosk

#include "kiosk/kiosk_app/kiosk_model.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <random>

#include "kiosk/core/validation.hpp"

namespace lpse::kiosk {

namespace {

// The fields each page validates (kGuestBookFields, and the consent on the
// confirm page); the page a field lives on is where the visitor is sent
// back to when it is wrong.
std::vector<std::string> pageFields(Step page) {
  std::vector<std::string> out;
  for (const auto& f : kGuestBookFields)
    if (f.page == page) out.emplace_back(f.id);
  if (page == Step::Confirm) out.emplace_back("consent");
  return out;
}

Step pageOf(const std::string& field) {
  if (field == "service") return Step::Service;
  if (const auto* f = guestBookField(field)) return f->page;
  return Step::Confirm;
}

// The fields a recalled entry shows masked (nullptr for any other).
std::string* maskableField(core::Visit& v, const std::string& field) {
  const auto* f = guestBookField(field);
  return f && f->maskable ? &(v.*(f->member)) : nullptr;
}

bool isFormStep(Step s) {
  switch (s) {
    case Step::Service: case Step::Scan: case Step::Role: case Step::Details: case Step::Contact:
    case Step::Confirm: return true;
    default: return false;
  }
}

// 128 random bits as hex: an Idempotency-Key no other kiosk will make.
// (std::random_device reads the kernel's generator on Linux, so a restart
// never repeats a key, which a seeded engine could.)
std::string newKey() {
  std::random_device rd;
  std::string k;
  for (int i = 0; i < 4; ++i) {
    char part[9];
    std::snprintf(part, sizeof part, "%08x", static_cast<unsigned>(rd()));
    k += part;
  }
  return k;
}

bool isLowerHex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

const GuestBookField* guestBookField(std::string_view id) {
  for (const auto& f : kGuestBookFields)
    if (f.id == id) return &f;
  return nullptr;
}

QrReading defaultQrReader(std::string_view payload) {
  // A keyboard-wedge scanner ends the code with Enter.
  while (!payload.empty() && (payload.back() == '\n' || payload.back() == '\r')) payload.remove_suffix(1);
  QrReading r;
  if (payload.size() >= 8 && payload.size() <= 64 && isLowerHex(payload)) {
    r.kind = QrReading::Kind::Ticket;
    r.token = std::string(payload);
    return r;
  }
  r.error = core::makeError("qr_unknown", "Kode QR ini bukan formulir atau tiket LPSE.",
                            "This QR code is not an LPSE form or ticket.");
  return r;
}

std::string maskedValue(const std::string& value) {
  static const std::string dot = "\xE2\x80\xA2";  // U+2022 BULLET
  auto dots = [&](std::size_t n) {
    std::string d;
    for (std::size_t i = 0; i < n; ++i) d += dot;
    return d;
  };
  if (value.empty()) return value;
  if (const auto at = value.find('@'); at != std::string::npos && at > 0)
    return value.substr(0, 1) + dots(3) + value.substr(at);
  if (value.size() <= 7) return value.substr(0, 1) + dots(value.size() - 1);
  return value.substr(0, 4) + dots(value.size() - 7) + value.substr(value.size() - 3);
}

std::string_view toString(Step s) {
  switch (s) {
    case Step::Attract: return "attract";
    case Step::Service: return "service";
    case Step::Scan: return "scan";
    case Step::Role: return "role";
    case Step::Details: return "details";
    case Step::Contact: return "contact";
    case Step::Confirm: return "confirm";
    case Step::Submitting: return "submitting";
    case Step::Ticket: return "ticket";
    case Step::TicketScan: return "ticket_scan";
    case Step::TicketStatus: return "ticket_status";
  }
  return "?";
}

std::string statusKey(core::CaseState state) {
  using S = core::CaseState;
  switch (state) {
    case S::Waiting: return "kiosk.status.waiting";
    case S::Called: return "kiosk.status.called";
    case S::Incomplete: case S::AwaitingDocuments: return "kiosk.status.awaiting_documents";
    case S::Delivered: case S::HandedBack: case S::RejectionNotified: return "kiosk.status.done";
    case S::NoShow: return "kiosk.status.no_show";
    case S::Cancelled: return "kiosk.status.cancelled";
    default: return "kiosk.status.in_service";
  }
}

KioskModel::KioskModel(KioskSettings settings) : m_settings(std::move(settings)) {
  if (!m_settings.qrReader) m_settings.qrReader = defaultQrReader;
  wipe();
}

void KioskModel::wipe() {
  // Nothing of the previous visitor survives: a fresh draft, no errors, no
  // ticket, no ticket status, no camera frame.
  m_draft = core::Visit{};
  m_draft.documents = {core::Document::RequestForm};
  m_draft.language = m_lang;
  m_fieldErrors.clear();
  m_submitError.reset();
  m_ticket.reset();
  m_print = PrintState::None;
  m_printDetail.clear();
  m_scanned = false;
  m_frame.reset();
  m_scanError.reset();
  m_lookup = LookupState::None;
  m_lookupToken.clear();
  m_status.reset();
  m_lookupError.reset();
  m_recall = LookupState::None;
  m_recallToken.clear();
  m_recallError.reset();
  m_requestKey.clear();
  m_masked.clear();
  m_idleExtraMs = 0;
  m_moreTimeUsed = 0;
}

void KioskModel::go(Step s, std::int64_t nowMs) {
  // A masked field is never put in an input box: on its page the visitor
  // types it again.
  for (const auto& f : pageFields(s))
    if (m_masked.erase(f)) {
      maskableField(m_draft, f)->clear();
      m_fieldErrors[f].reset();
      draftChanged();
    }
  m_step = s;
  if (!scanning()) m_frame.reset();
  m_scanError.reset();
  touched(nowMs);
}

void KioskModel::start(std::int64_t nowMs) {
  wipe();
  go(Step::Service, nowMs);
}

void KioskModel::chooseService(const std::string& code, std::int64_t nowMs) {
  if (m_draft.service != code) draftChanged();
  m_draft.service = code;
  m_fieldErrors["service"].reset();
  // A form scanned on the attract screen already holds the visitor's data.
  go(m_scanned ? Step::Role : Step::Scan, nowMs);
}

void KioskModel::typeInstead(std::int64_t nowMs) {
  if (m_step == Step::Scan) go(Step::Role, nowMs);
}

bool KioskModel::validatePage(Step page) {
  const auto& fields = pageFields(page);
  if (fields.empty()) return true;
  auto errors = core::validateVisit(m_draft);
  bool ok = true;
  for (const auto& f : fields) m_fieldErrors[f].reset();
  for (const auto& e : errors)
    if (std::find(fields.begin(), fields.end(), e.field) != fields.end()) {
      m_fieldErrors[e.field] = e;
      ok = false;
    }
  return ok;
}

bool KioskModel::next(std::int64_t nowMs) {
  touched(nowMs);
  if (!validatePage(m_step)) return false;
  switch (m_step) {
    case Step::Attract: go(Step::Service, nowMs); break;
    case Step::Service: if (!m_draft.service.empty()) go(Step::Scan, nowMs); break;
    case Step::Scan: go(Step::Role, nowMs); break;
    // A scanned form that is valid skips the typing pages.
    case Step::Role: go(m_scanned && validatePage(Step::Details) && validatePage(Step::Contact) ? Step::Confirm
                                                                                               : Step::Details,
                        nowMs);
      break;
    case Step::Details: go(Step::Contact, nowMs); break;
    case Step::Contact: go(Step::Confirm, nowMs); break;
    default: return false;
  }
  return true;
}

void KioskModel::back(std::int64_t nowMs) {
  switch (m_step) {
    case Step::Service: cancel(); return;
    case Step::Scan: go(Step::Service, nowMs); return;
    case Step::Role: go(m_scanned ? Step::Service : Step::Scan, nowMs); return;
    case Step::Details: go(Step::Role, nowMs); return;
    case Step::Contact: go(Step::Details, nowMs); return;
    case Step::Confirm: go(m_scanned ? Step::Role : Step::Contact, nowMs); return;
    case Step::TicketScan: case Step::TicketStatus: cancel(); return;
    default: return;
  }
}

void KioskModel::edit(Step page, std::int64_t nowMs) {
  if (m_step != Step::Confirm) return;
  if (page == Step::Service || page == Step::Role || page == Step::Details || page == Step::Contact) {
    m_scanned = false;  // from here on the visitor walks the typing pages
    go(page, nowMs);
  }
}

void KioskModel::revalidate(const std::string& field) {
  // Validate as the visitor types, but only fields they have touched.
  auto errors = core::validateVisit(m_draft);
  m_fieldErrors[field].reset();
  for (const auto& e : errors)
    if (e.field == field) m_fieldErrors[field] = e;
}

void KioskModel::setField(const std::string& field, const std::string& value, std::int64_t nowMs) {
  const auto* f = guestBookField(field);
  if (!f) return;
  m_draft.*(f->member) = value;
  m_masked.erase(field);
  draftChanged();
  revalidate(field);
  touched(nowMs);
}

void KioskModel::setRole(core::VisitorRole role, std::int64_t nowMs) {
  if (m_draft.role != role) draftChanged();
  m_draft.role = role;
  // Documents another role needs are not this role's business.
  const auto need = core::requiredDocuments(role);
  auto& docs = m_draft.documents;
  docs.erase(std::remove_if(docs.begin(), docs.end(),
                            [&](core::Document d) { return std::find(need.begin(), need.end(), d) == need.end(); }),
             docs.end());
  touched(nowMs);
}

void KioskModel::toggleDocument(core::Document d, std::int64_t nowMs) {
  auto& docs = m_draft.documents;
  auto it = std::find(docs.begin(), docs.end(), d);
  if (it == docs.end()) docs.push_back(d);
  else docs.erase(it);
  draftChanged();
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

void KioskModel::setServerOnline(bool online) {
  m_serverOnline = online;
  // The reason the last attempt failed no longer holds once it is back.
  if (online && m_submitError && m_submitError->code == "offline") m_submitError.reset();
}

bool KioskModel::submit(std::int64_t nowMs) {
  touched(nowMs);
  if (m_step != Step::Confirm) return false;
  m_fieldErrors.clear();
  m_submitError.reset();
  auto errors = core::validateVisit(m_draft);
  for (const auto& e : errors) m_fieldErrors[e.field] = e;
  if (!errors.empty()) {
    // Send the visitor to the first page with something to fix.
    Step first = Step::Confirm;
    for (const auto& e : errors) first = std::min(first, pageOf(e.field));
    if (first != Step::Confirm) go(first, nowMs);
    return false;
  }
  if (!m_serverOnline) {
    m_submitError = core::makeError("offline", "Server antrian tidak terhubung.", "The queue server is not connected.");
    return false;
  }
  if (m_requestKey.empty()) m_requestKey = newKey();
  m_step = Step::Submitting;
  return true;
}

void KioskModel::cancel() {
  wipe();
  endHelp();
  // The end of a visit: the next visitor starts with the kiosk as it was.
  m_access = {};
  m_step = Step::Attract;
}

void KioskModel::haveTicket(std::int64_t nowMs) {
  wipe();
  go(Step::TicketScan, nowMs);
}

void KioskModel::ticketIssued(const core::IssuedTicket& t, std::int64_t nowMs) {
  m_ticket = t;
  m_step = Step::Ticket;
  m_ticketShownMs = nowMs;
}

void KioskModel::ticketFailed(const core::Error& e) {
  // Back to the confirm page with everything kept, so the visitor can try again.
  m_submitError = e;
  if (!e.field.empty()) m_fieldErrors[e.field] = e;
  m_step = Step::Confirm;
}

void KioskModel::printStarted() { m_print = PrintState::Printing; }

void KioskModel::printFinished(bool ok, const std::string& detail) {
  m_print = ok ? PrintState::Printed : PrintState::Failed;
  m_printDetail = detail;
}

QrOutcome KioskModel::qrRead(std::string_view payload, std::int64_t nowMs) {
  // While a number is being issued or shown, a scan means nothing.
  if (m_step == Step::Submitting || m_step == Step::Ticket) return QrOutcome::Ignored;
  QrReading r = m_settings.qrReader(payload);
  switch (r.kind) {
    case QrReading::Kind::Ticket:
      // On the scan page of a new visit, an old ticket brings back the
      // visitor's last entry; anywhere else it shows where it stands.
      if (m_step == Step::Scan) {
        m_recallToken = r.token;
        m_recall = LookupState::Loading;
        m_recallError.reset();
        m_scanError.reset();
        touched(nowMs);
        return QrOutcome::RecallEntry;
      }
      wipe();
      m_lookupToken = r.token;
      m_lookup = LookupState::Loading;
      go(Step::TicketStatus, nowMs);
      return QrOutcome::LookupTicket;
    case QrReading::Kind::BlankForm:
      // Typed in by hand on paper: type it here too.
      if (m_step == Step::Attract) start(nowMs);
      if (m_step == Step::Scan) go(Step::Role, nowMs);
      touched(nowMs);
      return QrOutcome::Rejected;
    case QrReading::Kind::Form: {
      if (m_step == Step::Attract || m_step == Step::TicketScan || m_step == Step::TicketStatus) wipe();
      fillDraft(r.form);
      // The service is still to be chosen when the form was shown on the
      // attract screen and did not carry it.
      go(m_draft.service.empty() ? Step::Service : Step::Role, nowMs);
      return QrOutcome::FormFilled;
    }
    case QrReading::Kind::Invalid:
      break;
  }
  m_scanError = r.error;
  touched(nowMs);
  return QrOutcome::Rejected;
}

void KioskModel::fillDraft(const core::Visit& from) {
  const std::string chosen = m_draft.service;
  const auto docs = m_draft.documents;
  m_draft = from;
  m_draft.language = m_lang;
  m_draft.consent = false;  // consent is given here, never carried in a code
  m_draft.channel = core::Channel::WalkIn;
  if (!chosen.empty()) m_draft.service = chosen;
  m_draft.documents = docs.empty() ? std::vector<core::Document>{core::Document::RequestForm} : docs;
  m_fieldErrors.clear();
  // What the entry got wrong shows at once, on the page it belongs to.
  for (const auto& f : kGuestBookFields) revalidate(std::string(f.id));
  m_scanned = true;
  m_masked.clear();
  draftChanged();
}

bool KioskModel::canRegisterAgain() const {
  if (m_step != Step::TicketStatus || m_lookup != LookupState::Found || !m_status || !m_serverOnline) return false;
  return core::isTerminal(m_status->state);
}

bool KioskModel::registerAgain(std::int64_t nowMs) {
  if (!canRegisterAgain()) return false;
  const std::string token = m_lookupToken;
  wipe();
  m_recallToken = token;
  m_recall = LookupState::Loading;
  go(Step::Service, nowMs);
  return true;
}

void KioskModel::entryRecalled(const std::string& token, const core::Visit& entry, std::int64_t nowMs) {
  // A late answer for a visitor who has gone (wiped) is dropped.
  if (m_recall != LookupState::Loading || token != m_recallToken) return;
  m_recall = LookupState::Found;
  fillDraft(entry);
  for (const auto& f : kGuestBookFields)
    if (f.maskable && !(m_draft.*(f.member)).empty()) m_masked.emplace(f.id);
  if (m_step == Step::Scan) go(Step::Role, nowMs);
  touched(nowMs);
}

void KioskModel::recallFailed(const std::string& token, const core::Error& e, std::int64_t nowMs) {
  if (m_recall != LookupState::Loading || token != m_recallToken) return;
  m_recall = LookupState::Failed;
  m_recallError = e;
  if (m_step == Step::Scan) m_scanError = e;
  touched(nowMs);
}

void KioskModel::frameArrived(std::shared_ptr<const PreviewFrame> frame) {
  if (!scanning()) return;
  m_frame = std::move(frame);
  if (m_frame && m_camera != CameraState::Live) m_camera = CameraState::Live;
}

void KioskModel::statusLoaded(const core::TicketStatus& s, std::int64_t nowMs) {
  if (m_step != Step::TicketStatus) return;
  m_status = s;
  m_lookup = LookupState::Found;
  m_lookupError.reset();
  touched(nowMs);
}

void KioskModel::statusFailed(const core::Error& e, std::int64_t nowMs) {
  if (m_step != Step::TicketStatus) return;
  m_lookupError = e;
  m_lookup = LookupState::Failed;
  touched(nowMs);
}

bool KioskModel::canRejoin() const {
  return m_lookup == LookupState::Found && m_status && m_status->state == core::CaseState::AwaitingDocuments && m_serverOnline;
}

bool KioskModel::rejoin(std::int64_t nowMs) {
  touched(nowMs);
  if (!canRejoin()) return false;
  m_lookup = LookupState::Loading;
  return true;
}

bool KioskModel::idleWarning(std::int64_t nowMs) const {
  // Never for more than the second half of a (short) idle time: the
  // warning's window sits over the page.
  const int left = secondsLeft(nowMs);
  const int warnS = std::min(m_settings.warnBeforeS, std::max(1, m_settings.idleTimeoutS / 2));
  return m_step != Step::Ticket && left > 0 && left <= warnS;
}

bool KioskModel::moreTime(std::int64_t nowMs) {
  if (!idleWarning(nowMs) || m_moreTimeUsed >= m_settings.maxMoreTime) return false;
  ++m_moreTimeUsed;
  m_lastInputMs = nowMs;
  m_idleExtraMs = std::max<std::int64_t>(0, (m_settings.moreTimeS - m_settings.idleTimeoutS) * 1000LL);
  return true;
}

void KioskModel::tick(std::int64_t nowMs) {
  if (secondsLeft(nowMs) == 0) cancel();
  // Help asked on the attract page (which never times out): the visitor
  // is taken to have gone after the idle time, and the next one may ask anew.
  if (m_help != HelpState::None && m_step == Step::Attract && nowMs - m_lastInputMs >= m_settings.idleTimeoutS * 1000LL)
    endHelp();
}

void KioskModel::setPriority(core::PriorityCategory c, std::int64_t nowMs) {
  touched(nowMs);
  if (m_step != Step::Service) return;
  const auto next = m_draft.priority == c ? core::PriorityCategory::None : c;
  if (next != m_draft.priority) draftChanged();
  m_draft.priority = next;
}

void KioskModel::endHelp() {
  m_help = HelpState::None;
  m_helpOpen = false;
  m_helpKey.clear();
  m_helpAlertId = 0;
  m_helpError.reset();
}

bool KioskModel::askHelp(std::int64_t nowMs) {
  touched(nowMs);
  m_helpOpen = true;
  if (m_help != HelpState::None && m_help != HelpState::Failed) return false;
  if (!m_serverOnline) {
    m_help = HelpState::Failed;
    m_helpError = core::makeError("offline", "Server tidak terhubung.", "The server is not connected.");
    return false;
  }
  if (m_helpKey.empty()) m_helpKey = newKey();
  m_help = HelpState::Asking;
  m_helpError.reset();
  return true;
}

void KioskModel::helpRaised(const std::string& key, const core::HelpAlert& a) {
  if (key != m_helpKey || m_help != HelpState::Asking) return;  // the visit ended meanwhile
  m_helpAlertId = a.id;
  m_help = a.acknowledged ? HelpState::Coming : HelpState::Raised;
}

void KioskModel::helpFailed(const std::string& key, const core::Error& e) {
  if (key != m_helpKey || m_help != HelpState::Asking) return;
  m_help = HelpState::Failed;
  m_helpError = e;
}

bool KioskModel::helpAnswered(std::int64_t id) {
  if (m_help != HelpState::Raised || id != m_helpAlertId) return false;
  m_help = HelpState::Coming;
  m_helpOpen = true;
  return true;
}

int KioskModel::secondsLeft(std::int64_t nowMs) const {
  std::int64_t limitMs = 0, sinceMs = 0;
  if (m_step == Step::Ticket) {
    limitMs = m_settings.ticketScreenS * 1000LL;
    sinceMs = m_ticketShownMs;
  } else if (isFormStep(m_step) || m_step == Step::TicketScan || m_step == Step::TicketStatus) {
    limitMs = m_settings.idleTimeoutS * 1000LL + m_idleExtraMs;
    sinceMs = m_lastInputMs;
  } else {
    return -1;
  }
  const std::int64_t left = limitMs - (nowMs - sinceMs);
  return left <= 0 ? 0 : static_cast<int>((left + 999) / 1000);
}

int KioskModel::waitingFor(const std::string& service) const {
  auto it = m_waiting.find(service);
  return it == m_waiting.end() ? 0 : it->second;
}

int KioskModel::pageNumber() const {
  for (std::size_t i = 0; i < std::size(kFormPages); ++i)
    if (kFormPages[i] == m_step) return static_cast<int>(i) + 1;
  return 0;
}

const std::optional<core::Error>& KioskModel::fieldError(const std::string& field) const {
  static const std::optional<core::Error> none;
  auto it = m_fieldErrors.find(field);
  return it == m_fieldErrors.end() ? none : it->second;
}

}  // namespace lpse::kiosk

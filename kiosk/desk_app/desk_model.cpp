#include "kiosk/desk_app/desk_model.hpp"

#include <algorithm>
#include <cstdio>

#include "kiosk/core/validation.hpp"

namespace lpse::desk {

using core::Action;
using core::CaseState;

namespace {
void toggle(std::vector<core::Document>& v, core::Document d) {
  auto it = std::find(v.begin(), v.end(), d);
  if (it == v.end()) v.push_back(d);
  else v.erase(it);
}
}  // namespace

std::optional<std::int64_t> parseLocalTime(const core::WorkingCalendar& cal, const std::string& text) {
  int y, mo, d, h, mi;
  char tail;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d %2d:%2d%c", &y, &mo, &d, &h, &mi, &tail) != 5) return std::nullopt;
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, mo, d);
  auto date = core::LocalDate::parse(iso);
  if (!date || h < 0 || h > 23 || mi < 0 || mi > 59) return std::nullopt;
  return cal.localMidnight(*date) + (h * 60 + mi) * 60'000LL;
}

void DeskModel::signIn(StaffSession s) {
  m_session = std::move(s);
  m_signingIn = false;
  m_loginError.clear();
  clearMessages();
}

void DeskModel::signOut(std::string reason) {
  const DeskSettings keep = m_settings;
  *this = DeskModel(keep);
  m_loginError = std::move(reason);
}

std::string DeskModel::queue() const {
  if (!m_session) return {};
  switch (m_session->role) {
    case core::ActorRole::Helpdesk: return "helpdesk";
    case core::ActorRole::AdminPpe: return "admin";
    default: return {};
  }
}

void DeskModel::clearMessages() {
  m_error.reset();
  m_info.clear();
}

void DeskModel::setError(const core::Error& e) {
  m_error = e;
  m_info.clear();
}

bool DeskModel::canCallNext() const {
  if (m_busy || !m_online || queue().empty() || m_break) return false;
  if (!m_current) return true;
  // Free for the next visitor once the open case is no longer at this
  // desk's step: closed, or waiting on someone else.
  return core::sectionOf(m_current->kase, role(), m_settings.counter) != core::WorkSection::Mine;
}

DeskRequest DeskModel::callNext() {
  if (!canCallNext()) return {};
  clearMessages();
  m_busy = true;
  DeskRequest r;
  r.kind = DeskRequest::Kind::CallNext;
  r.queue = queue();
  r.counter = m_settings.counter;
  return r;
}

DeskRequest DeskModel::open(std::int64_t caseId) {
  if (!m_session || caseId <= 0) return {};
  clearMessages();
  m_emailFormShown = false;
  m_opening = caseId;
  DeskRequest r;
  r.kind = DeskRequest::Kind::Open;
  r.caseId = caseId;
  return r;
}

void DeskModel::closeCase() {
  m_current.reset();
  m_opening = 0;
  m_form = {};
  m_formCase = 0;
}

core::ActionInput DeskModel::inputFor(Action a) const {
  core::ActionInput in;
  in.note = m_form.note;
  switch (a) {
    case Action::MarkIncomplete: in.missing = checklist().missing(); break;
    case Action::ReturnDocuments: in.returned = m_form.returned; break;
    case Action::MarkValid: in.basis = m_form.basis; break;
    case Action::MarkInvalid: in.reason = m_form.rejection; break;
    case Action::RecordResult: in.outcome = m_form.outcome; break;
    case Action::Archive: in.reference = m_form.reference; break;
    case Action::Cancel: in.reason = m_form.reason; break;
    case Action::NoShow: in.reason = m_form.reason.empty() ? "not_present" : m_form.reason; break;
    case Action::Transfer:
      in.reason = m_form.reason;
      in.counter = m_form.transferCounter;
      in.service = m_form.transferService;
      break;
    case Action::Recall:
    case Action::CallBack: in.counter = m_settings.counter; break;
    default: break;
  }
  return in;
}

bool DeskModel::ready(Action a) const {
  if (!m_current || m_busy || !m_online) return false;
  const auto& d = *m_current;
  if (std::find(d.allowed.begin(), d.allowed.end(), a) == d.allowed.end()) return false;
  // Forwarding needs every document ticked; "incomplete" needs one missing.
  if (a == Action::ForwardToAdmin && !checklist().complete()) return false;
  return core::apply(d.kase.state, a, role(), inputFor(a), d.kase.channel).ok();
}

DeskRequest DeskModel::act(Action a) {
  if (!m_current || m_busy) return {};
  const auto& d = *m_current;
  if (a == Action::ForwardToAdmin && !checklist().complete()) {
    setError(core::makeError("documents_incomplete", "Centang semua dokumen yang diterima sebelum meneruskan berkas.",
                             "Tick every document received before forwarding the dossier.", "missing"));
    return {};
  }
  const auto in = inputFor(a);
  // The same check the server makes, so a missing choice is said at once.
  auto to = core::apply(d.kase.state, a, role(), in, d.kase.channel);
  if (!to) {
    setError(to.error());
    return {};
  }
  clearMessages();
  m_busy = true;
  DeskRequest r;
  r.kind = DeskRequest::Kind::Act;
  r.caseId = d.kase.id;
  r.action = a;
  r.input = in;
  return r;
}

DeskRequest DeskModel::callOutOfOrder(std::int64_t caseId, const std::string& reason) {
  if (m_busy || !m_online || m_break || role() != core::ActorRole::Helpdesk) return {};
  if (auto bad = core::checkCode(core::CodeList::OutOfOrderReason, reason, "reason")) {
    setError(*bad);
    return {};
  }
  clearMessages();
  m_busy = true;
  m_opening = caseId;
  DeskRequest r;
  r.kind = DeskRequest::Kind::Act;
  r.caseId = caseId;
  r.action = Action::Call;
  r.input.counter = m_settings.counter;
  r.input.reason = reason;
  r.input.note = m_form.note;
  return r;
}

void DeskModel::showEmailForm(bool on) {
  m_emailFormShown = on;
  clearMessages();
}

DeskRequest DeskModel::registerEmail(std::int64_t nowMs) {
  if (m_busy || role() != core::ActorRole::Helpdesk) return {};
  const auto& f = m_emailForm;
  core::Visit v;
  v.channel = core::Channel::Email;
  v.service = f.service;
  v.name = f.senderName;
  v.email = f.sender;
  v.agency = f.agency;
  v.phone = f.phone;
  v.purpose = f.subject;
  v.spseUserId = f.spseUserId;
  v.role = f.role;
  v.documents = f.attached;
  // The sender sent their data themselves, for this request.
  v.consent = true;
  if (!f.receivedAt.empty()) {
    auto t = parseLocalTime(m_settings.calendar, f.receivedAt);
    if (!t) {
      setError(core::makeError("bad_value", "Waktu terima: tulis sebagai TTTT-BB-HH JJ:MM, mis. 2026-11-25 09:30.",
                               "Received time: write it as YYYY-MM-DD HH:MM, e.g. 2026-11-25 09:30.", "received_at"));
      return {};
    }
    if (*t > nowMs + 60'000) {
      setError(core::makeError("received_in_future", "Waktu terima e-mail tidak boleh di masa depan.",
                               "The e-mail's received time cannot be in the future.", "received_at"));
      return {};
    }
    v.receivedMs = *t;
  }
  if (auto errors = core::validateVisit(v); !errors.empty()) {
    setError(errors.front());
    return {};
  }
  clearMessages();
  m_busy = true;
  DeskRequest r;
  r.kind = DeskRequest::Kind::RegisterEmail;
  r.visit = v;
  return r;
}

void DeskModel::toggleTicked(core::Document d) { toggle(m_form.ticked, d); }
void DeskModel::toggleReturned(core::Document d) { toggle(m_form.returned, d); }

void DeskModel::startBreak(const std::string& reason, std::int64_t nowMs) {
  if (auto bad = core::checkCode(core::CodeList::BreakReason, reason, "reason")) {
    setError(*bad);
    return;
  }
  m_break = DeskBreak{reason, nowMs};
}

void DeskModel::endBreak() { m_break.reset(); }

void DeskModel::caseLoaded(const client::CaseDetail& d) {
  // A case asked for earlier than the one now wanted is a late answer.
  if (d.kase.id != m_opening) return;
  m_current = d;
  m_stale = false;
  // The form belongs to the step being worked on: a new case or a new step
  // starts it afresh, except the checklist of what was handed over. The
  // checklist starts empty: the staff member ticks what they hold, not what
  // the visitor said they brought.
  if (m_formCase != d.kase.id) {
    m_form = {};
  } else if (m_formState != d.kase.state) {
    const auto ticked = m_form.ticked;
    m_form = {};
    m_form.ticked = ticked;
  }
  m_formCase = d.kase.id;
  m_formState = d.kase.state;
}

void DeskModel::caseFailed(std::int64_t id, const core::Error& e) {
  if (id != m_opening) return;
  setError(e);
}

void DeskModel::actDone(const core::CaseRecord& c) {
  m_busy = false;
  m_opening = c.id;
  clearMessages();
  if (m_current && m_current->kase.id == c.id) {
    m_current->kase = c;
    // Until the detail comes back nothing more is offered for this state.
    m_current->allowed.clear();
    m_stale = true;
    // The step moved on: its form starts now, so a choice made before the
    // detail arrives is kept.
    if (m_formCase == c.id && m_formState != c.state) {
      const auto ticked = m_form.ticked;
      m_form = {};
      m_form.ticked = ticked;
      m_formState = c.state;
    }
  }
}

void DeskModel::requestFailed(const core::Error& e) {
  m_busy = false;
  setError(e);
}

void DeskModel::calledNext(const std::optional<core::CaseRecord>& c) {
  m_busy = false;
  if (!c) {
    m_info = "desk.queue_empty";
    return;
  }
  clearMessages();
  m_opening = c->id;
}

void DeskModel::emailRegistered(const core::CaseRecord& c) {
  m_busy = false;
  m_emailForm = {};
  m_emailFormShown = false;
  m_info = "desk.email.registered";
  m_opening = c.id;
}

void DeskModel::casesLoaded(std::vector<core::CaseRecord> open, std::int64_t nowMs) {
  m_open = std::move(open);
  tick(nowMs);
}

void DeskModel::tick(std::int64_t nowMs) {
  if (!m_session) return;
  m_listMs = nowMs;
  m_work = core::buildWorkList(m_open, role(), m_settings.counter, m_settings.calendar, nowMs);
}

std::vector<core::CaseRecord> DeskModel::searchResults() const { return core::searchByTicket(m_open, m_search); }

std::vector<core::DeviceStatus> DeskModel::alerts() const {
  std::vector<core::DeviceStatus> out;
  for (const auto& d : m_devices)
    if (!d.ok) out.push_back(d);
  return out;
}

int DeskModel::waitingInMyQueue() const {
  if (queue() == "admin") return m_board.waitingAdmin;
  if (queue().empty()) return 0;
  int n = 0;
  for (const auto& [svc, count] : m_board.waiting) n += count;
  return n;
}

std::optional<core::StepTimer> DeskModel::timer(std::int64_t nowMs) const {
  if (!m_current) return std::nullopt;
  return core::stepTimer(m_current->kase, m_settings.standards, m_settings.calendar, nowMs);
}

core::Checklist DeskModel::checklist() const {
  if (!m_current) return {};
  return core::checklistFor(m_current->kase.role, m_form.ticked);
}

core::Checklist DeskModel::returnedChecklist() const {
  if (!m_current) return {};
  return core::checklistFor(m_current->kase.role, m_form.returned);
}

bool DeskModel::noShowOffered() const {
  return m_current && m_current->kase.state == CaseState::Called &&
         core::noShowOffered(m_current->kase.calls, m_settings.recallsBeforeNoShow);
}

std::optional<core::EmailDue> DeskModel::due(std::int64_t nowMs) const {
  if (!m_current || m_current->kase.channel != core::Channel::Email) return std::nullopt;
  const auto& c = m_current->kase;
  return core::emailDue(m_settings.calendar, c.receivedMs ? c.receivedMs : c.createdMs, nowMs);
}

}  // namespace lpse::desk

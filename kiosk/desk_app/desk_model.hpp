#pragma once
// The desk console as a model that decides (the shape of KioskModel):
// commands return the request the runtime should send, results come back
// through the result methods, time is passed in, late answers are dropped.
// Domain choices (code lists, checklist, work lists, timers, no-show offer)
// come from core/desk_rules.hpp. No ImGui here; only the UI thread calls it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/client/api_client.hpp"
#include "kiosk/core/calendar.hpp"
#include "kiosk/core/case_record.hpp"
#include "kiosk/core/desk_rules.hpp"
#include "kiosk/core/sop.hpp"

namespace lpse::desk {

struct DeskSettings {
  std::string counter = "Loket 1";
  core::TimeStandards standards = core::TimeStandards::sopDefaults();
  core::WorkingCalendar calendar;
  int recallsBeforeNoShow = 2;
  std::string officeName = "LPSE";
  // The server sends e-mail replies itself ([email] smtp set up): the desk
  // then says "sent by e-mail" instead of showing text to paste.
  bool mailReplies = false;
};

// The staff member signed in at this desk: their role decides the queue
// and the SOP steps offered.
struct StaffSession {
  std::string username, displayName;
  core::ActorRole role = core::ActorRole::Helpdesk;
  std::int64_t expiresMs = 0;
};

// What the runtime sends for a command.
struct DeskRequest {
  enum class Kind { None, CallNext, Act, Open, RegisterEmail };
  Kind kind = Kind::None;
  std::int64_t caseId = 0;
  core::Action action = core::Action::Call;
  core::ActionInput input;
  core::Visit visit;  // RegisterEmail
  std::string queue, counter;
  explicit operator bool() const { return kind != Kind::None; }
};

// The staff member's choices for the open case, as they make them.
struct CaseForm {
  std::vector<core::Document> ticked;    // the documents checklist (step 5)
  std::vector<core::Document> returned;  // what the visitor brought back (step 7)
  std::string basis;       // verification basis (step 9)
  std::string rejection;   // rejection reason (step 9 -> 11)
  std::string outcome;     // what was done in SPSE (step 10)
  std::string reference;   // archive reference (step 13)
  std::string reason;      // no-show / transfer reason
  std::string transferCounter, transferService;
  std::string note;        // free text with the next step
};

// The e-mail registration form (SOP step 1, e-mail channel).
struct EmailForm {
  std::string receivedAt;  // "YYYY-MM-DD HH:MM" office time; empty: now
  std::string sender, senderName, agency, phone, subject, spseUserId, service = "reset";
  core::VisitorRole role = core::VisitorRole::Ppk;
  std::vector<core::Document> attached = {core::Document::RequestForm};
};

struct DeskBreak {
  std::string reason;
  std::int64_t sinceMs = 0;
};

class DeskModel {
 public:
  explicit DeskModel(DeskSettings s) : m_settings(std::move(s)) {}

  // Sign-in. Nothing of the queue is shown until someone signs in; signing
  // out (or the session ending) forgets everything on screen. The cases
  // stay on the server: any desk of the same role finds them in its lists.
  void signIn(StaffSession s);
  void signOut(std::string reason = {});
  void setSigningIn(bool busy) { m_signingIn = busy; }
  void setLoginError(std::string e) { m_loginError = std::move(e); }
  const std::optional<StaffSession>& session() const { return m_session; }
  bool signedIn() const { return m_session.has_value(); }
  bool signingIn() const { return m_signingIn; }
  const std::string& loginError() const { return m_loginError; }
  core::ActorRole role() const { return m_session ? m_session->role : core::ActorRole::Helpdesk; }
  // The queue this desk calls from: "helpdesk", "admin", or none (supervisor).
  std::string queue() const;

  // Commands. Each returns what to send, or None (with error() saying why).
  DeskRequest callNext();
  DeskRequest open(std::int64_t caseId);
  DeskRequest act(core::Action a);  // the open case, with the form's inputs for `a`
  DeskRequest callOutOfOrder(std::int64_t caseId, const std::string& reason);
  DeskRequest registerEmail(std::int64_t nowMs);
  void toggleTicked(core::Document d);
  void toggleReturned(core::Document d);
  CaseForm& form() { return m_form; }
  EmailForm& emailForm() { return m_emailForm; }
  void showEmailForm(bool on);
  void closeCase();
  void setSearch(std::string q) { m_search = std::move(q); }
  void startBreak(const std::string& reason, std::int64_t nowMs);
  void endBreak();

  // Results from the runtime.
  void caseLoaded(const client::CaseDetail& d);
  void caseFailed(std::int64_t id, const core::Error& e);
  void actDone(const core::CaseRecord& c);
  void requestFailed(const core::Error& e);
  void calledNext(const std::optional<core::CaseRecord>& c);
  void emailRegistered(const core::CaseRecord& c);
  void casesLoaded(std::vector<core::CaseRecord> open, std::int64_t nowMs);
  void setBoard(const core::Board& b) { m_board = b; }
  void setDevices(std::vector<core::DeviceStatus> d) { m_devices = std::move(d); }
  void setOnline(bool on) { m_online = on; }
  void tick(std::int64_t nowMs);  // re-sorts the lists as time passes (deadlines, waiting)

  // What the screens read.
  const DeskSettings& settings() const { return m_settings; }
  bool online() const { return m_online; }
  bool busy() const { return m_busy; }
  bool emailFormShown() const { return m_emailFormShown; }
  const std::optional<core::Error>& error() const { return m_error; }
  const std::string& info() const { return m_info; }  // a strings key, e.g. "desk.queue_empty"
  const std::optional<client::CaseDetail>& current() const { return m_current; }
  // The open case moved on and has not been read again yet (its steps are not offered).
  bool stale() const { return m_stale; }
  const core::WorkList& work() const { return m_work; }
  const std::vector<core::CaseRecord>& openCases() const { return m_open; }
  std::vector<core::CaseRecord> searchResults() const;
  const std::string& search() const { return m_search; }
  const core::Board& board() const { return m_board; }
  std::vector<core::DeviceStatus> alerts() const;
  const std::optional<DeskBreak>& onBreak() const { return m_break; }
  int waitingInMyQueue() const;

  bool canCallNext() const;
  // The open case's step timer in working time, against its standard.
  std::optional<core::StepTimer> timer(std::int64_t nowMs) const;
  // The documents checklist of the open case (its visitor's role).
  core::Checklist checklist() const;
  core::Checklist returnedChecklist() const;
  bool noShowOffered() const;
  // Whether `a` can be sent with what the form holds now (core decides).
  bool ready(core::Action a) const;
  // An e-mail case's deadline, for the open case.
  std::optional<core::EmailDue> due(std::int64_t nowMs) const;

 private:
  core::ActionInput inputFor(core::Action a) const;
  void setError(const core::Error& e);
  void clearMessages();

  DeskSettings m_settings;
  std::optional<StaffSession> m_session;
  bool m_signingIn = false;
  std::string m_loginError;
  std::optional<client::CaseDetail> m_current;
  std::int64_t m_opening = 0;  // the case asked for last: other answers are late
  bool m_stale = false;
  CaseForm m_form;
  std::int64_t m_formCase = 0;  // the case and state the form was started for
  core::CaseState m_formState = core::CaseState::Waiting;
  EmailForm m_emailForm;
  bool m_emailFormShown = false;
  std::vector<core::CaseRecord> m_open;
  core::WorkList m_work;
  std::int64_t m_listMs = 0;
  std::string m_search;
  core::Board m_board;
  bool m_online = false;
  bool m_busy = false;
  std::optional<core::Error> m_error;
  std::string m_info;
  std::vector<core::DeviceStatus> m_devices;
  std::optional<DeskBreak> m_break;
};

// "2026-11-25 09:30" in office time -> epoch ms; nullopt when malformed.
std::optional<std::int64_t> parseLocalTime(const core::WorkingCalendar& cal, const std::string& text);

}  // namespace lpse::desk

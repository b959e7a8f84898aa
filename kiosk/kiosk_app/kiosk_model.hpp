#pragma once
// The kiosk's flow as plain data and commands, with no ImGui in it: the
// screen draws from this model and calls its commands; the runtime feeds it
// results from the server, the printer and the camera. Unit-tested on its own.
//
// The flow (issue #6): attract -> service -> scan the form's QR or type ->
// role and documents -> details -> contact -> confirm (consent) -> ticket.
// A scanned form skips the typing pages. "I already have a ticket" scans the
// ticket and shows its status (and rejoins the queue after a missing
// document was fetched).
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/case_record.hpp"
#include "kiosk/core/ticket_status.hpp"
#include "kiosk/core/error.hpp"
#include "kiosk/core/help_alert.hpp"
#include "kiosk/core/visit.hpp"
#include "kiosk/kiosk_app/kiosk_scan.hpp"
#include "kiosk/ui/touch_keyboard.hpp"  // KeyboardLayout only: a plain enum, no ImGui

namespace lpse::kiosk {

enum class Step {
  Attract,       // office, clock, waiting counts, "touch to start"
  Service,       // which service
  Scan,          // scan the form's QR, or choose to type
  Role,          // role and the documents it needs
  Details,       // name, NIP, agency
  Contact,       // phone, e-mail, purpose
  Confirm,       // summary, data notice and consent, take a number
  Submitting,    // waiting for the server to record the visit
  Ticket,        // the number, large
  TicketScan,    // "I already have a ticket": show it to the camera
  TicketStatus,  // where that ticket stands
};

// The pages a visitor fills in, in order (for "step n of m" and "back").
inline constexpr Step kFormPages[] = {Step::Role, Step::Details, Step::Contact, Step::Confirm};

// The guest-book fields, once: which page asks for each, where it lives in
// the visit, the on-screen keyboard it gets, whether it may be left empty,
// whether a recalled entry shows it masked. Its id is core's error field,
// the strings key kiosk.field.<id> (and kiosk.hint.<id>), and the UI map's
// field_<id>. Adding a field is one row here (and its two strings).
struct GuestBookField {
  std::string_view id;
  Step page;
  std::string core::Visit::*member;
  ui::KeyboardLayout keyboard;
  bool optional;
  bool maskable;
};
inline constexpr GuestBookField kGuestBookFields[] = {
    {"name", Step::Details, &core::Visit::name, ui::KeyboardLayout::Text, false, false},
    {"nip", Step::Details, &core::Visit::nip, ui::KeyboardLayout::Digits, true, true},
    {"agency", Step::Details, &core::Visit::agency, ui::KeyboardLayout::Text, false, false},
    {"phone", Step::Contact, &core::Visit::phone, ui::KeyboardLayout::Phone, false, true},
    {"email", Step::Contact, &core::Visit::email, ui::KeyboardLayout::Email, true, true},
    {"purpose", Step::Contact, &core::Visit::purpose, ui::KeyboardLayout::Text, true, false},
};
// The row for `id`, or null.
const GuestBookField* guestBookField(std::string_view id);

// The visitor's accessibility choices: kept for their whole visit (across
// pages), wiped with their data when it ends.
struct AccessChoices {
  bool largeText = false;
  bool highContrast = false;
  bool speech = false;  // spoken guidance (on by itself when the keypad is used)
  bool operator==(const AccessChoices&) const = default;
};

// What the kiosk says on a page, in the visitor's language: what the page
// is and what to do. Pure data; the speech device reads it.
std::string pageGuidance(Step step, std::string_view lang);
// The end of a visit, read aloud: the number (letter by letter, digit by
// digit), where to go, how many are ahead.
std::string ticketGuidance(const std::string& ticket, const std::string& counter, int ahead, std::string_view lang);
// The idle warning, read aloud.
std::string idleGuidance(int seconds, std::string_view lang);

// "Butuh bantuan petugas" (issue #14): where the visitor's call for help stands.
enum class HelpState {
  None,    // not asked in this visit
  Asking,  // sent to the server, no answer yet
  Raised,  // every signed-in desk shows it
  Coming,  // a staff member answered: someone is coming
  Failed,  // could not be sent (server away): asking again retries
};
// What the kiosk says (and shows) about the call for help.
std::string helpGuidance(HelpState state, std::string_view lang);

enum class PrintState { None, Printing, Printed, Failed };

// The printer as the kiosk last saw it (the spooler checks it off-thread).
struct PrinterView {
  bool canPrint = true;
  std::string stateKey = "status.printer_ok";  // the strings key naming the state
  std::string detail;                          // the printer's own sentence (Indonesian)
};


enum class LookupState { None, Loading, Found, Failed };

// What qrRead did with a payload; the runtime acts on LookupTicket (fetch
// the ticket's status) and RecallEntry (fetch its guest-book entry).
enum class QrOutcome { Ignored, FormFilled, LookupTicket, RecallEntry, Rejected };

struct KioskSettings {
  int idleTimeoutS = 60;        // an untouched form is wiped after this
  int ticketScreenS = 15;       // the ticket screen returns to attract after this
  int minutesPerVisitor = 5;    // for the estimated wait (SOP step 5 standard)
  int retentionDays = 0;        // how long guest-book data is kept (0: not told; the server says)
  int warnBeforeS = 15;         // the idle warning shows this long before the wipe
  int moreTimeS = 30;           // "more time" leaves at least this long
  int maxMoreTime = 20;         // times a visitor may ask for more time in one visit
  std::vector<core::ServiceDef> services = core::defaultServices();
  // Tells a form QR from a ticket QR; kiosk/form's classifier in the real
  // program, defaultQrReader until then.
  QrReader qrReader = defaultQrReader;
};

class KioskModel {
 public:
  explicit KioskModel(KioskSettings settings = {});

  // Visitor commands.
  void start(std::int64_t nowMs);  // "touch to start"
  void chooseService(const std::string& code, std::int64_t nowMs);  // and on to the scan page
  void typeInstead(std::int64_t nowMs);  // from the scan page to the typing pages
  // Next page; validates the fields of this page first (false: errors shown).
  bool next(std::int64_t nowMs);
  void back(std::int64_t nowMs);
  // From the confirm page, back to a page to change something.
  void edit(Step page, std::int64_t nowMs);
  void setField(const std::string& field, const std::string& value, std::int64_t nowMs);
  void setRole(core::VisitorRole role, std::int64_t nowMs);
  void toggleDocument(core::Document d, std::int64_t nowMs);
  void setConsent(bool yes, std::int64_t nowMs);
  // "Prioritas" on the service page: the visitor's category, or None.
  // Choosing the chosen one again clears it.
  void setPriority(core::PriorityCategory c, std::int64_t nowMs);

  // The call for help. True when the runtime should send it: the first
  // press of this visit, or again after it failed. Any other press only
  // shows where it stands: one alert per visitor however often it is
  // pressed. The visit's key (helpKey) is made at the first press and kept
  // until the visit ends (cancel, the idle wipe, the ticket screen's end).
  bool askHelp(std::int64_t nowMs);
  void helpRaised(const std::string& key, const core::HelpAlert& a);
  void helpFailed(const std::string& key, const core::Error& e);
  // A staff member answered alert `id`; true when this visit's alert was
  // waiting for it (the runtime then says someone is coming).
  bool helpAnswered(std::int64_t id);
  void closeHelp() { m_helpOpen = false; }
  void setLanguage(const std::string& lang);
  void touch(std::int64_t nowMs) { touched(nowMs); }  // any tap keeps the form alive
  // "More time" on the idle warning: at least moreTimeS from now (false:
  // no warning showing, or asked maxMoreTime times already).
  bool moreTime(std::int64_t nowMs);
  int moreTimeUsed() const { return m_moreTimeUsed; }
  // The idle warning is showing (the last warnBeforeS seconds of a form).
  bool idleWarning(std::int64_t nowMs) const;
  // Accessibility mode: large text and high contrast, for this visit.
  void setAccess(AccessChoices a) { m_access = a; }
  const AccessChoices& access() const { return m_access; }
  // Validates the whole form; true when it may be sent (Step -> Submitting).
  // With the server away it refuses: no number is given that is not recorded.
  bool submit(std::int64_t nowMs);
  void cancel();  // back to attract, everything wiped
  void haveTicket(std::int64_t nowMs);  // "I already have a ticket"

  // Results from the runtime.
  void ticketIssued(const core::IssuedTicket& t, std::int64_t nowMs);
  void ticketFailed(const core::Error& e);
  void printStarted();
  void printFinished(bool ok, const std::string& detail);
  void setServerOnline(bool online);
  void setPrinter(PrinterView p) { m_printer = std::move(p); }
  void setWaiting(std::map<std::string, int> waiting) { m_waiting = std::move(waiting); }
  void setRetentionDays(int days) { m_settings.retentionDays = days; }
  void statusLoaded(const core::TicketStatus& s, std::int64_t nowMs);
  void statusFailed(const core::Error& e, std::int64_t nowMs);

  // The scanner seam (kiosk_scan.hpp): a payload from the camera's decoder
  // or a keyboard-wedge scanner, the camera's state, a preview frame.
  QrOutcome qrRead(std::string_view payload, std::int64_t nowMs);
  void cameraChanged(CameraState state) { m_camera = state; }
  void frameArrived(std::shared_ptr<const PreviewFrame> frame);

  // "Antri lagi": the visitor is back with the missing document. True when
  // the runtime should send the rejoin (ReturnDocuments) for lookupCaseId().
  bool rejoin(std::int64_t nowMs);

  // A returning visitor's last entry, recalled by their old ticket: scanned
  // on the scan page (QrOutcome::RecallEntry), or "register again" on the
  // status page of a finished ticket (true: the runtime fetches the entry
  // for recallToken(); the visitor chooses the service meanwhile).
  bool registerAgain(std::int64_t nowMs);
  bool canRegisterAgain() const;
  void entryRecalled(const std::string& token, const core::Visit& entry, std::int64_t nowMs);
  void recallFailed(const std::string& token, const core::Error& e, std::int64_t nowMs);

  // Time passes: wipes an idle form, leaves the ticket screen.
  void tick(std::int64_t nowMs);

  // What the screen reads.
  Step step() const { return m_step; }
  const core::Visit& draft() const { return m_draft; }
  const std::string& language() const { return m_lang; }
  const std::optional<core::Error>& fieldError(const std::string& field) const;
  const std::optional<core::Error>& submitError() const { return m_submitError; }
  const std::optional<core::IssuedTicket>& ticket() const { return m_ticket; }
  PrintState printState() const { return m_print; }
  const std::string& printDetail() const { return m_printDetail; }
  bool serverOnline() const { return m_serverOnline; }
  // The take-number button works only with the server there.
  bool canTakeNumber() const { return m_serverOnline && m_step == Step::Confirm; }
  const PrinterView& printer() const { return m_printer; }
  // Told before taking a number: the ticket will not print, the number will
  // still be given on screen.
  bool printerProblem() const { return !m_printer.canPrint; }
  const std::map<std::string, int>& waiting() const { return m_waiting; }
  int waitingFor(const std::string& service) const;
  int estimatedWaitMin(const std::string& service) const { return waitingFor(service) * m_settings.minutesPerVisitor; }
  const KioskSettings& settings() const { return m_settings; }
  // Seconds until the screen returns to attract on its own (for the visible
  // countdown); -1 on screens that stay.
  int secondsLeft(std::int64_t nowMs) const;
  int idleSecondsLeft(std::int64_t nowMs) const { return secondsLeft(nowMs); }
  std::vector<core::Document> missingDocuments() const { return m_draft.missingDocuments(); }
  // 1-based page number among kFormPages and their count; 0 off those pages.
  int pageNumber() const;
  static constexpr int pageCount() { return static_cast<int>(std::size(kFormPages)); }
  // The form came from a scanned QR (the typing pages were skipped).
  bool formScanned() const { return m_scanned; }

  CameraState camera() const { return m_camera; }
  // The newest preview frame, only while a scan page is open (a frame may
  // show a face: it never outlives the page).
  const std::shared_ptr<const PreviewFrame>& frame() const { return m_frame; }
  bool scanning() const { return m_step == Step::Scan || m_step == Step::TicketScan; }
  // Why the last scanned code could not be used (shown on the scan page).
  const std::optional<core::Error>& scanError() const { return m_scanError; }

  // A recalled entry's NIP, phone and e-mail are shown masked: an old ticket
  // may be found by someone else, who must not learn them from the screen.
  // Editing their page clears them for retyping; typing unmasks a field.
  bool masked(const std::string& field) const { return m_masked.count(field) > 0; }

  LookupState recall() const { return m_recall; }
  const std::string& recallToken() const { return m_recallToken; }
  const std::optional<core::Error>& recallError() const { return m_recallError; }

  // The Idempotency-Key of this visitor's ticket request: made at submit,
  // kept while the draft stays the same (a retry after a lost reply gets
  // the same number), new when anything in it changes or for the next
  // visitor.
  const std::string& requestKey() const { return m_requestKey; }

  LookupState lookup() const { return m_lookup; }
  const std::string& lookupToken() const { return m_lookupToken; }
  const std::optional<core::TicketStatus>& ticketStatus() const { return m_status; }
  const std::optional<core::Error>& lookupError() const { return m_lookupError; }
  bool canRejoin() const;

  HelpState help() const { return m_help; }
  bool helpOpen() const { return m_helpOpen; }  // the panel saying where it stands
  const std::string& helpKey() const { return m_helpKey; }
  std::int64_t helpAlertId() const { return m_helpAlertId; }
  const std::optional<core::Error>& helpError() const { return m_helpError; }

 private:
  void touched(std::int64_t nowMs) {
    m_lastInputMs = nowMs;
    m_idleExtraMs = 0;
  }
  void draftChanged() { m_requestKey.clear(); }
  // Puts a scanned form's or a recalled entry's fields into the draft,
  // keeping the service and documents chosen here (consent is never carried).
  void fillDraft(const core::Visit& from);
  void wipe();
  void endHelp();
  void revalidate(const std::string& field);
  bool validatePage(Step page);
  void go(Step s, std::int64_t nowMs);

  KioskSettings m_settings;
  Step m_step = Step::Attract;
  std::string m_lang = "id";
  core::Visit m_draft;
  std::map<std::string, std::optional<core::Error>> m_fieldErrors;
  std::optional<core::Error> m_submitError;
  std::optional<core::IssuedTicket> m_ticket;
  PrintState m_print = PrintState::None;
  std::string m_printDetail;
  bool m_serverOnline = false;
  bool m_scanned = false;
  PrinterView m_printer;
  std::map<std::string, int> m_waiting;
  std::int64_t m_lastInputMs = 0;
  std::int64_t m_idleExtraMs = 0;  // added by "more time" beyond the idle timeout
  int m_moreTimeUsed = 0;
  AccessChoices m_access;
  std::int64_t m_ticketShownMs = 0;

  CameraState m_camera = CameraState::Absent;
  std::shared_ptr<const PreviewFrame> m_frame;
  std::optional<core::Error> m_scanError;

  std::string m_requestKey;
  std::set<std::string> m_masked;

  LookupState m_recall = LookupState::None;
  std::string m_recallToken;
  std::optional<core::Error> m_recallError;

  LookupState m_lookup = LookupState::None;
  std::string m_lookupToken;
  std::optional<core::TicketStatus> m_status;
  std::optional<core::Error> m_lookupError;

  HelpState m_help = HelpState::None;
  bool m_helpOpen = false;
  std::string m_helpKey;
  std::int64_t m_helpAlertId = 0;
  std::optional<core::Error> m_helpError;
};

// A recalled NIP, phone or e-mail as the screen shows it: enough for its
// owner to recognise (0812•••••890, b•••@example.go.id), too little to use.
std::string maskedValue(const std::string& value);

// "attract", "service", ... (for the UI map and logs).
std::string_view toString(Step s);

// Which visitor sentence (kiosk.status.* key) a case state maps to.
std::string statusKey(core::CaseState state);

}  // namespace lpse::kiosk

#pragma once
// The desk's domain choices, as data: the code lists staff pick from
// (verification basis, rejection and other reasons, what was done in SPSE),
// the documents checklist, which case belongs in which work list, when a
// no-show is offered, and step timers in working time. The desk screens
// only show these; the SOP (sop.cpp) checks them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/calendar.hpp"
#include "kiosk/core/case_record.hpp"
#include "kiosk/core/error.hpp"
#include "kiosk/core/sop.hpp"

namespace lpse::core {

enum class CodeList {
  Basis,            // MarkValid: how the dossier was verified (SOP step 9 "Perlengkapan")
  RejectionReason,  // MarkInvalid (step 9 -> 11)
  Outcome,          // RecordResult (step 10): what was done in SPSE
  OutOfOrderReason, // Call of a ticket that is not the queue's head
  TransferReason,   // Transfer to another counter or service
  NoShowReason,
  CancelReason,
  BreakReason,      // a desk's break ("istirahat")
};

struct CodeItem {
  std::string_view code;  // stable: stored in the log, sent on the wire
  std::string_view id, en;
};

const std::vector<CodeItem>& codes(CodeList);
std::string_view toString(CodeList);  // "basis", "rejection_reason", ...
// The sentence for a code in a language ("id"/"en"); the code itself when unknown.
std::string codeLabel(CodeList, std::string_view code, std::string_view lang);
// Refuses a code not in the list, naming the field and the list.
std::optional<Error> checkCode(CodeList, std::string_view code, const std::string& field);
// Which list an action's `reason` comes from.
CodeList reasonListFor(Action);

// Free text staff add to a case: up to kNoteMax bytes of UTF-8, no control
// characters but line breaks.
inline constexpr std::size_t kNoteMax = 500;
std::optional<Error> checkNote(std::string_view note);
// An archive reference ("ARS/2026/11/0042"): 1-40 of letters, digits, / - . _ and spaces.
std::optional<Error> checkArchiveReference(std::string_view ref);

// The documents checklist: the visitor's role's required documents, each
// ticked or not by the staff member; missing = required minus ticked.
struct Checklist {
  std::vector<Document> required;
  std::vector<Document> ticked;
  bool has(Document d) const;
  std::vector<Document> missing() const;
  bool complete() const { return missing().empty(); }
};
Checklist checklistFor(VisitorRole role, const std::vector<Document>& ticked = {});

// A visitor called this many times (first call plus recalls) without
// coming is offered as a no-show: `recallsBeforeNoShow` recalls after the
// first call.
bool noShowOffered(int calls, int recallsBeforeNoShow);

// An e-mailed request is opened the working day it arrived (SOP step 4).
struct EmailDue {
  TimeMs dueMs = 0;
  std::int64_t leftS = 0;  // negative when overdue
  bool overdue = false;
};
EmailDue emailDue(const WorkingCalendar&, TimeMs receivedMs, TimeMs nowMs);

// Where a case stands on a desk's work lists.
enum class WorkSection {
  Queue,         // waiting to be called / taken in order
  Mine,          // open at this desk's counter
  WaitingForMe,  // results to hand back, rejections to tell, rejoined visitors, e-mails due, archives
  Others,        // open elsewhere but workable by this role (a desk that went away)
  None,          // nothing for this role to do
};
std::string_view toString(WorkSection);
WorkSection sectionOf(const CaseRecord&, ActorRole role, const std::string& counter);

struct WorkItem {
  CaseRecord kase;
  WorkSection section = WorkSection::None;
  std::int64_t waitingS = 0;         // in its current state
  std::optional<EmailDue> due;       // e-mail cases not yet opened
};
struct WorkList {
  std::vector<WorkItem> queue, mine, waitingForMe, others;
  std::size_t size() const { return queue.size() + mine.size() + waitingForMe.size() + others.size(); }
};
// The open cases sorted into the four lists, each in the order to work it:
// the queue by priority then arrival, e-mails by deadline, the rest oldest first.
WorkList buildWorkList(const std::vector<CaseRecord>& open, ActorRole role, const std::string& counter,
                       const WorkingCalendar& cal, TimeMs nowMs);
// Cases whose ticket matches `query` ("R-7", "r007", "R-007"): the search box.
std::vector<CaseRecord> searchByTicket(const std::vector<CaseRecord>& cases, std::string_view query);

// The step a case is at and how long it has been there, in working time
// (office hours, breaks and holidays excluded), against its standard.
enum class TimerLevel { Ok, Near, Over, None };
struct StepTimer {
  int step = 0;
  std::int64_t elapsedS = 0;
  int standardMin = 0;  // 0: the step has no standard
  TimerLevel level = TimerLevel::None;
  bool overdue() const { return level == TimerLevel::Over; }
};
// Amber from 80 % of the standard.
std::optional<StepTimer> stepTimer(const CaseRecord&, const TimeStandards&, const WorkingCalendar&, TimeMs nowMs);

// ---- A desk's presence (issue #12 break, issue #13 supervisor board) ----
// A desk tells the server when a staff member signs in or out at it and
// when a break starts and ends: events about no case, with the counter and
// (for a break) a BreakReason code. A desk on a break is offered no work.
enum class DeskPresence { SignedIn, OnBreak, SignedOut };
std::string_view toString(DeskPresence);
// The event kinds: "desk_sign_in", "break_start", "break_end", "desk_sign_out".
// The service report counts "break_start" as a break (a kind starting with
// "break" and not ending in "end").
inline constexpr std::string_view kDeskSignIn = "desk_sign_in", kBreakStart = "break_start",
                                  kBreakEnd = "break_end", kDeskSignOut = "desk_sign_out";
// The presence after a desk event of `kind`; nullopt for any other kind.
std::optional<DeskPresence> presenceAfter(std::string_view kind);

struct DeskStatus {
  std::string counter;   // "Loket 1"
  std::string staff;     // who sent the latest desk event (username)
  std::string role;      // their ActorRole name
  DeskPresence presence = DeskPresence::SignedOut;
  std::string reason;    // BreakReason code while on a break
  TimeMs sinceMs = 0;    // when the presence began
};

}  // namespace lpse::core

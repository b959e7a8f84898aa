#pragma once
// The SOP "Reset Password dan Informasi User ID" as an explicit state
// machine. A case's state names where it stands between the SOP's steps;
// every action is one step's outcome, allowed only to the step's actor and
// only when the step's precondition holds. See shared/sop/README.md.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/error.hpp"
#include "kiosk/core/visit.hpp"

namespace lpse::core {

// Who acts. Kiosk and Display are devices; the rest are staff.
enum class ActorRole { Kiosk, Display, Helpdesk, AdminPpe, Supervisor, Admin };
std::string_view toString(ActorRole);
std::optional<ActorRole> actorRoleFrom(std::string_view);

enum class CaseState {
  Waiting,            // walk-in: ticket issued (step 3), waiting to be called
  Called,             // walk-in: called to a counter (step 4)
  EmailReceived,      // e-mail: dossier arrived (step 1), not yet opened
  Checking,           // step 5: helpdesk checks the dossier is complete
  Incomplete,         // step 6: helpdesk asks the visitor to complete it
  AwaitingDocuments,  // step 7: the visitor is fetching what is missing
  AtAdminQueue,       // step 8 done: dossier handed to Admin PPE, waiting
  Verifying,          // step 9: Admin PPE checks the dossier is true/valid
  Valid,              // step 10: Admin PPE resets / looks up the user ID
  Invalid,            // step 11: Admin PPE writes the rejection notice
  ResultReady,        // step 12: result passed to the helpdesk
  Notified,           // step 13: Admin PPE archives the dossier
  Archived,           // step 14: helpdesk hands the result to the visitor
  HandedBack,         // step 14 done before the archive: step 13 still open
  Delivered,          // done: the visitor has the result
  Rejected,           // rejection notice ready; helpdesk tells the visitor
  RejectionNotified,  // done: the visitor was told
  NoShow,             // done: called and did not come
  Cancelled,          // done: withdrawn by a supervisor
};
std::string_view toString(CaseState);
std::optional<CaseState> caseStateFrom(std::string_view);
bool isTerminal(CaseState);

enum class Action {
  IssueTicket,        // kiosk / front office: guest book -> queue number (steps 2-3)
  ReceiveEmail,       // helpdesk registers an e-mailed dossier (step 1)
  Call,               // helpdesk calls the next ticket (step 4)
  Recall,             // call the same ticket again
  NoShow,             // called visitor did not come
  OpenEmail,          // helpdesk opens the e-mail (step 4, e-mail channel)
  StartCheck,         // the visitor is at the desk: completeness check begins (step 5)
  MarkIncomplete,     // step 5 -> 6: needs the list of missing documents
  RequestCompletion,  // step 6 done: the visitor was asked to complete
  ReturnDocuments,    // step 7 done: back with the documents, rejoins (-> step 5)
  ForwardToAdmin,     // steps 5 -> 8: complete, handed to Admin PPE
  StartVerify,        // Admin PPE takes the dossier (step 9 begins)
  MarkValid,          // step 9 -> 10: needs the basis of the verification
  MarkInvalid,        // step 9 -> 11: needs a reason
  RecordResult,       // step 10 done: reset done / user ID looked up (never the password)
  Reject,             // step 11 done: rejection notice made
  NotifyResult,       // step 12 done: result passed to the helpdesk
  Archive,            // step 13 done
  Deliver,            // step 14 done: the visitor has received it
  NotifyRejection,    // the visitor was told of the rejection
  Cancel,             // supervisor withdraws a case
  CallBack,           // call a visitor back to the counter for the result / rejection
  Transfer,           // hand a called visitor to another counter or service
};
std::string_view toString(Action);
std::optional<Action> actionFrom(std::string_view);

// What an action carries; each step's precondition reads from it.
// Reasons, bases and outcomes are codes from the lists in desk_rules.hpp
// (they go into the append-only log); free text goes in `note`, which the
// store keeps with the case, outside the log, and the retention purge clears.
struct ActionInput {
  std::vector<Document> missing;   // MarkIncomplete
  std::vector<Document> returned;  // ReturnDocuments: what the visitor brought back (optional)
  std::string basis;               // MarkValid: how it was verified (SPSE data, archive, phone)
  std::string reason;              // MarkInvalid, Cancel, NoShow, Transfer, an out-of-order Call
  std::string counter;             // Call/Recall/CallBack: where the visitor should go; Transfer: to
  std::string outcome;             // RecordResult: what was done in SPSE (never the password)
  std::string reference;           // Archive: the archive reference
  std::string service;             // Transfer: to another service (the visitor queues there)
  std::string note;                // free text for the case file, never in the log
};

struct Transition {
  CaseState from;
  Action action;
  CaseState to;
  ActorRole actor;
  int step;  // the SOP step this action completes (0: none)
};

// The whole table, for documentation, tests and the desk UI.
const std::vector<Transition>& transitions();

// The state after `action`, or why not: wrong state, wrong actor, or an
// unmet precondition. Channel decides where ReturnDocuments rejoins.
Result<CaseState> apply(CaseState from, Action action, ActorRole actor, const ActionInput& input,
                        Channel channel = Channel::WalkIn);

// The state a new case starts in for a channel.
CaseState initialState(Channel);

// Actions the actor may take now (for buttons).
std::vector<Action> allowedActions(CaseState, ActorRole, Channel = Channel::WalkIn);

// Which queue a case in this state waits in: "helpdesk", "admin", or none.
std::optional<std::string> queueOf(CaseState);

// Time standards (Mutu Baku) per SOP step, in minutes. The step in progress
// while a case is in a state is `stepInProgress`.
struct TimeStandards {
  std::map<int, int> minutes;  // step -> minutes
  static TimeStandards sopDefaults();
  std::optional<int> forStep(int step) const;
};
std::optional<int> stepInProgress(CaseState, Channel);

}  // namespace lpse::core

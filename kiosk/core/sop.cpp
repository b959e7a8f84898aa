#include "kiosk/core/sop.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "kiosk/core/desk_rules.hpp"
#include "kiosk/core/enum_names.hpp"

namespace lpse::core {
namespace {

using S = CaseState;
using A = Action;
using R = ActorRole;

constexpr std::array<std::pair<ActorRole, std::string_view>, 6> kActors{{
    {R::Kiosk, "kiosk"},
    {R::Display, "display"},
    {R::Helpdesk, "helpdesk"},
    {R::AdminPpe, "admin_ppe"},
    {R::Supervisor, "supervisor"},
    {R::Admin, "admin"},
}};

constexpr std::array<std::pair<CaseState, std::string_view>, 19> kStates{{
    {S::Waiting, "waiting"},
    {S::Called, "called"},
    {S::EmailReceived, "email_received"},
    {S::Checking, "checking"},
    {S::Incomplete, "incomplete"},
    {S::AwaitingDocuments, "awaiting_documents"},
    {S::AtAdminQueue, "at_admin_queue"},
    {S::Verifying, "verifying"},
    {S::Valid, "valid"},
    {S::Invalid, "invalid"},
    {S::ResultReady, "result_ready"},
    {S::Notified, "notified"},
    {S::Archived, "archived"},
    {S::HandedBack, "handed_back"},
    {S::Delivered, "delivered"},
    {S::Rejected, "rejected"},
    {S::RejectionNotified, "rejection_notified"},
    {S::NoShow, "no_show"},
    {S::Cancelled, "cancelled"},
}};

constexpr std::array<std::pair<Action, std::string_view>, 23> kActions{{
    {A::IssueTicket, "issue_ticket"},
    {A::ReceiveEmail, "receive_email"},
    {A::Call, "call"},
    {A::Recall, "recall"},
    {A::NoShow, "no_show"},
    {A::OpenEmail, "open_email"},
    {A::StartCheck, "start_check"},
    {A::MarkIncomplete, "mark_incomplete"},
    {A::RequestCompletion, "request_completion"},
    {A::ReturnDocuments, "return_documents"},
    {A::ForwardToAdmin, "forward_to_admin"},
    {A::StartVerify, "start_verify"},
    {A::MarkValid, "mark_valid"},
    {A::MarkInvalid, "mark_invalid"},
    {A::RecordResult, "record_result"},
    {A::Reject, "reject"},
    {A::NotifyResult, "notify_result"},
    {A::Archive, "archive"},
    {A::Deliver, "deliver"},
    {A::NotifyRejection, "notify_rejection"},
    {A::Cancel, "cancel"},
    {A::CallBack, "callback"},
    {A::Transfer, "transfer"},
}};

std::vector<Transition> buildTable() {
  std::vector<Transition> t = {
      {S::Waiting, A::Call, S::Called, R::Helpdesk, 4},
      {S::Called, A::Recall, S::Called, R::Helpdesk, 0},
      {S::Called, A::NoShow, S::NoShow, R::Helpdesk, 0},
      {S::Called, A::StartCheck, S::Checking, R::Helpdesk, 0},
      {S::EmailReceived, A::OpenEmail, S::Checking, R::Helpdesk, 4},
      {S::Checking, A::MarkIncomplete, S::Incomplete, R::Helpdesk, 5},
      {S::Checking, A::ForwardToAdmin, S::AtAdminQueue, R::Helpdesk, 8},
      {S::Incomplete, A::RequestCompletion, S::AwaitingDocuments, R::Helpdesk, 6},
      // The walk-in target is Waiting; apply() sends e-mail cases to EmailReceived.
      {S::AwaitingDocuments, A::ReturnDocuments, S::Waiting, R::Kiosk, 7},
      {S::AwaitingDocuments, A::ReturnDocuments, S::Waiting, R::Helpdesk, 7},
      {S::AtAdminQueue, A::StartVerify, S::Verifying, R::AdminPpe, 0},
      {S::Verifying, A::MarkValid, S::Valid, R::AdminPpe, 9},
      {S::Verifying, A::MarkInvalid, S::Invalid, R::AdminPpe, 9},
      {S::Valid, A::RecordResult, S::ResultReady, R::AdminPpe, 10},
      {S::Invalid, A::Reject, S::Rejected, R::AdminPpe, 11},
      {S::ResultReady, A::NotifyResult, S::Notified, R::AdminPpe, 12},
      // Steps 13 and 14 both need only the reset result (step 12): either
      // may come first, and the case closes when both are done.
      {S::Notified, A::Archive, S::Archived, R::AdminPpe, 13},
      {S::Notified, A::Deliver, S::HandedBack, R::Helpdesk, 14},
      {S::Archived, A::Deliver, S::Delivered, R::Helpdesk, 14},
      {S::HandedBack, A::Archive, S::Delivered, R::AdminPpe, 13},
      {S::Rejected, A::NotifyRejection, S::RejectionNotified, R::Helpdesk, 11},
      // The visitor waiting for the result is called back to a counter.
      {S::Notified, A::CallBack, S::Notified, R::Helpdesk, 0},
      {S::Archived, A::CallBack, S::Archived, R::Helpdesk, 0},
      {S::Rejected, A::CallBack, S::Rejected, R::Helpdesk, 0},
      // A called visitor handed to another counter keeps their state; to
      // another service, they queue there (apply() picks the target).
      {S::Called, A::Transfer, S::Called, R::Helpdesk, 0},
      {S::Checking, A::Transfer, S::Checking, R::Helpdesk, 0},
      // A supervisor reassigns a case stranded at a desk that went away
      // (signed out, on a break) to another counter or service (issue #13).
      {S::Called, A::Transfer, S::Called, R::Supervisor, 0},
      {S::Checking, A::Transfer, S::Checking, R::Supervisor, 0},
  };
  for (const auto& [state, name] : kStates)
    if (!isTerminal(state)) t.push_back({state, A::Cancel, S::Cancelled, R::Supervisor, 0});
  return t;
}

// Steps that need a visitor standing in the office.
bool walkInOnly(Action a) { return a == A::CallBack || a == A::Transfer; }

std::string stateNameId(CaseState s) {
  switch (s) {
    case S::Waiting: return "menunggu panggilan";
    case S::Called: return "sudah dipanggil";
    case S::EmailReceived: return "e-mail belum dibuka";
    case S::Checking: return "sedang diperiksa kelengkapannya";
    case S::Incomplete: return "berkas tidak lengkap";
    case S::AwaitingDocuments: return "menunggu kelengkapan berkas";
    case S::AtAdminQueue: return "menunggu Admin PPE";
    case S::Verifying: return "sedang diverifikasi Admin PPE";
    case S::Valid: return "berkas valid, sedang diproses";
    case S::Invalid: return "berkas tidak valid";
    case S::ResultReady: return "hasil siap";
    case S::Notified: return "hasil sudah diteruskan";
    case S::Archived: return "berkas sudah diarsipkan";
    case S::HandedBack: return "hasil sudah diserahkan, berkas belum diarsipkan";
    case S::Delivered: return "selesai";
    case S::Rejected: return "permohonan ditolak";
    case S::RejectionNotified: return "penolakan sudah disampaikan";
    case S::NoShow: return "tidak hadir";
    case S::Cancelled: return "dibatalkan";
  }
  return "?";
}

}  // namespace

std::string_view toString(ActorRole r) { return detail::nameOf(kActors, r); }
std::optional<ActorRole> actorRoleFrom(std::string_view s) { return detail::valueOf(kActors, s); }
std::string_view toString(CaseState s) { return detail::nameOf(kStates, s); }
std::optional<CaseState> caseStateFrom(std::string_view s) { return detail::valueOf(kStates, s); }
std::string_view toString(Action a) { return detail::nameOf(kActions, a); }
std::optional<Action> actionFrom(std::string_view s) { return detail::valueOf(kActions, s); }

bool isTerminal(CaseState s) {
  return s == S::Delivered || s == S::RejectionNotified || s == S::NoShow || s == S::Cancelled;
}

const std::vector<Transition>& transitions() {
  static const std::vector<Transition> table = buildTable();
  return table;
}

CaseState initialState(Channel c) { return c == Channel::Email ? S::EmailReceived : S::Waiting; }

Result<CaseState> apply(CaseState from, Action action, ActorRole actor, const ActionInput& in, Channel channel) {
  const auto& table = transitions();
  bool stateFits = false;
  const Transition* match = nullptr;
  for (const auto& t : table) {
    if (t.from != from || t.action != action) continue;
    stateFits = true;
    if (t.actor == actor) match = &t;
  }
  if (!stateFits)
    return makeError("invalid_transition",
                     "Langkah '" + std::string(toString(action)) + "' tidak dapat dilakukan: status permohonan " +
                         stateNameId(from) + ".",
                     "Step '" + std::string(toString(action)) + "' is not possible while the case is '" +
                         std::string(toString(from)) + "'.");
  if (!match)
    return makeError("forbidden_role",
                     "Peran " + std::string(toString(actor)) + " tidak berwenang melakukan langkah ini.",
                     "Role " + std::string(toString(actor)) + " may not take this step.");

  if (channel != Channel::WalkIn && walkInOnly(action))
    return makeError("not_walk_in", "Permohonan lewat e-mail tidak dipanggil atau dipindahkan ke loket.",
                     "An e-mailed request is not called or transferred to a counter.");
  // Preconditions ("Perlengkapan") of the step.
  switch (action) {
    case A::MarkIncomplete:
      if (in.missing.empty())
        return makeError("missing_documents_required", "Sebutkan dokumen yang kurang.",
                         "Name the missing documents.", "missing");
      break;
    case A::MarkValid:
      if (in.basis.empty())
        return makeError("basis_required",
                         "Sebutkan dasar verifikasi (data SPSE, arsip pendaftaran, atau konfirmasi telepon).",
                         "State the basis of verification (SPSE data, registration archive, or phone confirmation).",
                         "basis");
      if (auto bad = checkCode(CodeList::Basis, in.basis, "basis")) return *bad;
      break;
    case A::MarkInvalid:
    case A::Cancel:
      if (in.reason.empty())
        return makeError("reason_required", "Alasan wajib diisi.", "A reason is required.", "reason");
      if (auto bad = checkCode(reasonListFor(action), in.reason, "reason")) return *bad;
      break;
    case A::NoShow:
      if (!in.reason.empty())
        if (auto bad = checkCode(CodeList::NoShowReason, in.reason, "reason")) return *bad;
      break;
    case A::Call:
    case A::Recall:
      if (in.counter.empty())
        return makeError("counter_required", "Loket wajib diisi.", "A counter is required.", "counter");
      break;
    case A::CallBack:
      if (in.counter.empty())
        return makeError("counter_required", "Loket wajib diisi.", "A counter is required.", "counter");
      break;
    case A::RecordResult:
      if (in.outcome.empty())
        return makeError("outcome_required", "Sebutkan apa yang dikerjakan di SPSE (reset password / info user ID).",
                         "State what was done in SPSE (password reset / user ID information).", "outcome");
      if (auto bad = checkCode(CodeList::Outcome, in.outcome, "outcome")) return *bad;
      break;
    case A::Archive:
      if (auto bad = checkArchiveReference(in.reference)) return *bad;
      break;
    case A::Transfer:
      if (in.reason.empty())
        return makeError("reason_required", "Alasan wajib diisi.", "A reason is required.", "reason");
      if (auto bad = checkCode(CodeList::TransferReason, in.reason, "reason")) return *bad;
      if (in.counter.empty() && in.service.empty())
        return makeError("transfer_target_required", "Pilih loket atau layanan tujuan.",
                         "Choose the counter or the service to transfer to.", "counter");
      if (!in.service.empty()) return S::Waiting;
      break;
    default:
      break;
  }
  if (auto bad = checkNote(in.note)) return *bad;
  if (action == A::ReturnDocuments && channel == Channel::Email) return S::EmailReceived;
  return match->to;
}

std::vector<Action> allowedActions(CaseState s, ActorRole actor, Channel channel) {
  std::vector<Action> out;
  for (const auto& t : transitions()) {
    if (channel != Channel::WalkIn && walkInOnly(t.action)) continue;
    if (t.from == s && t.actor == actor && std::find(out.begin(), out.end(), t.action) == out.end())
      out.push_back(t.action);
  }
  return out;
}

std::optional<std::string> queueOf(CaseState s) {
  if (s == S::Waiting) return "helpdesk";
  if (s == S::AtAdminQueue) return "admin";
  return std::nullopt;
}

TimeStandards TimeStandards::sopDefaults() {
  // shared/sop/README.md, column "time standard".
  return TimeStandards{{{3, 5}, {5, 5}, {6, 5}, {9, 15}, {10, 10}, {11, 5}, {12, 5}, {13, 10}, {14, 5}}};
}

std::optional<int> TimeStandards::forStep(int step) const {
  auto it = minutes.find(step);
  if (it == minutes.end()) return std::nullopt;
  return it->second;
}

std::optional<int> stepInProgress(CaseState s, Channel) {
  switch (s) {
    case S::Waiting: case S::Called: case S::EmailReceived: return 4;
    case S::Checking: return 5;
    case S::Incomplete: return 6;
    case S::AwaitingDocuments: return 7;
    case S::AtAdminQueue: return 8;
    case S::Verifying: return 9;
    case S::Valid: return 10;
    case S::Invalid: case S::Rejected: return 11;
    case S::ResultReady: return 12;
    // Steps 13 and 14 run side by side after step 12; the visitor waiting
    // for the result is what the standard of a case measures.
    case S::Notified: return 14;
    case S::Archived: return 14;
    case S::HandedBack: return 13;
    default: return std::nullopt;
  }
}

}  // namespace lpse::core

#include "kiosk/core/desk_rules.hpp"

#include <algorithm>
#include <cctype>

namespace lpse::core {
namespace {

using S = CaseState;

// Every list ends in "other": the staff member then says more in the note.
const std::vector<CodeItem> kBasis = {
    {"spse_data", "Data cocok dengan data SPSE", "Data match SPSE"},
    {"registration_archive", "Cocok dengan arsip pendaftaran asli", "Match the original registration archive"},
    {"phone_confirmation", "Dikonfirmasi lewat telepon", "Confirmed by phone"},
    {"in_person_confirmation", "Dikonfirmasi langsung", "Confirmed in person"},
};
const std::vector<CodeItem> kRejection = {
    {"data_mismatch", "Data tidak cocok dengan SPSE / arsip", "Data do not match SPSE / the archive"},
    {"sk_invalid", "SK Penunjukan / Surat Perintah tidak sah", "Appointment decree / assignment letter not valid"},
    {"not_authorised", "Pemohon bukan pemilik akun", "The requester does not own the account"},
    {"account_not_found", "Akun tidak ditemukan di SPSE", "No such account in SPSE"},
    {"unconfirmed", "Tidak dapat dikonfirmasi", "Could not be confirmed"},
    {"other", "Lainnya (lihat catatan)", "Other (see the note)"},
};
const std::vector<CodeItem> kOutcome = {
    {"password_reset", "Password direset", "Password reset"},
    {"user_id_given", "Informasi user ID dicari", "User ID looked up"},
    {"reset_and_user_id", "Password direset dan user ID dicari", "Password reset and user ID looked up"},
};
const std::vector<CodeItem> kOutOfOrder = {
    {"priority_visitor", "Pengunjung prioritas (lansia, disabilitas, hamil)",
     "Priority visitor (elderly, disabled, pregnant)"},
    {"returned_documents", "Kembali membawa kelengkapan berkas", "Back with the missing documents"},
    {"appointment", "Sudah membuat janji", "Has an appointment"},
    {"missed_call", "Terlewat saat dipanggil", "Missed the earlier call"},
    {"other", "Lainnya (lihat catatan)", "Other (see the note)"},
};
const std::vector<CodeItem> kTransfer = {
    {"wrong_service", "Salah memilih layanan", "Wrong service chosen"},
    {"counter_free", "Loket lain lebih senggang", "Another counter is free"},
    {"needs_other_staff", "Perlu ditangani petugas lain", "Needs another staff member"},
    {"other", "Lainnya (lihat catatan)", "Other (see the note)"},
};
const std::vector<CodeItem> kNoShow = {
    {"not_present", "Tidak hadir setelah dipanggil", "Not present after the calls"},
    {"left", "Sudah pergi", "Left the office"},
    {"other", "Lainnya (lihat catatan)", "Other (see the note)"},
};
const std::vector<CodeItem> kCancel = {
    {"withdrawn", "Dibatalkan pemohon", "Withdrawn by the requester"},
    {"duplicate", "Permohonan ganda", "Duplicate request"},
    {"entered_by_mistake", "Salah input", "Entered by mistake"},
    // The server's end-of-day sweep closes tickets still waiting at closing time.
    {"not_served_today", "Tidak terlayani hari ini (kantor tutup)", "Not served today (office closed)"},
    {"other", "Lainnya (lihat catatan)", "Other (see the note)"},
};
const std::vector<CodeItem> kBreak = {
    {"prayer", "Ibadah", "Prayer"},
    {"meal", "Makan", "Meal"},
    {"meeting", "Rapat / tugas lain", "Meeting / other duty"},
    {"other", "Lainnya", "Other"},
};

bool in(S s, std::initializer_list<S> set) { return std::find(set.begin(), set.end(), s) != set.end(); }

std::string normTicket(std::string_view t) {
  // "R-007", "r7", "R 07" -> "R7": letters upper-cased, separators and
  // leading zeros of the number dropped.
  std::string letters, digits;
  for (char c : t) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) letters.push_back(static_cast<char>(std::toupper(u)));
    else if (std::isdigit(u) && !(digits.empty() && c == '0')) digits.push_back(c);
  }
  return letters + digits;
}

}  // namespace

const std::vector<CodeItem>& codes(CodeList l) {
  switch (l) {
    case CodeList::Basis: return kBasis;
    case CodeList::RejectionReason: return kRejection;
    case CodeList::Outcome: return kOutcome;
    case CodeList::OutOfOrderReason: return kOutOfOrder;
    case CodeList::TransferReason: return kTransfer;
    case CodeList::NoShowReason: return kNoShow;
    case CodeList::CancelReason: return kCancel;
    case CodeList::BreakReason: return kBreak;
  }
  return kBreak;
}

std::string_view toString(CodeList l) {
  switch (l) {
    case CodeList::Basis: return "basis";
    case CodeList::RejectionReason: return "rejection_reason";
    case CodeList::Outcome: return "outcome";
    case CodeList::OutOfOrderReason: return "out_of_order_reason";
    case CodeList::TransferReason: return "transfer_reason";
    case CodeList::NoShowReason: return "no_show_reason";
    case CodeList::CancelReason: return "cancel_reason";
    case CodeList::BreakReason: return "break_reason";
  }
  return "?";
}

std::string codeLabel(CodeList l, std::string_view code, std::string_view lang) {
  for (const auto& c : codes(l))
    if (c.code == code) return std::string(lang == "en" ? c.en : c.id);
  return std::string(code);
}

std::optional<Error> checkCode(CodeList l, std::string_view code, const std::string& field) {
  for (const auto& c : codes(l))
    if (c.code == code) return std::nullopt;
  std::string known;
  for (const auto& c : codes(l)) known += (known.empty() ? "" : ", ") + std::string(c.code);
  return makeError("unknown_code",
                   "Kode '" + std::string(code) + "' tidak ada dalam daftar " + std::string(toString(l)) +
                       " (pilihan: " + known + ").",
                   "Code '" + std::string(code) + "' is not in the list " + std::string(toString(l)) +
                       " (choices: " + known + ").",
                   field);
}

CodeList reasonListFor(Action a) {
  switch (a) {
    case Action::MarkInvalid: return CodeList::RejectionReason;
    case Action::Cancel: return CodeList::CancelReason;
    case Action::NoShow: return CodeList::NoShowReason;
    case Action::Transfer: return CodeList::TransferReason;
    case Action::Call: return CodeList::OutOfOrderReason;
    default: return CodeList::RejectionReason;
  }
}

std::optional<Error> checkNote(std::string_view note) {
  if (note.size() > kNoteMax)
    return makeError("too_long", "Catatan terlalu panjang (paling banyak " + std::to_string(kNoteMax) + " byte).",
                     "The note is too long (at most " + std::to_string(kNoteMax) + " bytes).", "note");
  for (unsigned char c : note)
    if ((c < 0x20 && c != '\n') || c == 0x7f)
      return makeError("bad_value", "Catatan berisi karakter kendali.", "The note holds control characters.", "note");
  return std::nullopt;
}

std::optional<Error> checkArchiveReference(std::string_view ref) {
  if (ref.empty())
    return makeError("reference_required", "Nomor arsip wajib diisi.", "The archive reference is required.",
                     "reference");
  bool ok = ref.size() <= 40 && ref.front() != ' ' && ref.back() != ' ';
  for (unsigned char c : ref)
    ok = ok && (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == ' ');
  if (!ok)
    return makeError("bad_value", "Nomor arsip: 1-40 huruf, angka, / - . _ atau spasi.",
                     "Archive reference: 1-40 letters, digits, / - . _ or spaces.", "reference");
  return std::nullopt;
}

bool Checklist::has(Document d) const { return std::find(ticked.begin(), ticked.end(), d) != ticked.end(); }

std::vector<Document> Checklist::missing() const {
  std::vector<Document> out;
  for (auto d : required)
    if (!has(d)) out.push_back(d);
  return out;
}

Checklist checklistFor(VisitorRole role, const std::vector<Document>& ticked) {
  Checklist c{requiredDocuments(role), {}};
  for (auto d : ticked)
    if (std::find(c.required.begin(), c.required.end(), d) != c.required.end() && !c.has(d)) c.ticked.push_back(d);
  return c;
}

bool noShowOffered(int calls, int recallsBeforeNoShow) { return calls > std::max(0, recallsBeforeNoShow); }

EmailDue emailDue(const WorkingCalendar& cal, TimeMs receivedMs, TimeMs nowMs) {
  EmailDue d;
  d.dueMs = cal.sameWorkingDayDeadline(receivedMs);
  d.leftS = (d.dueMs - nowMs) / 1000;
  d.overdue = nowMs > d.dueMs;
  return d;
}

std::string_view toString(WorkSection s) {
  switch (s) {
    case WorkSection::Queue: return "queue";
    case WorkSection::Mine: return "mine";
    case WorkSection::WaitingForMe: return "waiting_for_me";
    case WorkSection::Others: return "others";
    case WorkSection::None: return "none";
  }
  return "?";
}

WorkSection sectionOf(const CaseRecord& c, ActorRole role, const std::string& counter) {
  if (isTerminal(c.state) || allowedActions(c.state, role, c.channel).empty()) return WorkSection::None;
  const bool atMine = !counter.empty() && c.counter == counter;
  switch (role) {
    case ActorRole::Helpdesk:
      if (c.state == S::Waiting) return c.priority > 0 ? WorkSection::WaitingForMe : WorkSection::Queue;
      if (in(c.state, {S::Called, S::Checking, S::Incomplete}))
        return atMine ? WorkSection::Mine : WorkSection::Others;
      if (in(c.state, {S::EmailReceived, S::Notified, S::Archived, S::Rejected})) return WorkSection::WaitingForMe;
      return WorkSection::Others;
    case ActorRole::AdminPpe:
      if (c.state == S::AtAdminQueue) return WorkSection::Queue;
      if (in(c.state, {S::Verifying, S::Valid, S::Invalid, S::ResultReady}))
        return atMine ? WorkSection::Mine : WorkSection::Others;
      if (in(c.state, {S::Notified, S::HandedBack})) return WorkSection::WaitingForMe;
      return WorkSection::Others;
    default:
      return WorkSection::Others;
  }
}

WorkList buildWorkList(const std::vector<CaseRecord>& open, ActorRole role, const std::string& counter,
                       const WorkingCalendar& cal, TimeMs nowMs) {
  WorkList w;
  for (const auto& c : open) {
    WorkItem it{c, sectionOf(c, role, counter), std::max<std::int64_t>(0, (nowMs - c.stateMs) / 1000), {}};
    if (c.state == S::EmailReceived) it.due = emailDue(cal, c.receivedMs ? c.receivedMs : c.createdMs, nowMs);
    switch (it.section) {
      case WorkSection::Queue: w.queue.push_back(it); break;
      case WorkSection::Mine: w.mine.push_back(it); break;
      case WorkSection::WaitingForMe: w.waitingForMe.push_back(it); break;
      case WorkSection::Others: w.others.push_back(it); break;
      case WorkSection::None: break;
    }
  }
  auto byAge = [](const WorkItem& a, const WorkItem& b) {
    return a.kase.stateMs != b.kase.stateMs ? a.kase.stateMs < b.kase.stateMs : a.kase.id < b.kase.id;
  };
  std::stable_sort(w.queue.begin(), w.queue.end(), [&](const WorkItem& a, const WorkItem& b) {
    if (a.kase.priority != b.kase.priority) return a.kase.priority > b.kase.priority;
    return byAge(a, b);
  });
  std::stable_sort(w.mine.begin(), w.mine.end(), byAge);
  std::stable_sort(w.others.begin(), w.others.end(), byAge);
  // E-mails by their deadline first (the nearest on top), then the rest by age.
  std::stable_sort(w.waitingForMe.begin(), w.waitingForMe.end(), [&](const WorkItem& a, const WorkItem& b) {
    if (a.due.has_value() != b.due.has_value()) return a.due.has_value();
    if (a.due && a.due->dueMs != b.due->dueMs) return a.due->dueMs < b.due->dueMs;
    return byAge(a, b);
  });
  return w;
}

std::vector<CaseRecord> searchByTicket(const std::vector<CaseRecord>& cases, std::string_view query) {
  const std::string q = normTicket(query);
  std::vector<CaseRecord> out;
  if (q.empty()) return out;
  for (const auto& c : cases)
    if (!c.ticket.empty() && normTicket(c.ticket) == q) out.push_back(c);
  return out;
}

std::optional<StepTimer> stepTimer(const CaseRecord& c, const TimeStandards& standards, const WorkingCalendar& cal,
                                   TimeMs nowMs) {
  auto step = stepInProgress(c.state, c.channel);
  if (!step) return std::nullopt;
  StepTimer t;
  t.step = *step;
  t.elapsedS = cal.workingMsBetween(c.stateMs, nowMs) / 1000;
  t.standardMin = standards.forStep(*step).value_or(0);
  if (t.standardMin <= 0) t.level = TimerLevel::None;
  else if (t.elapsedS > t.standardMin * 60LL) t.level = TimerLevel::Over;
  else if (t.elapsedS * 10 >= t.standardMin * 60LL * 8) t.level = TimerLevel::Near;
  else t.level = TimerLevel::Ok;
  return t;
}


std::string_view toString(DeskPresence p) {
  switch (p) {
    case DeskPresence::SignedIn: return "signed_in";
    case DeskPresence::OnBreak: return "on_break";
    case DeskPresence::SignedOut: return "signed_out";
  }
  return "signed_out";
}

std::optional<DeskPresence> presenceAfter(std::string_view kind) {
  if (kind == kDeskSignIn || kind == kBreakEnd) return DeskPresence::SignedIn;
  if (kind == kBreakStart) return DeskPresence::OnBreak;
  if (kind == kDeskSignOut) return DeskPresence::SignedOut;
  return std::nullopt;
}

}  // namespace lpse::core

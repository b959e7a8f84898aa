// The open case: who and what, its step timer against the SOP standard, its
// history and notes, and the steps this role takes now with the choices
// they need (documents checklist, verification basis, rejection reason,
// what was done in SPSE, archive reference). Every list comes from core.
#include <imgui.h>

#include <algorithm>

#include "kiosk/client/clock.hpp"
#include "kiosk/core/result_notice.hpp"
#include "kiosk/core/result_slip.hpp"
#include "kiosk/desk_app/desk_app.hpp"
#include "kiosk/desk_app/desk_text.hpp"
#include "kiosk/desk_app/email_reply.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::desk {

using client::wallClockMs;
using core::Action;
using S = core::CaseState;

namespace {
ImVec4 levelColor(core::TimerLevel l) {
  switch (l) {
    case core::TimerLevel::Over: return ui::colors::kDanger;
    case core::TimerLevel::Near: return ui::colors::kWarn;
    case core::TimerLevel::Ok: return ui::colors::kOk;
    default: return ui::colors::kTextDim;
  }
}
const char* levelName(core::TimerLevel l) {
  switch (l) {
    case core::TimerLevel::Over: return "over";
    case core::TimerLevel::Near: return "near";
    case core::TimerLevel::Ok: return "ok";
    default: return "none";
  }
}
}  // namespace

bool DeskApp::stepButton(Action a, const std::string& label, int style, float width) {
  const std::string id(core::toString(a));
  const bool enabled = m_model.ready(a);
  if (ui::bigButton(id.c_str(), label, {width, 0}, static_cast<ui::ButtonStyle>(style), enabled)) {
    send(m_model.act(a));
    return true;
  }
  return false;
}

// One choice from a core list, two to a row when there is room.
void DeskApp::codeChoice(const char* idPrefix, core::CodeList l, std::string& chosen, float width) {
  const bool twoUp = width >= 600;
  const float w = twoUp ? (width - ImGui::GetStyle().ItemSpacing.x) / 2 : width;
  int n = 0;
  for (const auto& c : core::codes(l)) {
    if (twoUp && n++ % 2) ImGui::SameLine();
    const std::string id = std::string(idPrefix) + std::string(c.code);
    if (ui::bigCheck(id.c_str(), codeText(l, c.code), chosen == c.code, {w, 0})) chosen = std::string(c.code);
  }
}

void DeskApp::drawCase(float w) {
  if (!m_model.current()) {
    ui::bigText("no_case", tr("desk.work.no_case"), {.color = ui::colors::kTextDim});
    return;
  }
  const auto& d = *m_model.current();
  const auto& c = d.kase;
  const std::int64_t now = wallClockMs();
  auto& map = ui::UiMap::current();
  ui::bigText("case_ticket", c.ticket.empty() ? "E-mail #" + std::to_string(c.id) : c.ticket,
              {.font = ui::fonts().large, .color = ui::colors::kAccent});
  map.note("case_ticket", c.ticket);
  map.note("case_id", std::to_string(c.id));
  map.note("case_state", std::string(core::toString(c.state)));
  // For automation: the state as last read from the server (its steps offered).
  if (!m_model.stale()) map.note("case_loaded", std::string(core::toString(c.state)));
  ui::bigText("case_state", tr("desk.state." + std::string(core::toString(c.state))), {.color = ui::colors::kTextDim});
  if (auto t = m_model.timer(now)) {
    std::string line = m_strings.tr("desk.case.step_timer", {{"step", std::to_string(t->step)}, {"time", mmss(t->elapsedS)}});
    if (t->standardMin > 0) line += " / " + std::to_string(t->standardMin) + " min";
    ui::bigText("step_timer", line, {.color = levelColor(t->level)});
    map.note("timer_level", levelName(t->level));
  }
  if (auto due = m_model.due(now); due && c.state == S::EmailReceived) {
    // The time left and the deadline itself (the same working day, SOP step 4).
    const bool en = m_strings.language() == "en";
    const std::string text =
        m_strings.tr(due->overdue ? "desk.email.overdue" : "desk.email.left", {{"time", spanText(due->leftS, en)}}) +
        " \xC2\xB7 " +
        m_strings.tr("desk.email.due",
                     {{"when", core::formatNoticeDate(due->dueMs, m_model.settings().calendar.utcOffsetMinutes, en)}});
    ui::bigText("email_due", text, {.color = due->overdue ? ui::colors::kDanger : ui::colors::kOk});
  }
  if (d.visit) {
    const auto& v = *d.visit;
    ui::bigText("visit_name", v.name, {.font = ui::fonts().bold});
    // Parts joined only when present: an e-mailed request often has no
    // agency, NIP or phone.
    auto joined = [](std::initializer_list<std::string> parts) {
      std::string out;
      for (const auto& p : parts)
        if (!p.empty()) out += (out.empty() ? "" : " \xC2\xB7 ") + p;
      return out;
    };
    ui::bigText("visit_agency", joined({tr("kiosk.role." + std::string(core::toString(v.role))), v.agency}));
    ui::bigText("visit_contact", joined({v.nip.empty() ? "" : "NIP " + v.nip, v.phone, v.email}),
                {.color = ui::colors::kTextDim});
    if (!v.spseUserId.empty()) ui::bigText("visit_user", "User ID SPSE: " + v.spseUserId, {.color = ui::colors::kTextDim});
    if (!v.purpose.empty()) ui::bigText("visit_purpose", v.purpose, {.color = ui::colors::kTextDim});
    // What the visitor said they lack; an e-mail from the mailbox declared
    // nothing (its attachments are in the purpose line), so nothing is said.
    auto declared = v.missingDocuments();
    const bool saidNothing = v.channel == core::Channel::Email && v.documents.empty();
    if (!declared.empty() && !saidNothing) {
      std::string docs;
      for (auto m : declared) docs += (docs.empty() ? "" : ", ") + tr("kiosk.doc." + std::string(core::toString(m)));
      ui::bigText("visit_missing", m_strings.tr("desk.case.missing_declared", {{"docs", docs}}), {.color = ui::colors::kWarn});
    }
  }
  ImGui::Separator();

  switch (m_model.role()) {
    case core::ActorRole::Helpdesk: drawHelpdeskSteps(w); break;
    case core::ActorRole::AdminPpe: drawAdminSteps(w); break;
    default:
      if (std::find(d.allowed.begin(), d.allowed.end(), Action::Cancel) != d.allowed.end()) {
        codeChoice("cancel_", core::CodeList::CancelReason, m_model.form().reason, w);
        stepButton(Action::Cancel, tr("desk.action.cancel"), static_cast<int>(ui::ButtonStyle::Danger), w);
      }
  }
  if (!d.allowed.empty())
    ui::textField("note", tr("desk.work.note"), m_model.form().note,
                  {.hint = tr("desk.work.note_hint").c_str(), .maxBytes = core::kNoteMax, .width = w});
  // Below the step's controls, so a line arriving with the next read never
  // moves a button under the staff member's cursor.
  ImGui::Separator();
  // What earlier steps decided (a rejection's reason, a basis) and the notes.
  for (const auto& h : d.history) {
    if (h.code.empty()) continue;
    core::CodeList list = core::CodeList::RejectionReason;
    if (h.kind == "mark_valid") list = core::CodeList::Basis;
    else if (h.kind == "record_result") list = core::CodeList::Outcome;
    else if (h.kind == "no_show") list = core::CodeList::NoShowReason;
    else if (h.kind == "transfer") list = core::CodeList::TransferReason;
    else if (h.kind == "call") list = core::CodeList::OutOfOrderReason;
    else if (h.kind == "cancel") list = core::CodeList::CancelReason;
    const std::string text = h.kind == "archive"      ? h.code
                             : h.kind == "mail_reply" ? tr("desk.mail_reply." + h.code)
                                                      : codeText(list, h.code);
    ui::bigText(("hist_" + std::to_string(h.seq)).c_str(),
                tr("desk.action." + h.kind) + ": " + text, {.color = ui::colors::kTextDim});
    if (h.kind == "mark_invalid") map.note("rejection_reason", h.code);
  }
  for (const auto& n : d.notes)
    ui::bigText(("note_" + std::to_string(n.seq)).c_str(), n.actor + ": " + n.text, {.color = ui::colors::kTextDim});
}

void DeskApp::drawHelpdeskSteps(float w) {
  const auto& d = *m_model.current();
  const auto& c = d.kase;
  const int primary = static_cast<int>(ui::ButtonStyle::Primary), secondary = static_cast<int>(ui::ButtonStyle::Secondary),
            danger = static_cast<int>(ui::ButtonStyle::Danger);
  const float half = (w - ImGui::GetStyle().ItemSpacing.x) / 2;
  switch (c.state) {
    case S::Waiting: {
      // Calling this ticket now, ahead of the queue: a reason from the list.
      ui::bigText("ooo_title", tr("desk.work.out_of_order"), {.font = ui::fonts().bold});
      codeChoice("ooo_", core::CodeList::OutOfOrderReason, m_outOfOrderReason, w);
      if (ui::bigButton("call_this", tr("desk.work.call_this"), {w, 0}, ui::ButtonStyle::Primary,
                        !m_outOfOrderReason.empty() && m_model.online() && !m_model.busy() && !m_model.onBreak()))
        send(m_model.callOutOfOrder(c.id, m_outOfOrderReason));
      break;
    }
    case S::Called: {
      stepButton(Action::StartCheck, tr("desk.action.start_check"), primary, w);
      stepButton(Action::Recall, m_strings.tr("desk.work.recall_n", {{"n", std::to_string(c.calls)}}), secondary, half);
      ImGui::SameLine();
      const bool offer = m_model.noShowOffered();
      stepButton(Action::NoShow, tr("desk.action.no_show"), offer ? danger : secondary, half);
      if (offer) {
        ui::bigText("no_show_offer", m_strings.tr("desk.work.no_show_offer", {{"n", std::to_string(c.calls)}}),
                    {.color = ui::colors::kWarn});
        ui::UiMap::current().note("no_show_offered", "1");
      }
      // The transfer's choices only when asked for: most visitors stay.
      if (ui::bigButton("transfer_open", tr("desk.work.transfer_title"), {w, 0}, ui::ButtonStyle::Secondary))
        m_transferOpen = !m_transferOpen;
      if (!m_transferOpen) break;
      codeChoice("transfer_", core::CodeList::TransferReason, m_model.form().reason, w);
      ui::textField("transfer_counter", tr("desk.work.transfer_counter"), m_model.form().transferCounter,
                    {.hint = "Loket 2", .maxBytes = 32, .width = w});
      for (const auto& s : m_cfg.services) {
        if (s.code == c.service) continue;
        const std::string id = "transfer_service_" + s.code;
        const bool on = m_model.form().transferService == s.code;
        if (ui::bigCheck(id.c_str(), m_strings.language() == "en" ? s.nameEn : s.nameId, on, {w, 0}))
          m_model.form().transferService = on ? "" : s.code;
      }
      stepButton(Action::Transfer, tr("desk.action.transfer"), secondary, w);
      break;
    }
    case S::EmailReceived:
      stepButton(Action::OpenEmail, tr("desk.action.open_email"), primary, w);
      break;
    case S::Checking: {
      // The documents checklist for the visitor's role (SOP step 5).
      ui::bigText("checklist_title", tr("desk.work.checklist"), {.font = ui::fonts().bold});
      const auto list = m_model.checklist();
      for (auto doc : list.required) {
        const std::string id = "doc_" + std::string(core::toString(doc));
        if (ui::bigCheck(id.c_str(), tr("kiosk.doc." + std::string(core::toString(doc))), list.has(doc), {w, 0}))
          m_model.toggleTicked(doc);
      }
      std::string ticked;
      for (auto doc : list.ticked) ticked += (ticked.empty() ? "" : ",") + std::string(core::toString(doc));
      ui::UiMap::current().note("ticked", ticked);
      stepButton(Action::ForwardToAdmin, tr("desk.action.forward_to_admin"), primary, w);
      stepButton(Action::MarkIncomplete, tr("desk.action.mark_incomplete"), danger, w);
      break;
    }
    case S::Incomplete: {
      std::string docs;
      for (auto m : m_model.checklist().missing())
        docs += (docs.empty() ? "" : ", ") + tr("kiosk.doc." + std::string(core::toString(m)));
      if (!docs.empty()) ui::bigText("missing", m_strings.tr("desk.work.missing", {{"docs", docs}}), {.color = ui::colors::kWarn});
      stepButton(Action::RequestCompletion, tr("desk.action.request_completion"), primary, w);
      break;
    }
    case S::AwaitingDocuments: {
      ui::bigText("returned_title", tr("desk.work.returned"), {.font = ui::fonts().bold});
      const auto list = m_model.returnedChecklist();
      for (auto doc : list.required) {
        const std::string id = "returned_" + std::string(core::toString(doc));
        if (ui::bigCheck(id.c_str(), tr("kiosk.doc." + std::string(core::toString(doc))), list.has(doc), {w, 0}))
          m_model.toggleReturned(doc);
      }
      stepButton(Action::ReturnDocuments, tr("desk.action.return_documents"), primary, w);
      break;
    }
    case S::Notified:
    case S::Archived:
    case S::Rejected:
      drawHandBack(w);
      break;
    default:
      ui::bigText("not_mine", tr("desk.work.not_for_role"), {.color = ui::colors::kTextDim});
  }
}

// Step 14 (or telling a rejection): the slip or the e-mail reply, calling
// the visitor back to the counter, and marking it handed over.
void DeskApp::drawHandBack(float w) {
  const auto& d = *m_model.current();
  const auto& c = d.kase;
  const bool rejected = c.state == S::Rejected;
  const bool email = c.channel == core::Channel::Email;
  const int primary = static_cast<int>(ui::ButtonStyle::Primary), secondary = static_cast<int>(ui::ButtonStyle::Secondary);
  if (email) {
    // The reply: sent by the server when its relay is set, else pasted by hand.
    const auto r = emailReply(d, m_model.settings().officeName, m_model.settings().calendar, m_strings.language());
    const bool mailed = m_model.settings().mailReplies;
    ui::bigText(mailed ? "reply_auto" : "reply_title", tr(mailed ? "desk.email.reply_auto" : "desk.email.reply_paste"),
                {.font = ui::fonts().bold});
    ui::bigText("reply_to", "To: " + r.to + "\nSubject: " + r.subject);
    ui::bigText("reply_body", r.body, {.color = ui::colors::kTextDim});
    ui::UiMap::current().note("reply_body", r.body);
    ui::UiMap::current().note("reply_to", r.to);
    if (!mailed && ui::bigButton("reply_copy", tr("desk.email.copy"), {w, 0}, ui::ButtonStyle::Secondary))
      ImGui::SetClipboardText(("Subject: " + r.subject + "\n\n" + r.body).c_str());
  } else if (!rejected) {
    const auto in = slipInputFor(d, m_model.settings(), m_model.session()->displayName, wallClockMs());
    std::string slip;
    for (const auto& line : core::resultSlip(in, m_model.settings().calendar, m_strings.language()))
      slip += line + "\n";
    ui::bigText("slip_title", tr("desk.work.slip"), {.font = ui::fonts().bold});
    ui::bigText("slip", slip);
    ui::UiMap::current().note("slip", slip);
    drawSlipPrint(w);
  }
  if (!email) stepButton(Action::CallBack, m_strings.tr("desk.work.call_back", {{"counter", m_model.settings().counter}}),
                         secondary, w);
  if (rejected) stepButton(Action::NotifyRejection, tr("desk.action.notify_rejection"), primary, w);
  else stepButton(Action::Deliver,
                  tr(!email ? "desk.action.deliver" : m_model.settings().mailReplies ? "desk.email.send" : "desk.email.sent"),
                  primary, w);
}

// "Print slip" and what became of it: printed, saved only (no printer set),
// or the printer's problem in words with the file kept for printing by hand.
void DeskApp::drawSlipPrint(float w) {
  const std::int64_t id = m_model.current()->kase.id;
  const bool printer = !m_slipOptions.print.printer.empty();
  const std::string label = tr(m_slip.busyFor(id) ? "desk.slip.working" : printer ? "desk.slip.print" : "desk.slip.save");
  if (ui::bigButton("slip_print", label, {w, 0}, ui::ButtonStyle::Secondary, !m_slip.busy())) printSlip();
  const slip::SlipOutcome* o = m_slip.outcomeFor(id);
  if (!o) return;
  auto& map = ui::UiMap::current();
  map.note("slip_file", o->path);
  map.note("slip_printed", o->printed ? "1" : "0");
  if (o->error) {
    std::string text = o->error->message(m_strings.language());
    if (!o->path.empty()) text += " " + m_strings.tr("desk.slip.kept", {{"path", o->path}});
    ui::bigText("slip_status", text, {.color = ui::colors::kDanger});
    map.note("slip_error", o->error->code);
  } else if (o->printed) {
    ui::bigText("slip_status",
                m_strings.tr("desk.slip.printed", {{"printer", m_slipOptions.print.printer}, {"path", o->path}}),
                {.color = ui::colors::kOk});
  } else {
    ui::bigText("slip_status", m_strings.tr("desk.slip.saved", {{"path", o->path}}), {.color = ui::colors::kTextDim});
  }
}

void DeskApp::drawAdminSteps(float w) {
  const auto& c = m_model.current()->kase;
  const int primary = static_cast<int>(ui::ButtonStyle::Primary), danger = static_cast<int>(ui::ButtonStyle::Danger);
  auto& form = m_model.form();
  switch (c.state) {
    case S::AtAdminQueue:
      stepButton(Action::StartVerify, tr("desk.action.start_verify"), primary, w);
      break;
    case S::Verifying:
      // SOP step 9: data match SPSE or the original registration archive;
      // confirm by phone or in person when needed.
      ui::bigText("basis_title", tr("desk.work.basis"), {.font = ui::fonts().bold});
      codeChoice("basis_", core::CodeList::Basis, form.basis, w);
      stepButton(Action::MarkValid, tr("desk.action.mark_valid"), primary, w);
      ui::bigText("reject_title", tr("desk.work.rejection"), {.font = ui::fonts().bold});
      codeChoice("reject_", core::CodeList::RejectionReason, form.rejection, w);
      stepButton(Action::MarkInvalid, tr("desk.action.mark_invalid"), danger, w);
      break;
    case S::Valid:
      ui::bigText("outcome_title", tr("desk.work.outcome"), {.font = ui::fonts().bold});
      codeChoice("outcome_", core::CodeList::Outcome, form.outcome, w);
      ui::bigText("no_password", tr("desk.work.no_password"), {.color = ui::colors::kTextDim});
      stepButton(Action::RecordResult, tr("desk.action.record_result"), primary, w);
      break;
    case S::Invalid:
      stepButton(Action::Reject, tr("desk.action.reject"), primary, w);
      break;
    case S::ResultReady:
      stepButton(Action::NotifyResult, tr("desk.action.notify_result"), primary, w);
      break;
    case S::Notified:
    case S::HandedBack:
      ui::textField("archive_ref", tr("desk.work.archive_ref"), form.reference,
                    {.hint = "ARS/2026/11/0042", .maxBytes = 40, .width = w});
      stepButton(Action::Archive, tr("desk.action.archive"), primary, w);
      break;
    default:
      ui::bigText("not_mine", tr("desk.work.not_for_role"), {.color = ui::colors::kTextDim});
  }
}

}  // namespace lpse::desk

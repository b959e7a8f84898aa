// The desk console: the counter's current case, its guest-book entry, the
// step timer against the SOP standard, and the steps this role may take.
#include <imgui.h>

#include <algorithm>


#include "kiosk/desk_app/desk_app.hpp"
#include "kiosk/client/clock.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::desk {

namespace {
using client::wallClockMs;

std::string mmss(std::int64_t s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
  return buf;
}
}  // namespace

void DeskApp::drawSignIn(ui::Frame& f) {
  ui::beginScreen("desk_sign_in");
  ImGui::PushFont(ui::fonts().large);
  ImGui::TextUnformatted((tr("desk.title") + " \xE2\x80\x94 " + m_model.settings().counter).c_str());
  ImGui::PopFont();
  ImGui::Separator();
  const float w = std::min(640.0f, f.size.x - 2 * ImGui::GetStyle().WindowPadding.x);
  ui::bigText("sign_in_title", tr("desk.sign_in_title"), {.font = ui::fonts().bold});
  // The cursor waits in the first empty box: staff type, not click.
  if (ImGui::IsWindowAppearing() || (m_username.empty() && !ImGui::IsAnyItemActive())) ImGui::SetKeyboardFocusHere();
  ui::textField("username", tr("desk.username"), m_username, {.maxBytes = 32, .width = w});
  ui::FieldOptions secret{.flags = ImGuiInputTextFlags_EnterReturnsTrue, .password = true, .maxBytes = 128, .width = w};
  // With EnterReturnsTrue the field reports only the Enter key.
  const bool enter = ui::textField("password", tr("desk.password"), m_password, secret);
  const bool ready = !m_username.empty() && !m_password.empty() && !m_model.signingIn();
  if ((ui::bigButton("sign_in", m_model.signingIn() ? tr("desk.signing_in") : tr("desk.sign_in"), {w, 90},
                     ui::ButtonStyle::Primary, ready) ||
       (enter && ready)))
    signIn();
  if (!m_model.loginError().empty()) {
    ui::bigText("login_error", m_model.loginError(), {.color = ui::colors::kDanger});
    ui::UiMap::current().note("login_error", m_model.loginError());
  }
  ui::endScreen();
}

void DeskApp::draw(ui::Frame& f) {
  m_worker.drain();
  if (!m_model.signedIn()) return drawSignIn(f);
  ui::beginScreen("desk");
  ImGui::PushFont(ui::fonts().large);
  ImGui::TextUnformatted((tr("desk.title") + " \xE2\x80\x94 " + m_model.settings().counter).c_str());
  ImGui::PopFont();
  const auto& who = *m_model.session();
  ImGui::SameLine();
  // On the title's baseline, not its top.
  const float titleH = ui::fonts().large ? ui::fonts().large->FontSize : ImGui::GetFontSize();
  const float nameH = ui::fonts().body ? ui::fonts().body->FontSize : ImGui::GetFontSize();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (titleH - nameH) * 0.8f);
  ui::bigText("staff_name", who.displayName + " \xC2\xB7 " + tr("desk.role." + std::string(core::toString(who.role))),
              {.color = ui::colors::kTextDim, .wrap = false});
  ui::UiMap::current().note("staff", who.username);
  // Sign-out sits at the end of the status line, not on a line of its own.
  // Being a touch target it is the line's tallest item: the pill and the
  // count are centred on its middle (top-aligned, they sat above it).
  const ImVec2 row = ImGui::GetCursorScreenPos();
  constexpr float kSignOutW = 220;
  ImGui::SetCursorScreenPos({row.x + ImGui::GetContentRegionAvail().x - kSignOutW, row.y});
  if (ui::bigButton("sign_out", tr("desk.sign_out"), {kSignOutW, 0}, ui::ButtonStyle::Secondary)) signOut();
  const float rowH = ImGui::GetItemRectSize().y;
  ImGui::SetCursorScreenPos({row.x, row.y + (rowH - ui::statusPillHeight()) / 2});
  ui::statusPill("server_status", m_model.online() ? tr("status.online") : tr("status.offline"),
                 m_model.online() ? ui::PillState::Online : ui::PillState::Offline);
  ImGui::SameLine();
  const ImFont* body = ui::fonts().body ? ui::fonts().body : ImGui::GetFont();
  ImGui::SetCursorScreenPos({ImGui::GetCursorScreenPos().x, row.y + (rowH - body->FontSize) / 2});
  ui::bigText("waiting", m_strings.tr("desk.waiting_count", {{"n", std::to_string(m_model.waitingInMyQueue())}}),
              {.color = ui::colors::kTextDim, .wrap = false});
  ImGui::SetCursorScreenPos({row.x, row.y + rowH + ImGui::GetStyle().ItemSpacing.y});
  ImGui::Separator();
  for (const auto& a : m_model.alerts()) {
    const std::string text = m_strings.tr("desk.device_alert", {{"device", a.device}, {"detail", a.detail}});
    ui::bigText(("alert_" + a.device + "_" + a.part).c_str(), text, {.color = ui::colors::kDanger});
    ui::UiMap::current().note("device_alert", text);
  }

  if (ui::bigButton("call_next", tr("desk.call_next"), {-1, 110}, ui::ButtonStyle::Primary, m_model.canCallNext()))
    callNext();
  if (!m_model.message().empty())
    ui::bigText("message", m_model.message(),
                {.color = m_model.messageIsError() ? ui::colors::kDanger : ui::colors::kTextDim});
  drawCase(f);
  ui::endScreen();
}

void DeskApp::drawCase(ui::Frame&) {
  if (!m_model.current()) return;
  const auto& d = *m_model.current();
  const auto& c = d.kase;
  ui::bigText("case_ticket", c.ticket.empty() ? "E-mail #" + std::to_string(c.id) : c.ticket,
              {.font = ui::fonts().large, .color = ui::colors::kAccent});
  ui::UiMap::current().note("case_ticket", c.ticket);
  ui::UiMap::current().note("case_state", std::string(core::toString(c.state)));
  ui::bigText("case_state", tr("desk.state." + std::string(core::toString(c.state))), {.color = ui::colors::kTextDim});
  if (auto t = m_model.timer(wallClockMs())) {
    std::string line = m_strings.tr("desk.case.step_timer", {{"step", std::to_string(t->step)}, {"time", mmss(t->elapsedS)}});
    if (t->standardMin > 0) line += " / " + std::to_string(t->standardMin) + " min";
    ui::bigText("step_timer", line, {.color = t->overdue() ? ui::colors::kDanger : ui::colors::kOk});
  }
  if (d.visit) {
    const auto& v = *d.visit;
    ui::bigText("visit_name", v.name, {.font = ui::fonts().bold});
    std::string line = tr("kiosk.role." + std::string(core::toString(v.role))) + " \xC2\xB7 " + v.agency;
    ui::bigText("visit_agency", line);
    ui::bigText("visit_contact", "NIP " + (v.nip.empty() ? "-" : v.nip) + " \xC2\xB7 " + v.phone +
                                     (v.email.empty() ? "" : " \xC2\xB7 " + v.email),
                {.color = ui::colors::kTextDim});
    auto missing = v.missingDocuments();
    if (!missing.empty()) {
      std::string docs;
      for (auto m : missing) docs += (docs.empty() ? "" : ", ") + tr("kiosk.doc." + std::string(core::toString(m)));
      ui::bigText("visit_missing", m_strings.tr("desk.case.missing_declared", {{"docs", docs}}), {.color = ui::colors::kWarn});
    }
  }
  drawActions();
}

void DeskApp::drawActions() {
  const auto& d = *m_model.current();
  const bool enabled = !m_model.busy() && m_model.online();
  int n = 0;
  auto button = [&](const char* id, const std::string& label, core::Action a, core::ActionInput in,
                    ui::ButtonStyle style = ui::ButtonStyle::Secondary) {
    if (n++ % 3 != 0) ImGui::SameLine();
    if (ui::bigButton(id, label, {300, 0}, style, enabled)) act(a, in);
  };
  for (auto a : d.allowed) {
    const std::string name(core::toString(a));
    const std::string label = tr("desk.action." + name);
    core::ActionInput in;
    switch (a) {
      case core::Action::MarkIncomplete: {
        in.missing = d.visit ? d.visit->missingDocuments() : std::vector<core::Document>{};
        if (in.missing.empty()) in.missing = {core::requiredDocuments(d.kase.role).back()};
        button(name.c_str(), label, a, in, ui::ButtonStyle::Danger);
        break;
      }
      case core::Action::MarkValid:
        in.basis = "spse_data";
        button("mark_valid_spse", tr("desk.action.mark_valid_spse"), a, in, ui::ButtonStyle::Primary);
        in.basis = "phone_confirmation";
        button("mark_valid_phone", tr("desk.action.mark_valid_phone"), a, in, ui::ButtonStyle::Primary);
        break;
      case core::Action::MarkInvalid:
        in.reason = "data_mismatch";
        button(name.c_str(), label, a, in, ui::ButtonStyle::Danger);
        break;
      case core::Action::Cancel:
        in.reason = "cancelled_by_supervisor";
        button(name.c_str(), label, a, in, ui::ButtonStyle::Danger);
        break;
      case core::Action::NoShow:
        in.reason = "no_show";
        button(name.c_str(), label, a, in, ui::ButtonStyle::Danger);
        break;
      default:
        button(name.c_str(), label, a, in,
               a == core::Action::Recall ? ui::ButtonStyle::Secondary : ui::ButtonStyle::Primary);
    }
  }
}

}  // namespace lpse::desk

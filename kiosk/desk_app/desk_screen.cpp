// The desk console's frame: sign-in, the header (who, status, break,
// sign-out), the work lists on the left and the open case (or the e-mail
// registration form) on the right. The screens draw the model and send what
// its commands return; they make no domain choice.
#include <imgui.h>

#include <algorithm>

#include "kiosk/client/clock.hpp"
#include "kiosk/desk_app/desk_app.hpp"
#include "kiosk/desk_app/desk_board.hpp"
#include "kiosk/desk_app/desk_text.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::desk {

using client::wallClockMs;

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

void DeskApp::drawHeader(ui::Frame&) {
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
  ui::UiMap::current().note("desk_role", std::string(core::toString(who.role)));
  // The status line: pill, waiting count, then break and sign-out at its end.
  const ImVec2 row = ImGui::GetCursorScreenPos();
  constexpr float kSignOutW = 220, kBreakW = 240;
  ImGui::SetCursorScreenPos({row.x + ImGui::GetContentRegionAvail().x - kSignOutW - kBreakW - 12, row.y});
  const bool onBreak = m_model.onBreak().has_value();
  if (ui::bigButton("break", onBreak ? tr("desk.break.end") : tr("desk.break.start"), {kBreakW, 0},
                    onBreak ? ui::ButtonStyle::Primary : ui::ButtonStyle::Secondary, !m_model.queue().empty())) {
    if (onBreak) {
      m_model.endBreak();
      sendBreak({});
    } else {
      m_breakPicker = !m_breakPicker;
    }
  }
  ImGui::SameLine(0, 12);
  if (ui::bigButton("sign_out", tr("desk.sign_out"), {kSignOutW, 0}, ui::ButtonStyle::Secondary)) return signOut();
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
  if (const auto& b = m_model.onBreak()) {
    const std::string text = m_strings.tr(
        "desk.break.on", {{"reason", codeText(core::CodeList::BreakReason, b->reason)},
                          {"time", mmss((wallClockMs() - b->sinceMs) / 1000)}});
    ui::bigText("break_status", text, {.color = ui::colors::kWarn});
    ui::UiMap::current().note("break", b->reason);
  } else if (m_breakPicker) {
    int n = 0;
    for (const auto& c : core::codes(core::CodeList::BreakReason)) {
      if (n++) ImGui::SameLine();
      const std::string id = "break_" + std::string(c.code);
      if (ui::bigButton(id.c_str(), codeText(core::CodeList::BreakReason, c.code), {0, 0}, ui::ButtonStyle::Secondary)) {
        m_model.startBreak(std::string(c.code), wallClockMs());
        sendBreak(std::string(c.code));
        m_breakPicker = false;
      }
    }
  }
  ImGui::Separator();
  for (const auto& a : m_model.alerts()) {
    const std::string text = m_strings.tr("desk.device_alert", {{"device", a.device}, {"detail", a.detail}});
    ui::bigText(("alert_" + a.device + "_" + a.part).c_str(), text, {.color = ui::colors::kDanger});
    ui::UiMap::current().note("device_alert", text);
  }
}

void DeskApp::draw(ui::Frame& f) {
  m_worker.drain();
  if (!m_model.signedIn()) return drawSignIn(f);
  if (m_model.role() == core::ActorRole::Supervisor) {
    if (m_super->draw(f, *m_model.session(), m_model.online())) signOut();
    return;
  }
  m_model.tick(wallClockMs());
  ui::beginScreen("desk");
  drawHeader(f);
  if (!m_model.signedIn()) return ui::endScreen();  // signed out from the header
  m_help.draw();  // a kiosk's call for help, on every role's screen
  if (m_model.error()) {
    const std::string text = m_model.error()->message(m_strings.language());
    ui::bigText("message", text, {.color = ui::colors::kDanger});
    ui::UiMap::current().note("error", m_model.error()->code);
  } else if (!m_model.info().empty()) {
    ui::bigText("message", tr(m_model.info()), {.color = ui::colors::kTextDim});
    ui::UiMap::current().note("info", m_model.info());
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float listW = std::clamp(avail.x * 0.34f, 360.0f, 520.0f);
  ImGui::BeginChild("worklist", {listW, avail.y}, false);
  drawWorkList(listW, avail.y);
  ui::dragToScroll();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("case", {0, avail.y}, false);
  const float caseW = ImGui::GetContentRegionAvail().x;
  if (m_model.emailFormShown()) drawEmailForm(caseW);
  else drawCase(caseW);
  ui::dragToScroll();
  ImGui::EndChild();
  ui::endScreen();
}

}  // namespace lpse::desk

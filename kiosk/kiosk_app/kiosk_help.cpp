// Priority service and the call for help (issue #14), as the kiosk shows
// them: the "Prioritas" choice on the service page, the priority mark on the
// ticket, the "Butuh bantuan petugas" button in the top bar, the panel that
// says where the call stands, and the runtime that sends it. The decisions
// are the model's (kiosk_model) and the server's (one alert per visit).
#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "kiosk/client/clock.hpp"
#include "kiosk/kiosk_app/kiosk_app.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/key_focus.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::kiosk {

using client::wallClockMs;

std::string KioskApp::priorityMark(core::PriorityCategory c) const {
  if (c == core::PriorityCategory::None) return {};
  return tr("kiosk.priority.mark") + " \xC2\xB7 " + core::priorityLabel(c, m_model.language());
}

// Four ticks under one heading: which category, or none. Chosen before the
// service (tapping a service goes on to the next page); a tick, not a
// colour, shows the choice.
void KioskApp::drawPriorityChoice(const Layout& l) {
  ui::bigText("priority_title", tr("kiosk.priority.title"), {.font = ui::fonts().bold});
  ui::bigText("priority_hint", tr("kiosk.priority.hint"), {.font = ui::fonts().small, .color = ui::colors::kTextDim});
  const float w = ImGui::GetContentRegionAvail().x;
  const int perRow = l.portrait ? 2 : 4;
  const float gap = px(24);
  const float cw = (w - gap * static_cast<float>(perRow - 1)) / static_cast<float>(perRow);
  int i = 0;
  const auto chosen = m_model.draft().priority;
  for (auto c : core::kPriorityCategories) {
    if (i % perRow != 0) ImGui::SameLine(0, gap);
    const std::string id = "priority_" + std::string(core::toString(c));
    if (ui::bigCheck(id.c_str(), core::priorityLabel(c, m_model.language()), chosen == c, {cw, 0}))
      m_model.setPriority(c, wallClockMs());
    ++i;
  }
  ui::UiMap::current().note("priority", core::toString(chosen));
}

// In the top bar on every page: "Butuh bantuan petugas", or "Bantuan" where
// the bar has no room for the whole sentence (it is still read in full).
// Its width is measured (the bar lays itself out around it).
float KioskApp::helpButtonWidth(bool full) const {
  ImFont* font = ui::fonts().bold ? ui::fonts().bold : ImGui::GetFont();
  const std::string label = tr(full ? "kiosk.help.button" : "kiosk.help.short");
  return std::max(ui::minTouchPx(), font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x +
                               ImGui::GetStyle().FramePadding.x * 2.5f);
}

void KioskApp::drawHelpButton(ImVec2 at, float w, float h, bool full) {
  ImGui::SetCursorScreenPos(at);
  const bool asked = m_model.help() != HelpState::None && m_model.help() != HelpState::Failed;
  if (ui::bigButton("help", tr(full ? "kiosk.help.button" : "kiosk.help.short"), {w, h}, asked ? ui::ButtonStyle::Primary : ui::ButtonStyle::Secondary))
    askHelp();
  // What it does in full, for the keypad's reading and the UI map.
  ui::UiMap::current().setLastText(tr("kiosk.help.button"));
  ui::UiMap::current().note("help", helpStateName(m_model.help()));
}

std::string KioskApp::helpStateName(HelpState s) {
  switch (s) {
    case HelpState::None: return "none";
    case HelpState::Asking: return "asking";
    case HelpState::Raised: return "raised";
    case HelpState::Coming: return "coming";
    case HelpState::Failed: return "failed";
  }
  return "none";
}

void KioskApp::askHelp() {
  const bool send = m_model.askHelp(wallClockMs());
  speak(helpGuidance(m_model.help(), m_model.language()));
  ui::KeyFocus::current().focus("help_close");
  if (!send) return;
  const std::string key = m_model.helpKey();
  m_worker.post([this, key] {
    auto a = m_api.raiseHelp(key);
    m_worker.toUi([this, key, a] {
      if (a) m_model.helpRaised(key, *a);
      else m_model.helpFailed(key, a.error());
      if (m_model.helpKey() == key) speak(helpGuidance(m_model.help(), m_model.language()));
    });
  });
}

// A desk answered some alert (the stream said so), or the stream is back
// after a break: is it this visit's?
void KioskApp::checkHelp() {
  if (m_model.help() != HelpState::Raised) return;
  const std::int64_t id = m_model.helpAlertId();
  m_worker.post([this, id] {
    auto a = m_api.helpAlert(id);
    if (!a || !a->acknowledged) return;
    m_worker.toUi([this, id] {
      if (m_model.helpAnswered(id)) {
        speak(helpGuidance(HelpState::Coming, m_model.language()));
        ui::KeyFocus::current().focus("help_close");
      }
    });
  });
}

// Over the page, like the idle warning: where the call stands, and "close".
void KioskApp::drawHelpPanel(const Layout& l) {
  if (!m_model.helpOpen() || m_model.help() == HelpState::None) return;
  const HelpState s = m_model.help();
  std::string text = helpGuidance(s, m_model.language());
  if (s == HelpState::Failed && m_model.helpError())
    text += " (" + m_model.helpError()->message(m_model.language()) + ")";
  const float w = std::min(l.size.x - 2 * l.pad, px(1100));
  ImGui::SetNextWindowPos({(l.size.x - w) * 0.5f, l.size.y * 0.22f});
  ImGui::SetNextWindowSize({w, 0});
  const bool coming = s == HelpState::Coming;
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::colors::kPanel);
  ImGui::PushStyleColor(ImGuiCol_Border, coming ? ui::colors::kOk : ui::colors::kAccent);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, px(6));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, px(20));
  ImGui::Begin("help_overlay", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
  ui::bigText("help_title", tr(coming ? "kiosk.help.coming_title" : "kiosk.help.title"), {.font = ui::fonts().large});
  ui::bigText("help_text", text, {.font = ui::fonts().bold});
  const float bw = ImGui::GetContentRegionAvail().x;
  if (s == HelpState::Failed &&
      ui::bigButton("help_retry", tr("kiosk.help.retry"), {bw, 0}, ui::ButtonStyle::Primary, m_model.serverOnline()))
    askHelp();
  if (ui::bigButton("help_close", tr("common.close"), {bw, 0}, ui::ButtonStyle::Secondary)) m_model.closeHelp();
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
  ui::UiMap::current().note("overlay", "help_overlay");
  ui::UiMap::current().note("help_text", text);
}

}  // namespace lpse::kiosk

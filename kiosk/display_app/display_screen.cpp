// The wall display: the newest call huge, every counter's number, the last
// calls, the waiting counts, a clock and a running text.
#include <imgui.h>

#include <cmath>

#include "kiosk/display_app/display_app.hpp"
#include "kiosk/client/clock.hpp"
#include "kiosk/ui/clock_text.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::display {

using client::wallClockMs;

void DisplayApp::draw(ui::Frame& f) {
  m_worker.drain();
  const std::int64_t now = wallClockMs();
  ui::beginScreen("display");
  const float pad = ImGui::GetStyle().WindowPadding.x;

  ImGui::PushFont(ui::fonts().large);
  ImGui::TextUnformatted(m_cfg.office.name.c_str());
  ImGui::PopFont();
  ImGui::SameLine(f.size.x - pad - 560);
  ui::bigText("clock", ui::formatDateTime(now, m_cfg.office.calendar.utcOffsetMinutes, "id"),
              {.color = ui::colors::kTextDim, .wrap = false});
  if (!m_model.registered())
    ui::statusPill("server_status", tr("status.not_registered") + " (" + m_cfg.display.id + ")", ui::PillState::Offline);
  else if (!m_model.online())
    ui::statusPill("server_status", tr("status.offline"), ui::PillState::Offline);
  ImGui::Separator();

  const float leftW = f.size.x * 0.58f;
  const float bodyH = f.size.y - ImGui::GetCursorPosY() - 70;
  ImGui::BeginChild("now", {leftW, bodyH}, true);
  ui::bigText("queue_number_label", tr("display.queue_number"), {.font = ui::fonts().large, .align = ui::Align::Center});
  auto call = m_model.latestCall();
  const bool flash = m_model.highlighted(now) && (now / 500) % 2 == 0;
  // The running text scrolls, and a fresh call blinks; otherwise the loop sleeps.
  m_animating = m_model.highlighted(now) || !m_cfg.display.runningText.empty();
  if (call) {
    ui::bigText("called_number", call->ticket,
                {.font = ui::fonts().huge, .color = flash ? ui::colors::kText : ui::colors::kAccent,
                 .align = ui::Align::Center, .fit = true});
    ui::bigText("called_counter", call->counter, {.font = ui::fonts().large, .align = ui::Align::Center});
    ui::UiMap::current().note("called_number", call->ticket);
    ui::UiMap::current().note("called_counter", call->counter);
  } else {
    ui::bigText("no_queue", tr("display.no_queue"), {.font = ui::fonts().large, .color = ui::colors::kTextDim,
                                                      .align = ui::Align::Center});
  }
  ImGui::EndChild();
  ImGui::SameLine();

  ImGui::BeginChild("side", {0, bodyH}, true);
  ui::bigText("counters_title", tr("display.now_serving"), {.font = ui::fonts().bold});
  for (const auto& c : m_model.board().current) {
    ui::bigText(("counter_" + c.counter).c_str(), c.counter + "   " + c.ticket, {.font = ui::fonts().large});
  }
  ImGui::Separator();
  ui::bigText("waiting_title", tr("display.waiting"), {.font = ui::fonts().bold});
  for (const auto& [svc, n] : m_model.board().waiting) {
    std::string name = svc;
    for (const auto& s : m_cfg.services)
      if (s.code == svc) name = s.nameId;
    ui::bigText(("waiting_" + svc).c_str(), name + ": " + std::to_string(n));
  }
  ImGui::Separator();
  ui::bigText("recent_title", tr("display.last_called"), {.font = ui::fonts().bold});
  int shown = 0;
  for (const auto& c : m_model.board().recent) {
    if (++shown > 5) break;
    ui::bigText(("recent_" + std::to_string(shown)).c_str(), c.ticket + "  \xC2\xB7  " + c.counter,
                {.color = ui::colors::kTextDim});
  }
  ImGui::EndChild();

  // Running text, moving right to left; it needs frames only while shown.
  if (!m_cfg.display.runningText.empty()) {
    ImGui::PushFont(ui::fonts().body);
    const float textW = ImGui::CalcTextSize(m_cfg.display.runningText.c_str()).x;
    const float span = f.size.x + textW;
    const float x = f.size.x - std::fmod(static_cast<float>(f.timeSeconds) * 90.0f, span);
    ImGui::SetCursorPos({x, f.size.y - 55});
    ImGui::TextUnformatted(m_cfg.display.runningText.c_str());
    ImGui::PopFont();
  }
  ui::endScreen();
}

}  // namespace lpse::display

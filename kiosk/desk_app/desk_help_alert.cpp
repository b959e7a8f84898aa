#include "kiosk/desk_app/desk_help_alert.hpp"

#include <imgui.h>

#include <algorithm>

#include "kiosk/ui/clock_text.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::desk {

void HelpAlerts::loaded(std::vector<core::HelpAlert> open) {
  m_open = std::move(open);
  // An answer still on its way keeps its mark only while its alert is listed.
  for (auto it = m_answering.begin(); it != m_answering.end();) {
    const bool listed = std::any_of(m_open.begin(), m_open.end(), [&](const auto& a) { return a.id == *it; });
    it = listed ? std::next(it) : m_answering.erase(it);
  }
}

bool HelpAlerts::answer(std::int64_t id) {
  const bool listed = std::any_of(m_open.begin(), m_open.end(), [&](const auto& a) { return a.id == id; });
  if (!listed || m_answering.count(id)) return false;
  m_answering.insert(id);
  m_error.reset();
  return true;
}

void HelpAlerts::answered(const core::HelpAlert& a) {
  m_answering.erase(a.id);
  if (a.acknowledged)
    m_open.erase(std::remove_if(m_open.begin(), m_open.end(), [&](const auto& x) { return x.id == a.id; }), m_open.end());
}

void HelpAlerts::answerFailed(std::int64_t id, const core::Error& e) {
  m_answering.erase(id);
  m_error = e;
}

void HelpAlerts::clear() {
  m_open.clear();
  m_answering.clear();
  m_error.reset();
}

HelpAlertBar::HelpAlertBar(client::ApiClient& api, client::Worker& worker, ui::Strings& strings, int utcOffsetMinutes)
    : m_api(api), m_worker(worker), m_strings(strings), m_utcOffsetMinutes(utcOffsetMinutes) {}

void HelpAlertBar::refresh() {
  m_worker.post([this] {
    auto list = m_api.helpAlerts();
    if (!list) return;  // kept as it was; the desk's own refresh deals with a lost session
    m_worker.toUi([this, open = *list]() mutable { m_model.loaded(std::move(open)); });
  });
}

void HelpAlertBar::answer(std::int64_t id) {
  if (!m_model.answer(id)) return;
  m_worker.post([this, id] {
    auto a = m_api.acknowledgeHelp(id);
    m_worker.toUi([this, id, a] {
      if (a) m_model.answered(*a);
      else m_model.answerFailed(id, a.error());
    });
  });
}

void HelpAlertBar::draw() {
  if (m_model.open().empty() && !m_model.error()) return;
  const float w = ImGui::GetContentRegionAvail().x;
  const float pad = 12;
  ImFont* bold = ui::fonts().bold ? ui::fonts().bold : ImGui::GetFont();
  for (const auto& a : m_model.open()) {
    const std::string text = m_strings.tr("desk.help.alert", {{"kiosk", core::deviceLabel(a.device)},
                                                              {"time", ui::formatTime(a.raisedMs, m_utcOffsetMinutes)}});
    const std::string button = m_model.answering(a.id) ? m_strings.tr("desk.help.answering") : m_strings.tr("desk.help.ack");
    const float bw = std::max(260.0f, bold->CalcTextSizeA(bold->FontSize, 1e9f, 0, button.c_str()).x + 48);
    const float h = std::max(ui::minTouchPx(), bold->FontSize + ImGui::GetStyle().FramePadding.y * 2);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    // A red band with the words on it: the words say it, not only the colour.
    ImGui::GetWindowDrawList()->AddRectFilled({at.x, at.y}, {at.x + w, at.y + h + 2 * pad},
                                              ImGui::GetColorU32(ui::colors::kDanger), 10);
    ImGui::SetCursorScreenPos({at.x + pad, at.y + pad + (h - bold->FontSize) / 2});
    const std::string id = "help_alert_" + std::to_string(a.id);
    ImGui::PushTextWrapPos(at.x + w - bw - 3 * pad - ImGui::GetWindowPos().x);
    ui::bigText(id.c_str(), text, {.font = bold, .color = ui::colors::kText, .wrap = false, .fit = true});
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos({at.x + w - bw - pad, at.y + pad});
    const std::string bid = "help_ack_" + std::to_string(a.id);
    if (ui::bigButton(bid.c_str(), button, {bw, h}, ui::ButtonStyle::Secondary, !m_model.answering(a.id))) answer(a.id);
    ui::UiMap::current().note("help_alert", text);
    ImGui::SetCursorScreenPos({at.x, at.y + h + 2 * pad + ImGui::GetStyle().ItemSpacing.y});
    ImGui::Dummy({w, 0});
  }
  ui::UiMap::current().note("help_alerts", std::to_string(m_model.open().size()));
  if (m_model.error()) ui::bigText("help_error", m_model.error()->message(m_strings.language()), {.color = ui::colors::kDanger});
}

}  // namespace lpse::desk

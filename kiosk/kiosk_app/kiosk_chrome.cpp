// What every kiosk screen shares: the top bar (office, clock, language,
// server and printer state), the page header with its progress, the footer
// with cancel / back / the page's action, the idle warning.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "kiosk/client/clock.hpp"
#include "kiosk/kiosk_app/kiosk_app.hpp"
#include "kiosk/ui/clock_text.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::kiosk {

namespace {
using client::wallClockMs;

constexpr float kFooterButtonH = 110;
constexpr float kWarnBelowS = 15;  // the idle warning shows for the last seconds

float textWidth(ImFont* font, const std::string& s) {
  if (!font) font = ImGui::GetFont();
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.c_str()).x;
}

float lineH(ImFont* font) { return font ? font->FontSize : ImGui::GetFontSize(); }

}  // namespace

KioskApp::Layout KioskApp::layout(const ui::Frame& f) const {
  Layout l;
  l.size = f.size;
  l.portrait = f.size.y > f.size.x;
  l.pad = ImGui::GetStyle().WindowPadding.x;
  return l;
}

void KioskApp::drawTopBar(const Layout& l) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float pad = l.pad;
  const float right = l.size.x - pad;
  const float logo = 88;
  const std::int64_t now = wallClockMs();
  const int offset = m_cfg.office.calendar.utcOffsetMinutes;
  const std::string& lang = m_model.language();

  // Left: the mark, the office, what the kiosk is for.
  ui::logoMark("logo", logo);
  ImGui::SameLine(0, 24);
  ImGui::BeginGroup();
  ui::bigText("office_name", m_cfg.office.name, {.font = ui::fonts().large, .wrap = false});
  ui::bigText("kiosk_title", tr("kiosk.title"), {.font = ui::fonts().small, .color = ui::colors::kTextDim, .wrap = false});
  ImGui::EndGroup();

  // Right: the language switch, always in the same corner.
  const float langW = 250;
  ImGui::SetCursorScreenPos({right - langW, origin.y});
  const bool en = lang == "en";
  if (ui::bigButton("language", tr("common.switch_language"), {langW, logo}, ui::ButtonStyle::Secondary)) {
    m_model.setLanguage(en ? "id" : "en");
    m_strings.setLanguage(en ? "id" : "en");
  }

  // The clock: large time, the date under it (Indonesian or English).
  const std::string time = ui::formatTime(now, offset) + " " + ui::zoneName(offset);
  const std::string date = ui::formatDate(now, offset, lang);
  const float clockW = std::max(textWidth(ui::fonts().large, time), textWidth(ui::fonts().small, date));
  if (l.portrait) {
    // Second row, left: the time, the date beside it.
    const float y2 = origin.y + logo + 24;
    ImGui::SetCursorScreenPos({pad, y2});
    ui::bigText("clock", time, {.font = ui::fonts().large, .wrap = false});
    ImGui::SetCursorScreenPos({pad + textWidth(ui::fonts().large, time) + 24,
                               y2 + lineH(ui::fonts().large) - lineH(ui::fonts().small) - 6});
    ui::bigText("date", date, {.font = ui::fonts().small, .color = ui::colors::kTextDim, .wrap = false});
  } else {
    const float clockRight = right - langW - 32;
    ImGui::SetCursorScreenPos({clockRight - textWidth(ui::fonts().large, time), origin.y});
    ui::bigText("clock", time, {.font = ui::fonts().large, .wrap = false});
    ImGui::SetCursorScreenPos({clockRight - textWidth(ui::fonts().small, date), origin.y + lineH(ui::fonts().large) + 4});
    ui::bigText("date", date, {.font = ui::fonts().small, .color = ui::colors::kTextDim, .wrap = false});
  }
  const float clockLeft = right - langW - 32 - clockW;

  // Server and printer: always visible, stacked, right-aligned next to the clock.
  const auto& p = m_model.printer();
  const std::string serverText = m_model.serverOnline() ? tr("status.online") : tr("status.offline");
  const std::string printerText = tr(p.stateKey);
  const float pillsRight = l.portrait ? right : clockLeft - 32;
  const float pillsY = l.portrait ? origin.y + logo + 16 : origin.y - 4;
  ImGui::SetCursorScreenPos({pillsRight - ui::statusPillWidth(serverText), pillsY});
  ui::statusPill("server_status", serverText, m_model.serverOnline() ? ui::PillState::Online : ui::PillState::Offline);
  ImGui::SetCursorScreenPos({pillsRight - ui::statusPillWidth(printerText), pillsY + 50});
  ui::statusPill("printer_status", printerText,
                 !p.canPrint ? ui::PillState::Offline
                             : (p.stateKey == "status.printer_ok" ? ui::PillState::Online : ui::PillState::Warning));

  const float barH = l.portrait ? logo + 16 + 96 : logo + 12;
  const float lineY = origin.y + barH + 8;
  ImGui::GetWindowDrawList()->AddLine({pad, lineY}, {right, lineY}, ImGui::GetColorU32(ui::colors::kPanelPressed), 2);
  ImGui::SetCursorScreenPos({origin.x, lineY + 20});
}

void KioskApp::drawPageHeader(const Layout& l, const std::string& title) {
  ui::bigText("page_title", title, {.font = ui::fonts().large});
  const int n = m_model.pageNumber();
  if (n <= 0) return;
  // Progress: one segment per page, the current and the done ones amber.
  const int count = KioskModel::pageCount();
  const std::string label = m_strings.tr("kiosk.page_of", {{"n", std::to_string(n)}, {"m", std::to_string(count)}});
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float w = l.size.x - 2 * l.pad, gap = 12, segW = std::min(180.0f, (w * 0.5f - gap * (count - 1)) / count);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int i = 0; i < count; ++i) {
    const ImVec2 a(at.x + i * (segW + gap), at.y + 6), b(a.x + segW, a.y + 12);
    dl->AddRectFilled(a, b, ImGui::GetColorU32(i < n ? ui::colors::kAccent : ui::colors::kPanelPressed), 6);
  }
  ImGui::SetCursorScreenPos({at.x + count * (segW + gap) + 8, at.y - 4});
  ui::bigText("page_of", label, {.font = ui::fonts().small, .color = ui::colors::kTextDim, .wrap = false});
  ImGui::SetCursorScreenPos({at.x, at.y + 36});
}

float KioskApp::footerHeight(const Layout&) const {
  return kFooterButtonH + lineH(ui::fonts().small) + ImGui::GetStyle().ItemSpacing.y + 8;
}

bool KioskApp::beginContent(const Layout& l, float reserveBottom) {
  const float h = std::max(100.0f, l.size.y - ImGui::GetCursorPosY() - reserveBottom - l.pad);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  char rect[96];
  std::snprintf(rect, sizeof rect, "%.0f,%.0f,%.0f,%.0f", at.x, at.y, l.size.x - 2 * l.pad, h);
  ui::UiMap::current().note("content_rect", rect);  // what tests may tap without scrolling
  return ImGui::BeginChild("content", {0, h}, false, ImGuiWindowFlags_NoBackground);
}

void KioskApp::endContent() {
  ui::dragToScroll();
  ImGui::EndChild();
}

bool KioskApp::drawFooter(const Layout& l, const char* primaryId, const std::string& primary, bool primaryEnabled,
                          bool showBack) {
  const float y = l.size.y - l.pad - kFooterButtonH;
  const int left = m_model.secondsLeft(wallClockMs());
  if (left >= 0) {
    ImGui::SetCursorPos({l.pad, y - lineH(ui::fonts().small) - 12});
    ui::bigText("idle", m_strings.tr("kiosk.form.idle_countdown", {{"s", std::to_string(left)}}),
                {.font = ui::fonts().small, .color = ui::colors::kTextDim, .align = ui::Align::Right, .wrap = false});
  }
  ImGui::SetCursorPos({l.pad, y});
  const float cancelW = l.portrait ? 220 : 260, backW = l.portrait ? 240 : 280;
  // A page whose own button leaves (the ticket status) needs no Cancel beside it.
  const bool showCancel = primaryId == nullptr || std::string_view(primaryId) != "status_done";
  if (showCancel && ui::bigButton("cancel", tr("common.cancel"), {cancelW, kFooterButtonH}, ui::ButtonStyle::Secondary))
    m_model.cancel();
  const float primaryW = primary.empty() ? 0 : (l.portrait ? 440 : 520);
  const float primaryX = l.size.x - l.pad - primaryW;
  if (showBack) {
    ImGui::SetCursorPos({primaryX - (primary.empty() ? 0 : 24) - backW, y});
    if (ui::bigButton("back", tr("common.back"), {backW, kFooterButtonH}, ui::ButtonStyle::Secondary))
      m_model.back(wallClockMs());
  }
  if (primary.empty()) return false;
  ImGui::SetCursorPos({primaryX, y});
  return ui::bigButton(primaryId, primary, {primaryW, kFooterButtonH}, ui::ButtonStyle::Primary, primaryEnabled);
}

void KioskApp::drawIdleWarning(const Layout& l) {
  const int left = m_model.secondsLeft(wallClockMs());
  if (left < 0 || left > kWarnBelowS || m_model.step() == Step::Ticket) return;
  // Drawn over the page, taking no input: any tap anywhere keeps the form.
  const std::string text = m_strings.tr("kiosk.idle_warning", {{"s", std::to_string(left)}});
  ImFont* font = ui::fonts().bold ? ui::fonts().bold : ImGui::GetFont();
  const float w = std::min(l.size.x - 2 * l.pad, 1100.0f);
  const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, w - 64, text.c_str());
  const ImVec2 a((l.size.x - w) * 0.5f, l.size.y * 0.42f), b(a.x + w, a.y + ts.y + 64);
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->AddRectFilled({a.x - 6, a.y - 6}, {b.x + 6, b.y + 6}, ImGui::GetColorU32(ui::colors::kBackground), 26);
  dl->AddRectFilled(a, b, ImGui::GetColorU32(ui::colors::kWarn), 20);
  dl->AddText(font, font->FontSize, {a.x + 32, a.y + 32}, ImGui::GetColorU32(ui::colors::kOnAccent), text.c_str(),
              nullptr, w - 64);
  ui::UiMap::current().add({.id = "idle_warning", .kind = ui::UiKind::Text, .text = text,
                            .rect = {a.x, a.y, b.x - a.x, b.y - a.y}});
}

}  // namespace lpse::kiosk

// What every kiosk screen shares: the top bar (office, clock, language,
// server and printer state, the accessibility button), the page header with
// its progress, the footer with cancel / back / the page's action, the idle
// warning with "more time", the accessibility panel.
//
// Everything is laid out from the window: sizes are the 1920x1080 design
// times the layout scale (px()), and widths that hold text are measured, so
// large text (fonts 1.5x) reflows instead of running over its neighbours.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "kiosk/client/clock.hpp"
#include "kiosk/kiosk_app/kiosk_app.hpp"
#include "kiosk/ui/clock_text.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/key_focus.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::kiosk {

namespace {
using client::wallClockMs;

float textWidth(ImFont* font, const std::string& s) {
  if (!font) font = ImGui::GetFont();
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.c_str()).x;
}

float lineH(ImFont* font) { return font ? font->FontSize : ImGui::GetFontSize(); }

// A button wide enough for its label, and at least `w`.
float buttonW(const std::string& label, float w) {
  return std::max(w, textWidth(ui::fonts().bold, label) + ImGui::GetStyle().FramePadding.x * 2.5f);
}

// The international symbol of access (ISO 7001 PI PF 006, "accessible
// facility" in its round form): a figure in a circle, drawn, so it needs no
// glyph and reads at any size.
void accessSymbol(ImDrawList* dl, ImVec2 c, float r, ImU32 col) {
  const float t = std::max(2.0f, r * 0.09f);
  dl->AddCircle(c, r, col, 48, t);
  dl->AddCircleFilled({c.x, c.y - r * 0.52f}, r * 0.13f, col, 24);             // head
  dl->AddLine({c.x - r * 0.55f, c.y - r * 0.25f}, {c.x + r * 0.55f, c.y - r * 0.25f}, col, t * 1.2f);  // arms
  dl->AddLine({c.x, c.y - r * 0.3f}, {c.x, c.y + r * 0.15f}, col, t * 1.4f);  // body
  dl->AddLine({c.x, c.y + r * 0.15f}, {c.x - r * 0.3f, c.y + r * 0.62f}, col, t * 1.3f);  // legs
  dl->AddLine({c.x, c.y + r * 0.15f}, {c.x + r * 0.3f, c.y + r * 0.62f}, col, t * 1.3f);
}

}  // namespace

KioskApp::Layout KioskApp::layout(ImVec2 size) const {
  Layout l;
  l.size = size;
  l.portrait = size.y > size.x;
  l.pad = ImGui::GetStyle().WindowPadding.x;
  return l;
}

void KioskApp::drawAccessButton(const Layout&, ImVec2 at, float side) {
  ImGui::SetCursorScreenPos(at);
  const bool on = m_model.access().largeText || m_model.access().highContrast;
  if (ui::bigButton("access", "", {side, side}, on || m_accessOpen ? ui::ButtonStyle::Primary : ui::ButtonStyle::Secondary))
    m_accessOpen = !m_accessOpen;
  ui::UiMap::current().setLastText(tr("kiosk.access.button"));
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  accessSymbol(ImGui::GetWindowDrawList(), {(a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f}, side * 0.36f,
               ImGui::GetColorU32(on || m_accessOpen ? ui::colors::kOnAccent : ui::colors::kText));
}

void KioskApp::drawTopBar(const Layout& l) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float pad = l.pad, gap = px(24);
  const float right = l.size.x - pad;
  ImFont* large = ui::fonts().large;
  ImFont* small = ui::fonts().small;
  const std::int64_t now = wallClockMs();
  const int offset = m_cfg.office.calendar.utcOffsetMinutes;
  const std::string& lang = m_model.language();

  const std::string time = ui::formatTime(now, offset) + " " + ui::zoneName(offset);
  const std::string date = ui::formatDate(now, offset, lang);
  const auto& p = m_model.printer();
  const std::string serverText = m_model.serverOnline() ? tr("status.online") : tr("status.offline");
  const std::string printerText = tr(p.stateKey);
  const std::string langText = tr("common.switch_language");

  // Sizes from the fonts: the row is as tall as its tallest part.
  const float pillH = ui::statusPillHeight(), pillsW = std::max(ui::statusPillWidth(serverText), ui::statusPillWidth(printerText));
  const float clockW = std::max(textWidth(large, time), textWidth(small, date));
  const float clockH = lineH(large) + px(4) + lineH(small);
  const float side = std::max({px(88), ui::minTouchPx(), lineH(large) + lineH(small) * 0.5f});
  const float langW = buttonW(langText, px(250));
  // The help button's whole sentence when the bar keeps one row with it.
  const float fullHelpW = helpButtonWidth(true);
  const float rowWithoutHelp = side + gap + langW + gap + clockW + gap + pillsW + px(32);
  const bool helpFull = !l.portrait && pad + side + gap + std::min(px(420), l.size.x * 0.3f) + rowWithoutHelp + fullHelpW + gap <= right;
  const float helpW = helpFull ? fullHelpW : helpButtonWidth(false);
  const float brandMin = std::min(px(420), l.size.x * 0.3f);
  // One row when the office name keeps room beside the clock and the pills;
  // otherwise (portrait, narrow, large text) the clock and pills get a row
  // of their own under the name.
  const float oneRowRight = side + gap + langW + gap + helpW + gap + clockW + gap + pillsW + px(32);
  const bool twoRows = l.portrait || pad + side + gap + brandMin + oneRowRight > right;
  const float brandH = lineH(large) + lineH(small);
  const float row1H = std::max({side, brandH, twoRows ? 0.0f : std::max(clockH, pillH * 2 + px(8))});

  // Right: accessibility in the corner, the language switch beside it.
  drawAccessButton(l, {right - side, origin.y}, side);
  ImGui::SetCursorScreenPos({right - side - gap - langW, origin.y});
  const bool en = lang == "en";
  if (ui::bigButton("language", langText, {langW, side}, ui::ButtonStyle::Secondary)) {
    m_model.setLanguage(en ? "id" : "en");
    m_strings.setLanguage(en ? "id" : "en");
  }
  // "Butuh bantuan petugas" beside the language switch, on every page.
  drawHelpButton({right - side - gap - langW - gap - helpW, origin.y}, helpW, side, helpFull);
  float rowRight = right - side - gap - langW - gap - helpW - gap;

  float clockX = 0, clockY = 0, pillsX = 0, pillsY = 0;
  bool pillsSideBySide = false;
  float barH = row1H;
  if (twoRows) {
    const float y2 = origin.y + row1H + px(16);
    const float row2H = std::max(clockH, pillH);
    clockX = pad;
    clockY = y2 + (row2H - clockH) * 0.5f;
    // Pills side by side at the right of the second row when they fit, else stacked.
    const float both = ui::statusPillWidth(serverText) + gap + ui::statusPillWidth(printerText);
    pillsSideBySide = pad + clockW + gap * 2 + both <= right;
    pillsX = pillsSideBySide ? right - both : right - pillsW;
    pillsY = pillsSideBySide ? y2 + (row2H - pillH) * 0.5f : y2;
    barH = row1H + px(16) + (pillsSideBySide ? row2H : std::max(clockH, pillH * 2 + px(8)));
  } else {
    clockX = rowRight - clockW;
    clockY = origin.y + (row1H - clockH) * 0.5f;
    pillsX = clockX - px(32) - pillsW;
    pillsY = origin.y + (row1H - (pillH * 2 + px(8))) * 0.5f;
    rowRight = pillsX - gap;
  }

  // Left: the mark, the office (shrunk to fit, never under the pills), what the kiosk is for.
  ImGui::SetCursorScreenPos(origin);
  ui::logoMark("logo", side);
  const float brandX = origin.x + side + gap, brandW = std::max(px(60), rowRight - brandX);
  ImGui::SetCursorScreenPos({brandX, origin.y});
  ImGui::BeginChild("brand", {brandW, row1H}, false,
                    ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoInputs);
  ImGui::SetCursorPosY(std::max(0.0f, (row1H - brandH) * 0.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, 0});
  ui::bigText("office_name", m_cfg.office.name, {.font = large, .fit = true});
  ui::bigText("kiosk_title", tr("kiosk.title"), {.font = small, .color = ui::colors::kTextDim, .fit = true});
  ImGui::PopStyleVar();
  ImGui::EndChild();

  // The clock: large time, the date under it (Indonesian or English).
  ImGui::SetCursorScreenPos({clockX, clockY});
  ui::bigText("clock", time, {.font = large, .wrap = false});
  ImGui::SetCursorScreenPos({clockX, clockY + lineH(large) + px(4)});
  ui::bigText("date", date, {.font = small, .color = ui::colors::kTextDim, .wrap = false});

  // Server and printer: always visible; the dot's colour is doubled by the words.
  ImGui::SetCursorScreenPos({pillsX, pillsY});
  ui::statusPill("server_status", serverText, m_model.serverOnline() ? ui::PillState::Online : ui::PillState::Offline);
  if (pillsSideBySide) ImGui::SetCursorScreenPos({pillsX + ui::statusPillWidth(serverText) + gap, pillsY});
  else ImGui::SetCursorScreenPos({pillsX, pillsY + pillH + px(8)});
  ui::statusPill("printer_status", printerText,
                 !p.canPrint ? ui::PillState::Offline
                             : (p.stateKey == "status.printer_ok" ? ui::PillState::Online : ui::PillState::Warning));

  const float lineY = origin.y + barH + px(8);
  ImGui::GetWindowDrawList()->AddLine({pad, lineY}, {right, lineY}, ImGui::GetColorU32(ui::colors::kPanelPressed), px(2));
  ImGui::SetCursorScreenPos({origin.x, lineY + px(20)});
}

void KioskApp::drawPageHeader(const Layout& l, const std::string& title) {
  ui::bigText("page_title", title, {.font = ui::fonts().large});
  const int n = m_model.pageNumber();
  if (n <= 0) return;
  // Progress: one segment per page, the current and the done ones amber,
  // and the words "step n of m" (the colour alone says nothing to some).
  const int count = KioskModel::pageCount();
  const std::string label = m_strings.tr("kiosk.page_of", {{"n", std::to_string(n)}, {"m", std::to_string(count)}});
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float w = l.size.x - 2 * l.pad, gap = px(12), segW = std::min(px(180), (w * 0.5f - gap * (count - 1)) / count);
  const float small = lineH(ui::fonts().small), segH = px(12);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int i = 0; i < count; ++i) {
    const ImVec2 a(at.x + i * (segW + gap), at.y + (small - segH) * 0.5f), b(a.x + segW, a.y + segH);
    dl->AddRectFilled(a, b, ImGui::GetColorU32(i < n ? ui::colors::kAccent : ui::colors::kPanelPressed), segH * 0.5f);
  }
  ImGui::SetCursorScreenPos({at.x + count * (segW + gap) + px(8), at.y});
  ui::bigText("page_of", label, {.font = ui::fonts().small, .color = ui::colors::kTextDim, .wrap = false});
  ImGui::SetCursorScreenPos({at.x, at.y + small + px(12)});
}

float KioskApp::footerHeight(const Layout&) const {
  const float buttonH = std::max({px(110), ui::minTouchPx(), lineH(ui::fonts().bold) + ImGui::GetStyle().FramePadding.y * 2});
  return buttonH + lineH(ui::fonts().small) + px(12) + ImGui::GetStyle().ItemSpacing.y;
}

bool KioskApp::beginContent(const Layout& l, float reserveBottom) {
  const float h = std::max(px(100), l.size.y - ImGui::GetCursorPosY() - reserveBottom - l.pad);
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
  const float buttonH = std::max({px(110), ui::minTouchPx(), lineH(ui::fonts().bold) + ImGui::GetStyle().FramePadding.y * 2});
  const float y = l.size.y - l.pad - buttonH;
  const int left = m_model.secondsLeft(wallClockMs());
  if (left >= 0) {
    ImGui::SetCursorPos({l.pad, y - lineH(ui::fonts().small) - px(12)});
    ui::bigText("idle", m_strings.tr("kiosk.form.idle_countdown", {{"s", std::to_string(left)}}),
                {.font = ui::fonts().small, .color = ui::colors::kTextDim, .align = ui::Align::Right, .fit = true});
  }
  const float gap = px(24), w = l.size.x - 2 * l.pad;
  // A page whose own button leaves (the ticket status) needs no Cancel beside it.
  const bool showCancel = primaryId == nullptr || std::string_view(primaryId) != "status_done";
  const std::string cancelText = tr("common.cancel"), backText = tr("common.back");
  float cancelW = showCancel ? buttonW(cancelText, l.portrait ? px(220) : px(260)) : 0;
  float backW = showBack ? buttonW(backText, l.portrait ? px(240) : px(280)) : 0;
  float primaryW = primary.empty() ? 0 : buttonW(primary, l.portrait ? px(440) : px(520));
  // Too wide together (large text on a small screen): the primary keeps its
  // words, the others give up their extra width first.
  const float total = cancelW + backW + primaryW + gap * 2;
  if (total > w) {
    const float k = std::max(0.3f, (w - primaryW - gap * 2) / std::max(1.0f, cancelW + backW));
    cancelW *= k;
    backW *= k;
    primaryW = std::min(primaryW, w - cancelW - backW - gap * 2);
  }
  ImGui::SetCursorPos({l.pad, y});
  if (showCancel && ui::bigButton("cancel", cancelText, {cancelW, buttonH}, ui::ButtonStyle::Secondary))
    m_model.cancel();
  const float primaryX = l.size.x - l.pad - primaryW;
  if (showBack) {
    ImGui::SetCursorPos({primaryX - (primary.empty() ? 0 : gap) - backW, y});
    if (ui::bigButton("back", backText, {backW, buttonH}, ui::ButtonStyle::Secondary)) m_model.back(wallClockMs());
  }
  if (primary.empty()) return false;
  ImGui::SetCursorPos({primaryX, y});
  return ui::bigButton(primaryId, primary, {primaryW, buttonH}, ui::ButtonStyle::Primary, primaryEnabled);
}

void KioskApp::drawIdleWarning(const Layout& l) {
  const std::int64_t now = wallClockMs();
  if (!m_model.idleWarning(now)) return;
  const int left = m_model.secondsLeft(now);
  // Its own window over the page: the words and "more time" (any tap
  // elsewhere keeps the form too).
  const std::string text = m_strings.tr("kiosk.idle_warning", {{"s", std::to_string(left)}});
  const float w = std::min(l.size.x - 2 * l.pad, px(1100));
  ImGui::SetNextWindowPos({(l.size.x - w) * 0.5f, l.size.y * 0.3f});
  ImGui::SetNextWindowSize({w, 0});
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::colors::kWarn);
  ImGui::PushStyleColor(ImGuiCol_Border, ui::colors::kBackground);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, px(6));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, px(20));
  ImGui::Begin("idle_overlay", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
  ui::bigText("idle_warning", text, {.font = ui::fonts().bold, .color = ui::colors::kOnAccent});
  const std::string more = tr("kiosk.access.more_time");
  const float bw = std::min(ImGui::GetContentRegionAvail().x, buttonW(more, px(520)));
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - bw) * 0.5f);
  ImGui::PushStyleColor(ImGuiCol_Text, ui::colors::kText);
  if (ui::bigButton("more_time", more, {bw, 0}, ui::ButtonStyle::Secondary)) m_model.moreTime(wallClockMs());
  ImGui::PopStyleColor();
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
  ui::UiMap::current().note("overlay", "idle_overlay");
}

void KioskApp::drawAccessPanel(const Layout& l) {
  if (!m_accessOpen) return;
  // Under the accessibility button, at the right; its own window over the page.
  const float w = std::min(l.size.x - 2 * l.pad, std::max(px(640), l.size.x * 0.4f));
  const ui::UiItem* button = ui::UiMap::current().find("access");
  const float top = button ? button->rect.y + button->rect.h + px(16) : l.pad;
  ImGui::SetNextWindowPos({l.size.x - l.pad - w, top});
  ImGui::SetNextWindowSize({w, 0});
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::colors::kPanel);
  ImGui::PushStyleColor(ImGuiCol_Border, ui::colors::kAccent);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, px(4));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, px(20));
  ImGui::Begin("access_panel", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
  ui::bigText("access_title", tr("kiosk.access.title"), {.font = ui::fonts().large});
  AccessChoices a = m_model.access();
  if (ui::bigCheck("access_large_text", tr("kiosk.access.large_text"), a.largeText)) {
    a.largeText = !a.largeText;
    m_model.setAccess(a);
  }
  if (ui::bigCheck("access_high_contrast", tr("kiosk.access.high_contrast"), a.highContrast)) {
    a.highContrast = !a.highContrast;
    m_model.setAccess(a);
  }
  if (ui::bigCheck("access_speech", tr("kiosk.access.speech"), a.speech)) {
    a.speech = !a.speech;
    m_model.setAccess(a);
  }
  if (a.speech) {
    // Repeat and stop, side by side.
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (ui::bigButton("access_repeat", tr("kiosk.access.repeat"), {half, 0}, ui::ButtonStyle::Secondary) && !m_spoken.empty())
      speak(m_spoken);
    ImGui::SameLine();
    if (ui::bigButton("access_stop", tr("kiosk.access.stop"), {half, 0}, ui::ButtonStyle::Secondary) && m_host.say)
      m_host.say({}, m_model.language());
  }
  if (ui::bigButton("access_close", tr("kiosk.access.close"), {-1, 0}, ui::ButtonStyle::Primary)) m_accessOpen = false;
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
  ui::UiMap::current().note("overlay", "access_panel");
}

}  // namespace lpse::kiosk

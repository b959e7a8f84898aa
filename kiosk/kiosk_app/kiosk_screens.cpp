// The kiosk's screens. Each reads the model and calls its commands; none
// owns data or waits on anything.
#include <imgui.h>

#include <algorithm>
#include <cfloat>


#include "kiosk/kiosk_app/kiosk_app.hpp"
#include "kiosk/client/clock.hpp"
#include "kiosk/ui/clock_text.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::kiosk {

namespace {

using client::wallClockMs;

ui::ButtonStyle selectedStyle(bool selected) {
  return selected ? ui::ButtonStyle::Primary : ui::ButtonStyle::Secondary;
}

// The on-screen keyboard that suits each guest-book field.
ui::KeyboardLayout layoutFor(const std::string& field) {
  if (field == "nip") return ui::KeyboardLayout::Digits;
  if (field == "phone") return ui::KeyboardLayout::Phone;
  if (field == "email") return ui::KeyboardLayout::Email;
  return ui::KeyboardLayout::Text;
}

const std::string& fieldValue(const core::Visit& v, const std::string& field) {
  if (field == "nip") return v.nip;
  if (field == "agency") return v.agency;
  if (field == "phone") return v.phone;
  if (field == "email") return v.email;
  if (field == "purpose") return v.purpose;
  return v.name;
}

// The same byte limit as typing into the field.
constexpr std::size_t kFieldMaxBytes = 200;

std::string errorText(const std::optional<core::Error>& e, const std::string& lang) {
  return e ? e->message(lang) : std::string();
}

}  // namespace

void KioskApp::drawTopBar(ui::Frame& f) {
  // Drawn on every screen: off the form (cancel, idle wipe, ticket) the
  // keyboard is closed, so the next visitor starts without it.
  if (m_model.step() != Step::Form) m_editing.clear();
  const float pad = ImGui::GetStyle().WindowPadding.x;
  ImGui::PushFont(ui::fonts().large);
  ImGui::TextUnformatted(m_cfg.office.name.c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  const std::string clock = ui::formatDateTime(wallClockMs(), m_cfg.office.calendar.utcOffsetMinutes, m_model.language());
  const float langW = 220, pillW = 420;
  ImGui::SetCursorPosX(f.size.x - pad - langW);
  const bool en = m_model.language() == "en";
  if (ui::bigButton("language", en ? "Bahasa Indonesia" : "English", {langW, 0}, ui::ButtonStyle::Secondary)) {
    m_model.setLanguage(en ? "id" : "en");
    m_strings.setLanguage(en ? "id" : "en");
  }
  ui::bigText("clock", clock, {.font = ui::fonts().body, .color = ui::colors::kTextDim, .wrap = false});
  ImGui::SameLine(f.size.x - pad - pillW);
  if (m_model.serverOnline())
    ui::statusPill("server_status", tr("status.online"), ui::PillState::Online);
  else
    ui::statusPill("server_status", tr("status.offline"), ui::PillState::Offline);
  const auto& p = m_model.printer();
  ImGui::SameLine();
  ui::statusPill("printer_status", tr(p.stateKey),
                 !p.canPrint ? ui::PillState::Offline
                             : (p.stateKey == "status.printer_ok" ? ui::PillState::Online : ui::PillState::Warning));
  ImGui::Separator();
}

void KioskApp::drawAttract(ui::Frame& f) {
  ImGui::Dummy({0, f.size.y * 0.06f});
  ui::bigText("welcome", tr("kiosk.welcome"), {.font = ui::fonts().large, .align = ui::Align::Center});
  ImGui::Dummy({0, 20});
  const float w = std::min(f.size.x * 0.6f, 900.0f);
  ImGui::SetCursorPosX((f.size.x - w) / 2);
  if (ui::bigButton("start", tr("kiosk.attract"), {w, 200}, ui::ButtonStyle::Primary, m_model.serverOnline()))
    m_model.start(wallClockMs());
  if (!m_model.serverOnline())
    ui::bigText("offline_notice", tr("kiosk.offline_notice"),
                {.color = ui::colors::kWarn, .align = ui::Align::Center});
  ImGui::Dummy({0, 30});
  for (const auto& s : m_cfg.services) {
    auto it = m_model.waiting().find(s.code);
    const int n = it == m_model.waiting().end() ? 0 : it->second;
    ui::bigText(("waiting_" + s.code).c_str(),
                m_strings.tr("kiosk.home.waiting_line", {{"service", serviceName(s.code)}, {"n", std::to_string(n)}}),
                {.color = ui::colors::kTextDim, .align = ui::Align::Center});
  }
}

void KioskApp::drawForm(ui::Frame& f) {
  const std::string& lang = m_model.language();
  const int left = m_model.idleSecondsLeft(wallClockMs());
  const float footerH = 130;
  // Someone typing on a physical keyboard (or a keyboard-like scanner) does
  // not need the on-screen one: it steps aside, the typed text goes on.
  if (!m_editing.empty() && !ImGui::GetIO().InputQueueCharacters.empty()) m_editing.clear();
  const bool keyboardOpen = !m_editing.empty();
  // The keyboard takes the bottom of the screen; the form above it shrinks
  // (the field being edited is scrolled into it) and the footer waits for
  // "Selesai", so cancel is never a key's neighbour.
  const float keyboardH = std::clamp(f.size.y * 0.45f, 480.0f, 560.0f);
  const float idleLineH = ui::fonts().small ? ui::fonts().small->FontSize + ImGui::GetStyle().ItemSpacing.y : 32;
  // The footer grows with its notices (printer problem, refusal) so the
  // take-number button never slides off the screen.
  auto noticeH = [&](const std::string& text) {
    ImFont* font = ui::fonts().body ? ui::fonts().body : ImGui::GetFont();
    const float wrapW = f.size.x - 2 * ImGui::GetStyle().WindowPadding.x;
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrapW, text.c_str()).y + ImGui::GetStyle().ItemSpacing.y;
  };
  float notices = 0;
  if (m_model.printerProblem()) notices += noticeH(tr("kiosk.form.printer_problem"));
  if (m_model.submitError()) notices += noticeH(m_model.submitError()->message(lang));
  const float bottomH =
      keyboardOpen ? keyboardH + idleLineH + ImGui::GetStyle().ItemSpacing.y : footerH + notices;
  ImGui::BeginChild("form_scroll", {0, f.size.y - ImGui::GetCursorPosY() - bottomH}, false);

  ui::bigText("form_title", tr("kiosk.form_title"), {.font = ui::fonts().large});
  ui::bigText("service_title", tr("kiosk.choose_service"), {.color = ui::colors::kTextDim});
  for (const auto& s : m_cfg.services) {
    if (ui::bigButton(("service_" + s.code).c_str(), serviceName(s.code), {380, 0},
                      selectedStyle(m_model.draft().service == s.code)))
      m_model.chooseService(s.code, wallClockMs());
    ImGui::SameLine();
  }
  ImGui::NewLine();

  ui::bigText("role_title", tr("kiosk.field.role"), {.color = ui::colors::kTextDim});
  int i = 0;
  for (auto role : core::kAllVisitorRoles) {
    const std::string key = "kiosk.role." + std::string(core::toString(role));
    if (ui::bigButton(("role_" + std::string(core::toString(role))).c_str(), tr(key), {250, 0},
                      selectedStyle(m_model.draft().role == role)))
      m_model.setRole(role, wallClockMs());
    if (++i % 3 != 0) ImGui::SameLine();
  }

  auto field = [&](const char* name, const char* id, const std::string& value, ImGuiInputTextFlags flags,
                   bool optional) {
    std::string v = value;
    std::string err = errorText(m_model.fieldError(name), lang);
    std::string label = tr(std::string("kiosk.field.") + name);
    if (optional) label += " (" + tr("kiosk.form.optional") + ")";
    if (ui::textField(id, label, v, {.flags = flags, .maxBytes = kFieldMaxBytes, .error = err.empty() ? nullptr : &err}))
      m_model.setField(name, v, wallClockMs());
    const ui::UiItem* item = ui::UiMap::current().find(id);
    if (!item) return;
    const ImVec2 boxMin(item->rect.x, item->rect.y), boxMax(item->rect.x + item->rect.w, item->rect.y + item->rect.h);
    // A tap (released inside, not a scroll) opens the keyboard for this field.
    const float slop = ui::kTapSlopPx * (ui::fonts().scale > 0 ? ui::fonts().scale : 1.0f);
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && ImGui::GetIO().MouseDragMaxDistanceSqr[0] <= slop * slop &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseHoveringRect(boxMin, boxMax)) {
      if (m_editing != name) m_keyboard.reset();
      m_editing = name;
      m_scrollToEditing = true;
    }
    if (m_editing != name) return;
    // The field being edited: outlined, with a caret after the text when the
    // keyboard (not ImGui's own text cursor) is typing into it.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRect(boxMin, boxMax, ImGui::GetColorU32(ui::colors::kAccent), ImGui::GetStyle().FrameRounding, 0, 4.0f);
    if (!item->focused && ui::fonts().body) {
      ImFont* font = ui::fonts().body;
      const float x = boxMin.x + ImGui::GetStyle().FramePadding.x +
                      font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, v.c_str()).x + 2.0f;
      const float cy = (boxMin.y + boxMax.y) * 0.5f;
      if (x < boxMax.x)
        dl->AddLine({x, cy - font->FontSize * 0.55f}, {x, cy + font->FontSize * 0.55f},
                    ImGui::GetColorU32(ui::colors::kAccent), 3.0f);
    }
    if (m_scrollToEditing) {
      ImGui::SetScrollHereY(0.5f);
      m_scrollToEditing = false;
    }
  };
  field("name", "field_name", m_model.draft().name, 0, false);
  field("nip", "field_nip", m_model.draft().nip, ImGuiInputTextFlags_CharsDecimal, true);
  field("agency", "field_agency", m_model.draft().agency, 0, false);
  field("phone", "field_phone", m_model.draft().phone, 0, false);
  field("email", "field_email", m_model.draft().email, 0, true);

  ui::bigText("docs_title", tr("kiosk.form.documents_title"), {.color = ui::colors::kTextDim});
  for (auto d : core::requiredDocuments(m_model.draft().role)) {
    const auto& docs = m_model.draft().documents;
    const bool has = std::find(docs.begin(), docs.end(), d) != docs.end();
    const std::string name(core::toString(d));
    if (ui::bigButton(("doc_" + name).c_str(), (has ? "[x] " : "[  ] ") + tr("kiosk.doc." + name), {-1, 0},
                      selectedStyle(has)))
      m_model.toggleDocument(d, wallClockMs());
  }
  if (!m_model.missingDocuments().empty())
    ui::bigText("missing_docs", tr("kiosk.form.missing_docs_warning"), {.color = ui::colors::kWarn});

  ui::bigText("consent_text", tr("kiosk.form.consent_notice"), {.font = ui::fonts().small, .color = ui::colors::kTextDim});
  const bool consent = m_model.draft().consent;
  if (ui::bigButton("consent", (consent ? "[x] " : "[  ] ") + tr("kiosk.form.consent"), {-1, 0}, selectedStyle(consent)))
    m_model.setConsent(!consent, wallClockMs());
  if (auto e = m_model.fieldError("consent"))
    ui::bigText("consent_error", e->message(lang), {.color = ui::colors::kDanger});
  ui::dragToScroll();
  ImGui::EndChild();

  if (keyboardOpen) {
    ui::bigText("idle", m_strings.tr("kiosk.form.idle_countdown", {{"s", std::to_string(left)}}),
                {.font = ui::fonts().small, .color = ui::colors::kTextDim, .align = ui::Align::Right, .wrap = false});
    m_keyboard.setLabels({.done = tr("kiosk.keyboard.done"),
                          .space = tr("kiosk.keyboard.space"),
                          .shift = tr("kiosk.keyboard.shift"),
                          .backspace = tr("kiosk.keyboard.backspace")});
    // Edits go through the model exactly like typed text (validation as you type).
    std::string v = fieldValue(m_model.draft(), m_editing);
    if (m_keyboard.draw("keyboard", v, layoutFor(m_editing), kFieldMaxBytes, keyboardH))
      m_model.setField(m_editing, v, wallClockMs());
    if (m_keyboard.done()) m_editing.clear();
    return;
  }

  // Footer: always visible (except under the keyboard), never scrolled away.
  if (m_model.printerProblem())
    ui::bigText("printer_notice", tr("kiosk.form.printer_problem"), {.color = ui::colors::kWarn});
  if (m_model.submitError())
    ui::bigText("submit_error", m_model.submitError()->message(lang), {.color = ui::colors::kDanger});
  if (ui::bigButton("cancel", tr("common.cancel"), {300, 0}, ui::ButtonStyle::Secondary)) m_model.cancel();
  ImGui::SameLine();
  ui::bigText("idle", m_strings.tr("kiosk.form.idle_countdown", {{"s", std::to_string(left)}}),
              {.font = ui::fonts().small, .color = ui::colors::kTextDim, .wrap = false});
  ImGui::SameLine(f.size.x - 520);
  if (ui::bigButton("take_number", tr("kiosk.take_number"), {-1, 0}, ui::ButtonStyle::Primary,
                    m_model.serverOnline()))
    takeNumber();
}

void KioskApp::drawSubmitting(ui::Frame&) {
  ImGui::Dummy({0, 120});
  ui::bigText("submitting", tr("common.loading"), {.font = ui::fonts().large, .align = ui::Align::Center});
}

void KioskApp::drawTicket(ui::Frame& f) {
  const auto& t = *m_model.ticket();
  ui::bigText("your_number", tr("kiosk.your_number"), {.font = ui::fonts().large, .align = ui::Align::Center});
  ui::bigText("ticket_number", t.kase.ticket, {.font = ui::fonts().huge, .color = ui::colors::kAccent,
                                               .align = ui::Align::Center});
  ui::UiMap::current().note("ticket", t.kase.ticket);
  ui::bigText("ticket_service", serviceName(t.kase.service), {.align = ui::Align::Center});
  ui::bigText("ahead", m_strings.tr("kiosk.people_ahead", {{"n", std::to_string(t.ahead)}}),
              {.align = ui::Align::Center});
  switch (m_model.printState()) {
    case PrintState::Printing:
      ui::bigText("print_state", tr("kiosk.ticket.printing"), {.color = ui::colors::kTextDim, .align = ui::Align::Center});
      break;
    case PrintState::Printed:
      ui::bigText("print_state", tr("kiosk.take_ticket"), {.color = ui::colors::kOk, .align = ui::Align::Center});
      break;
    case PrintState::Failed:
      // The number is on screen and recorded; the visitor is not left without it.
      ui::bigText("print_state", tr("kiosk.print_failed"), {.color = ui::colors::kDanger, .align = ui::Align::Center});
      if (!m_model.printDetail().empty())
        ui::bigText("print_detail", m_model.printDetail(),
                    {.font = ui::fonts().small, .color = ui::colors::kTextDim, .align = ui::Align::Center});
      {
        // The same ticket again, once the paper is in or the cable is back.
        const float w = 400;
        ImGui::SetCursorPosX((f.size.x - w) / 2);
        if (ui::bigButton("reprint", tr("kiosk.ticket.reprint"), {w, 0}, ui::ButtonStyle::Primary,
                          m_model.printer().canPrint))
          print(t);
      }
      break;
    case PrintState::None:
      break;
  }
  ui::bigText("please_wait", tr("kiosk.please_wait"), {.color = ui::colors::kTextDim, .align = ui::Align::Center});
  const float w = 400;
  ImGui::SetCursorPosX((f.size.x - w) / 2);
  if (ui::bigButton("done", tr("common.close"), {w, 0}, ui::ButtonStyle::Secondary)) m_model.cancel();
}

}  // namespace lpse::kiosk

// The guest-book pages: role and documents, details, contact, confirm. A
// page holds at most three fields, so it fits the screen with the on-screen
// keyboard open and the field being edited stays in view above it.
#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "kiosk/client/clock.hpp"
#include "kiosk/kiosk_app/kiosk_app.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/key_focus.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::kiosk {

namespace {

using client::wallClockMs;

const std::string& fieldValue(const core::Visit& v, const GuestBookField& f) { return v.*(f.member); }

// The same byte limit as typing into the field.
constexpr std::size_t kFieldMaxBytes = 200;

// The design's keyboard band (1920x1080: 460-540 px), scaled like the rest.
float keyboardHeight(float screenH, bool portrait, float scale) {
  return portrait ? std::clamp(screenH * 0.34f, 560.0f * scale, 680.0f * scale)
                  : std::clamp(screenH * 0.45f, 460.0f * scale, 540.0f * scale);
}

}  // namespace

void KioskApp::drawRole(const Layout& l) {
  drawPageHeader(l, tr("kiosk.role_title"));
  beginContent(l, footerHeight(l));
  if (m_model.formScanned())
    ui::bigText("form_read", tr("kiosk.scan.form_read"), {.font = ui::fonts().bold, .color = ui::colors::kOk});
  const float w = ImGui::GetContentRegionAvail().x;
  // As many columns as the longest role name allows (large text: fewer).
  float widest = 0;
  for (auto role : core::kAllVisitorRoles)
    widest = std::max(widest, ImGui::CalcTextSize(tr("kiosk.role." + std::string(core::toString(role))).c_str()).x);
  const float gap = px(24);
  const float bold = ui::fonts().bold ? ui::fonts().bold->FontSize / ImGui::GetFontSize() : 1.0f;
  const int fit = static_cast<int>((w + gap) / (widest * bold + ImGui::GetStyle().FramePadding.x * 2 + gap));
  const int cols = std::clamp(fit, 1, l.portrait ? 2 : 3);
  const float tileW = (w - gap * (cols - 1)) / cols;
  int i = 0;
  for (auto role : core::kAllVisitorRoles) {
    const std::string name(core::toString(role));
    if (i++ % cols != 0) ImGui::SameLine(0, gap);
    if (ui::bigButton(("role_" + name).c_str(), tr("kiosk.role." + name), {tileW, px(96)},
                      m_model.draft().role == role ? ui::ButtonStyle::Primary : ui::ButtonStyle::Secondary))
      m_model.setRole(role, wallClockMs());
  }
  ui::bigText("docs_title", tr("kiosk.form.documents_title"), {.font = ui::fonts().bold, .wrap = false});
  ImGui::SameLine(0, gap);
  ui::bigText("docs_hint", tr("kiosk.form.documents_hint"), {.font = ui::fonts().small, .color = ui::colors::kTextDim});
  const auto& docs = m_model.draft().documents;
  for (auto d : core::requiredDocuments(m_model.draft().role)) {
    const bool has = std::find(docs.begin(), docs.end(), d) != docs.end();
    const std::string name(core::toString(d));
    if (ui::bigCheck(("doc_" + name).c_str(), tr("kiosk.doc." + name), has)) m_model.toggleDocument(d, wallClockMs());
  }
  if (!m_model.missingDocuments().empty())
    ui::bigText("missing_docs", tr("kiosk.form.missing_docs_warning"), {.color = ui::colors::kWarn});
  endContent();
  if (drawFooter(l, "next", tr("common.next"), true)) m_model.next(wallClockMs());
}

void KioskApp::field(const GuestBookField& f) {
  const std::string name(f.id);
  const std::string id = "field_" + name;
  std::string v = fieldValue(m_model.draft(), f);
  const auto& e = m_model.fieldError(name);
  const std::string err = e ? errorText(*e) : std::string();
  std::string label = tr("kiosk.field." + name);
  if (f.optional) label += " (" + tr("kiosk.form.optional") + ")";
  const std::string hintKey = "kiosk.hint." + name;
  const std::string hint = m_strings.has(hintKey) ? tr(hintKey) : std::string();
  const ImGuiInputTextFlags flags = f.keyboard == ui::KeyboardLayout::Digits ? ImGuiInputTextFlags_CharsDecimal : 0;
  if (ui::textField(id.c_str(), label, v,
                    {.hint = hint.c_str(), .flags = flags, .maxBytes = kFieldMaxBytes, .error = err.empty() ? nullptr : &err}))
    m_model.setField(name, v, wallClockMs());
  const ui::UiItem* item = ui::UiMap::current().find(id);
  if (!item) return;
  const ImVec2 boxMin(item->rect.x, item->rect.y), boxMax(item->rect.x + item->rect.w, item->rect.y + item->rect.h);
  // A tap (released inside, not a scroll) opens the keyboard for this field.
  const float slop = ui::kTapSlopPx * (ui::fonts().scale > 0 ? ui::fonts().scale : 1.0f);
  // The keypad's 5 on a field opens the keyboard too (its keys take the focus).
  const bool keyed = ui::KeyFocus::current().claim(id, boxMin, boxMax);
  if (keyed || (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && ImGui::GetIO().MouseDragMaxDistanceSqr[0] <= slop * slop &&
      ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseHoveringRect(boxMin, boxMax))) {
    if (keyed) m_keyedKeyboard = true;
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
    ImGui::SetScrollHereY(0.3f);
    m_scrollToEditing = false;
  }
}

void KioskApp::drawFieldsPage(const Layout& l) {
  // Someone typing on a physical keyboard (or a keyboard-like scanner) does
  // not need the on-screen one: it steps aside, the typed text goes on.
  // (Digits alone may be a numeric keypad's keys arriving with their
  // release in one frame: they do not close it while the keypad has focus.)
  bool typed = false;
  for (ImWchar c : ImGui::GetIO().InputQueueCharacters)
    typed = typed || !ui::KeyFocus::current().active() || !((c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' || c == '*' || c == '/');
  if (!m_editing.empty() && typed) m_editing.clear();
  const bool keyboardOpen = !m_editing.empty();
  // With the keyboard open the field's own label says what is typed: the
  // page title gives its room to the field (large text on a short screen).
  if (!keyboardOpen) drawPageHeader(l, tr(m_model.step() == Step::Details ? "kiosk.details_title" : "kiosk.contact_title"));
  // Five rows of keys at least a touch target tall, with their gaps.
  const float keysMin = 5 * ui::minTouchPx() + 4 * px(10) * (ui::fonts().scale / m_scale) + 2 * px(14) * (ui::fonts().scale / m_scale);
  const float kbH = std::max(keyboardHeight(l.size.y, l.portrait, m_scale), keysMin);
  const float idleLine = (ui::fonts().small ? ui::fonts().small->FontSize : 24) + px(12);
  beginContent(l, keyboardOpen ? kbH + idleLine + 8 : footerHeight(l));
  if (!keyboardOpen) ui::bigText("fields_hint", tr("kiosk.form.tap_to_type"), {.font = ui::fonts().small, .color = ui::colors::kTextDim});
  for (const auto& f : kGuestBookFields)
    if (f.page == m_model.step()) field(f);
  // Room to scroll the last field up above the keyboard.
  if (keyboardOpen) ImGui::Dummy({0, px(200)});
  endContent();
  if (keyboardOpen) {
    drawKeyboard(l, kbH);
    return;
  }
  if (drawFooter(l, "next", tr("common.next"), true)) m_model.next(wallClockMs());
}

void KioskApp::drawKeyboard(const Layout& l, float height) {
  // The countdown stays visible while typing, just above the keys.
  const float small = ui::fonts().small ? ui::fonts().small->FontSize : 24;
  ImGui::SetCursorPos({l.pad, l.size.y - l.pad - height - small - px(10)});
  ui::bigText("idle", m_strings.tr("kiosk.form.idle_countdown", {{"s", std::to_string(std::max(0, m_model.secondsLeft(wallClockMs())))}}),
              {.font = ui::fonts().small, .color = ui::colors::kTextDim, .align = ui::Align::Right, .wrap = false});
  ImGui::SetCursorPos({l.pad, l.size.y - l.pad - height});
  m_keyboard.setLabels({.done = tr("kiosk.keyboard.done"),
                        .space = tr("kiosk.keyboard.space"),
                        .shift = tr("kiosk.keyboard.shift"),
                        .backspace = tr("kiosk.keyboard.backspace")});
  // Edits go through the model exactly like typed text (validation as you type).
  const GuestBookField* f = guestBookField(m_editing);
  if (!f) return;
  std::string v = fieldValue(m_model.draft(), *f);
  if (m_keyboard.draw("keyboard", v, f->keyboard, kFieldMaxBytes, height)) m_model.setField(m_editing, v, wallClockMs());
  // Opened from the keypad: the focus goes onto the keys.
  if (m_keyedKeyboard) {
    ui::KeyFocus::current().focus("key_done");
    m_keyedKeyboard = false;
  }
  if (m_keyboard.done()) {
    // Back to the field just typed, for a keypad user.
    if (ui::KeyFocus::current().active()) ui::KeyFocus::current().focus("field_" + m_editing);
    m_editing.clear();
  }
}

void KioskApp::drawConfirm(const Layout& l) {
  drawPageHeader(l, tr("kiosk.confirm_title"));
  beginContent(l, footerHeight(l));
  const auto& d = m_model.draft();
  const float w = ImGui::GetContentRegionAvail().x;
  const float leftW = l.portrait ? w : w * 0.52f;

  // What will be recorded, with a way back to each part.
  ImGui::BeginGroup();
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {px(16), px(10)});
  const float editW = std::max(px(170), ImGui::CalcTextSize(tr("kiosk.confirm.edit").c_str()).x * 1.1f +
                                            ImGui::GetStyle().FramePadding.x * 2);
  float labelW = px(230);
  for (const char* k : {"kiosk.confirm.service", "kiosk.field.role", "kiosk.confirm.documents", "kiosk.priority.title"})
    labelW = std::max(labelW, ui::fonts().small ? ui::fonts().small->CalcTextSizeA(ui::fonts().small->FontSize, FLT_MAX, 0, tr(k).c_str()).x + px(32) : 0);
  for (const auto& f : kGuestBookFields) {
    const std::string t = tr("kiosk.field." + std::string(f.id));
    labelW = std::max(labelW, ui::fonts().small ? ui::fonts().small->CalcTextSizeA(ui::fonts().small->FontSize, FLT_MAX, 0, t.c_str()).x + px(32) : 0);
  }
  auto row = [&](const char* key, const std::string& raw, const char* id) {
    const std::string value = m_model.masked(id) ? maskedValue(raw) : raw;
    const ImVec2 at = ImGui::GetCursorPos();
    ui::bigText((std::string("label_") + id).c_str(), tr(key),
                {.font = ui::fonts().small, .color = ui::colors::kTextDim, .wrap = false});
    // Beside a wide label (large text) the value goes under it instead.
    const bool under = labelW > leftW * 0.4f;
    ImGui::SetCursorPos(under ? ImVec2(at.x, ImGui::GetCursorPosY()) : ImVec2(at.x + labelW, at.y - px(4)));
    ImGui::PushTextWrapPos(at.x + leftW - editW - px(24));
    ui::bigText((std::string("value_") + id).c_str(), value.empty() ? "-" : value);
    ImGui::PopTextWrapPos();
  };
  // A section: its rows, and "Ubah" beside them at the right.
  auto section = [&](const char* editId, Step page, auto&& rows) {
    const ImVec2 top = ImGui::GetCursorPos();
    rows();
    const ImVec2 end = ImGui::GetCursorPos();
    ImGui::SetCursorPos({leftW - editW, top.y});
    if (ui::bigButton(editId, tr("kiosk.confirm.edit"), {editW, px(90)}, ui::ButtonStyle::Secondary))
      m_model.edit(page, wallClockMs());
    ImGui::SetCursorPos({end.x, std::max(end.y, ImGui::GetItemRectMax().y - ImGui::GetWindowPos().y + ImGui::GetScrollY()) + px(18)});
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine({a.x, a.y - px(10)}, {a.x + leftW, a.y - px(10)},
                                        ImGui::GetColorU32(ui::colors::kPanelPressed), px(2));
  };
  std::string docs;
  for (auto doc : d.documents) docs += (docs.empty() ? "" : ", ") + tr("kiosk.doc." + std::string(core::toString(doc)));
  section("edit_role", Step::Role, [&] {
    row("kiosk.confirm.service", serviceName(d.service), "service");
    if (d.priority != core::PriorityCategory::None)  // issue #14
      row("kiosk.priority.title", core::priorityLabel(d.priority, m_model.language()), "priority");
    row("kiosk.field.role", tr("kiosk.role." + std::string(core::toString(d.role))), "role");
    row("kiosk.confirm.documents", docs, "documents");
  });
  auto fieldRows = [&](Step page) {
    for (const auto& f : kGuestBookFields)
      if (f.page == page) {
        const std::string id(f.id);
        row(("kiosk.field." + id).c_str(), d.*(f.member), id.c_str());
      }
  };
  section("edit_details", Step::Details, [&] { fieldRows(Step::Details); });
  section("edit_contact", Step::Contact, [&] { fieldRows(Step::Contact); });
  ImGui::PopStyleVar();
  ImGui::EndGroup();

  if (!l.portrait) ImGui::SameLine(0, px(40));
  ImGui::BeginChild("consent_side", {0, 0}, false, ImGuiWindowFlags_NoBackground);
  // Told before taking a number: what is missing, the printer, the server.
  if (!m_model.missingDocuments().empty())
    ui::bigText("missing_docs", tr("kiosk.form.missing_docs_warning"), {.font = ui::fonts().small, .color = ui::colors::kWarn});
  if (m_model.printerProblem())
    ui::bigText("printer_notice", tr("kiosk.form.printer_problem"), {.font = ui::fonts().small, .color = ui::colors::kWarn});
  if (!m_model.serverOnline())
    ui::bigText("offline_form", tr("kiosk.form.offline"), {.font = ui::fonts().bold, .color = ui::colors::kDangerPressed});
  if (m_model.submitError())
    ui::bigText("submit_error", errorText(*m_model.submitError()), {.color = ui::colors::kDangerPressed});
  ui::bigText("consent_title", tr("kiosk.form.consent_title"), {.font = ui::fonts().bold});
  const int days = m_model.settings().retentionDays;
  ui::bigText("consent_text",
              days > 0 ? m_strings.tr("kiosk.form.consent_notice_days", {{"days", std::to_string(days)}})
                       : tr("kiosk.form.consent_notice"),
              {.font = ui::fonts().small, .color = ui::colors::kTextDim});
  const bool consent = d.consent;
  if (ui::bigCheck("consent", tr("kiosk.form.consent"), consent)) m_model.setConsent(!consent, wallClockMs());
  if (auto& e = m_model.fieldError("consent")) ui::bigText("consent_error", errorText(*e), {.color = ui::colors::kDangerPressed});
  ui::dragToScroll();
  ImGui::EndChild();
  endContent();
  if (drawFooter(l, "take_number", tr("kiosk.take_number"), m_model.serverOnline())) takeNumber();
}

}  // namespace lpse::kiosk

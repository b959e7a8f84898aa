// The guest-book pages: role and documents, details, contact, confirm. A
// page holds at most three fields, so it fits the screen with the on-screen
// keyboard open and the field being edited stays in view above it.
#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "kiosk/client/clock.hpp"
#include "kiosk/kiosk_app/kiosk_app.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::kiosk {

namespace {

using client::wallClockMs;

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

float keyboardHeight(float screenH, bool portrait) {
  return portrait ? std::clamp(screenH * 0.34f, 560.0f, 680.0f) : std::clamp(screenH * 0.45f, 460.0f, 540.0f);
}

}  // namespace

void KioskApp::drawRole(const Layout& l) {
  drawPageHeader(l, tr("kiosk.role_title"));
  beginContent(l, footerHeight(l));
  if (m_model.formScanned())
    ui::bigText("form_read", tr("kiosk.scan.form_read"), {.font = ui::fonts().bold, .color = ui::colors::kOk});
  const float w = ImGui::GetContentRegionAvail().x;
  const int cols = l.portrait ? 2 : 3;
  const float tileW = (w - 24 * (cols - 1)) / cols;
  int i = 0;
  for (auto role : core::kAllVisitorRoles) {
    const std::string name(core::toString(role));
    if (i++ % cols != 0) ImGui::SameLine(0, 24);
    if (ui::bigButton(("role_" + name).c_str(), tr("kiosk.role." + name), {tileW, 96},
                      m_model.draft().role == role ? ui::ButtonStyle::Primary : ui::ButtonStyle::Secondary))
      m_model.setRole(role, wallClockMs());
  }
  ui::bigText("docs_title", tr("kiosk.form.documents_title"), {.font = ui::fonts().bold, .wrap = false});
  ImGui::SameLine(0, 24);
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

void KioskApp::field(const char* name, bool optional) {
  const std::string lang = m_model.language();
  const std::string id = std::string("field_") + name;
  std::string v = fieldValue(m_model.draft(), name);
  const auto& e = m_model.fieldError(name);
  const std::string err = e ? errorText(*e) : std::string();
  std::string label = tr(std::string("kiosk.field.") + name);
  if (optional) label += " (" + tr("kiosk.form.optional") + ")";
  const std::string hintKey = std::string("kiosk.hint.") + name;
  const std::string hint = m_strings.has(hintKey) ? tr(hintKey) : std::string();
  const ImGuiInputTextFlags flags = std::string(name) == "nip" ? ImGuiInputTextFlags_CharsDecimal : 0;
  if (ui::textField(id.c_str(), label, v,
                    {.hint = hint.c_str(), .flags = flags, .maxBytes = kFieldMaxBytes, .error = err.empty() ? nullptr : &err}))
    m_model.setField(name, v, wallClockMs());
  const ui::UiItem* item = ui::UiMap::current().find(id);
  if (!item) return;
  const ImVec2 boxMin(item->rect.x, item->rect.y), boxMax(item->rect.x + item->rect.w, item->rect.y + item->rect.h);
  // A tap (released inside, not a scroll) opens the keyboard for this field.
  const float slop = ui::kTapSlopPx * (ui::fonts().scale > 0 ? ui::fonts().scale : 1.0f);
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && ImGui::GetIO().MouseDragMaxDistanceSqr[0] <= slop * slop &&
      ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseHoveringRect(boxMin, boxMax)) {
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

void KioskApp::drawFieldsPage(const Layout& l, std::initializer_list<const char*> fields) {
  drawPageHeader(l, tr(m_model.step() == Step::Details ? "kiosk.details_title" : "kiosk.contact_title"));
  // Someone typing on a physical keyboard (or a keyboard-like scanner) does
  // not need the on-screen one: it steps aside, the typed text goes on.
  if (!m_editing.empty() && !ImGui::GetIO().InputQueueCharacters.empty()) m_editing.clear();
  const bool keyboardOpen = !m_editing.empty();
  const float kbH = keyboardHeight(l.size.y, l.portrait);
  const float idleLine = (ui::fonts().small ? ui::fonts().small->FontSize : 24) + 12;
  beginContent(l, keyboardOpen ? kbH + idleLine + 8 : footerHeight(l));
  if (!keyboardOpen) ui::bigText("fields_hint", tr("kiosk.form.tap_to_type"), {.font = ui::fonts().small, .color = ui::colors::kTextDim});
  for (const char* f : fields) {
    const std::string n = f;
    field(f, n == "nip" || n == "email" || n == "purpose");
  }
  // Room to scroll the last field up above the keyboard.
  if (keyboardOpen) ImGui::Dummy({0, 200});
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
  ImGui::SetCursorPos({l.pad, l.size.y - l.pad - height - small - 10});
  ui::bigText("idle", m_strings.tr("kiosk.form.idle_countdown", {{"s", std::to_string(std::max(0, m_model.secondsLeft(wallClockMs())))}}),
              {.font = ui::fonts().small, .color = ui::colors::kTextDim, .align = ui::Align::Right, .wrap = false});
  ImGui::SetCursorPos({l.pad, l.size.y - l.pad - height});
  m_keyboard.setLabels({.done = tr("kiosk.keyboard.done"),
                        .space = tr("kiosk.keyboard.space"),
                        .shift = tr("kiosk.keyboard.shift"),
                        .backspace = tr("kiosk.keyboard.backspace")});
  // Edits go through the model exactly like typed text (validation as you type).
  std::string v = fieldValue(m_model.draft(), m_editing);
  if (m_keyboard.draw("keyboard", v, layoutFor(m_editing), kFieldMaxBytes, height))
    m_model.setField(m_editing, v, wallClockMs());
  if (m_keyboard.done()) m_editing.clear();
}

void KioskApp::drawConfirm(const Layout& l) {
  drawPageHeader(l, tr("kiosk.confirm_title"));
  beginContent(l, footerHeight(l));
  const auto& d = m_model.draft();
  const float w = ImGui::GetContentRegionAvail().x;
  const float leftW = l.portrait ? w : w * 0.52f;

  // What will be recorded, with a way back to each part.
  ImGui::BeginGroup();
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {16, 10});
  const float editW = 170, labelW = 230;
  auto row = [&](const char* key, const std::string& raw, const char* id) {
    const std::string value = m_model.masked(id) ? maskedValue(raw) : raw;
    const ImVec2 at = ImGui::GetCursorPos();
    ui::bigText((std::string("label_") + id).c_str(), tr(key),
                {.font = ui::fonts().small, .color = ui::colors::kTextDim, .wrap = false});
    ImGui::SetCursorPos({at.x + labelW, at.y - 4});
    ImGui::PushTextWrapPos(leftW - editW - 24);
    ui::bigText((std::string("value_") + id).c_str(), value.empty() ? "-" : value);
    ImGui::PopTextWrapPos();
  };
  // A section: its rows, and "Ubah" beside them at the right.
  auto section = [&](const char* editId, Step page, auto&& rows) {
    const ImVec2 top = ImGui::GetCursorPos();
    rows();
    const ImVec2 end = ImGui::GetCursorPos();
    ImGui::SetCursorPos({leftW - editW, top.y});
    if (ui::bigButton(editId, tr("kiosk.confirm.edit"), {editW, 90}, ui::ButtonStyle::Secondary))
      m_model.edit(page, wallClockMs());
    ImGui::SetCursorPos({end.x, std::max(end.y, top.y + 100) + 8});
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine({a.x, a.y - 10}, {a.x + leftW, a.y - 10},
                                        ImGui::GetColorU32(ui::colors::kPanelPressed), 2);
  };
  std::string docs;
  for (auto doc : d.documents) docs += (docs.empty() ? "" : ", ") + tr("kiosk.doc." + std::string(core::toString(doc)));
  section("edit_role", Step::Role, [&] {
    row("kiosk.confirm.service", serviceName(d.service), "service");
    row("kiosk.field.role", tr("kiosk.role." + std::string(core::toString(d.role))), "role");
    row("kiosk.confirm.documents", docs, "documents");
  });
  section("edit_details", Step::Details, [&] {
    row("kiosk.field.name", d.name, "name");
    row("kiosk.field.nip", d.nip, "nip");
    row("kiosk.field.agency", d.agency, "agency");
  });
  section("edit_contact", Step::Contact, [&] {
    row("kiosk.field.phone", d.phone, "phone");
    row("kiosk.field.email", d.email, "email");
    row("kiosk.field.purpose", d.purpose, "purpose");
  });
  ImGui::PopStyleVar();
  ImGui::EndGroup();

  if (!l.portrait) ImGui::SameLine(0, 40);
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

// Registering an e-mailed request by hand (SOP step 1, e-mail channel):
// when it arrived, who sent it, the subject, and which documents were
// attached. The same-working-day deadline counts from the received time.
#include <imgui.h>

#include <algorithm>

#include "kiosk/client/clock.hpp"
#include "kiosk/desk_app/desk_app.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::desk {

void DeskApp::drawEmailForm(float w) {
  auto& f = m_model.emailForm();
  const std::string lang = m_strings.language();
  ui::bigText("email_title", tr("desk.email.title"), {.font = ui::fonts().large});
  const std::string* fieldError = nullptr;
  std::string errText;
  auto errFor = [&](const char* field) -> const std::string* {
    const auto& e = m_model.error();
    if (!e || e->field != field) return nullptr;
    errText = e->message(lang);
    return &errText;
  };
  (void)fieldError;
  ui::textField("email_received", tr("desk.email.received"), f.receivedAt,
                {.hint = "2026-11-25 09:30", .maxBytes = 16, .width = w, .error = errFor("received_at")});
  ui::textField("email_sender", tr("desk.email.sender"), f.sender,
                {.hint = "nama@instansi.go.id", .maxBytes = 120, .width = w, .error = errFor("email")});
  ui::textField("email_name", tr("desk.email.name"), f.senderName, {.maxBytes = 100, .width = w, .error = errFor("name")});
  ui::textField("email_agency", tr("kiosk.field.agency"), f.agency, {.maxBytes = 150, .width = w, .error = errFor("agency")});
  ui::textField("email_phone", tr("kiosk.field.phone"), f.phone, {.hint = "08xx", .maxBytes = 20, .width = w, .error = errFor("phone")});
  ui::textField("email_subject", tr("desk.email.subject"), f.subject, {.maxBytes = 300, .width = w, .error = errFor("purpose")});
  ui::textField("email_user", tr("desk.email.user_id"), f.spseUserId, {.maxBytes = 64, .width = w});

  ui::bigText("email_service_title", tr("kiosk.confirm.service"), {.font = ui::fonts().bold});
  for (const auto& s : m_cfg.services) {
    const std::string id = "email_service_" + s.code;
    if (ui::bigCheck(id.c_str(), lang == "en" ? s.nameEn : s.nameId, f.service == s.code, {w, 0})) f.service = s.code;
  }
  ui::bigText("email_role_title", tr("desk.email.role"), {.font = ui::fonts().bold});
  const float half = (w - ImGui::GetStyle().ItemSpacing.x) / 2;
  int n = 0;
  for (auto r : core::kAllVisitorRoles) {
    if (n++ % 2) ImGui::SameLine();
    const std::string id = "email_role_" + std::string(core::toString(r));
    if (ui::bigCheck(id.c_str(), tr("kiosk.role." + std::string(core::toString(r))), f.role == r, {half, 0})) f.role = r;
  }
  ui::bigText("email_docs_title", tr("desk.email.attached"), {.font = ui::fonts().bold});
  for (auto doc : core::requiredDocuments(f.role)) {
    const std::string id = "email_doc_" + std::string(core::toString(doc));
    const bool on = std::find(f.attached.begin(), f.attached.end(), doc) != f.attached.end();
    if (ui::bigCheck(id.c_str(), tr("kiosk.doc." + std::string(core::toString(doc))), on, {w, 0})) {
      if (on) f.attached.erase(std::find(f.attached.begin(), f.attached.end(), doc));
      else f.attached.push_back(doc);
    }
  }
  // For automation: what the form holds now.
  std::string attached;
  for (auto d : f.attached) attached += (attached.empty() ? "" : ",") + std::string(core::toString(d));
  ui::UiMap::current().note("email_service", f.service);
  ui::UiMap::current().note("email_attached", attached);
  if (ui::bigButton("email_register", tr("desk.email.register"), {half, 0}, ui::ButtonStyle::Primary,
                    !m_model.busy() && m_model.online()))
    send(m_model.registerEmail(client::wallClockMs()));
  ImGui::SameLine();
  if (ui::bigButton("email_cancel", tr("desk.email.cancel"), {half, 0}, ui::ButtonStyle::Secondary))
    m_model.showEmailForm(false);
}

}  // namespace lpse::desk

// The kiosk's screens outside the guest-book pages: attract, service, the
// two scan pages, the ticket, a ticket's status. Each reads the model and
// calls its commands; none owns data or waits on anything.
#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "devices/printer/qr_matrix.hpp"
#include "kiosk/client/clock.hpp"
#include "kiosk/kiosk_app/kiosk_app.hpp"
#include "kiosk/kiosk_app/ticket_print.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::kiosk {

namespace {

using client::wallClockMs;

// Centres the next item of width w in the current window.
void centreNext(float w) {
  const float avail = ImGui::GetContentRegionAvail().x;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - w) * 0.5f));
}

void gap(float h) { ImGui::Dummy({0, h}); }

float lineH(ImFont* font) { return font ? font->FontSize : ImGui::GetFontSize(); }

float textWidthOf(ImFont* font, const std::string& text) {
  if (!font) font = ImGui::GetFont();
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
}

// The height of `text` wrapped at `w` (as bigText wraps it).
float textHeight(ImFont* font, const std::string& text, float w) {
  if (!font) font = ImGui::GetFont();
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, w, text.c_str()).y;
}

// A rounded panel behind what is drawn between begin and end.
struct Panel {
  ImVec2 min;
  float w, k;
  Panel(float width, float scale) : min(ImGui::GetCursorScreenPos()), w(width), k(scale) {
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos({min.x + 32 * k, min.y + 28 * k});
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - 64 * k);
  }
  void end(ImVec4 fill = ui::colors::kPanel, ImVec4 edge = ui::colors::kPanel) {
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + 28 * k;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(min, {min.x + w, bottom}, ImGui::GetColorU32(fill), 20 * k);
    dl->AddRect(min, {min.x + w, bottom}, ImGui::GetColorU32(edge), 20 * k, 0, 3 * k);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos({min.x, bottom});
    ImGui::Dummy({w, 0});
  }
};

}  // namespace

void KioskApp::drawAttract(const Layout& l) {
  const float w = l.size.x - 2 * l.pad;
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  ImFont* large = ui::fonts().large;
  ImFont* body = ui::fonts().body;
  ImFont* bold = ui::fonts().bold;
  ImFont* small = ui::fonts().small;
  // Heights first: everything must fit the window with "start" and "I have
  // a ticket" on it; what is left over spaces the parts out.
  const auto n = static_cast<float>(m_cfg.services.size());
  const float cardGap = px(24);
  const float cardW = std::min(px(460), (w - cardGap * (n - 1)) / std::max(1.0f, n));
  float cardText = 0;
  for (const auto& s : m_cfg.services) {
    const int waiting = m_model.waitingFor(s.code);
    const std::string est = waiting == 0 ? tr("kiosk.home.no_wait")
                                         : m_strings.tr("kiosk.home.estimate", {{"m", std::to_string(m_model.estimatedWaitMin(s.code))}});
    cardText = std::max(cardText, textHeight(bold, serviceName(s.code), cardW - px(32)) + lineH(large) +
                                      textHeight(small, est, cardW - px(32)) + 2 * spacing);
  }
  const float cardH = std::max(px(210), cardText + px(44));
  const float startMin = std::max(ui::minTouchPx(), lineH(large) + ImGui::GetStyle().FramePadding.y * 2);
  const float ticketH = std::max(ui::minTouchPx(), lineH(bold) + ImGui::GetStyle().FramePadding.y * 2);
  const float texts = textHeight(large, tr("kiosk.welcome"), w) + textHeight(body, tr("kiosk.welcome_sub"), w) +
                      (m_model.serverOnline() ? 0 : textHeight(body, tr("kiosk.offline_notice"), w) + spacing) +
                      textHeight(small, tr("kiosk.scan_anytime"), w);
  // Ten items (eleven with the offline notice), each followed by ItemSpacing.
  const float fixed = texts + cardH + ticketH + spacing * (m_model.serverOnline() ? 9 : 10);
  const float room = l.size.y - ImGui::GetCursorPosY() - l.pad - fixed;
  const float startH = std::clamp(room * (l.portrait ? 0.35f : 0.8f), startMin, l.portrait ? px(300) : px(210));
  const float spare = std::max(0.0f, room - startH);
  const float space = l.portrait ? spare / 5 : std::min(spare / 4, px(24));

  gap(space);
  ui::bigText("welcome", tr("kiosk.welcome"), {.font = large, .align = ui::Align::Center});
  ui::bigText("welcome_sub", tr("kiosk.welcome_sub"), {.color = ui::colors::kTextDim, .align = ui::Align::Center});
  gap(space);
  const float startW = std::min(w * 0.8f, px(1100));
  centreNext(startW);
  if (ui::bigButton("start", tr("kiosk.attract"), {startW, startH}, ui::ButtonStyle::Primary, m_model.serverOnline(), large))
    m_model.start(wallClockMs());
  if (!m_model.serverOnline())
    ui::bigText("offline_notice", tr("kiosk.offline_notice"), {.color = ui::colors::kWarn, .align = ui::Align::Center});
  gap(space);

  // How many wait, per service, and roughly how long.
  centreNext(cardW * n + cardGap * (n - 1));
  for (std::size_t i = 0; i < m_cfg.services.size(); ++i) {
    const auto& s = m_cfg.services[i];
    if (i > 0) ImGui::SameLine(0, cardGap);
    ImGui::BeginGroup();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(a, {a.x + cardW, a.y + cardH}, ImGui::GetColorU32(ui::colors::kPanel), px(20));
    ImGui::SetCursorScreenPos({a.x + px(16), a.y + px(22)});
    ImGui::BeginChild(("card_" + s.code).c_str(), {cardW - px(32), cardH - px(22)}, false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoInputs);
    const int waiting = m_model.waitingFor(s.code);
    ui::bigText(("service_name_" + s.code).c_str(), serviceName(s.code), {.font = bold, .align = ui::Align::Center});
    ui::bigText(("waiting_" + s.code).c_str(),
                m_strings.tr("kiosk.home.waiting_n", {{"n", std::to_string(waiting)}}),
                {.font = large, .color = ui::colors::kAccent, .align = ui::Align::Center, .fit = true});
    ui::bigText(("estimate_" + s.code).c_str(),
                waiting == 0 ? tr("kiosk.home.no_wait")
                             : m_strings.tr("kiosk.home.estimate", {{"m", std::to_string(m_model.estimatedWaitMin(s.code))}}),
                {.font = small, .color = ui::colors::kTextDim, .align = ui::Align::Center});
    ImGui::EndChild();
    ImGui::SetCursorScreenPos(a);
    ImGui::Dummy({cardW, cardH});
    ImGui::EndGroup();
  }
  gap(space);
  const float ticketW = std::min(w, std::max(px(640), textWidthOf(bold, tr("kiosk.have_ticket")) + ImGui::GetStyle().FramePadding.x * 3));
  centreNext(ticketW);
  if (ui::bigButton("have_ticket", tr("kiosk.have_ticket"), {ticketW, ticketH}, ui::ButtonStyle::Secondary))
    m_model.haveTicket(wallClockMs());
  ui::bigText("scan_anytime", tr("kiosk.scan_anytime"),
              {.font = small, .color = ui::colors::kTextDim, .align = ui::Align::Center});
}

void KioskApp::drawService(const Layout& l) {
  drawPageHeader(l, tr("kiosk.choose_service"));
  beginContent(l, footerHeight(l));
  // "Register again" from an old ticket: its entry is on the way or here.
  if (m_model.recall() == LookupState::Loading)
    ui::bigText("recalling", tr("kiosk.scan.recalling"), {.font = ui::fonts().bold, .align = ui::Align::Center});
  else if (m_model.recall() == LookupState::Found)
    ui::bigText("recalled", tr("kiosk.status.recalled"), {.font = ui::fonts().bold, .color = ui::colors::kAccent,
                                                          .align = ui::Align::Center});
  else if (m_model.recall() == LookupState::Failed && m_model.recallError())
    ui::bigText("recall_error", errorText(*m_model.recallError()), {.color = ui::colors::kDangerPressed,
                                                                     .align = ui::Align::Center});
  const float w = ImGui::GetContentRegionAvail().x;
  const auto n = static_cast<float>(m_cfg.services.size());
  // Side by side in landscape, one under the other in portrait.
  const float tileW = l.portrait ? w : std::min(px(760), (w - px(32) * (n - 1)) / std::max(1.0f, n));
  // Tall enough for a two-line name and its waiting line in the fonts in use.
  const float textH = lineH(ui::fonts().large) * 2 + lineH(ui::fonts().body) * 2 + px(60);
  float tileH = std::max(l.portrait ? px(300) : px(380), textH);
  // Priority service (issue #14) goes above the tiles, since tapping a
  // service goes on to the next page; where that would push the tiles off
  // the screen (large text on a small one) it goes under them instead. Its
  // height is the one measured on the last frame.
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float gapAbove = l.portrait ? px(24) : px(32);
  auto tilesNeed = [&](float h) { return l.portrait ? n * h + (n - 1) * spacing : h; };
  const float room = ImGui::GetContentRegionAvail().y - m_priorityRowH - gapAbove - spacing;
  const bool priorityAbove = room >= tilesNeed(textH);
  if (priorityAbove) {
    tileH = std::min(tileH, l.portrait ? (room - (n - 1) * spacing) / std::max(1.0f, n) : room);
    const float y0 = ImGui::GetCursorPosY();
    drawPriorityChoice(l);
    m_priorityRowH = ImGui::GetCursorPosY() - y0;
    gap(gapAbove);
  } else {
    gap(l.portrait ? px(40) : px(60));
  }
  if (!l.portrait) centreNext(tileW * n + px(32) * (n - 1));
  for (std::size_t i = 0; i < m_cfg.services.size(); ++i) {
    const auto& s = m_cfg.services[i];
    if (i > 0 && !l.portrait) ImGui::SameLine(0, px(32));
    const int waiting = m_model.waitingFor(s.code);
    const std::string sub = m_strings.tr("kiosk.home.waiting_n", {{"n", std::to_string(waiting)}}) +
                            (waiting > 0 ? " · " + m_strings.tr("kiosk.home.estimate", {{"m", std::to_string(m_model.estimatedWaitMin(s.code))}})
                                         : "");
    if (ui::tileButton(("service_" + s.code).c_str(), serviceName(s.code), sub, {tileW, tileH},
                       m_model.draft().service == s.code ? ui::ButtonStyle::Primary : ui::ButtonStyle::Secondary))
      m_model.chooseService(s.code, wallClockMs());
  }
  if (!priorityAbove) {
    gap(px(32));
    const float y0 = ImGui::GetCursorPosY();
    drawPriorityChoice(l);
    m_priorityRowH = ImGui::GetCursorPosY() - y0;
  }
  endContent();
  drawFooter(l, "", "", false, false);
}

void KioskApp::drawPreview(const Layout&, ImVec2 size) {
  const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + size.x, a.y + size.y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(a, b, ImGui::GetColorU32(ui::colors::kPanel), px(20));
  const auto& frame = m_model.frame();
  if (frame && m_preview.update(frame->gray.data(), frame->width, frame->height, frame->sequence)) {
    // Fit the frame into the box, keeping its shape; mirrored, as people
    // expect of a camera that faces them.
    const float k = std::min(size.x / frame->width, size.y / frame->height);
    const ImVec2 fs(frame->width * k, frame->height * k);
    const ImVec2 fa(a.x + (size.x - fs.x) * 0.5f, a.y + (size.y - fs.y) * 0.5f);
    dl->AddImageRounded(m_preview.id(), fa, {fa.x + fs.x, fa.y + fs.y}, {1, 0}, {0, 1}, IM_COL32_WHITE, px(12));
    // The target box: where the QR should go.
    const float t = std::min(fs.x, fs.y) * 0.62f, c = t * 0.22f;
    const ImVec2 m(fa.x + fs.x * 0.5f, fa.y + fs.y * 0.5f);
    const ImVec2 t0(m.x - t * 0.5f, m.y - t * 0.5f), t1(m.x + t * 0.5f, m.y + t * 0.5f);
    const ImU32 amber = ImGui::GetColorU32(ui::colors::kAccent);
    for (int cx = 0; cx < 2; ++cx)
      for (int cy = 0; cy < 2; ++cy) {
        const ImVec2 p(cx ? t1.x : t0.x, cy ? t1.y : t0.y);
        const float sx = cx ? -c : c, sy = cy ? -c : c;
        dl->AddLine(p, {p.x + sx, p.y}, amber, px(10));
        dl->AddLine(p, {p.x, p.y + sy}, amber, px(10));
      }
    ui::UiMap::current().note("preview", std::to_string(frame->width) + "x" + std::to_string(frame->height));
  } else {
    const bool starting = m_model.camera() == CameraState::Starting;
    const std::string text = starting ? tr("kiosk.scan.camera_starting") : tr("kiosk.scan.no_camera");
    ImFont* font = ui::fonts().bold ? ui::fonts().bold : ImGui::GetFont();
    const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, size.x - px(80), text.c_str());
    dl->AddText(font, font->FontSize, {a.x + (size.x - ts.x) * 0.5f, a.y + (size.y - ts.y) * 0.5f},
                ImGui::GetColorU32(starting ? ui::colors::kTextDim : ui::colors::kWarn), text.c_str(), nullptr,
                size.x - px(80));
    ui::UiMap::current().add({.id = "camera_notice", .kind = ui::UiKind::Text, .text = text,
                              .rect = {a.x, a.y, size.x, size.y}});
  }
  ImGui::Dummy(size);
}

void KioskApp::drawScan(const Layout& l, bool ticket) {
  drawPageHeader(l, tr(ticket ? "kiosk.scan.ticket_title" : "kiosk.scan.form_title"));
  beginContent(l, footerHeight(l));
  const float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetContentRegionAvail().y;
  const bool noCamera = m_model.camera() == CameraState::Absent || m_model.camera() == CameraState::Failed;
  ImVec2 preview = l.portrait ? ImVec2(w, std::min(w * 0.75f, h * 0.55f)) : ImVec2(std::min(w * 0.55f, h * 4 / 3.0f), h);
  if (!l.portrait) preview.y = std::min(h, preview.x * 0.75f);
  drawPreview(l, preview);
  if (!l.portrait) {
    ImGui::SameLine(0, px(48));
  } else {
    gap(px(12));
  }
  ImGui::BeginGroup();
  const float colW = l.portrait ? w : w - preview.x - px(48);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + colW);
  // Portrait: what is left under the preview, its gap and two item spacings
  // (a pixel more and the page grows a scroll bar it does not need).
  const float sideH = l.portrait ? h - preview.y - px(12) - 2 * ImGui::GetStyle().ItemSpacing.y : preview.y;
  ImGui::BeginChild("scan_side", {colW, sideH}, false, ImGuiWindowFlags_NoBackground);
  if (!noCamera)
    ui::bigText("scan_hint", tr(ticket ? "kiosk.scan.ticket_hint" : "kiosk.scan.form_hint"), {.font = ui::fonts().bold});
  if (!ticket && m_model.recall() == LookupState::Loading)
    ui::bigText("recalling", tr("kiosk.scan.recalling"), {.font = ui::fonts().bold, .color = ui::colors::kAccent});
  if (auto& e = m_model.scanError()) ui::bigText("scan_error", errorText(*e), {.color = ui::colors::kDangerPressed});
  if (!ticket && !noCamera) {
    gap(px(8));
    ui::bigText("recall_hint", tr("kiosk.scan.recall_hint"), {.font = ui::fonts().small, .color = ui::colors::kTextDim});
  }
  gap(px(16));
  if (!ticket) {
    ui::bigText("type_hint", tr(noCamera ? "kiosk.scan.type_no_camera" : "kiosk.scan.type_hint"),
                {.color = ui::colors::kTextDim});
    if (ui::bigButton("type_instead", tr("kiosk.scan.type_button"), {-1, px(120)},
                      noCamera ? ui::ButtonStyle::Primary : ui::ButtonStyle::Secondary))
      m_model.typeInstead(wallClockMs());
  } else if (noCamera) {
    ui::bigText("ticket_no_camera", tr("kiosk.scan.ticket_no_camera"), {.color = ui::colors::kTextDim});
  }
  ui::dragToScroll();
  ImGui::EndChild();
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  endContent();
  drawFooter(l, "", "", false, !ticket);
}

void KioskApp::drawSubmitting(const Layout& l) {
  gap(l.size.y * 0.25f);
  ui::bigText("submitting", tr("kiosk.submitting"), {.font = ui::fonts().large, .align = ui::Align::Center});
}

void KioskApp::drawTicket(const Layout& l) {
  const auto& t = *m_model.ticket();
  const float w = l.size.x - 2 * l.pad;
  const float qrSide = l.portrait ? px(380) : px(340);
  const float leftW = l.portrait ? w : w - qrSide - px(64);
  const float doneH = std::max({px(100), ui::minTouchPx(), lineH(ui::fonts().bold) + ImGui::GetStyle().FramePadding.y * 2});
  const float bottomH = doneH + px(20) + lineH(ui::fonts().body) + px(20);

  const float top = ImGui::GetCursorPosY();
  // Landscape: a column left of the QR; portrait: the full width, the QR under it.
  if (l.portrait)
    ImGui::BeginGroup();
  else
    ImGui::BeginChild("ticket_text", {leftW, l.size.y - top - l.pad - bottomH}, false, ImGuiWindowFlags_NoBackground);
  ui::bigText("your_number", tr("kiosk.your_number"), {.font = ui::fonts().large, .align = ui::Align::Center});
  ui::bigText("ticket_number", t.kase.ticket,
              {.font = ui::fonts().huge, .color = ui::colors::kAccent, .align = ui::Align::Center, .fit = true});
  ui::UiMap::current().note("ticket", t.kase.ticket);
  ui::UiMap::current().note("ticket_token", t.kase.token);  // what its QR holds
  ui::bigText("ticket_service", serviceName(t.kase.service) + " · " + tr("kiosk.ticket.go_to"),
              {.font = ui::fonts().bold, .align = ui::Align::Center});
  if (t.kase.priorityCategory != core::PriorityCategory::None) {
    ui::bigText("ticket_priority", priorityMark(t.kase.priorityCategory),
                {.font = ui::fonts().bold, .color = ui::colors::kAccent, .align = ui::Align::Center});
    ui::UiMap::current().note("ticket_priority", core::toString(t.kase.priorityCategory));
  }
  const std::string ahead = m_strings.tr("kiosk.people_ahead", {{"n", std::to_string(t.ahead)}}) +
                            (t.ahead > 0 ? " · " + m_strings.tr("kiosk.home.estimate",
                                                                {{"m", std::to_string(t.ahead * m_model.settings().minutesPerVisitor)}})
                                         : "");
  ui::bigText("ahead", ahead, {.align = ui::Align::Center});
  switch (m_model.printState()) {
    case PrintState::Printing:
      ui::bigText("print_state", tr("kiosk.ticket.printing"), {.color = ui::colors::kTextDim, .align = ui::Align::Center});
      break;
    case PrintState::Printed:
      ui::bigText("print_state", tr("kiosk.take_ticket"), {.font = ui::fonts().bold, .color = ui::colors::kOk,
                                                           .align = ui::Align::Center});
      break;
    case PrintState::Failed: {
      // The number is on screen and recorded; the visitor is not left without it.
      Panel p(ImGui::GetContentRegionAvail().x, m_scale);
      ui::bigText("print_state", tr("kiosk.print_failed"), {.font = ui::fonts().bold, .color = ui::colors::kText});
      if (!m_model.printDetail().empty())
        ui::bigText("print_detail", m_model.printDetail(), {.font = ui::fonts().small, .color = ui::colors::kText});
      // The same ticket again, once the paper is in or the cable is back.
      if (ui::bigButton("reprint", tr("kiosk.ticket.reprint"), {px(420), 0}, ui::ButtonStyle::Secondary,
                        m_model.printer().canPrint))
        print(t);
      p.end(ui::colors::kDanger, ui::colors::kDanger);
      break;
    }
    case PrintState::None: break;
  }
  if (l.portrait) {
    ImGui::EndGroup();
  } else {
    ui::dragToScroll();
    ImGui::EndChild();
  }

  // The QR, as on the paper: scanned here later it shows the ticket's status.
  if (l.portrait) {
    gap(px(24));
    centreNext(qrSide);
  } else {
    ImGui::SameLine(0, px(64));
    ImGui::SetCursorPosY(top + px(60));
  }
  ImGui::BeginGroup();
  if (auto qr = printer::encodeQrMatrix(ticketQrPayload(t.kase), printer::QrEcc::M))
    ui::moduleGrid("ticket_qr", qr->modules.data(), qr->size, qrSide);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + qrSide);
  ui::bigText("qr_hint", tr("kiosk.ticket.qr_hint"), {.font = ui::fonts().small, .color = ui::colors::kTextDim});
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();

  // Bottom: leave now, or on its own in a few seconds.
  const float y = l.size.y - l.pad - doneH - px(10);
  if (m_model.printState() != PrintState::Failed) {
    ImGui::SetCursorPos({l.pad, y - lineH(ui::fonts().body) - px(10)});
    ui::bigText("please_wait", tr("kiosk.please_wait"), {.color = ui::colors::kTextDim, .align = ui::Align::Center});
  }
  const int left = m_model.secondsLeft(wallClockMs());
  const std::string doneText = m_strings.tr("kiosk.ticket.done_in", {{"s", std::to_string(std::max(left, 0))}});
  const float bw = std::min(l.size.x - 2 * l.pad, std::max(px(480), textWidthOf(ui::fonts().bold, doneText) + px(60)));
  ImGui::SetCursorPos({(l.size.x - bw) * 0.5f, y + px(10)});
  if (ui::bigButton("done", doneText, {bw, doneH},
                    ui::ButtonStyle::Secondary))
    m_model.cancel();
}

void KioskApp::drawTicketStatus(const Layout& l) {
  drawPageHeader(l, tr("kiosk.status.title"));
  beginContent(l, footerHeight(l));
  gap(px(20));
  const auto& s = m_model.ticketStatus();
  if (m_model.lookup() == LookupState::Loading) {
    ui::bigText("status_loading", tr("common.loading"), {.font = ui::fonts().large, .align = ui::Align::Center});
  } else if (m_model.lookup() == LookupState::Failed && m_model.lookupError()) {
    ui::bigText("status_error", errorText(*m_model.lookupError()), {.color = ui::colors::kDangerPressed, .align = ui::Align::Center});
  }
  if (s && m_model.lookup() != LookupState::Loading) {
    ui::bigText("status_number", s->ticket,
                {.font = ui::fonts().huge, .color = ui::colors::kAccent, .align = ui::Align::Center, .fit = true});
    ui::UiMap::current().note("status_state", core::toString(s->state));
    if (s->priority != core::PriorityCategory::None) {
      ui::bigText("status_priority", priorityMark(s->priority),
                  {.font = ui::fonts().bold, .color = ui::colors::kAccent, .align = ui::Align::Center});
      ui::UiMap::current().note("status_priority", core::toString(s->priority));
    }
    const std::string text = m_strings.tr(statusKey(s->state), {{"n", std::to_string(s->ahead)},
                                                                {"counter", s->counter.empty() ? tr("kiosk.ticket.helpdesk") : s->counter}});
    ui::bigText("status_text", text, {.font = ui::fonts().bold, .align = ui::Align::Center});
    if (m_model.canRejoin()) {
      gap(px(20));
      const float bw = std::min(ImGui::GetContentRegionAvail().x, px(760));
      centreNext(bw);
      if (ui::bigButton("rejoin", tr("kiosk.status.rejoin"), {bw, px(130)}, ui::ButtonStyle::Primary))
        rejoinQueue();
    }
    // A finished ticket: take a new number with the same guest-book entry.
    if (m_model.canRegisterAgain()) {
      gap(px(20));
      const float bw = std::min(ImGui::GetContentRegionAvail().x, px(760));
      centreNext(bw);
      if (ui::bigButton("register_again", tr("kiosk.status.register_again"), {bw, px(130)}, ui::ButtonStyle::Primary))
        registerAgain();
    }
  }
  endContent();
  if (drawFooter(l, "status_done", tr("common.close"), true, false)) m_model.cancel();
}

}  // namespace lpse::kiosk

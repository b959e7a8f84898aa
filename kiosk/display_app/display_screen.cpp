// The wall display, readable from the back of a waiting room: the call
// being spoken huge (at least a quarter of the screen height), a tile per
// counter, the last six calls, waiting counts with an estimated wait, the
// office, clock and date in Indonesian, a running text. Laid out in
// fractions of the window, so 1366x768, 1920x1080, 3840x2160 and a portrait
// 1080x1920 all fit with nothing clipped.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "kiosk/client/clock.hpp"
#include "kiosk/display_app/display_app.hpp"
#include "kiosk/ui/clock_text.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::display {

using client::wallClockMs;

namespace {

ImFont* orDefault(ImFont* f) { return f ? f : ImGui::GetFont(); }

enum class At { Left, Center, Right };

// Text at the largest size up to `px` that fits `box`, aligned in it and
// centred vertically; recorded in the UI map under `id`.
float fitText(const char* id, ImFont* font, float px, ImVec2 pos, ImVec2 box, const std::string& text,
              const ImVec4& color, At align = At::Left) {
  font = orDefault(font);
  if (text.empty() || box.x <= 0 || box.y <= 0) return 0;
  const ImVec2 at1 = font->CalcTextSizeA(1.0f, FLT_MAX, 0.0f, text.c_str());
  float size = std::min({px, box.y, at1.x > 0 ? box.x / at1.x : px});
  size = std::floor(size);
  const float w = at1.x * size;
  float x = pos.x;
  if (align == At::Center) x += (box.x - w) * 0.5f;
  if (align == At::Right) x += box.x - w;
  const float y = pos.y + (box.y - size) * 0.5f;
  ImGui::GetWindowDrawList()->AddText(font, size, {std::floor(x), std::floor(y)}, ImGui::GetColorU32(color), text.c_str());
  const ImVec2 wp = ImGui::GetWindowPos();
  ui::UiMap::current().add({.id = id, .kind = ui::UiKind::Text, .text = text, .rect = {x - wp.x, y - wp.y, w, size}});
  return size;
}

// A filled area; with an id it is recorded in the UI map as a "status"
// item, the container its texts sit in (the layout test allows a widget
// inside its container, and no other overlap).
void panel(ImVec2 pos, ImVec2 size, const ImVec4& color, float rounding, const std::string& id = {}) {
  ImGui::GetWindowDrawList()->AddRectFilled(pos, {pos.x + size.x, pos.y + size.y}, ImGui::GetColorU32(color), rounding);
  if (id.empty()) return;
  const ImVec2 wp = ImGui::GetWindowPos();
  ui::UiMap::current().add({.id = id, .kind = ui::UiKind::Status, .rect = {pos.x - wp.x, pos.y - wp.y, size.x, size.y}});
}

// The called number sized by its ink, not its line: the digits' visible
// height is what a visitor at the back reads, and the line's ascent and
// side bearings would waste a fifth of the box. Centred in `box`; the UI
// map records the ink rectangle.
void fitInk(const char* id, ImFont* font, float px, ImVec2 pos, ImVec2 box, const std::string& text,
            const ImVec4& color) {
  font = orDefault(font);
  if (text.empty() || box.x <= 0 || box.y <= 0 || font->FontSize <= 0) return;
  float pen = 0, x0 = FLT_MAX, x1 = -FLT_MAX, y0 = FLT_MAX, y1 = -FLT_MAX;
  for (const char* c = text.c_str(); *c; ++c) {
    const ImFontGlyph* g = font->FindGlyph(static_cast<ImWchar>(static_cast<unsigned char>(*c)));
    if (!g) continue;
    if (g->Visible) {
      x0 = std::min(x0, pen + g->X0);
      x1 = std::max(x1, pen + g->X1);
      y0 = std::min(y0, g->Y0);
      y1 = std::max(y1, g->Y1);
    }
    pen += g->AdvanceX;
  }
  if (x1 <= x0 || y1 <= y0) return;
  // Glyph metrics are at the font's baked size; per pixel of text size:
  const float k = 1.0f / font->FontSize;
  const float inkW = (x1 - x0) * k, inkH = (y1 - y0) * k;
  const float size = std::floor(std::min({px, box.x / inkW, box.y / inkH}));
  const float left = std::floor(pos.x + (box.x - inkW * size) * 0.5f);
  const float top = std::floor(pos.y + (box.y - inkH * size) * 0.5f);
  ImGui::GetWindowDrawList()->AddText(font, size, {left - x0 * k * size, top - y0 * k * size},
                                      ImGui::GetColorU32(color), text.c_str());
  const ImVec2 wp = ImGui::GetWindowPos();
  ui::UiMap::current().add(
      {.id = id, .kind = ui::UiKind::Text, .text = text, .rect = {left - wp.x, top - wp.y, inkW * size, inkH * size}});
}

ImVec2 add(ImVec2 a, ImVec2 b) { return {a.x + b.x, a.y + b.y}; }

}  // namespace

void DisplayApp::draw(ui::Frame& f) { drawAt(f.size, f.timeSeconds); }

void DisplayApp::drawAt(ImVec2 windowSize, double timeSeconds) {
  m_worker.drain();
  if (m_player) m_model.setSoundOk(m_player->status().deviceOk);
  const std::int64_t now = wallClockMs();
  ui::beginScreen("display");
  const ImVec2 o = ImGui::GetWindowPos();
  const float W = windowSize.x, H = windowSize.y;
  // Panels reach the window's edges: not clipped to the padded inner rect.
  ImGui::GetWindowDrawList()->PushClipRect(o, {o.x + W, o.y + H}, false);
  const bool portrait = H > W;
  const float unit = std::min(W, H);  // 1080 on a full-HD screen either way
  const float gap = std::round(unit * 0.015f);
  // One size for the three headings on the right (or below, in portrait).
  m_headingPx = std::round(unit * 0.034f);

  const float headerH = std::round(unit * 0.10f), footerH = std::round(unit * 0.065f);
  drawHeader(o, {W, headerH}, now);
  float top = headerH;
  if (m_model.showOfflineBanner(now) || !m_model.registered()) {
    const float bannerH = std::round(unit * 0.07f);
    panel({o.x, o.y + top}, {W, bannerH}, ui::colors::kDanger, 0, "panel_offline");
    const std::string text = !m_model.registered()
                                 ? tr("status.not_registered") + " (" + m_cfg.display.id + ")"
                                 : tr("display.offline_banner");
    fitText("offline_banner", ui::fonts().bold, bannerH * 0.6f, {o.x + gap, o.y + top}, {W - 2 * gap, bannerH}, text,
            ui::colors::kText, At::Center);
    ui::UiMap::current().note("offline_banner", text);
    top += bannerH;
  }
  const float bodyH = H - top - footerH;
  const ImVec2 body{o.x + gap, o.y + top + gap};
  if (!portrait) {
    // Left: the call. Right: counters, last calls, waiting.
    const float leftW = std::round(W * 0.66f);
    const float rightW = W - leftW - 3 * gap;
    const float h = bodyH - 2 * gap;
    drawCurrent(body, {leftW, h}, now);
    const ImVec2 right = add(body, {leftW + gap, 0});
    const float waitingH = std::round(h * 0.22f);
    // The tiles take what they need (up to a third); the list gets the rest.
    const float countersH = drawCounters(right, {rightW, std::round(h * 0.34f)});
    const float top = countersH > 0 ? countersH + gap : 0;
    const float recentH = h - top - waitingH - gap;
    drawRecent(add(right, {0, top}), {rightW, recentH});
    drawWaiting(add(right, {0, top + recentH + gap}), {rightW, waitingH}, now);
  } else {
    const float w = W - 2 * gap, h = bodyH - 2 * gap;
    const float currentH = std::round(h * 0.40f), waitingH = std::round(h * 0.14f);
    // The tiles take what they need (up to a fifth); the list gets the rest.
    const float countersH = drawCounters(add(body, {0, currentH + gap}), {w, std::round(h * 0.20f)});
    const float top = currentH + (countersH > 0 ? countersH + 2 * gap : gap);
    const float recentH = h - top - waitingH - gap;
    drawCurrent(body, {w, currentH}, now);
    drawRecent(add(body, {0, top}), {w, recentH});
    drawWaiting(add(body, {0, top + recentH + gap}), {w, waitingH}, now);
  }
  drawFooter({o.x, o.y + H - footerH}, {W, footerH}, timeSeconds);
  ImGui::GetWindowDrawList()->PopClipRect();
  ui::endScreen();

  // Frames are needed while a call blinks, the running text scrolls or the
  // clock's minute may turn; otherwise the loop sleeps.
  m_animating = m_model.highlighted(now) || !m_cfg.display.runningText.empty() ||
                (!m_model.online() && !m_model.showOfflineBanner(now));
}

void DisplayApp::drawHeader(ImVec2 o, ImVec2 size, std::int64_t now) {
  panel(o, size, ui::colors::kPanel, 0, "panel_header");
  const float pad = std::round(size.y * 0.18f);
  const int off = m_cfg.office.calendar.utcOffsetMinutes;
  const std::string time = ui::formatTime(now, off) + " " + ui::zoneName(off);
  const std::string date = ui::formatDate(now, off, "id");
  // The clock column is as wide as the longest date needs (so the office
  // name keeps the rest, and does not move from day to day), at most half.
  const float timePx = size.y * 0.50f, datePx = size.y * 0.32f;
  const float need = std::max(orDefault(ui::fonts().large)->CalcTextSizeA(timePx, FLT_MAX, 0, "00:00 WITA").x,
                              orDefault(ui::fonts().body)->CalcTextSizeA(datePx, FLT_MAX, 0, "Minggu, 30 September 2026").x);
  const float colW = std::min(std::ceil(need), size.x * 0.5f - 2 * pad);
  const float colX = o.x + size.x - pad - colW;
  fitText("clock", ui::fonts().large, timePx, {colX, o.y + size.y * 0.02f}, {colW, size.y * 0.56f}, time, ui::colors::kText,
          At::Right);
  fitText("date", ui::fonts().body, datePx, {colX, o.y + size.y * 0.58f}, {colW, size.y * 0.36f}, date,
          ui::colors::kTextDim, At::Right);
  // Logo, then the name, in what is left of the band.
  const float left = o.x + pad, right = colX - 2 * pad;
  const float logoH = size.y - 2 * std::round(size.y * 0.12f);
  const float logoW = drawLogo({left, o.y + (size.y - logoH) * 0.5f}, logoH, (right - left) * 0.4f);
  const float nameX = logoW > 0 ? left + logoW + pad : left;
  fitText("office_name", ui::fonts().large, size.y * 0.55f, {nameX, o.y}, {right - nameX, size.y}, m_cfg.office.name,
          ui::colors::kText);
}

float DisplayApp::drawLogo(ImVec2 o, float boxH, float maxW) {
  if (m_logoState != LogoState::Ready || !m_host.logoTexture) return 0;
  const LogoSize s = fitLogo(m_logo.width, m_logo.height, std::min(maxW, boxH * 3.0f), boxH);
  if (s.width == 0) return 0;
  if (s.width != m_logoTextureSize.width || s.height != m_logoTextureSize.height) {
    // A new layout size (start-up, a resize): one resample and upload, so
    // the texture is drawn pixel for pixel.
    m_logoTexture = m_host.logoTexture(resample(m_logo, s.width, s.height));
    m_logoTextureSize = s;
    if (!m_logoTexture) {
      std::fprintf(stderr, "lpse-display: logo left out: tekstur logo tidak dapat dibuat / cannot make the logo texture (%dx%d)\n",
                   s.width, s.height);
      m_logoState = LogoState::Failed;
      return 0;
    }
  }
  const ImVec2 p{std::floor(o.x), std::floor(o.y + (boxH - static_cast<float>(s.height)) * 0.5f)};
  ImGui::GetWindowDrawList()->AddImage(m_logoTexture, p, {p.x + s.width, p.y + s.height});
  const ImVec2 wp = ImGui::GetWindowPos();
  ui::UiMap::current().add({.id = "office_logo",
                            .kind = ui::UiKind::Status,
                            .text = std::filesystem::path(m_cfg.display.logo).filename().string(),
                            .rect = {p.x - wp.x, p.y - wp.y, static_cast<float>(s.width), static_cast<float>(s.height)}});
  return static_cast<float>(s.width);
}

void DisplayApp::drawCurrent(ImVec2 o, ImVec2 size, std::int64_t now) {
  const bool lit = m_model.highlighted(now);
  panel(o, size, lit ? ui::colors::kPanelPressed : ui::colors::kPanel, size.y * 0.03f, "panel_current");
  const float pad = std::round(size.y * 0.02f);
  const float labelH = size.y * 0.11f;
  fitText("queue_number_label", ui::fonts().large, labelH * 0.8f, {o.x + pad, o.y + pad}, {size.x - 2 * pad, labelH},
          tr("display.queue_number"), ui::colors::kTextDim, At::Center);
  auto call = m_model.latestCall();
  const float numberTop = o.y + pad + labelH;
  // The digits' ink fills this box's height or the panel's width, whichever
  // comes first: at least a quarter of the screen's short side for a
  // five-character number at every size (display_layout_test).
  const float numberH = size.y * 0.64f;
  if (!call) {
    fitText("no_queue", ui::fonts().large, size.y * 0.12f, {o.x + pad, numberTop}, {size.x - 2 * pad, numberH},
            tr("display.no_queue"), ui::colors::kTextDim, At::Center);
    return;
  }
  const bool off = m_model.blinkOff(now);
  const ImVec4 color = off ? ui::colors::kTextDim : lit ? ui::colors::kAccent : ui::colors::kText;
  // A margin at the sides: digits that touch the panel's edge look cut off.
  const float side = std::round(size.x * 0.04f);
  fitInk("called_number", ui::fonts().huge, FLT_MAX, {o.x + side, numberTop}, {size.x - 2 * side, numberH}, call->ticket,
         color);
  std::string where = call->counter;
  if (call->kind == core::CallKind::CallBack) where = tr("display.callback_to") + " " + call->counter;
  const float counterTop = numberTop + numberH;
  fitText("called_counter", ui::fonts().large, size.y * 0.16f, {o.x + pad, counterTop},
          {size.x - 2 * pad, o.y + size.y - pad - counterTop}, where, ui::colors::kText, At::Center);
  ui::UiMap::current().note("called_number", call->ticket);
  ui::UiMap::current().note("called_counter", call->counter);
  ui::UiMap::current().note("called_kind", call->kind == core::CallKind::CallBack ? "callback"
                                            : call->kind == core::CallKind::Recall ? "recall" : "call");
  ui::UiMap::current().note("speaking", m_model.speaking() ? call->ticket : "");
  noteDrawn(call->ticket);
}

void DisplayApp::noteDrawn(const std::string& ticket) {
  // The frame in which a number first appears: logged once that frame is
  // rendered and swapped (presented()), for the latency benchmark.
  if (ticket == m_lastDrawn) return;
  m_lastDrawn = ticket;
  m_drawnUnpresented = ticket;
}

void DisplayApp::presented() {
  if (m_drawnUnpresented.empty()) return;
  std::fprintf(stderr, "lpse-display: drawn %s frame_ms=%lld\n", m_drawnUnpresented.c_str(),
               static_cast<long long>(wallClockMs()));
  m_drawnUnpresented.clear();
}

float DisplayApp::drawCounters(ImVec2 o, ImVec2 size) {
  // Nobody called yet today: no empty heading; the list below takes the room.
  auto cur = m_model.board().current;
  if (cur.empty()) return 0;
  const float titleH = std::round(m_headingPx * 1.3f);
  fitText("counters_title", ui::fonts().bold, m_headingPx, o, {size.x, titleH}, tr("display.now_serving"),
          ui::colors::kTextDim);
  // "Loket 2" before "Loket 10", and always in the same place.
  std::sort(cur.begin(), cur.end(), [](const core::CounterCall& a, const core::CounterCall& b) {
    return a.counter.size() != b.counter.size() ? a.counter.size() < b.counter.size() : a.counter < b.counter;
  });
  const int n = static_cast<int>(cur.size());
  const int cols = std::min(n, 3), rows = (n + cols - 1) / cols;
  const float gap = std::round(size.y * 0.04f);
  const float tileW = (size.x - gap * (cols - 1)) / cols;
  const float tileH = std::min((size.y - titleH - gap * rows) / rows, tileW * 0.7f);
  auto big = m_model.latestCall();
  for (int i = 0; i < n; ++i) {
    const auto& c = cur[static_cast<std::size_t>(i)];
    const ImVec2 p{o.x + (i % cols) * (tileW + gap), o.y + titleH + gap + (i / cols) * (tileH + gap)};
    const bool isBig = big && big->counter == c.counter && big->ticket == c.ticket;
    panel(p, {tileW, tileH}, isBig ? ui::colors::kAccent : ui::colors::kPanel, tileH * 0.08f, "tile_" + c.counter);
    const ImVec4 ink = isBig ? ui::colors::kOnAccent : ui::colors::kText;
    const float pad = tileH * 0.06f;
    fitText(("counter_" + c.counter).c_str(), ui::fonts().bold, tileH * 0.30f, {p.x + pad, p.y + pad},
            {tileW - 2 * pad, tileH * 0.32f}, c.counter, ink, At::Center);
    fitText(("counter_ticket_" + c.counter).c_str(), ui::fonts().large, tileH * 0.5f, {p.x + pad, p.y + tileH * 0.40f},
            {tileW - 2 * pad, tileH * 0.52f}, c.ticket, ink, At::Center);
  }
  return std::min(size.y, titleH + rows * (tileH + gap));
}

void DisplayApp::drawRecent(ImVec2 o, ImVec2 size) {
  panel(o, size, ui::colors::kPanel, size.y * 0.04f, "panel_recent");
  const float pad = std::round(size.y * 0.05f);
  const float titleH = std::round(m_headingPx * 1.3f);
  fitText("recent_title", ui::fonts().bold, m_headingPx, {o.x + pad, o.y + pad * 0.5f}, {size.x - 2 * pad, titleH},
          tr("display.last_called"), ui::colors::kTextDim);
  const auto recent = m_model.recentCalls(6);
  // Two columns of three: six calls fit even at 1366x768.
  const float colW = (size.x - 3 * pad) / 2, rowH = (size.y - titleH - 2 * pad) / 3;
  for (std::size_t i = 0; i < recent.size(); ++i) {
    const float x = o.x + pad + (i / 3) * (colW + pad), y = o.y + pad + titleH + (i % 3) * rowH;
    const std::string id = "recent_" + std::to_string(i + 1);
    fitText(id.c_str(), ui::fonts().large, rowH * 0.75f, {x, y}, {colW * 0.46f, rowH}, recent[i].ticket, ui::colors::kText);
    fitText((id + "_counter").c_str(), ui::fonts().body, rowH * 0.55f, {x + colW * 0.54f, y}, {colW * 0.46f, rowH},
            recent[i].counter, ui::colors::kTextDim);
  }
}

void DisplayApp::drawWaiting(ImVec2 o, ImVec2 size, std::int64_t now) {
  panel(o, size, ui::colors::kPanel, size.y * 0.06f, "panel_waiting");
  const float pad = std::round(size.y * 0.08f);
  const auto& services = m_cfg.services;
  const float rowH = (size.y - 2 * pad) / std::max<std::size_t>(1, services.size() + 1);
  fitText("waiting_title", ui::fonts().bold, std::min(m_headingPx, rowH * 0.8f), {o.x + pad, o.y + pad}, {size.x - 2 * pad, rowH},
          tr("display.waiting"), ui::colors::kTextDim);
  for (std::size_t i = 0; i < services.size(); ++i) {
    const auto& s = services[i];
    const int n = m_model.waiting(s.code);
    const float y = o.y + pad + rowH * static_cast<float>(i + 1);
    fitText(("waiting_name_" + s.code).c_str(), ui::fonts().body, rowH * 0.7f, {o.x + pad, y}, {size.x * 0.45f, rowH},
            s.nameId, ui::colors::kText);
    std::string right = std::to_string(n) + " " + tr("display.people");
    if (n > 0) right += "  \xC2\xB7  \xC2\xB1" + std::to_string(m_model.estimatedWaitMinutes(s.code, now)) + " " + tr("display.minutes");
    fitText(("waiting_" + s.code).c_str(), ui::fonts().bold, rowH * 0.7f, {o.x + size.x * 0.48f, y},
            {size.x * 0.52f - pad, rowH}, right, ui::colors::kAccent, At::Right);
  }
}

void DisplayApp::drawFooter(ImVec2 o, ImVec2 size, double timeSeconds) {
  panel(o, size, ui::colors::kPanel, 0, "panel_footer");
  const float markW = m_model.soundOk() ? 0 : size.y * 4.0f;
  if (!m_cfg.display.runningText.empty()) {
    ImFont* font = orDefault(ui::fonts().body);
    const float px = size.y * 0.55f;
    const std::string& text = m_cfg.display.runningText;
    const float textW = font->CalcTextSizeA(px, FLT_MAX, 0, text.c_str()).x;
    const float span = size.x - markW + textW;
    const float x = o.x + size.x - markW - std::fmod(static_cast<float>(timeSeconds) * size.y * 1.6f, span);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(o, {o.x + size.x - markW, o.y + size.y}, true);
    dl->AddText(font, px, {std::floor(x), o.y + (size.y - px) * 0.5f}, ImGui::GetColorU32(ui::colors::kText), text.c_str());
    dl->PopClipRect();
    ui::UiMap::current().note("running_text", text);
    // The band it scrolls through (the text itself moves every frame).
    const ImVec2 wp = ImGui::GetWindowPos();
    ui::UiMap::current().add({.id = "running_text",
                              .kind = ui::UiKind::Text,
                              .text = text,
                              .rect = {o.x - wp.x, o.y - wp.y + (size.y - px) * 0.5f, size.x - markW, px}});
  }
  if (!m_model.soundOk()) {
    // Small, for the staff: visitors still see every call.
    panel({o.x + size.x - markW, o.y}, {markW, size.y}, ui::colors::kDanger, 0, "panel_sound_off");
    fitText("sound_off", ui::fonts().bold, size.y * 0.5f, {o.x + size.x - markW, o.y}, {markW, size.y},
            tr("display.sound_off"), ui::colors::kText, At::Center);
    ui::UiMap::current().note("sound_off", tr("display.sound_off"));
  }
}

}  // namespace lpse::display

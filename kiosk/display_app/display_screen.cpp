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

void panel(ImVec2 pos, ImVec2 size, const ImVec4& color, float rounding) {
  ImGui::GetWindowDrawList()->AddRectFilled(pos, {pos.x + size.x, pos.y + size.y}, ImGui::GetColorU32(color), rounding);
}

ImVec2 add(ImVec2 a, ImVec2 b) { return {a.x + b.x, a.y + b.y}; }

}  // namespace

void DisplayApp::draw(ui::Frame& f) {
  m_worker.drain();
  if (m_player) m_model.setSoundOk(m_player->status().deviceOk);
  const std::int64_t now = wallClockMs();
  ui::beginScreen("display");
  const ImVec2 o = ImGui::GetWindowPos();
  const float W = f.size.x, H = f.size.y;
  // Panels reach the window's edges: not clipped to the padded inner rect.
  ImGui::GetWindowDrawList()->PushClipRect(o, {o.x + W, o.y + H}, false);
  const bool portrait = H > W;
  const float unit = std::min(W, H);  // 1080 on a full-HD screen either way
  const float gap = std::round(unit * 0.015f);

  const float headerH = std::round(unit * 0.10f), footerH = std::round(unit * 0.065f);
  drawHeader(o, {W, headerH}, now);
  float top = headerH;
  if (m_model.showOfflineBanner(now) || !m_model.registered()) {
    const float bannerH = std::round(unit * 0.07f);
    panel({o.x, o.y + top}, {W, bannerH}, ui::colors::kDanger, 0);
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
    const float recentH = h - countersH - waitingH - 2 * gap;
    drawRecent(add(right, {0, countersH + gap}), {rightW, recentH});
    drawWaiting(add(right, {0, countersH + recentH + 2 * gap}), {rightW, waitingH}, now);
  } else {
    const float w = W - 2 * gap, h = bodyH - 2 * gap;
    const float currentH = std::round(h * 0.40f), countersH = std::round(h * 0.20f), waitingH = std::round(h * 0.14f);
    const float recentH = h - currentH - countersH - waitingH - 3 * gap;
    drawCurrent(body, {w, currentH}, now);
    drawCounters(add(body, {0, currentH + gap}), {w, countersH});
    drawRecent(add(body, {0, currentH + countersH + 2 * gap}), {w, recentH});
    drawWaiting(add(body, {0, currentH + countersH + recentH + 3 * gap}), {w, waitingH}, now);
  }
  drawFooter({o.x, o.y + H - footerH}, {W, footerH}, f.timeSeconds);
  ImGui::GetWindowDrawList()->PopClipRect();
  ui::endScreen();

  // Frames are needed while a call blinks, the running text scrolls or the
  // clock's minute may turn; otherwise the loop sleeps.
  m_animating = m_model.highlighted(now) || !m_cfg.display.runningText.empty() ||
                (!m_model.online() && !m_model.showOfflineBanner(now));
}

void DisplayApp::drawHeader(ImVec2 o, ImVec2 size, std::int64_t now) {
  panel(o, size, ui::colors::kPanel, 0);
  const float pad = std::round(size.y * 0.18f);
  const float half = size.x * 0.5f;
  fitText("office_name", ui::fonts().large, size.y * 0.55f, {o.x + pad, o.y}, {half - pad, size.y}, m_cfg.office.name,
          ui::colors::kText);
  const int off = m_cfg.office.calendar.utcOffsetMinutes;
  const std::string time = ui::formatTime(now, off) + " " + ui::zoneName(off);
  const std::string date = ui::formatDate(now, off, "id");
  const float colW = half - 2 * pad;
  fitText("clock", ui::fonts().large, size.y * 0.50f, {o.x + half + pad, o.y + size.y * 0.02f}, {colW, size.y * 0.56f},
          time, ui::colors::kText, At::Right);
  fitText("date", ui::fonts().body, size.y * 0.32f, {o.x + half + pad, o.y + size.y * 0.58f}, {colW, size.y * 0.36f}, date,
          ui::colors::kTextDim, At::Right);
}

void DisplayApp::drawCurrent(ImVec2 o, ImVec2 size, std::int64_t now) {
  const bool lit = m_model.highlighted(now);
  panel(o, size, lit ? ui::colors::kPanelPressed : ui::colors::kPanel, size.y * 0.03f);
  const float pad = std::round(size.y * 0.02f);
  const float labelH = size.y * 0.11f;
  fitText("queue_number_label", ui::fonts().large, labelH * 0.8f, {o.x + pad, o.y + pad}, {size.x - 2 * pad, labelH},
          tr("display.queue_number"), ui::colors::kTextDim, At::Center);
  auto call = m_model.latestCall();
  const float numberTop = o.y + pad + labelH;
  // ImGui's font size is the line height; digits are ~0.55 of it, so the
  // number's box is most of the panel to make the digits a quarter of the
  // screen at 1920x1080.
  const float numberH = size.y * 0.64f;
  if (!call) {
    fitText("no_queue", ui::fonts().large, size.y * 0.12f, {o.x + pad, numberTop}, {size.x - 2 * pad, numberH},
            tr("display.no_queue"), ui::colors::kTextDim, At::Center);
    return;
  }
  const bool off = m_model.blinkOff(now);
  const ImVec4 color = off ? ui::colors::kTextDim : lit ? ui::colors::kAccent : ui::colors::kText;
  fitText("called_number", ui::fonts().huge, numberH, {o.x + pad, numberTop}, {size.x - 2 * pad, numberH}, call->ticket,
          color, At::Center);
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
  // The frame in which a number first appears: for the latency benchmark.
  if (ticket == m_lastDrawn) return;
  m_lastDrawn = ticket;
  std::fprintf(stderr, "lpse-display: drawn %s frame_ms=%lld\n", ticket.c_str(), static_cast<long long>(wallClockMs()));
}

float DisplayApp::drawCounters(ImVec2 o, ImVec2 size) {
  const float titleH = std::min(size.y * 0.22f, 60.0f * size.x / 800.0f);
  fitText("counters_title", ui::fonts().bold, titleH * 0.8f, o, {size.x, titleH}, tr("display.now_serving"),
          ui::colors::kTextDim);
  auto cur = m_model.board().current;
  if (cur.empty()) return size.y;
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
    panel(p, {tileW, tileH}, isBig ? ui::colors::kAccent : ui::colors::kPanel, tileH * 0.08f);
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
  panel(o, size, ui::colors::kPanel, size.y * 0.04f);
  const float pad = std::round(size.y * 0.05f);
  const float titleH = size.y * 0.16f;
  fitText("recent_title", ui::fonts().bold, titleH * 0.8f, {o.x + pad, o.y + pad * 0.5f}, {size.x - 2 * pad, titleH},
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
  panel(o, size, ui::colors::kPanel, size.y * 0.06f);
  const float pad = std::round(size.y * 0.08f);
  const auto& services = m_cfg.services;
  const float rowH = (size.y - 2 * pad) / std::max<std::size_t>(1, services.size() + 1);
  fitText("waiting_title", ui::fonts().bold, rowH * 0.8f, {o.x + pad, o.y + pad}, {size.x - 2 * pad, rowH},
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
  panel(o, size, ui::colors::kPanel, 0);
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
  }
  if (!m_model.soundOk()) {
    // Small, for the staff: visitors still see every call.
    panel({o.x + size.x - markW, o.y}, {markW, size.y}, ui::colors::kDanger, 0);
    fitText("sound_off", ui::fonts().bold, size.y * 0.5f, {o.x + size.x - markW, o.y}, {markW, size.y},
            tr("display.sound_off"), ui::colors::kText, At::Center);
    ui::UiMap::current().note("sound_off", tr("display.sound_off"));
  }
}

}  // namespace lpse::display

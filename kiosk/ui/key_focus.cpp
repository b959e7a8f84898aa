#include "kiosk/ui/key_focus.hpp"

#include <cfloat>
#include <cmath>

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"

namespace lpse::ui {

KeyFocus& KeyFocus::current() {
  static KeyFocus f;
  return f;
}

void KeyFocus::clear() {
  m_id.clear();
  m_activate = false;
}

bool KeyFocus::claim(std::string_view id, const ImVec2& min, const ImVec2& max) {
  if (m_id.empty() || id != m_id) return false;
  const float s = fonts().scale > 0 ? fonts().scale : 1.0f;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const float r = ImGui::GetStyle().FrameRounding;
  const float outer = 10 * s, inner = 5 * s;
  dl->AddRect({min.x - outer, min.y - outer}, {max.x + outer, max.y + outer}, ImGui::GetColorU32(colors::kBackground),
              r + outer, 0, 6 * s);
  dl->AddRect({min.x - inner, min.y - inner}, {max.x + inner, max.y + inner}, ImGui::GetColorU32(colors::kText),
              r + inner, 0, 5 * s);
  const bool fire = m_activate;
  m_activate = false;
  return fire;
}

void KeyFocus::move(FocusMove m, const std::vector<UiItem>& controls, std::string_view preferred) {
  if (controls.empty()) return;
  const UiItem* from = nullptr;
  for (const auto& c : controls)
    if (c.id == m_id) from = &c;
  if (!from) {
    for (const auto& c : controls)
      if (!preferred.empty() && c.id == preferred) from = &c;
    m_id = from ? from->id : controls.front().id;
    return;
  }
  if (m == FocusMove::Next || m == FocusMove::Previous) {
    std::size_t i = static_cast<std::size_t>(from - controls.data());
    i = m == FocusMove::Next ? (i + 1) % controls.size() : (i + controls.size() - 1) % controls.size();
    m_id = controls[i].id;
    return;
  }
  // The nearest control whose centre lies that way, the distance along the
  // move counted once and the offset across it twice (so "down" prefers the
  // control under this one to one far to the side).
  const float fx = from->rect.x + from->rect.w / 2, fy = from->rect.y + from->rect.h / 2;
  const UiItem* best = nullptr;
  float bestScore = FLT_MAX;
  for (const auto& c : controls) {
    if (&c == from) continue;
    const float dx = c.rect.x + c.rect.w / 2 - fx, dy = c.rect.y + c.rect.h / 2 - fy;
    float along = 0, across = 0;
    switch (m) {
      case FocusMove::Up: along = -dy, across = std::fabs(dx); break;
      case FocusMove::Down: along = dy, across = std::fabs(dx); break;
      case FocusMove::Left: along = -dx, across = std::fabs(dy); break;
      case FocusMove::Right: along = dx, across = std::fabs(dy); break;
      default: break;
    }
    if (along <= 1) continue;
    const float score = along + 2 * across;
    if (score < bestScore) bestScore = score, best = &c;
  }
  // Nothing further that way: up/left wrap to the previous control, down/right to the next, so every control is reachable.
  if (!best) return move(m == FocusMove::Up || m == FocusMove::Left ? FocusMove::Previous : FocusMove::Next, controls);
  m_id = best->id;
}

std::vector<UiItem> focusableControls(const std::vector<UiItem>& items) {
  std::vector<UiItem> out;
  for (const auto& i : items)
    if ((i.kind == UiKind::Button || i.kind == UiKind::Field) && i.enabled && i.visible) out.push_back(i);
  return out;
}

}  // namespace lpse::ui

#pragma once
// Focus for visitors who do not use the touchscreen: a numeric keypad (or
// arrow keys) moves a focus ring over the controls the last frame drew, and
// activates the one in focus. Widgets ask claim() whether they are the one
// (to draw the ring, and to fire when activated); the program feeds keys
// between frames with the previous frame's controls. UI thread only.
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/ui_map.hpp"

namespace lpse::ui {

enum class FocusMove { Up, Down, Left, Right, Next, Previous };

class KeyFocus {
 public:
  static KeyFocus& current();

  // Called by a focusable widget with its id and box: true when the widget
  // should fire this frame (it is focused and activation was asked for).
  // Draws the focus ring (a thick light ring inside a dark one: visible on
  // any fill, and not a colour change alone) when it is focused.
  bool claim(std::string_view id, const ImVec2& min, const ImVec2& max);

  // Moves to the nearest control in that direction among `controls` (the
  // previous frame's enabled, visible buttons and fields). With nothing
  // focused, focuses `preferred` if listed, else the first control.
  void move(FocusMove m, const std::vector<UiItem>& controls, std::string_view preferred = {});
  // The focused control fires on the next frame it is drawn.
  void activate() { m_activate = !m_id.empty(); }
  void focus(std::string_view id) { m_id = std::string(id); }
  void clear();
  // Call once per frame after drawing: an activation nobody claimed (the
  // control went away) is dropped rather than firing later.
  void endFrame() { m_activate = false; }

  const std::string& focused() const { return m_id; }
  bool active() const { return !m_id.empty(); }

 private:
  std::string m_id;
  bool m_activate = false;
};

// Buttons and fields of `items` that can take focus (enabled and visible).
std::vector<UiItem> focusableControls(const std::vector<UiItem>& items);

}  // namespace lpse::ui

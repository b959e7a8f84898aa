#pragma once
// Touch widgets. A finger is not a mouse: targets are at least 90 px, a
// button fires on release inside (and not after a drag, which is a scroll),
// nothing changes on hover. Every widget records itself in UiMap::current()
// under its id, which is also its ImGui id within the current window.
#include <imgui.h>

#include <cstddef>
#include <string>

#include "kiosk/ui/theme.hpp"

namespace lpse::ui {

inline constexpr float kMinTouchPx = 90.0f;  // times uiScale
inline constexpr float kTapSlopPx = 24.0f;   // a press that moves further is a drag

// The smallest touch target, in pixels, for what follows (0: kMinTouchPx
// times the font scale). The kiosk sets it from its window and screen size.
void setMinTouchPx(float px);
float minTouchPx();

enum class ButtonStyle { Primary, Secondary, Danger };

// size: ImGui convention: 0 = fit the label, negative = up to the right edge
// minus that much. Either side is raised to kMinTouchPx.
// font: null = fonts().bold.
bool bigButton(const char* id, const std::string& label, ImVec2 size = {0, 0},
               ButtonStyle style = ButtonStyle::Primary, bool enabled = true, ImFont* font = nullptr);

// A large tile: a title in the large font and an optional line under it
// (e.g. a service and how many wait for it). Fires like bigButton.
bool tileButton(const char* id, const std::string& title, const std::string& subtitle, ImVec2 size,
                ButtonStyle style = ButtonStyle::Secondary, bool enabled = true);

enum class Align { Left, Center, Right };

struct TextStyle {
  ImFont* font = nullptr;  // null: fonts().body
  ImVec4 color = colors::kText;
  Align align = Align::Left;
  bool wrap = true;  // wrap at the available width
  bool fit = false;  // instead of wrapping, shrink to the available width
};

// Text that wraps (or shrinks to fit) and aligns; multi-line via '\n'. The
// width is what is left of the line, or up to PushTextWrapPos() if nearer.
void bigText(const char* id, const std::string& text, const TextStyle& style = {});

struct FieldOptions {
  const char* hint = nullptr;          // grey text shown while empty
  ImGuiInputTextFlags flags = 0;       // e.g. ImGuiInputTextFlags_CharsDecimal for NIP
  bool password = false;               // masked, and masked in the UiMap too
  std::size_t maxBytes = 0;            // 0 = unlimited
  float width = 0;                     // 0 = available width
  const std::string* error = nullptr;  // shown under the field in the danger colour
};

// A caption above a tall input box. Returns true on the frame the text changed.
bool textField(const char* id, const std::string& label, std::string& value,
               const FieldOptions& options = {});

// A full-width toggle row with a drawn check box: documents, consent. Fires
// like bigButton; `checked` only chooses the look.
bool bigCheck(const char* id, const std::string& label, bool checked, ImVec2 size = {-1, 0});

// The product's mark (assets/logo.svg drawn with ImGui): an amber rounded
// square with "LPSE" and a ticket notch. `size` is its side in pixels.
void logoMark(const char* id, float size);

// A square module grid (a QR code) on a white quiet zone, `side` px wide.
// modules: n*n bytes, non-zero = dark.
void moduleGrid(const char* id, const unsigned char* modules, int n, float side);

enum class PillState { Online, Offline, Warning, Neutral };

// The width statusPill() will take for `text`, to right-align a row of them,
// and its height, to centre it on a taller row.
float statusPillWidth(const std::string& text);
float statusPillHeight();

// A rounded badge with a coloured dot, e.g. "Terhubung" / "Tidak terhubung ke server".
void statusPill(const char* id, const std::string& text, PillState state);

// A borderless window covering the whole display, the root of a screen.
// Always pair with endScreen(), whatever beginScreen() returned.
bool beginScreen(const char* name);
void endScreen();

// Call at the end of a scrolling child window: a finger drag scrolls it,
// also when the drag started on a bigButton (which then does not fire).
void dragToScroll();

}  // namespace lpse::ui

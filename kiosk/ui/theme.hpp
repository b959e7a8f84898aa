#pragma once
// The look shared by the three programs: dark navy, white text, one amber
// accent, big rounding and padding. Hover colours equal the normal ones: on
// a touchscreen the pointer stays where the last finger lifted, and a
// "hovered" button there would look stuck.
//
// Two palettes: the normal one and a high-contrast one (the kiosk's
// accessibility mode: every text/background pair the widgets draw at least
// 7:1, WCAG 2.x AAA). `colors::k*` name the current palette's entries, so
// every draw call follows a switch without knowing about it.
#include <imgui.h>

#include <string>
#include <vector>

namespace lpse::ui {

struct Palette {
  ImVec4 background, panel, panelPressed;
  ImVec4 text, textDim;
  ImVec4 accent, accentPressed, onAccent;  // onAccent: ink on an accent (and warn) fill
  ImVec4 danger, dangerPressed;            // danger: a fill under white ink; dangerPressed: error text too
  ImVec4 ok, warn, disabled;
};

const Palette& normalPalette();
const Palette& highContrastPalette();

namespace detail {
inline Palette g_palette = normalPalette();
}  // namespace detail

namespace colors {
inline const ImVec4& kBackground = detail::g_palette.background;      // #0A162E navy
inline const ImVec4& kPanel = detail::g_palette.panel;                // #13274A
inline const ImVec4& kPanelPressed = detail::g_palette.panelPressed;  // #203C6B
inline const ImVec4& kText = detail::g_palette.text;
inline const ImVec4& kTextDim = detail::g_palette.textDim;  // #BDC9DD, still >7:1 on navy
inline const ImVec4& kAccent = detail::g_palette.accent;    // #FFB800 amber
inline const ImVec4& kAccentPressed = detail::g_palette.accentPressed;
inline const ImVec4& kOnAccent = detail::g_palette.onAccent;  // navy text on amber
inline const ImVec4& kDanger = detail::g_palette.danger;      // #D32F2F
inline const ImVec4& kDangerPressed = detail::g_palette.dangerPressed;
inline const ImVec4& kOk = detail::g_palette.ok;  // #2EB35C
inline const ImVec4& kWarn = detail::g_palette.warn;
inline const ImVec4& kDisabled = detail::g_palette.disabled;
}  // namespace colors

// Switches the palette (and ImGui's style colours) for the next frame.
void setHighContrast(bool on);
bool highContrast();

// Sets ImGui::GetStyle() colours and sizes; sizes are multiplied by uiScale.
void applyTheme(float uiScale = 1.0f);

// WCAG 2.x contrast ratio of two opaque colours (1..21).
float contrastRatio(const ImVec4& a, const ImVec4& b);

// Every ink-on-fill pair the shared widgets and the kiosk's screens draw
// text with, named for a test's message ("text on panel").
struct InkOnFill {
  std::string name;
  ImVec4 ink, fill;
};
std::vector<InkOnFill> textPairs(const Palette& p);

}  // namespace lpse::ui

#pragma once
// The high-contrast look shared by the three programs: dark navy, white text,
// one amber accent, big rounding and padding. Hover colours equal the normal
// ones: on a touchscreen the pointer stays where the last finger lifted, and
// a "hovered" button there would look stuck.
#include <imgui.h>

namespace lpse::ui {

namespace colors {
inline const ImVec4 kBackground{0.039f, 0.086f, 0.180f, 1.0f};    // #0A162E navy
inline const ImVec4 kPanel{0.075f, 0.153f, 0.290f, 1.0f};         // #13274A
inline const ImVec4 kPanelPressed{0.125f, 0.235f, 0.420f, 1.0f};  // #203C6B
inline const ImVec4 kText{1.0f, 1.0f, 1.0f, 1.0f};
inline const ImVec4 kTextDim{0.741f, 0.788f, 0.867f, 1.0f};  // #BDC9DD, still >7:1 on navy
inline const ImVec4 kAccent{1.0f, 0.722f, 0.0f, 1.0f};       // #FFB800 amber
inline const ImVec4 kAccentPressed{1.0f, 0.835f, 0.400f, 1.0f};
inline const ImVec4 kOnAccent{0.039f, 0.086f, 0.180f, 1.0f};  // navy text on amber
inline const ImVec4 kDanger{0.827f, 0.184f, 0.184f, 1.0f};    // #D32F2F
inline const ImVec4 kDangerPressed{0.937f, 0.325f, 0.314f, 1.0f};
inline const ImVec4 kOk{0.180f, 0.702f, 0.361f, 1.0f};  // #2EB35C
inline const ImVec4 kWarn{1.0f, 0.596f, 0.0f, 1.0f};
inline const ImVec4 kDisabled{0.275f, 0.329f, 0.420f, 1.0f};
}  // namespace colors

// Sets ImGui::GetStyle() colours and sizes; sizes are multiplied by uiScale.
void applyTheme(float uiScale = 1.0f);

}  // namespace lpse::ui

#include "kiosk/ui/theme.hpp"

namespace lpse::ui {

void applyTheme(float uiScale) {
  ImGuiStyle style;  // start from defaults so calling twice is idempotent
  ImGui::StyleColorsDark(&style);

  style.WindowPadding = {32, 32};
  style.WindowRounding = 0;
  style.WindowBorderSize = 0;
  style.ChildRounding = 16;
  style.ChildBorderSize = 0;
  style.PopupRounding = 16;
  style.FramePadding = {24, 18};
  style.FrameRounding = 16;
  style.FrameBorderSize = 2;
  style.ItemSpacing = {24, 24};
  style.ItemInnerSpacing = {16, 12};
  style.ScrollbarSize = 36;  // finger-sized
  style.ScrollbarRounding = 18;
  style.GrabMinSize = 48;
  style.GrabRounding = 16;
  style.TouchExtraPadding = {4, 4};
  style.ScaleAllSizes(uiScale);

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = colors::kText;
  c[ImGuiCol_TextDisabled] = colors::kTextDim;
  c[ImGuiCol_WindowBg] = colors::kBackground;
  c[ImGuiCol_ChildBg] = colors::kPanel;
  c[ImGuiCol_PopupBg] = colors::kPanel;
  c[ImGuiCol_Border] = colors::kTextDim;
  c[ImGuiCol_FrameBg] = colors::kPanel;
  c[ImGuiCol_FrameBgHovered] = colors::kPanel;
  c[ImGuiCol_FrameBgActive] = colors::kPanelPressed;
  c[ImGuiCol_Button] = colors::kAccent;
  c[ImGuiCol_ButtonHovered] = colors::kAccent;
  c[ImGuiCol_ButtonActive] = colors::kAccentPressed;
  c[ImGuiCol_Header] = colors::kPanelPressed;
  c[ImGuiCol_HeaderHovered] = colors::kPanelPressed;
  c[ImGuiCol_HeaderActive] = colors::kPanelPressed;
  c[ImGuiCol_CheckMark] = colors::kAccent;
  c[ImGuiCol_SliderGrab] = colors::kAccent;
  c[ImGuiCol_SliderGrabActive] = colors::kAccentPressed;
  c[ImGuiCol_ScrollbarBg] = colors::kBackground;
  c[ImGuiCol_ScrollbarGrab] = colors::kPanelPressed;
  c[ImGuiCol_ScrollbarGrabHovered] = colors::kPanelPressed;
  c[ImGuiCol_ScrollbarGrabActive] = colors::kTextDim;
  c[ImGuiCol_Separator] = colors::kPanelPressed;
  c[ImGuiCol_SeparatorHovered] = colors::kPanelPressed;
  c[ImGuiCol_TextSelectedBg] = ImVec4(1.0f, 0.722f, 0.0f, 0.35f);
  c[ImGuiCol_NavHighlight] = colors::kAccent;
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.6f);

  ImGui::GetStyle() = style;
}

}  // namespace lpse::ui

#include "kiosk/ui/theme.hpp"

#include <algorithm>
#include <cmath>

namespace lpse::ui {

namespace {
float g_lastScale = 1.0f;
bool g_highContrast = false;

ImVec4 rgb(int hex) {
  return {((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, 1.0f};
}

float channel(float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }
float luminance(const ImVec4& c) { return 0.2126f * channel(c.x) + 0.7152f * channel(c.y) + 0.0722f * channel(c.z); }
}  // namespace

const Palette& normalPalette() {
  static const Palette p{
      .background = {0.039f, 0.086f, 0.180f, 1.0f},
      .panel = {0.075f, 0.153f, 0.290f, 1.0f},
      .panelPressed = {0.125f, 0.235f, 0.420f, 1.0f},
      .text = {1.0f, 1.0f, 1.0f, 1.0f},
      .textDim = {0.741f, 0.788f, 0.867f, 1.0f},
      .accent = {1.0f, 0.722f, 0.0f, 1.0f},
      .accentPressed = {1.0f, 0.835f, 0.400f, 1.0f},
      .onAccent = {0.039f, 0.086f, 0.180f, 1.0f},
      .danger = {0.827f, 0.184f, 0.184f, 1.0f},
      .dangerPressed = {0.937f, 0.325f, 0.314f, 1.0f},
      .ok = {0.180f, 0.702f, 0.361f, 1.0f},
      .warn = {1.0f, 0.596f, 0.0f, 1.0f},
      .disabled = {0.275f, 0.329f, 0.420f, 1.0f},
  };
  return p;
}

// Black ground, white text, yellow for what acts; red only as a dark fill
// under white or as a light ink on black. Every pair in textPairs() >= 7:1
// (checked by tests/ui/theme_test.cpp).
const Palette& highContrastPalette() {
  static const Palette p{
      .background = rgb(0x000000),
      .panel = rgb(0x141414),
      .panelPressed = rgb(0x3A3A3A),
      .text = rgb(0xFFFFFF),
      .textDim = rgb(0xE6E6E6),
      .accent = rgb(0xFFE600),
      .accentPressed = rgb(0xFFF176),
      .onAccent = rgb(0x000000),
      .danger = rgb(0x8B0000),
      .dangerPressed = rgb(0xFF9E9E),
      .ok = rgb(0x7CFFB2),
      .warn = rgb(0xFFC04D),
      .disabled = rgb(0x2E2E2E),
  };
  return p;
}

void setHighContrast(bool on) {
  g_highContrast = on;
  detail::g_palette = on ? highContrastPalette() : normalPalette();
  if (ImGui::GetCurrentContext()) applyTheme(g_lastScale);
}

bool highContrast() { return g_highContrast; }

float contrastRatio(const ImVec4& a, const ImVec4& b) {
  const float la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

std::vector<InkOnFill> textPairs(const Palette& p) {
  return {
      {"text on background", p.text, p.background},
      {"text on panel", p.text, p.panel},
      {"text on pressed panel", p.text, p.panelPressed},
      {"dim text on background", p.textDim, p.background},
      {"dim text on panel", p.textDim, p.panel},
      {"ink on accent (primary button)", p.onAccent, p.accent},
      {"ink on pressed accent", p.onAccent, p.accentPressed},
      {"accent text on background (ticket number)", p.accent, p.background},
      {"accent text on panel (waiting counts)", p.accent, p.panel},
      {"white on danger (print failed, danger button)", p.text, p.danger},
      {"error text on background", p.dangerPressed, p.background},
      {"ok text on background", p.ok, p.background},
      {"warn text on background", p.warn, p.background},
      {"ink on warn (idle warning)", p.onAccent, p.warn},
      {"dim text on disabled (disabled button)", p.textDim, p.disabled},
  };
}

void applyTheme(float uiScale) {
  g_lastScale = uiScale;
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

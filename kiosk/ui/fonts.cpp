#include "kiosk/ui/fonts.hpp"

#include <imgui.h>

#include <cstdlib>
#include <system_error>

namespace lpse::ui {
namespace {

Fonts g_fonts;

// The 200 px font is ASCII only: the full Latin range at that size would
// need a ~16k atlas, and ticket numbers are letters, digits and a dash.
const ImWchar kHugeRanges[] = {0x0020, 0x007E, 0};

const ImWchar kTextRanges[] = {
    0x0020, 0x024F,  // Basic Latin .. Latin Extended-B
    0x1E00, 0x1EFF,  // Latin Extended Additional
    0x2000, 0x206F,  // General Punctuation
    0x20A0, 0x20CF,  // Currency Symbols
    0x2190, 0x21FF,  // Arrows
    0,
};

ImFont* addFont(const std::filesystem::path& file, float px, const ImWchar* ranges, int oversample) {
  ImFontConfig cfg;
  // Oversampling triples atlas width by default; big glyphs do not need it.
  cfg.OversampleH = oversample;
  cfg.OversampleV = 1;
  return ImGui::GetIO().Fonts->AddFontFromFileTTF(file.c_str(), px, &cfg, ranges);
}

}  // namespace

const Fonts& fonts() { return g_fonts; }

const unsigned short* textGlyphRanges() { return kTextRanges; }

std::filesystem::path defaultFontDir() {
  if (const char* env = std::getenv("LPSE_FONT_DIR"); env && *env) return env;
  return "/usr/share/fonts/truetype/noto";
}

std::optional<std::string> loadFonts(float uiScale, const std::filesystem::path& dir) {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  g_fonts = Fonts{};
  g_fonts.scale = uiScale;

  const auto regular = dir / "NotoSans-Regular.ttf";
  const auto boldFile = dir / "NotoSans-Bold.ttf";
  std::error_code ec;
  for (const auto& file : {regular, boldFile}) {
    if (!std::filesystem::is_regular_file(file, ec)) {
      ImFont* fallback = atlas->AddFontDefault();
      g_fonts.small = g_fonts.body = g_fonts.bold = g_fonts.large = g_fonts.huge = fallback;
      return "Font " + file.string() + " not found (install fonts-noto-core); using ImGui's built-in font.";
    }
  }

  // The first font added is ImGui's default, so plain ImGui::Text gets body.
  g_fonts.body = addFont(regular, kBodyPx * uiScale, kTextRanges, 2);
  g_fonts.small = addFont(regular, kSmallPx * uiScale, kTextRanges, 2);
  g_fonts.bold = addFont(boldFile, kBodyPx * uiScale, kTextRanges, 2);
  g_fonts.large = addFont(boldFile, kLargePx * uiScale, kTextRanges, 1);
  g_fonts.huge = addFont(boldFile, kHugePx * uiScale, kHugeRanges, 1);
  if (!g_fonts.body || !g_fonts.small || !g_fonts.bold || !g_fonts.large || !g_fonts.huge) {
    atlas->Clear();
    ImFont* fallback = atlas->AddFontDefault();
    g_fonts.small = g_fonts.body = g_fonts.bold = g_fonts.large = g_fonts.huge = fallback;
    return "Could not load the Noto Sans fonts from " + dir.string() + "; using ImGui's built-in font.";
  }
  return std::nullopt;
}

}  // namespace lpse::ui

#include "kiosk/ui/fonts.hpp"

#include <imgui.h>

#include <cstdlib>
#include <system_error>

namespace lpse::ui {
namespace {

Fonts g_fonts;
bool g_compact = false;
float g_textScale = 1.0f;

// A ticket number is a prefix letter, a dash and digits.
const ImWchar kTicketRanges[] = {0x002D, 0x002D, 0x0030, 0x0039, 0x0041, 0x005A, 0};

const ImWchar kCompactRanges[] = {
    0x0020, 0x00FF,  // Basic Latin, Latin-1 (· é)
    0x2010, 0x2027,  // dashes, quotes, bullet, ellipsis
    0,
};

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

void setCompactGlyphs(bool on) { g_compact = on; }
void setTextScale(float k) { g_textScale = k > 0 ? k : 1.0f; }

const unsigned short* textGlyphRanges() { return kTextRanges; }

std::filesystem::path defaultFontDir() {
  if (const char* env = std::getenv("LPSE_FONT_DIR"); env && *env) return env;
  return "/usr/share/fonts/truetype/noto";
}

std::optional<std::string> loadFonts(float uiScale, const std::filesystem::path& dir) {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  g_fonts = Fonts{};
  const float hugeScale = uiScale;
  uiScale *= g_textScale;
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
  const ImWchar* labels = g_compact ? kCompactRanges : kTextRanges;
  g_fonts.small = addFont(regular, kSmallPx * uiScale, labels, 2);
  g_fonts.bold = addFont(boldFile, kBodyPx * uiScale, labels, 2);
  g_fonts.large = addFont(boldFile, kLargePx * uiScale, labels, 1);
  g_fonts.huge = addFont(boldFile, kHugePx * hugeScale, g_compact ? kTicketRanges : kHugeRanges, 1);
  if (!g_fonts.body || !g_fonts.small || !g_fonts.bold || !g_fonts.large || !g_fonts.huge) {
    atlas->Clear();
    ImFont* fallback = atlas->AddFontDefault();
    g_fonts.small = g_fonts.body = g_fonts.bold = g_fonts.large = g_fonts.huge = fallback;
    return "Could not load the Noto Sans fonts from " + dir.string() + "; using ImGui's built-in font.";
  }
  return std::nullopt;
}

}  // namespace lpse::ui

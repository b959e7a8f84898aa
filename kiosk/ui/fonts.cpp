#include "kiosk/ui/fonts.hpp"

#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <system_error>
#include <vector>

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

// The two font files, read once per loadFonts() and shared by every size
// (AddFontFromFileTTF would keep a copy of the file per size in the atlas).
// The atlas reads them when it builds; releaseFontSources() frees them after.
std::vector<char> g_regularTtf, g_boldTtf;

bool readFile(const std::filesystem::path& file, std::vector<char>& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !out.empty();
}

ImFont* addFont(std::vector<char>& ttf, const char* name, float px, const ImWchar* ranges, int oversample) {
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;
  // Oversampling triples atlas width by default; big glyphs do not need it.
  cfg.OversampleH = oversample;
  cfg.OversampleV = 1;
  std::snprintf(cfg.Name, sizeof cfg.Name, "%s, %.0fpx", name, px);
  return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(ttf.data(), static_cast<int>(ttf.size()), px, &cfg, ranges);
}

}  // namespace

const Fonts& fonts() { return g_fonts; }

void setCompactGlyphs(bool on) { g_compact = on; }
void setTextScale(float k) { g_textScale = k > 0 ? k : 1.0f; }

const unsigned short* textGlyphRanges() { return kTextRanges; }

void releaseFontSources() {
  // Keeps TexReady and every built font (ImGui 1.86: "we leave TexReady
  // untouched"); only the inputs of a build go.
  ImGui::GetIO().Fonts->ClearInputData();
  std::vector<char>().swap(g_regularTtf);
  std::vector<char>().swap(g_boldTtf);
}

std::filesystem::path defaultFontDir() {
  if (const char* env = std::getenv("LPSE_FONT_DIR"); env && *env) return env;
  return "/usr/share/fonts/truetype/noto";
}

std::optional<std::string> loadFonts(float uiScale, const std::filesystem::path& dir) {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  // As tall as the glyphs need, not the next power of two (up to half the
  // texture was empty rows); GL 3.3 takes any size.
  atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  g_fonts = Fonts{};
  const float hugeScale = uiScale;
  uiScale *= g_textScale;
  g_fonts.scale = uiScale;

  const auto regular = dir / "NotoSans-Regular.ttf";
  const auto boldFile = dir / "NotoSans-Bold.ttf";
  std::error_code ec;
  for (const auto& file : {regular, boldFile}) {
    if (!std::filesystem::is_regular_file(file, ec) ||
        !readFile(file, file == regular ? g_regularTtf : g_boldTtf)) {
      ImFont* fallback = atlas->AddFontDefault();
      g_fonts.small = g_fonts.body = g_fonts.bold = g_fonts.large = g_fonts.huge = fallback;
      return "Font " + file.string() + " not found (install fonts-noto-core); using ImGui's built-in font.";
    }
  }

  // The first font added is ImGui's default, so plain ImGui::Text gets body.
  const char* r = "NotoSans-Regular.ttf";
  const char* b = "NotoSans-Bold.ttf";
  g_fonts.body = addFont(g_regularTtf, r, kBodyPx * uiScale, kTextRanges, 2);
  const ImWchar* labels = g_compact ? kCompactRanges : kTextRanges;
  g_fonts.small = addFont(g_regularTtf, r, kSmallPx * uiScale, labels, 2);
  g_fonts.bold = addFont(g_boldTtf, b, kBodyPx * uiScale, labels, 2);
  g_fonts.large = addFont(g_boldTtf, b, kLargePx * uiScale, labels, 1);
  g_fonts.huge = addFont(g_boldTtf, b, kHugePx * hugeScale, g_compact ? kTicketRanges : kHugeRanges, 1);
  if (!g_fonts.body || !g_fonts.small || !g_fonts.bold || !g_fonts.large || !g_fonts.huge) {
    atlas->Clear();
    ImFont* fallback = atlas->AddFontDefault();
    g_fonts.small = g_fonts.body = g_fonts.bold = g_fonts.large = g_fonts.huge = fallback;
    return "Could not load the Noto Sans fonts from " + dir.string() + "; using ImGui's built-in font.";
  }
  return std::nullopt;
}

}  // namespace lpse::ui

#pragma once
// The font set every screen draws with: Noto Sans in a few pixel sizes,
// scaled by WindowOptions::uiScale. Loaded once into the ImGui atlas before
// the first frame; screens pick a size with ImGui::PushFont(fonts().large).
#include <filesystem>
#include <optional>
#include <string>

struct ImFont;

namespace lpse::ui {

struct Fonts {
  ImFont* small = nullptr;  // ~24 px: hints, footers
  ImFont* body = nullptr;   // ~32 px: labels, fields
  ImFont* bold = nullptr;   // ~32 px bold: buttons
  ImFont* large = nullptr;  // ~56 px bold: titles
  ImFont* huge = nullptr;   // ~200 px bold, ASCII only: a called ticket number
  float scale = 1.0f;  // the text fonts' scale (UI scale times the text scale)
};

// The loaded set; all null before loadFonts() (widgets then fall back to
// ImGui's current font).
const Fonts& fonts();

inline constexpr float kSmallPx = 24.0f;
inline constexpr float kBodyPx = 32.0f;
inline constexpr float kLargePx = 56.0f;
inline constexpr float kHugePx = 200.0f;

// Debian's fonts-noto-core location, or $LPSE_FONT_DIR when set.
std::filesystem::path defaultFontDir();

// Needs a current ImGui context; adds the fonts to its atlas (WindowApp
// builds the atlas and uploads it, one byte a texel, before the next frame). On error (font file
// missing) every slot gets ImGui's built-in font so the UI still works, and
// the error sentence is returned for the log.
std::optional<std::string> loadFonts(float uiScale, const std::filesystem::path& dir = defaultFontDir());

// After the atlas is built and on the GPU: frees what only a build reads
// (the font files, the atlas's font configs). The fonts keep drawing; the
// next loadFonts() reads the files again. WindowApp calls it after each upload.
void releaseFontSources();

// With compact glyphs (the kiosk: its UI strings are ASCII and "…"), the
// small, bold and large fonts hold Latin-1 and general punctuation only;
// the body font, which shows what visitors typed or scanned, keeps every
// range below. About a quarter of the glyphs, so the atlas (rebuilt at each
// window size and for large text) stays small. Takes effect at the next
// loadFonts().
void setCompactGlyphs(bool on);

// Large text: the text fonts at this many times the UI scale; the huge
// ticket-number font stays at the UI scale (it is large already, and at
// 1.5x it alone would be most of the atlas). Takes effect at the next
// loadFonts().
void setTextScale(float k);

// Glyphs for the text sizes: Latin, Latin-1, Latin Extended A/B and
// Additional (names), general punctuation (… – “ ”), currency, arrows.
const unsigned short* textGlyphRanges();

}  // namespace lpse::ui

#pragma once
// How a program's window is opened, and the command-line flags every
// front-end shares (--size, --pos, --fullscreen, --screenshot, --ui-map ...).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/error.hpp"

namespace lpse::ui {

struct WindowOptions {
  std::string title = "LPSE Kiosk";
  int width = 1280, height = 720;
  int posX = -1, posY = -1;  // -1: let the window system choose
  bool fullscreen = false;   // "windowed fullscreen" on the primary monitor
  bool undecorated = false;
  bool hideCursor = false;  // kiosk and wall display: a finger needs no arrow
  // When set: render until the screen settles, save a PNG, exit.
  std::string screenshotPath;
  double screenshotTimeoutSeconds = 10.0;
  // Where to write the UiMap JSON; empty: $LPSE_UI_MAP, else not written.
  std::string uiMapPath;
  float uiScale = 1.0f;
};

struct PixelSize {
  int width = 0, height = 0;
};
struct PixelPos {
  int x = 0, y = 0;
};

// "1920x1080" -> {1920, 1080}; nullopt unless both are positive integers.
std::optional<PixelSize> parseSize(std::string_view text);
// "100,200" (or "100x200") -> {100, 200}; negative values allowed.
std::optional<PixelPos> parsePos(std::string_view text);

// Applies the shared window flags in args[1..] to `defaults`; anything it
// does not know is appended to `rest` (if given) for the program to parse.
// Accepts "--flag value" and "--flag=value".
core::Result<WindowOptions> parseWindowArgs(const std::vector<std::string>& args, WindowOptions defaults,
                                            std::vector<std::string>* rest = nullptr);
core::Result<WindowOptions> parseWindowArgs(int argc, char** argv, WindowOptions defaults,
                                            std::vector<std::string>* rest = nullptr);

// One line per flag, for a program's --help.
std::string_view windowArgsHelp();

}  // namespace lpse::ui

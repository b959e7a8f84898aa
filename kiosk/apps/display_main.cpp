// lpse-display: the wall display that calls tickets to counters.
#include <cstdio>

#include "kiosk/apps/frontend.hpp"
#include "kiosk/display_app/display_app.hpp"

int main(int argc, char** argv) {
  lpse::ui::WindowOptions defaults;
  defaults.title = "LPSE Display";
  defaults.width = 1920;
  defaults.height = 1080;
  int code = 0;
  auto fe = lpse::apps::startFrontend(argc, argv, "lpse-display", "the wall display of called tickets", defaults, code);
  if (!fe) return code;
  if (fe->config.display.fullscreen) fe->window.fullscreen = true;
  auto window = lpse::ui::WindowApp::create(fe->window);
  if (!window) {
    std::fprintf(stderr, "lpse-display: %s\n", window.error().en.c_str());
    return 2;
  }
  lpse::display::DisplayApp app(fe->config, fe->strings, **window);
  return (*window)->run(app);
}

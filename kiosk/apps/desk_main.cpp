// lpse-desk: the helpdesk / Admin PPE console at a counter.
#include <cstdio>

#include "kiosk/apps/frontend.hpp"
#include "kiosk/desk_app/desk_app.hpp"

int main(int argc, char** argv) {
  lpse::ui::WindowOptions defaults;
  defaults.title = "LPSE Desk";
  defaults.width = 1280;
  defaults.height = 800;
  int code = 0;
  auto fe = lpse::apps::startFrontend(argc, argv, "lpse-desk", "the helpdesk and Admin PPE console", defaults, code);
  if (!fe) return code;
  auto window = lpse::ui::WindowApp::create(fe->window);
  if (!window) {
    std::fprintf(stderr, "lpse-desk: %s\n", window.error().en.c_str());
    return 2;
  }
  lpse::desk::DeskApp app(fe->config, fe->strings, **window);
  return (*window)->run(app);
}

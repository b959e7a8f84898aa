// lpse-desk: the helpdesk / Admin PPE console at a counter, and the
// supervisor's board. `--board` opens the board alone, full screen (unless
// --size is given), for a wall monitor: a supervisor signs in, the board
// shows without the supervisor's action buttons.
#include <cstdio>
#include <cstring>
#include <vector>

#include "kiosk/apps/frontend.hpp"
#include "kiosk/desk_app/desk_app.hpp"

int main(int argc, char** argv) {
  lpse::ui::WindowOptions defaults;
  defaults.title = "LPSE Desk";
  defaults.width = 1280;
  defaults.height = 800;
  // --board is this program's own flag: taken out before the shared parser.
  bool wall = false, sized = false;
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (i > 0 && std::strcmp(argv[i], "--board") == 0) {
      wall = true;
      continue;
    }
    if (std::strncmp(argv[i], "--size", 6) == 0) sized = true;
    args.push_back(argv[i]);
  }
  if (wall) {
    defaults.title = "LPSE Supervisor Board";
    defaults.fullscreen = !sized;
  }
  int code = 0;
  auto fe = lpse::apps::startFrontend(static_cast<int>(args.size()), args.data(), "lpse-desk",
                                      "the helpdesk and Admin PPE console; --board: the supervisor board for a wall",
                                      defaults, code);
  if (!fe) return code;
  auto window = lpse::ui::WindowApp::create(fe->window);
  if (!window) {
    std::fprintf(stderr, "lpse-desk: %s\n", window.error().en.c_str());
    return 2;
  }
  lpse::desk::DeskApp app(fe->config, fe->strings, **window, wall);
  return (*window)->run(app);
}

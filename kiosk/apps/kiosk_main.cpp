// lpse-kiosk: the lobby touchscreen guest book that hands out queue numbers.
#include <cstdio>

#include "devices/printer/virtual_printer.hpp"
#include "kiosk/apps/frontend.hpp"
#include "kiosk/kiosk_app/kiosk_app.hpp"

int main(int argc, char** argv) {
  lpse::ui::WindowOptions defaults;
  defaults.title = "LPSE Kiosk";
  defaults.width = 1920;
  defaults.height = 1080;
  int code = 0;
  auto fe = lpse::apps::startFrontend(argc, argv, "lpse-kiosk", "the lobby touchscreen guest book and queue tickets",
                                      defaults, code);
  if (!fe) return code;
  if (fe->config.kiosk.fullscreen) fe->window.fullscreen = true;
  if (fe->config.kiosk.hideCursor) fe->window.hideCursor = true;
  auto window = lpse::ui::WindowApp::create(fe->window);
  if (!window) {
    std::fprintf(stderr, "lpse-kiosk: %s\n", window.error().en.c_str());
    return 2;
  }
  // Only the virtual printer exists so far; USB, TCP and device-file
  // transports slot in behind the same interface (issue #4).
  auto printer = std::make_unique<lpse::printer::VirtualPrinter>(fe->config.printer.outputDir, fe->config.printer.paperDots);
  lpse::kiosk::KioskApp app(fe->config, fe->strings, std::move(printer), **window);
  return (*window)->run(app);
}

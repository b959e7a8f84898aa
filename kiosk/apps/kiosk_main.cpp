// lpse-kiosk: the lobby touchscreen guest book that hands out queue numbers.
#include <cstdio>

#include "kiosk/apps/frontend.hpp"
#include "kiosk/apps/kiosk_scanning.hpp"
#include "kiosk/apps/printer_setup.hpp"
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
  std::string chosen;
  auto printer = lpse::apps::openPrinter(fe->config.printer, chosen);
  if (!printer) {
    std::fprintf(stderr, "lpse-kiosk: %s\n", printer.error().en.c_str());
    return 2;
  }
  std::printf("level=info msg=\"printer\" printer=\"%s\"\n", chosen.c_str());
  // Read once: the logo is loaded here (a bad logo is logged and left out).
  auto format = lpse::apps::ticketFormat(fe->config);
  if (!format) {
    std::fprintf(stderr, "lpse-kiosk: %s\n", format.error().en.c_str());
    return 2;
  }
  lpse::kiosk::KioskApp app(fe->config, fe->strings, std::move(*printer), **window);
  app.setTicketFormat(std::move(*format));
  lpse::apps::KioskScanning scanning(fe->config.kiosk.camera, app);
  return (*window)->run(app);
}

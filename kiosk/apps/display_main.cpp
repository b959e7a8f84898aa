// lpse-display: the wall display that calls tickets to counters.
#include <cstdio>

#include "kiosk/apps/frontend.hpp"
#include "kiosk/apps/printer_setup.hpp"
#include "kiosk/display_app/display_app.hpp"
#include "kiosk/ui/rgba_texture.hpp"

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
  // Found like the ticket logo: working directory, beside the config, above it.
  auto& logo = fe->config.display.logo;
  if (!logo.empty()) logo = lpse::apps::resolveLogoPath(logo, fe->config.sourcePath).string();
  // Declared after the window: freed while its GL context still exists.
  lpse::ui::RgbaTexture logoTexture;
  lpse::display::DisplayHost host;
  host.wake = [w = window->get()] { w->wake(); };
  host.logoTexture = [&logoTexture](const lpse::display::LogoImage& image) -> ImTextureID {
    return logoTexture.upload(image.rgba.data(), image.width, image.height) ? logoTexture.id() : nullptr;
  };
  lpse::display::DisplayApp app(fe->config, fe->strings, std::move(host));
  return (*window)->run(app);
}

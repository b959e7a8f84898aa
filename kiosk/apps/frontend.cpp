#include "kiosk/apps/frontend.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>

namespace lpse::apps {

std::optional<Frontend> startFrontend(int argc, char** argv, const std::string& program,
                                      const std::string& description, ui::WindowOptions defaults, int& exitCode) {
  std::vector<std::string> rest;
  auto window = ui::parseWindowArgs(argc, argv, defaults, &rest);
  if (!window) {
    std::fprintf(stderr, "%s: %s\n", program.c_str(), window.error().en.c_str());
    exitCode = 2;
    return std::nullopt;
  }
  CLI::App app{program + ": " + description};
  std::string configPath = "config/lpse.toml";
  app.add_option("--config", configPath, "Config file (TOML)")->capture_default_str();
  app.footer("Window options:\n" + std::string(ui::windowArgsHelp()));
  std::reverse(rest.begin(), rest.end());  // CLI11 takes a vector back to front
  try {
    app.parse(rest);
  } catch (const CLI::ParseError& e) {
    exitCode = app.exit(e);
    return std::nullopt;
  }
  auto cfg = config::loadConfig(configPath);
  if (!cfg) {
    std::fprintf(stderr, "%s: %s\n", program.c_str(), cfg.error().en.c_str());
    exitCode = 2;
    return std::nullopt;
  }
  auto strings = ui::Strings::load(ui::defaultStringsDir(), "id");
  if (!strings) {
    std::fprintf(stderr, "%s: %s\n", program.c_str(), strings.error().en.c_str());
    exitCode = 2;
    return std::nullopt;
  }
  return Frontend{std::move(*cfg), std::move(*window), std::move(*strings)};
}

}  // namespace lpse::apps

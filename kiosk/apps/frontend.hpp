#pragma once
// What the three windowed programs share at start-up: the command line
// (--config plus the window flags), the config file, the UI strings.
#include <optional>
#include <string>

#include "kiosk/config/config.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/window_options.hpp"

namespace lpse::apps {

struct Frontend {
  config::Config config;
  ui::WindowOptions window;
  ui::Strings strings;
};

// Parses argv; on --help or an error prints and returns the exit code in
// `exitCode` with no Frontend.
std::optional<Frontend> startFrontend(int argc, char** argv, const std::string& program,
                                      const std::string& description, ui::WindowOptions defaults, int& exitCode);

}  // namespace lpse::apps

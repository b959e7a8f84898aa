#include "kiosk/apps/cli_command.hpp"

namespace lpse::apps {

core::Result<config::Config> CliContext::config() const {
  auto cfg = config::loadConfig(configPath);
  if (cfg && !database.empty()) cfg->server.database = database;
  return cfg;
}

int fail(const core::Error& e) {
  std::fprintf(stderr, "lpse: %s\n", e.en.c_str());
  return 1;
}

}  // namespace lpse::apps

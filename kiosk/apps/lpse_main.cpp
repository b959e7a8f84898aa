// lpse: the admin CLI. Works on the database file directly (verify the
// event chain, rebuild the projection), asks a running server, or checks a
// device. Each command group lives in its own cli_*.cpp.
#include "kiosk/apps/cli_command.hpp"

int main(int argc, char** argv) {
  CLI::App app{"lpse: LPSE Kiosk administration"};
  lpse::apps::CliContext ctx;
  app.add_option("--config", ctx.configPath, "Config file (TOML)")->capture_default_str();
  app.add_option("--database", ctx.database, "SQLite file (overrides server.database)");
  app.require_subcommand(1);

  lpse::apps::registerDbCommands(app, ctx);
  lpse::apps::registerDoctorCommand(app, ctx);
  lpse::apps::registerPrinterCommands(app, ctx);
  lpse::apps::registerAccessCommands(app, ctx);
  lpse::apps::registerFormCommand(app, ctx);
  lpse::apps::registerScanCommand(app, ctx);
  lpse::apps::registerVoiceCommands(app, ctx);
  lpse::apps::registerReportCommands(app, ctx);

  CLI11_PARSE(app, argc, argv);
  return ctx.exitCode;
}

#pragma once
// The `lpse` admin CLI is one dispatcher (lpse_main.cpp) and one file per
// command group (cli_*.cpp). Each group adds its subcommands to the app and
// sets ctx.exitCode from a CLI11 callback; the config is loaded only by the
// commands that need it, so `lpse scan` or `lpse form` run without one.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>
#include <string>

#include "kiosk/config/config.hpp"
#include "kiosk/core/error.hpp"

namespace lpse::apps {

struct CliContext {
  std::string configPath = "config/lpse.toml";
  std::string database;  // --database overrides server.database
  int exitCode = 0;

  // The config file (plus --database), or the error to print.
  core::Result<config::Config> config() const;
};

// Prints "lpse: <message>" (English: the CLI's reader is the IT person) and
// returns the exit code 1.
int fail(const core::Error& e);

void registerDbCommands(CLI::App& app, CliContext& ctx);       // db verify | anchor | rebuild | purge, board
void registerDoctorCommand(CLI::App& app, CliContext& ctx);    // doctor
void registerPrinterCommands(CLI::App& app, CliContext& ctx);  // printer-test
void registerAccessCommands(CLI::App& app, CliContext& ctx);   // staff ..., device ...
void registerFormCommand(CLI::App& app, CliContext& ctx);      // form (request form PDF)
void registerScanCommand(CLI::App& app, CliContext& ctx);      // scan (QR in image files / camera)
void registerVoiceCommands(CLI::App& app, CliContext& ctx);    // voice say | list
void registerReportCommands(CLI::App& app, CliContext& ctx);   // report ..., person ...

}  // namespace lpse::apps

// `lpse doctor`: one line per check, "ok" or what is wrong; exit 1 if any
// check failed. Meant for the LPSE IT person after an install or a change.
#include "kiosk/apps/cli_command.hpp"
#include "kiosk/apps/cli_store.hpp"
#include "kiosk/apps/printer_setup.hpp"
#include "kiosk/client/api_client.hpp"

namespace lpse::apps {

namespace {

int runDoctor(const config::Config& cfg) {
  int failed = 0;
  auto line = [&](const char* what, bool ok, const std::string& detail) {
    std::printf("%-9s %-4s %s\n", what, ok ? "ok" : "FAIL", detail.c_str());
    if (!ok) ++failed;
  };
  line("config", true, cfg.sourcePath + " (office \"" + cfg.office.name + "\")");
  {
    auto store = store::Store::open(cfg.server.database, storeOptions(cfg));
    if (!store) {
      line("database", false, store.error().en);
    } else {
      auto chain = (*store)->verifyChain();
      line("database", chain.ok(),
           chain.ok() ? cfg.server.database + ": " + std::to_string((*store)->lastSeq()) + " events, chain intact"
                      : chain.error().en);
    }
  }
  if (!cfg.server.caCert.empty()) client::trustCertificate(cfg.server.caCert);
  client::ApiClient client(cfg.serverUrl, {});
  auto health = client.health();
  line("server", health.ok(), health.ok() ? cfg.serverUrl + " answers" : health.error().en);
  // Each device credential on this machine must be one the server accepts.
  for (const auto& [what, file] : {std::pair{"kiosk", cfg.kiosk.credentialFile}, {"display", cfg.display.credentialFile}}) {
    auto cred = client::readCredentialFile(file);
    if (!cred) {
      line(what, false, cred.error().en);
      continue;
    }
    if (!health.ok()) continue;
    client.setCredential(*cred);
    auto me = client.me();
    line(what, me.ok(), me.ok() ? file + ": accepted as " + me->id : file + ": " + me.error().en);
  }
  std::string chosen;
  auto printer = openPrinter(cfg.printer, chosen);
  if (!printer) {
    line("printer", false, printer.error().en);
  } else {
    auto st = (*printer)->status();
    line("printer", st.canPrint(),
         chosen + ": " + std::string(printer::toString(st.state)) + (st.detail.empty() ? "" : " - " + st.detail));
  }
  return failed ? 1 : 0;
}

}  // namespace

void registerDoctorCommand(CLI::App& app, CliContext& ctx) {
  app.add_subcommand("doctor", "Check the config, the database, the server and the printer")->final_callback([&ctx] {
    auto cfg = ctx.config();
    ctx.exitCode = cfg ? runDoctor(*cfg) : fail(cfg.error());
  });
}

}  // namespace lpse::apps

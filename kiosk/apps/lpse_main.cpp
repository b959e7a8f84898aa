// lpse: the admin CLI. Works on the database file directly (verify the
// event chain, rebuild the projection) or asks a running server.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "devices/printer/ticket_layout.hpp"
#include "devices/printer/usb_printer.hpp"
#include "kiosk/api/wire.hpp"
#include "kiosk/apps/printer_setup.hpp"
#include "kiosk/client/api_client.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/store/store.hpp"

namespace {

lpse::store::StoreOptions storeOptions(const lpse::config::Config& c) {
  lpse::store::StoreOptions so;
  so.calendar = c.office.calendar;
  so.services = c.services;
  return so;
}

int fail(const lpse::core::Error& e) {
  std::fprintf(stderr, "lpse: %s\n", e.en.c_str());
  return 1;
}

// `lpse printer-test`: the LPSE IT person's first check of a printer. The
// flags choose a printer without a config file; with none, the config's.
int printerTest(const lpse::config::Config& cfg, const std::string& usb, const std::string& tcp,
                const std::string& file, const std::string& virt, bool list, bool statusOnly) {
  namespace pr = lpse::printer;
  if (list) {
    auto found = pr::listUsbPrinters();
    for (const auto& p : found)
      std::printf("%s  bus %03d device %03d\n", pr::toString(p.id).c_str(), p.bus, p.address);
    if (found.empty()) std::printf("no USB printer found\n");
    return 0;
  }
  lpse::config::PrinterConfig pc = cfg.printer;
  if (!usb.empty()) pc.kind = "usb", pc.usb = usb;
  if (!tcp.empty()) {
    auto colon = tcp.rfind(':');
    pc.kind = "tcp";
    pc.host = tcp.substr(0, colon);
    pc.port = colon == std::string::npos ? 9100 : std::atoi(tcp.c_str() + colon + 1);
  }
  if (!file.empty()) pc.kind = "file", pc.device = file;
  if (!virt.empty()) pc.kind = "virtual", pc.outputDir = virt;
  std::string chosen;
  auto printer = lpse::apps::openPrinter(pc, chosen);
  if (!printer) return fail(printer.error());
  auto st = (*printer)->status();
  std::printf("printer: %s\nstatus: %s%s%s\n", chosen.c_str(), std::string(pr::toString(st.state)).c_str(),
              st.detail.empty() ? "" : " - ", st.detail.c_str());
  if (statusOnly) return st.canPrint() ? 0 : 1;
  if (!st.canPrint()) return 1;
  pr::TicketContent t;
  t.officeName = cfg.office.name;
  t.number = "T-000";
  t.serviceName = "Tes printer / Printer test";
  t.dateTimeText = "-";
  t.qrPayload = "lpse-printer-test";
  t.footer = "Jika tiket ini terbaca, printer siap. / If you can read this, the printer is ready.";
  auto r = (*printer)->print(pr::layoutTicket(t, pc.paperDots == 384 ? pr::paper58() : pr::paper80()));
  if (!r.ok) {
    std::fprintf(stderr, "lpse: %s\n", r.error.c_str());
    return 1;
  }
  std::printf("printed%s%s\n", r.artifact.empty() ? "" : ": ", r.artifact.c_str());
  return 0;
}

// `lpse doctor`: one line per check, "ok" or what is wrong; exit 1 if any
// check failed. Meant for the LPSE IT person after an install or a change.
int runDoctor(const lpse::config::Config& cfg) {
  int failed = 0;
  auto line = [&](const char* what, bool ok, const std::string& detail) {
    std::printf("%-9s %-4s %s\n", what, ok ? "ok" : "FAIL", detail.c_str());
    if (!ok) ++failed;
  };
  line("config", true, cfg.sourcePath + " (office \"" + cfg.office.name + "\")");
  {
    auto store = lpse::store::Store::open(cfg.server.database, storeOptions(cfg));
    if (!store) {
      line("database", false, store.error().en);
    } else {
      auto chain = (*store)->verifyChain();
      line("database", chain.ok(),
           chain.ok() ? cfg.server.database + ": " + std::to_string((*store)->lastSeq()) + " events, chain intact"
                      : chain.error().en);
    }
  }
  lpse::client::ApiClient client(cfg.serverUrl, {"doctor", lpse::core::ActorRole::Supervisor});
  auto health = client.health();
  line("server", health.ok(), health.ok() ? cfg.serverUrl + " answers" : health.error().en);
  std::string chosen;
  auto printer = lpse::apps::openPrinter(cfg.printer, chosen);
  if (!printer) {
    line("printer", false, printer.error().en);
  } else {
    auto st = (*printer)->status();
    line("printer", st.canPrint(), chosen + ": " + std::string(lpse::printer::toString(st.state)) +
                                       (st.detail.empty() ? "" : " - " + st.detail));
  }
  return failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"lpse: LPSE Kiosk administration"};
  std::string configPath = "config/lpse.toml";
  std::string database;
  app.add_option("--config", configPath, "Config file (TOML)")->capture_default_str();
  app.add_option("--database", database, "SQLite file (overrides server.database)");
  app.require_subcommand(1);

  auto* db = app.add_subcommand("db", "Database maintenance")->require_subcommand(1);
  auto* verify = db->add_subcommand("verify", "Check the event log's hash chain");
  auto* rebuild = db->add_subcommand("rebuild", "Rebuild the case projection from the event log");
  auto* board = app.add_subcommand("board", "Print the public board of a running server as JSON");
  auto* doctor = app.add_subcommand("doctor", "Check the config, the database, the server and the printer");
  auto* ptest = app.add_subcommand("printer-test", "List printers, ask a printer's status, print a test ticket");
  std::string usb, tcp, file, virt;
  bool list = false, statusOnly = false;
  ptest->add_option("--usb", usb, "USB printer VID:PID (e.g. 0416:5011)");
  ptest->add_option("--tcp", tcp, "Network printer HOST:PORT (raw, usually port 9100)");
  ptest->add_option("--file", file, "Printer device file (e.g. /dev/usb/lp0)");
  ptest->add_option("--virtual", virt, "Render to PNG files in this folder");
  ptest->add_flag("--list", list, "List the USB printers on the bus");
  ptest->add_flag("--status", statusOnly, "Only ask the status; print nothing");
  CLI11_PARSE(app, argc, argv);

  auto cfg = lpse::config::loadConfig(configPath);
  if (!cfg) return fail(cfg.error());
  if (!database.empty()) cfg->server.database = database;

  if (ptest->parsed()) return printerTest(*cfg, usb, tcp, file, virt, list, statusOnly);
  if (doctor->parsed()) return runDoctor(*cfg);

  if (board->parsed()) {
    lpse::client::ApiClient client(cfg->serverUrl, {"cli", lpse::core::ActorRole::Supervisor});
    auto b = client.board();
    if (!b) return fail(b.error());
    std::printf("%s\n", lpse::api::toJson(*b).dump(2).c_str());
    return 0;
  }

  auto store = lpse::store::Store::open(cfg->server.database, storeOptions(*cfg));
  if (!store) return fail(store.error());
  if (verify->parsed()) {
    auto ok = (*store)->verifyChain();
    if (!ok) return fail(ok.error());
    std::printf("ok: %lld events, chain intact\n", static_cast<long long>((*store)->lastSeq()));
    return 0;
  }
  if (rebuild->parsed()) {
    auto ok = (*store)->rebuildProjection();
    if (!ok) return fail(ok.error());
    std::printf("ok: projection rebuilt from %lld events\n", static_cast<long long>((*store)->lastSeq()));
    return 0;
  }
  return 0;
}

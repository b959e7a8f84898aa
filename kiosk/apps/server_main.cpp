// lpse-server: the queue server. Owns the SQLite file; serves the kiosk,
// the wall displays and the desks over HTTP with a push stream.
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "kiosk/apps/server_mail.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/server/queue_server.hpp"
#include "kiosk/store/access_store.hpp"
#include "kiosk/store/store.hpp"
#include "kiosk/store/store_reports.hpp"

int main(int argc, char** argv) {
  CLI::App app{"lpse-server: the LPSE queue server (HTTP/JSON API and push stream over SQLite)"};
  std::string configPath = "config/lpse.toml";
  std::string database, bind;
  int port = -1;
  bool verbose = false;
  app.add_option("--config", configPath, "Config file (TOML)")->capture_default_str();
  app.add_option("--database", database, "SQLite file (overrides server.database)");
  app.add_option("--bind", bind, "Address to listen on (overrides server.bind)");
  app.add_option("--port", port, "Port, 0 = any free one (overrides server.port)");
  app.add_flag("--verbose", verbose, "Also log routine requests (health checks) at level=debug");
  CLI11_PARSE(app, argc, argv);

  auto cfg = lpse::config::loadConfig(configPath);
  if (!cfg) {
    std::fprintf(stderr, "lpse-server: %s\n", cfg.error().en.c_str());
    return 2;
  }
  if (!database.empty()) cfg->server.database = database;
  if (!bind.empty()) cfg->server.bind = bind;
  if (port >= 0) cfg->server.port = port;

  std::error_code ec;
  auto dir = std::filesystem::path(cfg->server.database).parent_path();
  if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  lpse::store::StoreOptions so;
  so.calendar = cfg->office.calendar;
  so.services = cfg->services;
  so.priority = cfg->priority;
  auto store = lpse::store::Store::open(cfg->server.database, so);
  if (!store) {
    std::fprintf(stderr, "lpse-server: %s\n", store.error().en.c_str());
    return 1;
  }
  if (auto chain = (*store)->verifyChain(); !chain) {
    // Refuse to serve on a tampered log rather than extend it.
    std::fprintf(stderr, "lpse-server: %s\n", chain.error().en.c_str());
    return 1;
  }

  // Signals are taken by one thread with sigwait, so stopping is not done
  // inside a signal handler.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);

  lpse::store::AccessPolicy policy;
  policy.sessionMs = static_cast<std::int64_t>(cfg->server.sessionHours) * 3600 * 1000;
  auto access = lpse::store::AccessStore::open(cfg->server.database, policy);
  if (!access) {
    std::fprintf(stderr, "lpse-server: %s\n", access.error().en.c_str());
    return 1;
  }

  auto reports = lpse::store::ReportStore::open(cfg->server.database, so, cfg->timeStandards);
  if (!reports) {
    std::fprintf(stderr, "lpse-server: %s\n", reports.error().en.c_str());
    return 1;
  }

  lpse::server::ServerOptions opts;
  opts.reports = reports->get();
  opts.officeName = cfg->office.name;
  opts.retentionDays = cfg->server.retentionDays;
  opts.tlsCert = cfg->server.tlsCert;
  opts.tlsKey = cfg->server.tlsKey;
  opts.verbose = verbose;
  // One line per request (not health checks unless --verbose) on stdout;
  // journald (or var/log under `make run`) keeps it; stdio is line-safe.
  opts.log = [](const std::string& line) {
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
  };
  lpse::server::QueueServer server(**store, **access, opts);
  if (auto ok = server.ready(); !ok) {
    std::fprintf(stderr, "lpse-server: %s\n", ok.error().en.c_str());
    return 1;
  }
  int bound = server.bind(cfg->server.bind, cfg->server.port);
  if (bound < 0) {
    std::fprintf(stderr, "lpse-server: cannot listen on %s:%d (in use?)\n", cfg->server.bind.c_str(),
                 cfg->server.port);
    return 1;
  }
  // [email]: the IMAP intake and SMTP replies on their own threads (off by default).
  auto mailChannel = lpse::apps::startMailChannel(*cfg, **store, opts.log);
  if (!mailChannel) {
    std::fprintf(stderr, "lpse-server: %s\n", mailChannel.error().en.c_str());
    return 1;
  }
  std::thread signals([&] {
    int sig = 0;
    sigwait(&set, &sig);
    std::fprintf(stderr, "level=info msg=\"stopping\" signal=%d\n", sig);
    server.stop();
  });
  std::printf("level=info msg=\"listening\" addr=%s:%d tls=%s db=%s seq=%lld staff=%zu devices=%zu\n",
              cfg->server.bind.c_str(), bound, opts.tlsCert.empty() ? "off" : "on", cfg->server.database.c_str(),
              static_cast<long long>((*store)->lastSeq()), (*access)->listStaff().size(),
              (*access)->listDevices().size());
  std::fflush(stdout);
  server.run();
  // run() also returns if listening failed; make sure the signal thread ends.
  pthread_kill(signals.native_handle(), SIGTERM);
  signals.join();
  return 0;
}

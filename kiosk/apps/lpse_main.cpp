// lpse: the admin CLI. Works on the database file directly (verify the
// event chain, rebuild the projection) or asks a running server.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "kiosk/api/wire.hpp"
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
  CLI11_PARSE(app, argc, argv);

  auto cfg = lpse::config::loadConfig(configPath);
  if (!cfg) return fail(cfg.error());
  if (!database.empty()) cfg->server.database = database;

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

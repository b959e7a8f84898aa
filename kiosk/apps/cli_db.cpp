// `lpse db verify | rebuild` on the database file, `lpse board` from a
// running server.
#include "kiosk/api/wire.hpp"
#include "kiosk/apps/cli_command.hpp"
#include "kiosk/apps/cli_store.hpp"
#include "kiosk/client/api_client.hpp"

namespace lpse::apps {

namespace {

int withStore(const CliContext& ctx, int (*run)(store::Store&)) {
  auto cfg = ctx.config();
  if (!cfg) return fail(cfg.error());
  auto st = store::Store::open(cfg->server.database, storeOptions(*cfg));
  if (!st) return fail(st.error());
  return run(**st);
}

int verify(store::Store& s) {
  auto ok = s.verifyChain();
  if (!ok) return fail(ok.error());
  std::printf("ok: %lld events, chain intact\n", static_cast<long long>(s.lastSeq()));
  return 0;
}

int rebuild(store::Store& s) {
  auto ok = s.rebuildProjection();
  if (!ok) return fail(ok.error());
  std::printf("ok: projection rebuilt from %lld events\n", static_cast<long long>(s.lastSeq()));
  return 0;
}

int board(const CliContext& ctx) {
  auto cfg = ctx.config();
  if (!cfg) return fail(cfg.error());
  // The board is what a wall display sees: ask with the display's credential.
  auto cred = client::readCredentialFile(cfg->display.credentialFile);
  if (!cred) return fail(cred.error());
  if (!cfg->server.caCert.empty()) client::trustCertificate(cfg->server.caCert);
  client::ApiClient api(cfg->serverUrl, *cred);
  auto b = api.board();
  if (!b) return fail(b.error());
  std::printf("%s\n", api::toJson(*b).dump(2).c_str());
  return 0;
}

}  // namespace

void registerDbCommands(CLI::App& app, CliContext& ctx) {
  auto* db = app.add_subcommand("db", "Database maintenance")->require_subcommand(1);
  db->add_subcommand("verify", "Check the event log's hash chain")->final_callback([&ctx] {
    ctx.exitCode = withStore(ctx, verify);
  });
  db->add_subcommand("rebuild", "Rebuild the case projection from the event log")->final_callback([&ctx] {
    ctx.exitCode = withStore(ctx, rebuild);
  });
  app.add_subcommand("board", "Print the public board of a running server as JSON")->final_callback([&ctx] {
    ctx.exitCode = board(ctx);
  });
}

}  // namespace lpse::apps

// `lpse db verify | anchor | rebuild | purge` on the database file, `lpse board`
// from a running server.
#include <chrono>
#include <functional>
#include <memory>

#include <nlohmann/json.hpp>

#include "kiosk/api/wire.hpp"
#include "kiosk/apps/cli_command.hpp"
#include "kiosk/apps/cli_store.hpp"
#include "kiosk/client/api_client.hpp"

namespace lpse::apps {

namespace {

int withStore(const CliContext& ctx, const std::function<int(store::Store&)>& run) {
  auto cfg = ctx.config();
  if (!cfg) return fail(cfg.error());
  auto st = store::Store::open(cfg->server.database, storeOptions(*cfg));
  if (!st) return fail(st.error());
  return run(**st);
}

int verify(store::Store& s, const std::string& anchorText) {
  if (!anchorText.empty()) {
    auto a = store::event_log::anchorFrom(anchorText);
    if (!a)
      return fail(core::makeError("bad_anchor", "Jangkar harus berbentuk <nomor>:<64 heksa>.",
                                  "An anchor is <seq>:<64 hex digits>, as `lpse db anchor` prints it."));
    auto ok = s.verifyAnchor(*a);
    if (!ok) return fail(ok.error());
    std::printf("ok: %lld events, chain intact, event %lld matches the anchor\n",
                static_cast<long long>(s.lastSeq()), static_cast<long long>(a->seq));
    return 0;
  }
  auto ok = s.verifyChain();
  if (!ok) return fail(ok.error());
  std::printf("ok: %lld events, chain intact\n", static_cast<long long>(s.lastSeq()));
  return 0;
}

// Written down outside the database (a paper log, a daily e-mail), the head
// later proves the log was neither cut short nor rewritten since.
int anchor(store::Store& s) {
  if (auto ok = s.verifyChain(); !ok) return fail(ok.error());
  std::printf("%s\n", store::event_log::toString(s.chainHead()).c_str());
  return 0;
}

int rebuild(store::Store& s) {
  auto ok = s.rebuildProjection();
  if (!ok) return fail(ok.error());
  std::printf("ok: projection rebuilt from %lld events\n", static_cast<long long>(s.lastSeq()));
  return 0;
}

// The server purges on its own (hourly); this is for an office that wants
// it now, or a shorter period once (e.g. after a complaint).
int purge(const CliContext& ctx, int days) {
  auto cfg = ctx.config();
  if (!cfg) return fail(cfg.error());
  if (days < 0) days = cfg->server.retentionDays;
  if (days <= 0)
    return fail(core::makeError("retention_off", "Masa simpan tidak diatur (server.retention_days = 0).",
                                "No retention period is set (server.retention_days = 0); give --days."));
  auto st = store::Store::open(cfg->server.database, storeOptions(*cfg));
  if (!st) return fail(st.error());
  const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  auto n = (*st)->purgeVisits(now - std::int64_t{days} * 86'400'000, now);
  if (!n) return fail(n.error());
  std::printf("ok: %d guest-book entries older than %d days emptied (closed cases only)\n", *n, days);
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
  auto anchorText = std::make_shared<std::string>();
  auto* verifyCmd = db->add_subcommand("verify", "Check the event log's hash chain (and an anchor written down earlier)");
  verifyCmd->add_option("--anchor", *anchorText, "<seq>:<hash> from an earlier `lpse db anchor`");
  verifyCmd->final_callback([&ctx, anchorText] {
    ctx.exitCode = withStore(ctx, [&](store::Store& s) { return verify(s, *anchorText); });
  });
  db->add_subcommand("anchor", "Print the chain's head (<seq>:<hash>) to keep outside the database")
      ->final_callback([&ctx] { ctx.exitCode = withStore(ctx, anchor); });
  db->add_subcommand("rebuild", "Rebuild the case projection from the event log")->final_callback([&ctx] {
    ctx.exitCode = withStore(ctx, rebuild);
  });
  auto days = std::make_shared<int>(-1);
  auto* purgeCmd =
      db->add_subcommand("purge", "Empty the guest-book entries of closed cases older than the retention period");
  purgeCmd->add_option("--days", *days, "Retention in days (default: server.retention_days)")->check(CLI::Range(1, 3650));
  purgeCmd->final_callback([&ctx, days] { ctx.exitCode = purge(ctx, *days); });
  app.add_subcommand("board", "Print the public board of a running server as JSON")->final_callback([&ctx] {
    ctx.exitCode = board(ctx);
  });
}

}  // namespace lpse::apps

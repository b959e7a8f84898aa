// `lpse report register|compliance|service` (CSV, XLSX, PDF or JSON from the
// database file), `lpse report close-day`, and the data-rights commands
// `lpse person export|erase|withdraw-consent`. Names live in their own
// namespace: the CLI is built as one unity translation unit.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>

#include "kiosk/api/wire_reports.hpp"
#include "kiosk/apps/cli_command.hpp"
#include "kiosk/apps/cli_store.hpp"
#include "kiosk/report_export/report_tables.hpp"
#include "kiosk/store/store_reports.hpp"

namespace lpse::apps {
namespace report_cli {

std::int64_t clockMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

struct Args {
  std::string from, to, format = "csv", out, nip, phone;
  std::int64_t caseId = 0;
  bool yes = false;
};

// The CLI acts as the admin on the file it was given (who ran it is the
// shell's business: the log says "cli").
const core::Actor kCli{"cli", core::ActorRole::Admin};

int withReports(const CliContext& ctx, const std::function<int(store::ReportStore&, const config::Config&)>& run) {
  auto cfg = ctx.config();
  if (!cfg) return fail(cfg.error());
  auto st = store::ReportStore::open(cfg->server.database, storeOptions(*cfg), cfg->timeStandards);
  if (!st) return fail(st.error());
  return run(**st, *cfg);
}

bool writeText(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f << text;
  return static_cast<bool>(f.flush());
}

int report(const CliContext& ctx, const std::string& kind, const Args& a) {
  auto period = report::parsePeriod(a.from, a.to);
  if (!period) return fail(period.error());
  const bool json = a.format == "json";
  auto format = report::formatFrom(a.format);
  if (!json && !format) return fail(format.error());
  return withReports(ctx, [&](store::ReportStore& s, const config::Config& cfg) {
    const report::DocumentHeader header{cfg.office.name, cfg.office.calendar.utcOffsetMinutes};
    report::Document doc;
    nlohmann::json body;
    if (kind == "register") {
      auto r = s.registerReport(*period);
      if (!r) return fail(r.error());
      json ? void(body = api::toJson(*r)) : void(doc = report::registerDocument(*r, header));
    } else if (kind == "compliance") {
      auto r = s.compliance(*period);
      if (!r) return fail(r.error());
      json ? void(body = api::toJson(*r)) : void(doc = report::complianceDocument(*r, header));
    } else {
      auto r = s.service(*period);
      if (!r) return fail(r.error());
      json ? void(body = api::toJson(*r)) : void(doc = report::serviceDocument(*r, header));
    }
    if (json) {
      if (a.out == "-" || a.out.empty()) {
        std::printf("%s\n", body.dump(2).c_str());
        return 0;
      }
      if (!writeText(a.out, body.dump(2) + "\n"))
        return fail(core::makeError("report_write", "", "Cannot write " + a.out + "."));
    } else {
      if (a.out.empty())
        return fail(core::makeError("out_required", "", "Give --out FILE for the csv, xlsx and pdf formats."));
      if (auto ok = report::writeDocument(doc, *format, a.out); !ok) return fail(ok.error());
    }
    std::fprintf(stderr, "ok: %s report %s..%s written to %s\n", kind.c_str(), period->from.iso().c_str(),
                 period->to.iso().c_str(), a.out.empty() ? "stdout" : a.out.c_str());
    return 0;
  });
}

int closeDay(const CliContext& ctx) {
  auto cfg = ctx.config();
  if (!cfg) return fail(cfg.error());
  auto st = store::Store::open(cfg->server.database, storeOptions(*cfg));
  if (!st) return fail(st.error());
  auto n = store::closeUnservedTickets(**st, clockMs());
  if (!n) return fail(n.error());
  std::printf("ok: %d waiting tickets closed as not served today\n", *n);
  return 0;
}

int personExport(const CliContext& ctx, const Args& a) {
  if (a.out.empty()) return fail(core::makeError("out_required", "", "Give --out PREFIX (PREFIX.json and PREFIX.pdf)."));
  return withReports(ctx, [&](store::ReportStore& s, const config::Config& cfg) {
    const store::PersonQuery q{a.nip, a.phone};
    auto entries = s.findPerson(q);
    if (!entries) return fail(entries.error());
    if (!writeText(a.out + ".json", api::personToJson(*entries).dump(2) + "\n"))
      return fail(core::makeError("report_write", "", "Cannot write " + a.out + ".json."));
    const report::DocumentHeader header{cfg.office.name, cfg.office.calendar.utcOffsetMinutes};
    if (auto ok = report::writePdf(report::personDocument(*entries, header), a.out + ".pdf"); !ok)
      return fail(ok.error());
    if (auto ok = s.recordPersonExport(q, static_cast<int>(entries->size()), kCli, clockMs()); !ok)
      return fail(ok.error());
    std::printf("ok: %zu entries written to %s.json and %s.pdf\n", entries->size(), a.out.c_str(), a.out.c_str());
    return 0;
  });
}

int personErase(const CliContext& ctx, const Args& a) {
  if (!a.yes)
    return fail(core::makeError("confirm", "", "Erasing cannot be undone: add --yes to confirm."));
  return withReports(ctx, [&](store::ReportStore& s, const config::Config&) {
    auto n = s.erasePerson({a.nip, a.phone}, kCli, clockMs());
    if (!n) return fail(n.error());
    std::printf("ok: %d guest-book entries emptied (case numbers, times and the log kept)\n", *n);
    return 0;
  });
}

int withdraw(const CliContext& ctx, const Args& a) {
  return withReports(ctx, [&](store::ReportStore& s, const config::Config&) {
    if (auto ok = s.withdrawConsent(a.caseId, kCli, clockMs()); !ok) return fail(ok.error());
    std::printf("ok: consent withdrawn for case %lld; its entry is emptied when the case closes\n",
                static_cast<long long>(a.caseId));
    return 0;
  });
}

}  // namespace report_cli

void registerReportCommands(CLI::App& app, CliContext& ctx) {
  using report_cli::Args;
  auto args = std::make_shared<Args>();
  auto* rep = app.add_subcommand("report", "Reports from the event log: register, compliance, service")
                  ->require_subcommand(1);
  for (const char* kind : {"register", "compliance", "service"}) {
    const std::string what = std::string(kind) == "register"     ? "The guest-book register (buku tamu)"
                             : std::string(kind) == "compliance" ? "Mutu Baku compliance per SOP step"
                                                                 : "Service: arrivals, waiting and service times";
    auto* c = rep->add_subcommand(kind, what);
    c->add_option("--from", args->from, "First day, YYYY-MM-DD")->required();
    c->add_option("--to", args->to, "Last day, YYYY-MM-DD (default: --from)");
    c->add_option("--format", args->format, "csv, xlsx, pdf or json")->capture_default_str();
    c->add_option("--out", args->out, "Output file (json: default stdout)");
    c->final_callback([&ctx, args, k = std::string(kind)] { ctx.exitCode = report_cli::report(ctx, k, *args); });
  }
  rep->add_subcommand("close-day", "Close the tickets still waiting after closing time (not served today)")
      ->final_callback([&ctx] { ctx.exitCode = report_cli::closeDay(ctx); });

  auto* person = app.add_subcommand("person", "A visitor's data rights: export, erase, consent withdrawn")
                     ->require_subcommand(1);
  auto key = [args](CLI::App* c) {
    auto* nip = c->add_option("--nip", args->nip, "The person's NIP");
    auto* phone = c->add_option("--phone", args->phone, "The person's phone number");
    nip->excludes(phone);
  };
  auto* ex = person->add_subcommand("export", "Everything held about one person: PREFIX.json and PREFIX.pdf");
  key(ex);
  ex->add_option("--out", args->out, "Output prefix")->required();
  ex->final_callback([&ctx, args] { ctx.exitCode = report_cli::personExport(ctx, *args); });
  auto* er = person->add_subcommand("erase", "Empty the person's guest-book entries now (logged, without the data)");
  key(er);
  er->add_flag("--yes", args->yes, "Confirm: this cannot be undone");
  er->final_callback([&ctx, args] { ctx.exitCode = report_cli::personErase(ctx, *args); });
  auto* wd = person->add_subcommand("withdraw-consent", "Erase a case's entry when the case closes");
  wd->add_option("--case", args->caseId, "Case number")->required();
  wd->final_callback([&ctx, args] { ctx.exitCode = report_cli::withdraw(ctx, *args); });
}

}  // namespace lpse::apps

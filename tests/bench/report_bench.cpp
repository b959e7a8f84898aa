// report_bench: the three reports on a year of a busy office (10,000
// tickets a working day, 20 helpdesk counters, 4 Admin PPE desks), beside
// the same figures computed by a plain scan of the event log:
//   a day's register     ReportStore::registerRows  vs registerRowsByScan
//   a month's compliance ReportStore::compliance    vs factsByScan + makeCompliance
//   a year's service     ReportStore::service       vs factsByScan + makeService
// The year is written straight into SQLite in the store's schema (visits,
// cases, day counters and the hash-chained log, as the store would have
// written them, in time order) and kept in $LPSE_BENCH_TMPDIR for the next
// run (tagged with its parameters). Prints markdown.
//   report_bench [DAYS [TICKETS_PER_DAY]]   (default 261 working days = 2025, 10000)
#include <sqlite3.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "kiosk/report/reports.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/store/event_log.hpp"
#include "kiosk/store/schema.hpp"
#include "kiosk/store/store_reports.hpp"

using namespace lpse;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// CPU time of this process: the machine is shared, so wall time includes
// waiting for a core; both are reported.
double cpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9;
}

struct Ev {
  std::int64_t at, caseId;
  std::string actor, role, kind, ticket, counter, payload;
};

std::string transition(const char* from, const char* to, const char* queue, const std::string& day, std::int64_t queued) {
  return std::string("{\"from\":\"") + from + "\",\"priority\":0,\"queue\":\"" + queue + "\",\"queue_day\":\"" + day +
         "\",\"queued_ms\":" + std::to_string(queued) + ",\"to\":\"" + to + "\"}";
}

// One working day of cases: arrivals 08:00-15:30, waits and step times
// drawn around the SOP's standards (some over), outcomes in a realistic mix.
void generateDay(store::Db& db, const core::WorkingCalendar& cal, const core::LocalDate& d, int tickets,
                 std::int64_t& caseId, std::int64_t& visitId, std::int64_t& seq, std::string& prevHash,
                 std::mt19937_64& rng) {
  const std::int64_t midnight = cal.localMidnight(d);
  const std::string day = d.iso();
  auto minutes = [&](double mean) {
    std::exponential_distribution<double> e(1.0 / mean);
    return static_cast<std::int64_t>(std::min(e(rng), mean * 8) * 60'000) + 20'000;
  };
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<std::int64_t> arrivals(static_cast<std::size_t>(tickets));
  for (auto& a : arrivals) a = midnight + static_cast<std::int64_t>((8 * 60 + u(rng) * 450) * 60'000);
  std::sort(arrivals.begin(), arrivals.end());
  std::vector<Ev> evs;
  evs.reserve(static_cast<std::size_t>(tickets) * 11);
  store::Stmt visit(db,
                    "INSERT INTO visits(id, created_ms, name, nip, role, agency, phone, email, purpose, documents, consent,"
                    " consent_ms, language) VALUES(?,?,?,?,'ppk','Dinas Contoh',?,?,'Lupa kata sandi',"
                    "'[\"request_form\",\"sk_penunjukan\"]',1,?,'id')");
  store::Stmt kase(db,
                   "INSERT INTO cases(id, visit_id, channel, service, role, state, ticket, ticket_day, ticket_seq, token,"
                   " queue, queue_day, priority, queued_ms, counter, calls, created_ms, state_ms, last_seq)"
                   " VALUES(?,?,?,?,'ppk',?,?,?,?,?,'',?,0,?,?,?,?,?,0)");
  int seqR = 0, seqU = 0;
  for (std::int64_t t : arrivals) {
    const std::int64_t id = ++caseId, vid = ++visitId;
    const bool email = u(rng) < 0.1;
    const bool reset = u(rng) < 0.6;
    const std::string service = reset ? "reset" : "userid";
    const int n = reset ? ++seqR : ++seqU;
    char number[16];
    std::snprintf(number, sizeof number, "%s-%03d", reset ? "R" : "U", n);
    const std::string ticket = email ? "" : number;
    const std::string desk = "desk-" + std::to_string(1 + rng() % 20);
    const std::string ppe = "ppe-" + std::to_string(1 + rng() % 4);
    const std::string counter = "Loket " + desk.substr(5);
    char token[25];
    std::snprintf(token, sizeof token, "%012llx%012llx", static_cast<unsigned long long>(rng() & 0xffffffffffffULL),
                  static_cast<unsigned long long>(id));
    const char* first = email ? "email_received" : "waiting";
    evs.push_back({t, id, email ? desk : "kiosk-1", email ? "helpdesk" : "kiosk", email ? "email_received" : "ticket_issued",
                   ticket, "",
                   "{\"channel\":\"" + std::string(email ? "email" : "walk_in") + "\",\"missing\":[],\"priority\":0,\"queue\":\"" +
                       (email ? "" : "helpdesk") + "\",\"queue_day\":\"" + day + "\",\"queued_ms\":" + std::to_string(t) +
                       ",\"role\":\"ppk\",\"service\":\"" + service + "\",\"ticket_day\":\"" + (email ? "" : day) +
                       "\",\"ticket_seq\":" + std::to_string(email ? 0 : n) + ",\"to\":\"" + first + "\",\"token\":\"" + token +
                       "\",\"visit_id\":" + std::to_string(vid) + "}"});
    std::int64_t at = t;
    std::string state = first;
    auto step = [&](std::int64_t dt, const std::string& who, const char* role, const char* kind, const char* to,
                    const char* queue = "", const std::string& ctr = "") {
      at += dt;
      evs.push_back({at, id, who, role, kind, ticket, ctr, transition(state.c_str(), to, queue, day, t)});
      state = to;
    };
    const double r = u(rng);
    const std::int64_t closing = cal.closingTime(d);
    if (!email && r < 0.02) {  // still waiting at closing
      at = closing + 30'000 - 1;
      step(1, "system", "supervisor", "cancel", "cancelled");
    } else {
      if (email) {
        step(minutes(60), desk, "helpdesk", "open_email", "checking");
      } else {
        step(minutes(20), desk, "helpdesk", "call", "called", "", counter);
        if (r < 0.10) {  // no-show after recalls
          for (int k = 0; k < static_cast<int>(rng() % 3); ++k) step(minutes(1), desk, "helpdesk", "recall", "called", "", counter);
          step(minutes(2), desk, "helpdesk", "no_show", "no_show");
        } else {
          step(minutes(1), desk, "helpdesk", "start_check", "checking");
        }
      }
      if (state == "checking") {
        if (r > 0.93) {  // incomplete, back later the same day
          step(minutes(4), desk, "helpdesk", "mark_incomplete", "incomplete");
          step(minutes(3), desk, "helpdesk", "request_completion", "awaiting_documents");
          step(minutes(45), "kiosk-1", "kiosk", "return_documents", email ? "email_received" : "waiting", "helpdesk");
          step(minutes(10), desk, "helpdesk", email ? "open_email" : "call", email ? "checking" : "called", "", counter);
          if (!email) step(minutes(1), desk, "helpdesk", "start_check", "checking");
        }
        step(minutes(4), desk, "helpdesk", "forward_to_admin", "at_admin_queue", "admin");
        step(minutes(10), ppe, "admin_ppe", "start_verify", "verifying");
        if (r > 0.88 && r <= 0.93) {
          step(minutes(12), ppe, "admin_ppe", "mark_invalid", "invalid");
          step(minutes(4), ppe, "admin_ppe", "reject", "rejected");
          step(minutes(5), desk, "helpdesk", "notify_rejection", "rejection_notified");
        } else {
          step(minutes(12), ppe, "admin_ppe", "mark_valid", "valid");
          step(minutes(8), ppe, "admin_ppe", "record_result", "result_ready");
          step(minutes(4), ppe, "admin_ppe", "notify_result", "notified");
          step(minutes(8), ppe, "admin_ppe", "archive", "archived");
          step(minutes(4), desk, "helpdesk", "deliver", "delivered");
        }
      }
    }
    const std::string nip = "19850715201001" + std::to_string(1000 + vid % 9000);
    visit.reset();
    visit.bind(1, vid).bind(2, t).bind(3, "Pengunjung " + std::to_string(vid)).bind(4, nip);
    visit.bind(5, "0812" + std::to_string(10000000 + vid % 89999999)).bind(6, email ? "p" + std::to_string(vid) + "@contoh.go.id" : "");
    visit.bind(7, t);
    visit.run();
    kase.reset();
    kase.bind(1, id).bind(2, vid).bind(3, email ? "email" : "walk_in").bind(4, service).bind(5, state);
    kase.bind(6, ticket).bind(7, email ? "" : day).bind(8, email ? 0 : n).bind(9, std::string(token)).bind(10, day);
    kase.bind(11, t).bind(12, email ? "" : counter).bind(13, email ? 0 : 1).bind(14, t).bind(15, at);
    kase.run();
  }
  for (int k = 1; k <= 20; ++k) {  // one break per desk
    const std::int64_t b = midnight + (10 * 60 + k * 7) * 60'000LL;
    evs.push_back({b, 0, "desk-" + std::to_string(k), "helpdesk", "break_start", "", "", "{\"reason\":\"istirahat\"}"});
    evs.push_back({b + 15 * 60'000, 0, "desk-" + std::to_string(k), "helpdesk", "break_end", "", "", "{}"});
  }
  std::stable_sort(evs.begin(), evs.end(), [](const Ev& a, const Ev& b) { return a.at < b.at; });
  store::Stmt ins(db,
                  "INSERT INTO events(seq, at_ms, actor, role, kind, case_id, ticket, counter, payload, prev_hash, hash)"
                  " VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  for (const Ev& e : evs) {
    store::EventRecord r;
    r.seq = ++seq;
    r.atMs = e.at;
    r.actor = e.actor;
    r.role = e.role;
    r.kind = e.kind;
    r.caseId = e.caseId;
    r.ticket = e.ticket;
    r.counter = e.counter;
    r.payload = e.payload;
    r.prevHash = prevHash;
    r.hash = store::event_log::hashOf(r);
    prevHash = r.hash;
    ins.reset();
    ins.bind(1, r.seq).bind(2, r.atMs).bind(3, r.actor).bind(4, r.role).bind(5, r.kind).bind(6, r.caseId);
    ins.bind(7, r.ticket).bind(8, r.counter).bind(9, r.payload).bind(10, r.prevHash).bind(11, r.hash);
    ins.run();
  }
  store::Stmt dc(db, "INSERT INTO day_counters(day, prefix, last) VALUES(?,'R',?),(?,'U',?)");
  dc.bind(1, day).bind(2, seqR).bind(3, day).bind(4, seqU).run();
}

std::vector<core::LocalDate> workingDays(const core::WorkingCalendar& cal, int n) {
  std::vector<core::LocalDate> out;
  for (core::LocalDate d{2025, 1, 1}; static_cast<int>(out.size()) < n;
       d = cal.localDate(cal.localMidnight(d) + 86'400'000 + 1))
    if (cal.isWorkingDay(d)) out.push_back(d);
  return out;
}

void generate(const std::string& path, const std::vector<core::LocalDate>& days, int tickets) {
  const auto t0 = Clock::now();
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  store::Db db(path);
  store::migrate(db);
  db.exec("PRAGMA synchronous=OFF");
  std::int64_t caseId = 0, visitId = 0, seq = 0;
  std::string prevHash = store::event_log::kGenesisHash;
  std::mt19937_64 rng(20250101);
  core::WorkingCalendar cal;
  for (const auto& d : days) {
    store::Transaction tx(db);
    generateDay(db, cal, d, tickets, caseId, visitId, seq, prevHash, rng);
    tx.commit();
  }
  db.exec("CREATE TABLE bench_tag(tag TEXT)");
  store::Stmt tag(db, "INSERT INTO bench_tag VALUES(?)");
  tag.bind(1, std::to_string(days.size()) + "x" + std::to_string(tickets)).run();
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  std::fprintf(stderr, "generated %zu days, %lld cases, %lld events in %.0f s\n", days.size(),
               static_cast<long long>(caseId), static_cast<long long>(seq), secondsSince(t0));
}

bool tagged(const std::string& path, const std::string& want) {
  if (!std::filesystem::exists(path)) return false;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return sqlite3_close(db), false;
  sqlite3_stmt* s = nullptr;
  bool ok = false;
  if (sqlite3_prepare_v2(db, "SELECT tag FROM bench_tag", -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
    ok = want == reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  sqlite3_finalize(s);
  sqlite3_close(db);
  return ok;
}

struct Timing {
  double wall = 1e30, cpu = 1e30;
};

// Best of `reps` runs, wall and CPU.
template <class Fn>
Timing timeIt(Fn&& fn, int reps) {
  Timing best;
  for (int i = 0; i < reps; ++i) {
    const auto t = Clock::now();
    const double c = cpuSeconds();
    fn();
    best.wall = std::min(best.wall, secondsSince(t));
    best.cpu = std::min(best.cpu, cpuSeconds() - c);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const int nDays = argc > 1 ? std::atoi(argv[1]) : 261;
  const int tickets = argc > 2 ? std::atoi(argv[2]) : 10'000;
  const char* tmp = std::getenv("LPSE_BENCH_TMPDIR");
  const std::string dir = tmp ? tmp : ".";
  const std::string path = dir + "/report-" + std::to_string(nDays) + "x" + std::to_string(tickets) + ".db";
  core::WorkingCalendar cal;
  const auto days = workingDays(cal, nDays);
  if (!tagged(path, std::to_string(nDays) + "x" + std::to_string(tickets))) generate(path, days, tickets);
  const auto size = std::filesystem::file_size(path);

  store::StoreOptions so;
  auto rsr = store::ReportStore::open(path, so);
  if (!rsr) return std::fprintf(stderr, "%s\n", rsr.error().en.c_str()), 1;
  auto& rs = **rsr;
  const report::Period year{days.front(), days.back()};
  const core::LocalDate mid = days[days.size() / 2];
  const report::Period oneDay{mid, mid};
  const core::LocalDate monthStart{mid.year, mid.month, 1};
  core::LocalDate monthEnd = monthStart;
  while (true) {
    auto next = cal.localDate(cal.localMidnight(monthEnd) + 86'400'000 + 1);
    if (next.month != monthStart.month) break;
    monthEnd = next;
  }
  const report::Period month{monthStart, monthEnd};

  // The cache is derived data: time building it from nothing once.
  if (!rs.dropCache().ok()) return 1;
  const auto tb = Clock::now();
  auto warm = rs.facts(year);
  if (!warm) return std::fprintf(stderr, "%s\n", warm.error().en.c_str()), 1;
  const double buildS = secondsSince(tb);

  std::size_t regRows = 0, regScanRows = 0;
  report::ComplianceReport comp, compScan;
  report::ServiceReport svc, svcScan;
  const core::TimeStandards standards = core::TimeStandards::sopDefaults();
  const Timing regFast = timeIt([&] { regRows = rs.registerRows(oneDay)->size(); }, 5);
  const Timing compFast = timeIt([&] { comp = *rs.compliance(month); }, 5);
  const Timing svcFast = timeIt([&] { svc = *rs.service(year); }, 3);
  const Timing regScan = timeIt([&] { regScanRows = rs.registerRowsByScan(oneDay)->size(); }, 1);
  const Timing compScanS = timeIt([&] { compScan = report::makeCompliance(month, *rs.factsByScan(month), standards); }, 1);
  const Timing svcScanS = timeIt([&] { svcScan = report::makeService(year, *rs.factsByScan(year), cal); }, 1);

  auto same = [](double a, double b) { return std::abs(a - b) < 1e-9; };
  bool agree = regRows == regScanRows && comp.rows.size() == compScan.rows.size() &&
               comp.breaches.size() == compScan.breaches.size() && svc.services.size() == svcScan.services.size();
  for (std::size_t i = 0; agree && i < comp.rows.size(); ++i)
    agree = comp.rows[i].duration.count == compScan.rows[i].duration.count && comp.rows[i].within == compScan.rows[i].within &&
            same(comp.rows[i].duration.medianMin, compScan.rows[i].duration.medianMin);
  for (std::size_t i = 0; agree && i < svc.services.size(); ++i)
    agree = svc.services[i].arrivals == svcScan.services[i].arrivals &&
            same(svc.services[i].wait.medianMin, svcScan.services[i].wait.medianMin) &&
            same(svc.services[i].served.p90Min, svcScan.services[i].served.p90Min);
  const auto& all = svc.services.back();
  const auto* step5 = &comp.rows[0];
  for (const auto& r : comp.rows)
    if (r.step == 5 && r.channel == core::Channel::WalkIn) step5 = &r;

  std::printf("| report | rows in | ReportStore wall s (CPU s) | plain scan of the log wall s (CPU s) | scan / store (CPU) | figures agree |\n");
  std::printf("|---|---:|---:|---:|---:|---|\n");
  auto line = [](const std::string& what, const std::string& rows, Timing fast, Timing scan, bool ok) {
    std::printf("| %s | %s | %.3f (%.3f) | %.1f (%.1f) | %.0fx | %s |\n", what.c_str(), rows.c_str(), fast.wall, fast.cpu,
                scan.wall, scan.cpu, scan.cpu / std::max(fast.cpu, 1e-6), ok ? "yes" : "NO");
  };
  line("register, one day (" + mid.iso() + ")", std::to_string(regRows) + " visits", regFast, regScan,
       regRows == regScanRows);
  line("compliance, one month (" + month.from.iso() + ".." + month.to.iso() + ")",
       std::to_string(comp.breaches.size()) + " breaches listed", compFast, compScanS, agree);
  line("service, one year (" + year.from.iso() + ".." + year.to.iso() + ")", std::to_string(all.arrivals) + " cases",
       svcFast, svcScanS, agree);
  std::printf("\n");
  std::printf("- data: %d working days x %d tickets/day, 20 helpdesk counters, 4 Admin PPE desks; %.1f GB database file\n",
              nDays, tickets, size / 1e9);
  std::printf("- per-day facts cache built from nothing (once; later only days whose cases got new events): %.1f s\n", buildS);
  std::printf("- sample figures: year median wait %.1f min, p90 %.1f min; month step 5 (walk-in) within 5 min %.1f %%\n",
              all.wait.medianMin, all.wait.p90Min, 100 * step5->share);
  std::printf("- ReportStore times are the best of 5 (register, compliance) or 3 (service) runs on a warm cache; scans run once\n");
  return agree ? 0 : 2;
}

// The server end to end on loopback, with 20 listening push clients
// (EventStream, displays and desks) connected throughout:
//   1. call-next -> "call" event at every client (per client, and the
//      slowest of the 20 per call);
//   2. ticket issue latency over HTTP;
//   3. sustained ticket issues/s over HTTP (1 writer, and 20 concurrent
//      writers) against the raw durable-commit rate of SQLite on the same
//      disk, interleaved;
//   4. the same call-to-display latency for a display polling GET
//      /api/board every 2 s (how FQM's display works), against push.
// A plain harness: it measures and prints a markdown table on stdout
// (progress on stderr); run_server_bench.sh adds the machine. The SQLite
// files live in a temp dir under LPSE_BENCH_TMPDIR, else the build's bin
// dir: the build's disk, never tmpfs by accident.
//   server_bench [N_CALLS=300] [N_ISSUES=300] [SECONDS_PER_ROUND=1] [K_POLL_CALLS=20]
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <cmath>
#include <utility>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "kiosk/api/wire.hpp"
#include "kiosk/client/api_client.hpp"
#include "kiosk/client/event_stream.hpp"
#include "kiosk/server/queue_server.hpp"
#include "kiosk/store/store.hpp"
#include "tests/bench/bench_support.hpp"
#include "tests/support/test_access.hpp"

namespace {

using namespace lpse;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr int kClients = 20;
constexpr auto kPollEvery = 2s;

using bench::BenchDir;
const auto visit = bench::benchVisit;

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// Nearest-rank percentile.
double pct(std::vector<double> v, double p) {
  if (v.empty()) return 0.0 / 0.0;
  std::sort(v.begin(), v.end());
  std::size_t rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
  return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}


// The baseline, as store_bench's BM_RawDurableCommit: one row per durable
// transaction (WAL, synchronous=FULL) for `dur`; returns commits done.
class RawSqlite {
 public:
  explicit RawSqlite(const std::string& path) : m_raw(path) {}
  std::int64_t run(Clock::duration dur) {
    std::int64_t n = 0;
    for (const auto end = Clock::now() + dur; Clock::now() < end; ++n) m_raw.commitOne();
    return n;
  }

 private:
  bench::RawCommitter m_raw;
};

// Arrival time of each "call" event (by ticket) at each listening client.
struct Arrivals {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::unordered_map<std::string, Clock::time_point>> at{kClients};

  // Waits until every client has `ticket`; false on timeout.
  bool waitAll(const std::string& ticket, std::vector<Clock::time_point>& out, Clock::duration timeout) {
    std::unique_lock l(mu);
    bool ok = cv.wait_for(l, timeout, [&] {
      for (auto& m : at)
        if (!m.count(ticket)) return false;
      return true;
    });
    if (!ok) return false;
    out.clear();
    for (auto& m : at) out.push_back(m[ticket]);
    return true;
  }
};

int arg(int argc, char** argv, int i, int def) { return argc > i ? std::atoi(argv[i]) : def; }

// CPU time (user + system) of the whole process so far: server, clients and
// listeners all run in it. Unlike wall-clock rates it barely moves when
// other work shares the machine.
double cpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Joins on every way out of a scope. An exception that unwinds past a
// joinable std::thread calls std::terminate ("terminate called without an
// active exception") and the bench dies without saying what failed.
class Joiner {
 public:
  explicit Joiner(std::function<void()> before = {}) : m_before(std::move(before)) {}
  ~Joiner() { joinAll(); }
  Joiner(const Joiner&) = delete;
  Joiner& operator=(const Joiner&) = delete;
  template <class F>
  void spawn(F&& f) {
    m_threads.emplace_back(std::forward<F>(f));
  }
  void joinAll() {
    if (m_before) std::exchange(m_before, {})();
    for (auto& t : m_threads)
      if (t.joinable()) t.join();
    m_threads.clear();
  }

 private:
  std::function<void()> m_before;
  std::vector<std::thread> m_threads;
};

std::string row(const std::string& what, std::size_t n, double p50, double p99, const std::string& note = "") {
  char buf[512];
  std::snprintf(buf, sizeof buf, "| %s | %zu | %.2f | %.2f | %s |\n", what.c_str(), n, p50, p99, note.c_str());
  return buf;
}

}  // namespace

int main(int argc, char** argv) try {
  const int nCalls = arg(argc, argv, 1, 300);
  const int nIssues = arg(argc, argv, 2, 300);
  const int roundSec = arg(argc, argv, 3, 1);
  const int kPoll = arg(argc, argv, 4, 20);
  constexpr int kRounds = 3;  // raw / HTTP throughput, interleaved
  const auto benchStart = Clock::now();

  BenchDir dir;
  auto opened = store::Store::open(dir.file("queue.db"));
  if (!opened.ok()) throw std::runtime_error(opened.error().en);
  auto store = std::move(*opened);
  auto access = store::AccessStore::open(dir.file("queue.db"));
  if (!access.ok()) throw std::runtime_error(access.error().en);
  // Every request below is authenticated as in production (bearer token
  // looked up in the same file).
  auto as = [&](const std::string& id, core::ActorRole role) {
    return testsupport::credentialFor(dir.file("queue.db"), id, role);
  };
  server::QueueServer srv(*store, **access, server::ServerOptions{});
  const int port = srv.bind("127.0.0.1", 0);
  if (port <= 0) throw std::runtime_error("bind failed");
  Arrivals arr;
  std::vector<std::unique_ptr<client::EventStream>> streams;
  // On every way out (an exception too): the listeners, then the server.
  Joiner serverThread([&] {
    for (auto& s : streams) s->stop();
    streams.clear();
    srv.stop();
  });
  serverThread.spawn([&] { srv.run(); });
  const std::string url = "http://127.0.0.1:" + std::to_string(port);
  {
    client::ApiClient probe(url, {});
    for (int i = 0; i < 200 && !probe.health().ok(); ++i) std::this_thread::sleep_for(10ms);
    if (!probe.health().ok()) throw std::runtime_error("server did not come up");
  }

  // 20 listening clients, started live; half displays, half desks.
  for (int c = 0; c < kClients; ++c) {
    const bool display = c % 2 == 0;
    auto id = as((display ? "display-" : "desk-") + std::to_string(c),
                 display ? core::ActorRole::Display : core::ActorRole::Helpdesk);
    streams.push_back(std::make_unique<client::EventStream>(
        url, id, -1,
        client::EventStream::Callbacks{[&arr, c](const api::StreamEvent& e) {
                                         if (e.kind != "call") return;
                                         const auto now = Clock::now();
                                         std::lock_guard l(arr.mu);
                                         arr.at[c].emplace(e.ticket, now);
                                         arr.cv.notify_all();
                                       },
                                       {}}));
  }
  // Online and past the "hello" (live start position known).
  for (int i = 0; i < 500; ++i) {
    bool all = std::all_of(streams.begin(), streams.end(), [](auto& s) { return s->online() && s->lastSeq() >= 0; });
    if (all) break;
    std::this_thread::sleep_for(10ms);
  }
  for (auto& s : streams)
    if (!s->online() || s->lastSeq() < 0) throw std::runtime_error("a listening client did not come online");
  std::fprintf(stderr, "server_bench: %d clients online on %s\n", kClients, url.c_str());

  client::ApiClient kiosk(url, as("kiosk-1", core::ActorRole::Kiosk));
  client::ApiClient desk(url, as("desk-1", core::ActorRole::Helpdesk));
  int visitNo = 0;

  // 2. Issue latency over HTTP (these tickets also feed the calls below).
  std::vector<double> issueMs;
  for (int i = 0; i < nIssues; ++i) {
    const auto t0 = Clock::now();
    auto t = kiosk.issueTicket(visit(visitNo++));
    const auto t1 = Clock::now();
    if (!t.ok()) throw std::runtime_error("issueTicket: " + t.error().en);
    issueMs.push_back(ms(t1 - t0));
  }
  std::fprintf(stderr, "server_bench: issue latency done\n");

  // 3. Sustained issues/s over HTTP with 1 writer and with 20 concurrent
  //    writers (each a kiosk of its own), the 20 listeners connected,
  //    against the raw durable-commit rate, interleaved round by round so
  //    all three see the same disk weather.
  RawSqlite raw(dir.file("raw.db"));
  constexpr int kWriters = 20;
  std::vector<std::unique_ptr<client::ApiClient>> writers;
  for (int w = 0; w < kWriters; ++w)
    writers.push_back(
        std::make_unique<client::ApiClient>(url, as("kiosk-w" + std::to_string(w), core::ActorRole::Kiosk)));
  std::int64_t rawN = 0, oneN = 0, manyN = 0;
  double rawSec = 0, oneSec = 0, manySec = 0;
  double rawCpu = 0, oneCpu = 0, manyCpu = 0;
  auto httpRound = [&](int nWriters, std::int64_t& n, double& sec, double& cpu) {
    std::atomic<std::int64_t> done{0};
    std::mutex failMu;
    std::string failure;  // the first writer's error, said in the report
    const auto a = Clock::now();
    const double cpu0 = cpuSeconds();
    const auto end = a + std::chrono::seconds(roundSec);
    {
      Joiner threads;
      for (int w = 0; w < nWriters; ++w)
        threads.spawn([&, w] {
          int i = w;
          std::string why;
          try {
            while (Clock::now() < end) {
              auto t = writers[w]->issueTicket(visit(i += kWriters));
              if (!t.ok()) {
                why = t.error().code + ": " + t.error().en;
                break;
              }
              ++done;
            }
          } catch (const std::exception& e) {
            why = std::string("exception: ") + e.what();
          }
          if (why.empty()) return;
          std::lock_guard l(failMu);
          if (failure.empty())
            failure = "writer " + std::to_string(w) + " of " + std::to_string(nWriters) + " after " +
                      std::to_string(done.load()) + " tickets in the round: " + why;
        });
    }
    sec += std::chrono::duration<double>(Clock::now() - a).count();
    cpu += cpuSeconds() - cpu0;
    if (!failure.empty()) throw std::runtime_error("issueTicket failed during the throughput run: " + failure);
    n += done;
  };
  for (int r = 0; r < kRounds; ++r) {
    auto a = Clock::now();
    const double cpu0 = cpuSeconds();
    rawN += raw.run(std::chrono::seconds(roundSec));
    rawSec += std::chrono::duration<double>(Clock::now() - a).count();
    rawCpu += cpuSeconds() - cpu0;
    httpRound(1, oneN, oneSec, oneCpu);
    httpRound(kWriters, manyN, manySec, manyCpu);
  }
  const std::int64_t httpN = oneN + manyN;
  const double rawRate = rawN / rawSec, oneRate = oneN / oneSec, manyRate = manyN / manySec;
  // Microseconds of CPU (whole process) per commit / per ticket.
  const double rawCpuUs = rawN ? 1e6 * rawCpu / rawN : 0, oneCpuUs = oneN ? 1e6 * oneCpu / oneN : 0,
               manyCpuUs = manyN ? 1e6 * manyCpu / manyN : 0;
  std::fprintf(stderr, "server_bench: throughput done (%lld tickets over HTTP)\n", static_cast<long long>(httpN));
  // Enough waiting for every call below.
  for (std::int64_t have = httpN + nIssues; have < nCalls + kPoll + 1; ++have)
    if (auto t = kiosk.issueTicket(visit(visitNo++)); !t.ok())
      throw std::runtime_error("issueTicket (fill): " + t.error().en);

  // 1. Call next -> event at every client.
  std::vector<double> perClientRet, slowestRet, perClientSent, slowestSent;
  std::vector<Clock::time_point> got;
  std::mt19937 rng(20260310);
  for (int i = 0; i < nCalls; ++i) {
    const auto sent = Clock::now();
    auto c = desk.callNext("helpdesk", "Loket 1");
    const auto ret = Clock::now();
    if (!c.ok() || !c->has_value()) throw std::runtime_error(c.ok() ? "queue empty" : "callNext: " + c.error().en);
    if (!arr.waitAll((*c)->ticket, got, 5s)) throw std::runtime_error("call event missed by a client");
    auto slowest = *std::max_element(got.begin(), got.end());
    for (auto t : got) {
      perClientRet.push_back(ms(t - ret));
      perClientSent.push_back(ms(t - sent));
    }
    slowestRet.push_back(ms(slowest - ret));
    slowestSent.push_back(ms(slowest - sent));
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(1, 5)(rng)));
  }
  std::fprintf(stderr, "server_bench: push latency done\n");

  // 4. A display polling GET /api/board every 2 s, calls at random phase.
  std::mutex pmu;
  std::condition_variable pcv;
  std::string target;
  std::optional<Clock::time_point> noticed;
  std::atomic<bool> pollStop{false};
  std::atomic<int> pollErrors{0};
  Joiner poller([&] { pollStop = true; });
  poller.spawn([&] {
    client::ApiClient d(url, as("display-poll", core::ActorRole::Display));
    auto next = Clock::now();
    while (!pollStop) {
      auto b = d.board();
      const auto now = Clock::now();
      if (!b.ok()) {
        ++pollErrors;
      } else {
        std::lock_guard l(pmu);
        if (!target.empty() && !noticed) {
          bool seen = false;
          for (auto& cc : b->current) seen = seen || cc.ticket == target;
          for (auto& cc : b->recent) seen = seen || cc.ticket == target;
          if (seen) {
            noticed = now;
            pcv.notify_all();
          }
        }
      }
      next += kPollEvery;
      while (!pollStop && Clock::now() < next) std::this_thread::sleep_for(10ms);
    }
  });
  std::vector<double> pollMs, pollSentMs, pushSlowestK;
  for (int i = 0; i < kPoll; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 2000)(rng)));
    const auto sent = Clock::now();
    auto c = desk.callNext("helpdesk", "Loket 1");
    const auto ret = Clock::now();
    if (!c.ok() || !c->has_value()) throw std::runtime_error(c.ok() ? "queue empty" : "callNext: " + c.error().en);
    {
      std::lock_guard l(pmu);
      target = (*c)->ticket;
      noticed.reset();
    }
    if (arr.waitAll((*c)->ticket, got, 5s))
      pushSlowestK.push_back(ms(*std::max_element(got.begin(), got.end()) - ret));
    std::unique_lock l(pmu);
    if (!pcv.wait_for(l, 6s, [&] { return noticed.has_value(); }))
      throw std::runtime_error("the polling display never saw " + target);
    pollMs.push_back(ms(*noticed - ret));
    pollSentMs.push_back(ms(*noticed - sent));
    target.clear();
  }
  poller.joinAll();
  std::fprintf(stderr, "server_bench: poll latency done\n");

  serverThread.joinAll();

  // Report.
  const double pushP50 = pct(perClientRet, 50), pushP99 = pct(perClientRet, 99);
  const double pollP50 = pct(pollMs, 50), pollP99 = pct(pollMs, 99);
  std::string out;
  out += "| measurement | samples | p50 ms | p99 ms | note |\n|---|---:|---:|---:|---|\n";
  out += row("call-next returned -> call event, per client (push, 20 clients)", perClientRet.size(), pushP50, pushP99,
             "negative: event beat the HTTP response");
  out += row("call-next returned -> call event at the slowest of 20 clients", slowestRet.size(), pct(slowestRet, 50),
             pct(slowestRet, 99), "max over the 20 per call");
  out += row("call-next sent -> call event, per client", perClientSent.size(), pct(perClientSent, 50),
             pct(perClientSent, 99), "includes the call's own round trip");
  out += row("call-next sent -> call event at the slowest client", slowestSent.size(), pct(slowestSent, 50),
             pct(slowestSent, 99), "");
  out += row("ticket issue over HTTP (ApiClient::issueTicket)", issueMs.size(), pct(issueMs, 50), pct(issueMs, 99),
             "sequential, one client");
  out += row("call-next returned -> seen by a display polling /api/board every 2 s", pollMs.size(), pollP50, pollP99,
             "random phase; push slowest-of-20 on these calls: p50 " +
                 std::to_string(pct(pushSlowestK, 50)).substr(0, 5) + " ms");
  char buf[2048];
  std::snprintf(buf, sizeof buf,
                "\n| throughput (same disk, %d interleaved rounds of %d s each) | per second | ratio to raw |"
                " CPU us per op (whole process) |\n"
                "|---|---:|---:|---:|\n"
                "| raw SQLite durable commit (1 row/txn, WAL, synchronous=FULL) | %.0f | 1.00 | %.0f |\n"
                "| ticket issues over HTTP, 1 writer, 20 listeners | %.0f | %.2f | %.0f |\n"
                "| ticket issues over HTTP, %d concurrent writers, 20 listeners | %.0f | %.2f | %.0f |\n",
                kRounds, roundSec, rawRate, rawCpuUs, oneRate, oneRate / rawRate, oneCpuUs, kWriters, manyRate,
                manyRate / rawRate, manyCpuUs);
  out += buf;
  // When the push event beats the HTTP response (negative latency from
  // "returned"), a ratio from "returned" means nothing: say so, and give
  // the ratio from "sent" (the desk's click), where both are positive.
  auto ratio = [](double a, double b) {
    char r[32];
    if (b > 0) std::snprintf(r, sizeof r, "%.0fx", a / b);
    else std::snprintf(r, sizeof r, "n/a (push <= 0)");
    return std::string(r);
  };
  const double pushS50 = pct(perClientSent, 50), pushS99 = pct(perClientSent, 99);
  const double pollS50 = pct(pollSentMs, 50), pollS99 = pct(pollSentMs, 99);
  std::snprintf(buf, sizeof buf,
                "\n| poll every 2 s vs push, per-client call-to-display | p50 ms | p99 ms |\n|---|---:|---:|\n"
                "| poll, from call-next returned | %.1f | %.1f |\n| push, from call-next returned | %.2f | %.2f |\n"
                "| ratio poll/push (from returned) | %s | %s |\n"
                "| poll, from call-next sent | %.1f | %.1f |\n| push, from call-next sent | %.2f | %.2f |\n"
                "| ratio poll/push (from sent) | %s | %s |\n",
                pollP50, pollP99, pushP50, pushP99, ratio(pollP50, pushP50).c_str(), ratio(pollP99, pushP99).c_str(),
                pollS50, pollS99, pushS50, pushS99, ratio(pollS50, pushS50).c_str(), ratio(pollS99, pushS99).c_str());
  out += buf;
  std::snprintf(buf, sizeof buf, "\n- poll errors: %d; polled calls: %d; whole bench %.1f s\n", pollErrors.load(), kPoll,
                std::chrono::duration<double>(Clock::now() - benchStart).count());
  out += buf;
  std::fputs(out.c_str(), stdout);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "server_bench: %s\n", e.what());
  return 1;
}

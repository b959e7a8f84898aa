// What durability costs: the raw rate of durable SQLite commits on this
// disk (WAL + synchronous=FULL, one row per transaction) as the baseline,
// and the store's ticket issue and call-next against it. Files live in a
// temp dir under LPSE_BENCH_TMPDIR, else the build's bin dir: the same disk
// as the build, never tmpfs by accident.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "kiosk/core/calendar.hpp"
#include "kiosk/store/store.hpp"
#include "tests/bench/bench_support.hpp"

namespace {

using lpse::store::Store;

using lpse::bench::BenchDir;
using lpse::bench::check;
const auto visit = lpse::bench::benchVisit;

const lpse::core::Actor kKiosk{"kiosk-1", lpse::core::ActorRole::Kiosk};
const lpse::core::Actor kDesk{"desk-1", lpse::core::ActorRole::Helpdesk};

std::int64_t officeMorning() {
  return lpse::core::WorkingCalendar{}.localMidnight({2026, 3, 10}) + 9LL * 3600 * 1000;
}

std::unique_ptr<Store> openStore(const std::string& path) {
  auto s = Store::open(path);
  if (!s.ok()) throw std::runtime_error(s.error().en);
  return std::move(*s);
}


// The baseline: what the disk allows for one durable transaction at a time.
void BM_RawDurableCommit(benchmark::State& state) {
  BenchDir dir;
  lpse::bench::RawCommitter raw(dir.file("raw.db"));
  for (auto _ : state) raw.commitOne();
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RawDurableCommit)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_IssueTicket(benchmark::State& state) {
  BenchDir dir;
  auto store = openStore(dir.file("queue.db"));
  const std::int64_t t0 = officeMorning();
  int i = 0;
  for (auto _ : state) {
    auto t = store->issueTicket(visit(i), kKiosk, t0 + i);
    if (!t.ok()) {
      state.SkipWithError(t.error().en.c_str());
      break;
    }
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_IssueTicket)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_CallNext(benchmark::State& state) {
  // Filled in batches outside the timing, no more than this run will call
  // (Google Benchmark first probes with 1, 10, 100... iterations).
  constexpr std::int64_t kBatch = 1000;
  BenchDir dir;
  auto store = openStore(dir.file("queue.db"));
  const std::int64_t t0 = officeMorning();
  std::int64_t issued = 0, waiting = 0;
  auto fill = [&] {
    const std::int64_t n = std::min(kBatch, static_cast<std::int64_t>(state.max_iterations) - issued);
    for (std::int64_t k = 0; k < n; ++k, ++issued, ++waiting)
      if (!store->issueTicket(visit(static_cast<int>(issued)), kKiosk, t0 + issued).ok()) return false;
    return true;
  };
  if (!fill()) {
    state.SkipWithError("pre-fill failed");
    return;
  }
  for (auto _ : state) {
    if (waiting == 0) {  // rare: once per kBatch calls
      state.PauseTiming();
      const bool ok = fill();
      state.ResumeTiming();
      if (!ok) {
        state.SkipWithError("refill failed");
        break;
      }
    }
    auto c = store->callNext("helpdesk", "Loket 1", kDesk, t0 + issued);
    if (!c.ok() || !c->has_value()) {
      state.SkipWithError(c.ok() ? "queue unexpectedly empty" : c.error().en.c_str());
      break;
    }
    --waiting;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CallNext)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();

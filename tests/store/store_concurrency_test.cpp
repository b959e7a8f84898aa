// Two desks pressing "next" at the same moment never get the same visitor:
// four store_torture call processes drain one pre-filled queue on the same
// file at once; every case must be handed out exactly once, all of them,
// with exactly one call event each.
//
// LPSE_CONCURRENCY_TICKETS overrides the queue length (default 2000: 3000
// took 60 s under ASan on a loaded 2-core VM, where an fsync costs ~10 ms;
// make soak runs more).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/child_process.hpp"
#include "kiosk/store/store.hpp"
#include "store_test_util.hpp"

namespace lpse::store {
namespace {

using namespace lpse::testutil;

int envInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  const int n = std::atoi(v);
  return n > 0 ? n : fallback;
}

double secondsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

TEST(StoreConcurrencyTest, ConcurrentDesksNeverCallTheSameCaseTwice) {
  const int tickets = envInt("LPSE_CONCURRENCY_TICKETS", 2000);
  constexpr int kDesks = 4;
  const std::string torture = std::string(LPSE_BIN_DIR) + "/store_torture";
  ASSERT_EQ(access(torture.c_str(), X_OK), 0) << torture << " is not built";
  TempDir dir;
  const std::string db = dir.file("queue.db");
  const std::int64_t t0 = officeMorning();

  std::set<std::int64_t> issued;
  auto fillStart = std::chrono::steady_clock::now();
  {
    auto opened = Store::open(db);
    ASSERT_TRUE(opened.ok()) << opened.error().en;
    auto& store = **opened;
    for (int i = 0; i < tickets; ++i) {
      auto t = store.issueTicket(walkIn(i % 2 ? "userid" : "reset"), kKiosk, t0 + i);
      ASSERT_TRUE(t.ok()) << t.error().en;
      issued.insert(t->kase.id);
    }
  }
  const double fillSeconds = secondsSince(fillStart);
  ASSERT_EQ(static_cast<int>(issued.size()), tickets);

  // All desks start together; their stdout is drained as it comes.
  auto callStart = std::chrono::steady_clock::now();
  std::vector<std::unique_ptr<Child>> desks;
  for (int d = 1; d <= kDesks; ++d)
    desks.push_back(std::make_unique<Child>(
        std::vector<std::string>{torture, "call", db, "Loket " + std::to_string(d), std::to_string(t0 + tickets)}));
  std::vector<Child*> raw;
  for (auto& d : desks) raw.push_back(d.get());
  drainAll(raw);
  std::map<std::int64_t, int> timesCalled;
  std::vector<int> perDesk;
  for (auto& d : desks) {
    const int status = d->wait();
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "desk: " << describeStatus(status);
    std::istringstream lines(d->output());
    std::int64_t id;
    int n = 0;
    while (lines >> id) {
      ++timesCalled[id];
      ++n;
    }
    perDesk.push_back(n);
  }
  const double callSeconds = secondsSince(callStart);
  std::printf("%d tickets: issued in %.1f s (%.0f/s), called by %d processes in %.1f s (%.0f/s); per desk:",
              tickets, fillSeconds, tickets / fillSeconds, kDesks, callSeconds, tickets / callSeconds);
  for (int n : perDesk) std::printf(" %d", n);
  std::printf("\n");

  for (const auto& [id, n] : timesCalled) EXPECT_EQ(n, 1) << "case " << id << " was called " << n << " times";
  std::set<std::int64_t> called;
  for (const auto& [id, n] : timesCalled) called.insert(id);
  EXPECT_EQ(called, issued) << "the desks together did not call every ticket exactly";

  auto opened = Store::open(db);
  ASSERT_TRUE(opened.ok()) << opened.error().en;
  auto chain = (*opened)->verifyChain();
  EXPECT_TRUE(chain.ok()) << chain.error().en;
  RawDb check(db);
  EXPECT_EQ(check.scalar("SELECT COUNT(*) FROM events WHERE kind = 'call'"), tickets);
  EXPECT_EQ(check.scalar("SELECT COUNT(DISTINCT case_id) FROM events WHERE kind = 'call'"), tickets);
  EXPECT_EQ(check.scalar("SELECT COUNT(*) FROM cases WHERE state = 'called' AND calls = 1"), tickets);
  EXPECT_EQ(check.scalar("SELECT COUNT(*) FROM cases WHERE state = 'waiting'"), 0);
  // The counter a case went to is the desk that printed it.
  for (int d = 0; d < kDesks; ++d) {
    EXPECT_EQ(check.scalar("SELECT COUNT(*) FROM cases WHERE counter = 'Loket " + std::to_string(d + 1) + "'"),
              perDesk[d]);
  }
}

}  // namespace
}  // namespace lpse::store

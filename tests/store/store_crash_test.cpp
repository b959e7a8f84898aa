// Crash durability: a writer (store_torture write) is SIGKILLed at a random
// moment, round after round, on one shared database file. Afterwards the
// file must open, its hash chain verify, its projection equal a replay of
// the log, every day's numbers per prefix be exactly 1..last with no gap or
// duplicate, and every number a writer reported as committed be there.
//
// LPSE_CRASH_ROUNDS overrides the number of rounds (make soak runs more).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "tests/support/child_process.hpp"
#include "kiosk/core/ticket_number.hpp"
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

TEST(StoreCrashTest, SigkilledWritersLoseNothingCommittedAndLeaveNoGap) {
  const int rounds = envInt("LPSE_CRASH_ROUNDS", 200);
  const std::string torture = std::string(LPSE_BIN_DIR) + "/store_torture";
  ASSERT_EQ(access(torture.c_str(), X_OK), 0) << torture << " is not built";
  TempDir dir;
  const std::string db = dir.file("queue.db");
  const std::int64_t base = officeMorning();
  std::mt19937 rng(20260310);
  std::uniform_int_distribution<int> runMs(1, 40);

  // (day, ticket) the writers printed after their commit returned.
  std::set<std::pair<std::string, std::string>> committed;
  int killed = 0, finished = 0;
  const auto started = std::chrono::steady_clock::now();
  for (int round = 0; round < rounds; ++round) {
    // Each round starts a minute after the last: monotonic times, and a
    // long soak crosses local midnight (numbering restarts) on its way.
    const std::int64_t start = base + static_cast<std::int64_t>(round) * 60'000;
    Child child({torture, "write", db, "1000000", std::to_string(start)});
    // Most rounds count the 1-40 ms from the moment the store is open, so the
    // kill lands among commits (starting a process and opening the store
    // takes about that long on its own); every fourth counts from the
    // start, so kills also land in the open: migration, WAL recovery.
    const int delay = runMs(rng);
    if (round % 4 != 3 && !child.waitFor("# open\n", 30'000)) {
      child.readToEnd();
      FAIL() << "round " << round << ": the writer never opened the store: " << describeStatus(child.wait());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    child.kill9();
    child.readToEnd();
    const int status = child.wait();
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) ++killed;
    else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) ++finished;
    else FAIL() << "round " << round << ": the writer died on its own: " << describeStatus(status);
    std::istringstream lines(child.output());
    std::string ticket, day;
    for (std::string line; std::getline(lines, line);) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream fields(line);
      if (fields >> ticket >> day) committed.emplace(day, ticket);
      else ADD_FAILURE() << "round " << round << ": garbled line '" << line << "'";
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("%d rounds in %.1f s: %d killed, %d finished, %zu tickets reported committed\n", rounds, seconds,
              killed, finished, committed.size());
  EXPECT_GT(killed, 0);
  ASSERT_FALSE(committed.empty()) << "no writer got as far as one ticket: nothing was tested";

  auto opened = Store::open(db);
  ASSERT_TRUE(opened.ok()) << opened.error().en;
  auto& store = **opened;
  auto chain = store.verifyChain();
  EXPECT_TRUE(chain.ok()) << chain.error().en;

  RawDb raw(db);
  const auto live = raw.rows("SELECT * FROM cases ORDER BY id");
  ASSERT_TRUE(store.rebuildProjection().ok());
  EXPECT_EQ(raw.rows("SELECT * FROM cases ORDER BY id"), live) << "the projection differs from the log";

  // Numbers per (day, prefix): exactly 1..last, each once.
  std::map<std::pair<std::string, std::string>, std::vector<int>> seen;
  std::set<std::pair<std::string, std::string>> present;
  for (const auto& row : raw.rows("SELECT ticket_day, ticket FROM cases WHERE ticket <> ''")) {
    auto n = core::TicketNumber::parse(row[1]);
    ASSERT_TRUE(n) << "unparsable ticket " << row[1];
    seen[{row[0], n->prefix}].push_back(n->seq);
    present.emplace(row[0], row[1]);
  }
  std::map<std::pair<std::string, std::string>, int> counters;
  for (const auto& row : raw.rows("SELECT day, prefix, last FROM day_counters"))
    counters[{row[0], row[1]}] = std::stoi(row[2]);
  ASSERT_FALSE(counters.empty());
  for (const auto& [key, last] : counters) {
    auto nums = seen[key];
    std::sort(nums.begin(), nums.end());
    std::vector<int> expected(last);
    for (int i = 0; i < last; ++i) expected[i] = i + 1;
    EXPECT_EQ(nums, expected) << key.first << " " << key.second << ": numbers are not exactly 1.." << last;
  }
  for (const auto& [key, nums] : seen)
    EXPECT_TRUE(counters.count(key)) << key.first << " " << key.second << " has tickets but no counter";

  for (const auto& c : committed)
    EXPECT_TRUE(present.count(c)) << c.second << " of " << c.first << " was reported committed and is gone";

  // Every ticket has its event and every case in the log its row.
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM events WHERE kind = 'ticket_issued'"),
            raw.scalar("SELECT COUNT(*) FROM cases WHERE ticket <> ''"));
  EXPECT_EQ(raw.scalar("SELECT COUNT(DISTINCT case_id) FROM events"), raw.scalar("SELECT COUNT(*) FROM cases"));
  const auto integrity = raw.rows("PRAGMA integrity_check");
  ASSERT_FALSE(integrity.empty());
  EXPECT_EQ(integrity[0][0], "ok");
}

}  // namespace
}  // namespace lpse::store

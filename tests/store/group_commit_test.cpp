// Group commit on a real SQLite file: concurrent store operations share
// COMMITs, each caller is answered only once its data is readable from
// another connection (durable), a failing operation rolls back only its own
// savepoint, and statements are prepared once and reused.
#include "kiosk/store/group_commit.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "kiosk/store/database.hpp"
#include "kiosk/store/store.hpp"
#include "store_test_util.hpp"

using namespace lpse;
using namespace lpse::testutil;

namespace {

class GroupCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = store::Store::open(m_dir.file("q.db"));
    ASSERT_TRUE(s.ok()) << s.error().en;
    m_store = std::move(*s);
  }
  TempDir m_dir;
  std::unique_ptr<store::Store> m_store;
  const std::int64_t m_now = officeMorning();
};

TEST_F(GroupCommitTest, ConcurrentWritersShareCommitsAndEachSeesItsDataDurable) {
  store::GroupCommit gc(*m_store);
  constexpr int kThreads = 20, kEach = 10;
  std::atomic<int> notVisible{0}, failed{0};
  std::vector<std::thread> threads;
  std::mutex ticketsMu;
  std::set<std::string> tickets;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      // A second connection, as another process would have: it sees only
      // what is committed.
      RawDb other(m_dir.file("q.db"));
      for (int i = 0; i < kEach; ++i) {
        auto r = gc.run([&] { return m_store->issueTicket(walkIn(), kKiosk, m_now); });
        if (!r.ok()) {
          ++failed;
          continue;
        }
        const auto n = other.scalar("SELECT COUNT(*) FROM cases WHERE id=" + std::to_string(r->kase.id));
        if (n != 1) ++notVisible;
        std::lock_guard l(ticketsMu);
        tickets.insert(r->kase.ticket);
      }
      (void)t;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(failed, 0);
  EXPECT_EQ(notVisible, 0) << "a caller was answered before its COMMIT";
  EXPECT_EQ(tickets.size(), static_cast<std::size_t>(kThreads * kEach)) << "a number was given twice";
  EXPECT_EQ(gc.operations(), kThreads * kEach);
  // Twenty callers at once: far fewer COMMITs than operations.
  EXPECT_LT(gc.batches(), gc.operations() / 2) << gc.batches() << " batches";
  EXPECT_TRUE(m_store->verifyChain().ok());
}

TEST_F(GroupCommitTest, AFailingOperationRollsBackOnlyItself) {
  store::GroupCommit gc(*m_store);
  auto seqBefore = m_store->lastSeq();
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  std::atomic<int> ok{0}, refused{0};
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      while (!go) std::this_thread::yield();
      if (t % 2 == 0) {
        if (gc.run([&] { return m_store->issueTicket(walkIn(), kKiosk, m_now); }).ok()) ++ok;
      } else {
        // Writes a ticket, then reports failure: its savepoint is undone.
        gc.run(
            [&] {
              (void)m_store->issueTicket(walkIn(), kKiosk, m_now);
              return false;
            },
            [](const core::Error&) {});
        ++refused;
      }
    });
  go = true;
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, 4);
  EXPECT_EQ(refused, 4);
  RawDb raw(m_dir.file("q.db"));
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM cases"), 4);
  EXPECT_EQ(m_store->lastSeq(), seqBefore + 4);
  EXPECT_TRUE(m_store->verifyChain().ok());
  // Numbers stay consecutive: the rolled-back ones were not used up.
  auto rows = raw.rows("SELECT ticket FROM cases ORDER BY id");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0][0], "R-001");
  EXPECT_EQ(rows[3][0], "R-004");
}

TEST_F(GroupCommitTest, AnOperationThatThrowsRethrowsToItsCallerAndKeepsNothing) {
  store::GroupCommit gc(*m_store);
  EXPECT_THROW(gc.run(
                   [&]() -> bool {
                     (void)m_store->issueTicket(walkIn(), kKiosk, m_now);
                     throw std::logic_error("bug");
                   },
                   [](const core::Error&) {}),
               std::logic_error);
  EXPECT_EQ(m_store->lastSeq(), 0);
  // The writer carries on.
  EXPECT_TRUE(gc.run([&] { return m_store->issueTicket(walkIn(), kKiosk, m_now); }).ok());
  EXPECT_EQ(m_store->lastSeq(), 1);
}

TEST(StatementCache, RepeatedStatementsArePreparedOnce) {
  TempDir dir;
  store::Db db(dir.file("c.db"));
  db.exec("CREATE TABLE t(x INTEGER)");
  const auto before = db.statementsPrepared();
  for (int i = 0; i < 100; ++i) {
    store::Stmt ins(db, "INSERT INTO t(x) VALUES(?)");
    ins.bind(1, i).run();
  }
  EXPECT_EQ(db.statementsPrepared(), before + 1);
  // Two at once with the same SQL are two statements, each with its own row.
  store::Stmt a(db, "SELECT x FROM t ORDER BY x");
  store::Stmt b(db, "SELECT x FROM t ORDER BY x");
  ASSERT_TRUE(a.step());
  ASSERT_TRUE(a.step());
  ASSERT_TRUE(b.step());
  EXPECT_EQ(a.i64(0), 1);
  EXPECT_EQ(b.i64(0), 0);
}

TEST(StatementCache, AStatementGivenBackMidwayStartsOverAndHoldsNoSnapshot) {
  TempDir dir;
  store::Db db(dir.file("c.db"));
  db.exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES(1),(2),(3)");
  {
    store::Stmt s(db, "SELECT x FROM t ORDER BY x");
    ASSERT_TRUE(s.step());
  }
  EXPECT_FALSE(db.inTransaction());
  store::Stmt s(db, "SELECT x FROM t ORDER BY x");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.i64(0), 1);
}

TEST(StatementCache, TransactionsInsideABatchAreSavepoints) {
  TempDir dir;
  store::Db db(dir.file("c.db"));
  db.exec("CREATE TABLE t(x INTEGER)");
  db.beginBatch();
  {
    store::Transaction keep(db);
    store::Stmt(db, "INSERT INTO t VALUES(1)").run();
    keep.commit();
  }
  {
    store::Transaction drop(db);  // rolled back: not committed
    store::Stmt(db, "INSERT INTO t VALUES(2)").run();
  }
  EXPECT_TRUE(db.inTransaction());
  db.endBatch(true);
  RawDb raw(dir.file("c.db"));
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM t"), 1);
  EXPECT_EQ(raw.scalar("SELECT SUM(x) FROM t"), 1);
}

}  // namespace

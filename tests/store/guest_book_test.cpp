// The guest book's life beyond the ticket: a retried ticket request (same
// Idempotency-Key) gets the first number and writes nothing; a returning
// visitor's entry is recalled by their ticket; the retention purge empties
// old entries of closed cases and leaves numbers, cases and the hash chain.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "kiosk/store/store.hpp"
#include "kiosk/store/store_reports.hpp"
#include "store_test_util.hpp"

namespace lpse::store {
namespace {

using namespace lpse::testutil;

constexpr std::int64_t kDay = 86'400'000;
constexpr const char* kKey = "0123456789abcdef0123456789abcdef";

class GuestBookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = Store::open(m_dir.file("queue.db"));
    ASSERT_TRUE(s.ok()) << s.error().en;
    m_store = std::move(*s);
  }
  Store& store() { return *m_store; }
  std::int64_t count(const std::string& table) { return RawDb(m_dir.file("queue.db")).scalar("SELECT count(*) FROM " + table); }

  // A case carried to its end (the visitor was called and did not come).
  CaseRecord closedCase(std::int64_t now) {
    auto t = store().issueTicket(walkIn(), kKiosk, now);
    EXPECT_TRUE(t.ok());
    EXPECT_TRUE(store().callNext("helpdesk", "Loket 1", kDesk, now + 1000).ok());
    core::ActionInput why;
    why.reason = "not_present";
    auto c = store().act(t->kase.id, core::Action::NoShow, why, kDesk, now + 2000);
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().en);
    return *c;
  }

  TempDir m_dir;
  std::unique_ptr<Store> m_store;
  const std::int64_t t0 = officeMorning();
};

TEST_F(GuestBookTest, ARetryWithTheSameKeyGetsTheFirstNumberAndWritesNothing) {
  auto first = store().issueTicket(walkIn(), kKiosk, t0, kKey);
  ASSERT_TRUE(first.ok()) << first.error().en;
  EXPECT_FALSE(first->replayed);
  const auto seq = store().lastSeq();
  auto again = store().issueTicket(walkIn(), kKiosk, t0 + 3000, kKey);
  ASSERT_TRUE(again.ok()) << again.error().en;
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->kase.ticket, first->kase.ticket);
  EXPECT_EQ(again->kase.token, first->kase.token);
  EXPECT_EQ(again->kase.id, first->kase.id);
  EXPECT_EQ(store().lastSeq(), seq) << "a replay appended an event";
  EXPECT_EQ(count("visits"), 1);
  // Without a key, or with another, each request is a new visitor.
  auto other = store().issueTicket(walkIn(), kKiosk, t0 + 4000, "ffffffffffffffffffffffffffffffff");
  auto none = store().issueTicket(walkIn(), kKiosk, t0 + 5000);
  ASSERT_TRUE(other.ok() && none.ok());
  EXPECT_EQ(other->kase.ticket, "R-002");
  EXPECT_EQ(none->kase.ticket, "R-003");
}

TEST_F(GuestBookTest, KeysAreScopedToTheCaller) {
  const core::Actor otherKiosk{"kiosk-2", core::ActorRole::Kiosk};
  auto a = store().issueTicket(walkIn(), kKiosk, t0, kKey);
  auto b = store().issueTicket(walkIn(), otherKiosk, t0 + 1000, kKey);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_FALSE(b->replayed) << "one kiosk reached another's ticket by its key";
  EXPECT_NE(a->kase.ticket, b->kase.ticket);
}

TEST_F(GuestBookTest, TheSameKeyWithOtherDataIsRefusedAndWritesNothing) {
  ASSERT_TRUE(store().issueTicket(walkIn(), kKiosk, t0, kKey).ok());
  const auto seq = store().lastSeq();
  core::Visit someoneElse = walkIn();
  someoneElse.name = "Siti Aminah";
  auto r = store().issueTicket(someoneElse, kKiosk, t0 + 1000, kKey);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "idempotency_conflict");
  EXPECT_FALSE(r.error().id.empty());
  auto otherService = store().issueTicket(walkIn("userid"), kKiosk, t0 + 1000, kKey);
  ASSERT_FALSE(otherService.ok());
  EXPECT_EQ(otherService.error().code, "idempotency_conflict");
  EXPECT_EQ(store().lastSeq(), seq);
  EXPECT_EQ(count("visits"), 1);
}

TEST_F(GuestBookTest, AMalformedKeyIsNamed) {
  for (const std::string& bad : {std::string("short"), std::string(129, 'a'), std::string("0123456789abcdef 123"),
                                std::string("0123456789abcdef'--")}) {
    auto r = store().issueTicket(walkIn(), kKiosk, t0, bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, "bad_value");
    EXPECT_EQ(r.error().field, "idempotency_key");
  }
  EXPECT_EQ(count("visits"), 0);
}

TEST_F(GuestBookTest, AnOldTicketRecallsItsGuestBookEntry) {
  auto t = store().issueTicket(walkIn(), kKiosk, t0);
  ASSERT_TRUE(t.ok());
  auto e = store().recallEntry(t->kase.token);
  ASSERT_TRUE(e.ok()) << e.error().en;
  EXPECT_EQ(e->name, kName);
  EXPECT_EQ(e->nip, kNip);
  EXPECT_EQ(e->phone, kPhone);
  EXPECT_EQ(e->agency, "Dinas PUPR Kota Bandung");
  EXPECT_EQ(e->purpose, "Lupa kata sandi SPSE");
  EXPECT_EQ(e->role, core::VisitorRole::Ppk);
  // Consent and documents are given anew at the kiosk, never carried over.
  EXPECT_FALSE(e->consent);
  EXPECT_TRUE(e->documents.empty());
  auto unknown = store().recallEntry("00000000000000000000ffff");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "ticket_not_found");
  auto empty = store().recallEntry("");
  ASSERT_FALSE(empty.ok());
}

TEST_F(GuestBookTest, RetentionEmptiesOldClosedEntriesOnly) {
  const auto oldClosed = closedCase(t0);
  // A ticket never called: the end of its day closes it ("not served
  // today"), and then it is purged like any closed case.
  auto oldWaiting = store().issueTicket(walkIn("userid"), kKiosk, t0 + 5000);
  ASSERT_TRUE(oldWaiting.ok());
  // An e-mailed request nobody opened is still open: it keeps its data.
  auto oldOpen = store().receiveEmail(byEmail(), kDesk, t0 + 6000);
  ASSERT_TRUE(oldOpen.ok());
  const std::int64_t later = t0 + 400 * kDay;
  const auto recentClosed = closedCase(later - 10 * kDay);
  auto closedAtEndOfDay = closeUnservedTickets(store(), t0 + 8 * 3600'000);  // 17:00, after closing
  ASSERT_TRUE(closedAtEndOfDay.ok());
  EXPECT_EQ(*closedAtEndOfDay, 1);
  EXPECT_EQ(store().getCase(oldWaiting->kase.id)->state, core::CaseState::Cancelled);
  const auto seq = store().lastSeq();

  auto n = store().purgeVisits(later - 365 * kDay, later);
  ASSERT_TRUE(n.ok()) << n.error().en;
  EXPECT_EQ(*n, 2);

  RawDb raw(m_dir.file("queue.db"));
  auto row = [&](std::int64_t visitId) {
    return raw.rows("SELECT name, nip, agency, phone, email, purpose, spse_user, purged_ms FROM visits WHERE id=" +
                    std::to_string(visitId))[0];
  };
  const auto purged = row(oldClosed.visitId);
  for (int i = 0; i < 7; ++i) EXPECT_EQ(purged[i], "") << "column " << i << " kept personal data";
  EXPECT_EQ(purged[7], std::to_string(later));
  EXPECT_EQ(row(oldWaiting->kase.visitId)[0], "") << "a ticket left waiting kept its visitor's name";
  EXPECT_EQ(row(oldOpen->visitId)[0], kName) << "an open case lost its visitor's name";
  EXPECT_EQ(row(recentClosed.visitId)[0], kName) << "a recent entry was purged";

  // Numbers, cases and the log stay: reports still add up, the chain holds.
  EXPECT_EQ(store().lastSeq(), seq);
  EXPECT_TRUE(store().verifyChain().ok());
  auto c = store().getCase(oldClosed.id);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->ticket, oldClosed.ticket);
  EXPECT_EQ(c->state, core::CaseState::NoShow);

  // The old ticket no longer brings anything back, and says why.
  auto e = store().recallEntry(oldClosed.token);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, "entry_purged");
  EXPECT_TRUE(store().recallEntry(recentClosed.token).ok());

  // Purging again changes nothing.
  auto again = store().purgeVisits(later - 365 * kDay, later + 1000);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(row(oldClosed.visitId)[7], std::to_string(later));
}

}  // namespace
}  // namespace lpse::store

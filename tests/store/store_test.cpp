// The durable queue on a real database file: daily numbering per prefix and
// its reset at local midnight, call order, the SOP through act() including
// the hand-over to Admin PPE, refusals that leave no trace, the hash chain
// against tampering, the projection against a replay of the log, the public
// board against personal data, and reopening the file.
#include "kiosk/store/store.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/api/wire.hpp"
#include "kiosk/store/schema.hpp"
#include "kiosk/store/event_log.hpp"
#include "kiosk/store/group_commit.hpp"
#include "store_test_util.hpp"

namespace lpse::store {
namespace {

using core::Action;
using core::ActionInput;
using core::CaseState;
using core::Document;
using namespace lpse::testutil;

constexpr std::int64_t kMinute = 60'000;

// Every field of a case, so two snapshots compare whole.
std::string describe(const CaseRecord& c) {
  return std::to_string(c.id) + "|" + std::to_string(c.visitId) + "|" + std::string(core::toString(c.channel)) + "|" +
         c.service + "|" + std::string(core::toString(c.role)) + "|" + std::string(core::toString(c.state)) + "|" +
         c.ticket + "|" + c.ticketDay + "|" + c.token + "|" + c.queue + "|" + c.counter + "|" +
         std::to_string(c.calls) + "|" + std::to_string(c.createdMs) + "|" + std::to_string(c.stateMs) + "|" +
         std::to_string(c.lastSeq);
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override { reopen(); }

  void reopen() {
    m_store.reset();
    auto s = Store::open(dbPath());
    ASSERT_TRUE(s.ok()) << s.error().en;
    m_store = std::move(*s);
  }
  std::string dbPath() const { return m_dir.file("queue.db"); }
  Store& store() { return *m_store; }

  CaseRecord issue(const std::string& service, std::int64_t now) {
    auto t = store().issueTicket(walkIn(service), kKiosk, now);
    EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().en);
    return t.ok() ? t->kase : CaseRecord{};
  }
  std::optional<CaseRecord> next(const std::string& counter, std::int64_t now) {
    auto r = store().callNext("helpdesk", counter, kDesk, now);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().en);
    return r.ok() ? *r : std::nullopt;
  }
  CaseRecord act(std::int64_t id, Action a, const core::Actor& who, std::int64_t now, ActionInput in = {}) {
    auto r = store().act(id, a, in, who, now);
    EXPECT_TRUE(r.ok()) << core::toString(a) << ": " << (r.ok() ? "" : r.error().en);
    return r.ok() ? *r : CaseRecord{};
  }
  std::vector<std::string> kinds(std::int64_t caseId) {
    std::vector<std::string> out;
    for (const auto& e : store().caseEvents(caseId)) out.push_back(e.kind);
    return out;
  }
  // A failed request must leave the log and the case exactly as they were.
  void expectRefused(const core::Result<CaseRecord>& r, const std::string& code, std::int64_t seqBefore,
                     std::optional<CaseRecord> before = std::nullopt) {
    ASSERT_FALSE(r.ok()) << "expected " << code;
    EXPECT_EQ(r.error().code, code) << r.error().en;
    EXPECT_FALSE(r.error().id.empty());
    EXPECT_FALSE(r.error().en.empty());
    EXPECT_EQ(store().lastSeq(), seqBefore) << code << " wrote an event";
    if (before) {
      auto now = store().getCase(before->id);
      ASSERT_TRUE(now.ok());
      EXPECT_EQ(describe(*now), describe(*before)) << code << " changed the case";
    }
  }

  TempDir m_dir;
  std::unique_ptr<Store> m_store;
  const std::int64_t t0 = officeMorning();
};

TEST_F(StoreTest, NumbersTicketsDailyPerServicePrefix) {
  auto r1 = store().issueTicket(walkIn("reset"), kKiosk, t0);
  auto r2 = store().issueTicket(walkIn("reset"), kKiosk, t0 + 1000);
  auto u1 = store().issueTicket(walkIn("userid"), kKiosk, t0 + 2000);
  ASSERT_TRUE(r1.ok() && r2.ok() && u1.ok());
  EXPECT_EQ(r1->kase.ticket, "R-001");
  EXPECT_EQ(r2->kase.ticket, "R-002");
  EXPECT_EQ(u1->kase.ticket, "U-001");
  EXPECT_EQ(r1->kase.ticketDay, "2026-03-10");
  EXPECT_EQ(r1->kase.state, CaseState::Waiting);
  EXPECT_EQ(r1->kase.queue, "helpdesk");
  EXPECT_FALSE(r1->kase.token.empty());
  EXPECT_NE(r1->kase.token, r2->kase.token);
  // One helpdesk queue for both services: the U ticket waits behind two R.
  EXPECT_EQ(r1->ahead, 0);
  EXPECT_EQ(r2->ahead, 1);
  EXPECT_EQ(u1->ahead, 2);
  EXPECT_EQ(store().waitingAhead(u1->kase), 2);
  auto found = store().findByToken(r2->kase.token);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->id, r2->kase.id);
  EXPECT_EQ(kinds(r1->kase.id), std::vector<std::string>{"ticket_issued"});
  // The guest-book entry keeps the personal data, normalised.
  auto v = store().getVisit(r1->kase.visitId);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->name, kName);
  EXPECT_EQ(v->phone, kPhone);
  EXPECT_TRUE(v->consent);
}

TEST_F(StoreTest, NumberingRestartsAtLocalMidnightWib) {
  const core::WorkingCalendar cal;
  const std::int64_t midnight = cal.localMidnight({2026, 3, 11});
  // WIB is UTC+7: local midnight is 17:00 UTC of the day before.
  EXPECT_EQ(midnight % 86'400'000, 17LL * 3600 * 1000);
  EXPECT_EQ(issue("reset", midnight - 2).ticket, "R-001");
  auto last = issue("reset", midnight - 1);
  EXPECT_EQ(last.ticket, "R-002");
  EXPECT_EQ(last.ticketDay, "2026-03-10");
  auto first = issue("reset", midnight);
  EXPECT_EQ(first.ticket, "R-001");
  EXPECT_EQ(first.ticketDay, "2026-03-11");
  EXPECT_EQ(issue("userid", midnight + 1).ticket, "U-001");
  EXPECT_EQ(issue("reset", midnight + 2).ticket, "R-002");
  // Same text on two days, two different cases: the number is per day.
  EXPECT_NE(first.id, last.id);
  RawDb raw(dbPath());
  EXPECT_EQ(raw.scalar("SELECT last FROM day_counters WHERE day='2026-03-10' AND prefix='R'"), 2);
  EXPECT_EQ(raw.scalar("SELECT last FROM day_counters WHERE day='2026-03-11' AND prefix='R'"), 2);
  EXPECT_EQ(raw.scalar("SELECT last FROM day_counters WHERE day='2026-03-11' AND prefix='U'"), 1);
}

TEST_F(StoreTest, NumberIsNeverReusedWithinADayEvenAfterCancel) {
  auto a = issue("reset", t0);
  auto b = issue("reset", t0 + 1);
  ActionInput why;
  why.reason = "duplicate";
  EXPECT_EQ(act(b.id, Action::Cancel, kSupervisor, t0 + 2, why).state, CaseState::Cancelled);
  EXPECT_EQ(issue("reset", t0 + 3).ticket, "R-003");
  EXPECT_EQ(act(a.id, Action::Cancel, kSupervisor, t0 + 4, why).state, CaseState::Cancelled);
  EXPECT_EQ(issue("reset", t0 + 5).ticket, "R-004");
  // The cancelled cases keep their numbers; no two cases share one.
  RawDb raw(dbPath());
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM cases WHERE ticket<>''"), 4);
  EXPECT_EQ(raw.scalar("SELECT COUNT(DISTINCT ticket_day || ticket) FROM cases WHERE ticket<>''"), 4);
  auto cancelled = store().getCase(b.id);
  ASSERT_TRUE(cancelled.ok());
  EXPECT_EQ(cancelled->ticket, "R-002");
  EXPECT_TRUE(cancelled->queue.empty());
}

TEST_F(StoreTest, CallNextIsFirstInFirstOutAcrossServices) {
  auto r1 = issue("reset", t0);
  auto u1 = issue("userid", t0 + 1000);
  auto r2 = issue("reset", t0 + 2000);
  auto c1 = next("Loket 1", t0 + kMinute);
  auto c2 = next("Loket 2", t0 + kMinute + 1);
  auto c3 = next("Loket 1", t0 + kMinute + 2);
  ASSERT_TRUE(c1 && c2 && c3);
  EXPECT_EQ(c1->id, r1.id);
  EXPECT_EQ(c2->id, u1.id);
  EXPECT_EQ(c3->id, r2.id);
  EXPECT_EQ(c1->state, CaseState::Called);
  EXPECT_EQ(c1->counter, "Loket 1");
  EXPECT_EQ(c2->counter, "Loket 2");
  EXPECT_EQ(c1->calls, 1);
  EXPECT_TRUE(c1->queue.empty());
  EXPECT_EQ(c1->stateMs, t0 + kMinute);
  EXPECT_FALSE(next("Loket 1", t0 + 2 * kMinute).has_value());
}

TEST_F(StoreTest, CallNextOnAnEmptyQueueIsEmptyAndWritesNothing) {
  auto h = store().callNext("helpdesk", "Loket 1", kDesk, t0);
  ASSERT_TRUE(h.ok());
  EXPECT_FALSE(h->has_value());
  auto a = store().callNext("admin", "Admin PPE 1", kAdminPpe, t0);
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->has_value());
  auto bad = store().callNext("kasir", "Loket 1", kDesk, t0);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "unknown_queue");
  EXPECT_EQ(store().lastSeq(), 0);
}

TEST_F(StoreTest, ReturnWithMissingDocumentsRejoinsAheadOfFirstTimers) {
  auto a = issue("reset", t0);
  auto b = issue("reset", t0 + 1000);
  auto c = issue("userid", t0 + 2000);
  ASSERT_EQ(next("Loket 1", t0 + kMinute)->id, a.id);
  act(a.id, Action::StartCheck, kDesk, t0 + 2 * kMinute);
  ActionInput missing;
  missing.missing = {Document::SkPenunjukan};
  EXPECT_EQ(act(a.id, Action::MarkIncomplete, kDesk, t0 + 3 * kMinute, missing).state, CaseState::Incomplete);
  EXPECT_EQ(act(a.id, Action::RequestCompletion, kDesk, t0 + 4 * kMinute).state, CaseState::AwaitingDocuments);
  auto d = issue("reset", t0 + 5 * kMinute);  // a first-timer arriving before A is back
  auto back = act(a.id, Action::ReturnDocuments, kKiosk, t0 + 30 * kMinute);
  EXPECT_EQ(back.state, CaseState::Waiting);
  EXPECT_EQ(back.queue, "helpdesk");
  EXPECT_EQ(back.ticket, "R-001");  // keeps its number
  EXPECT_EQ(store().waitingAhead(back), 0);
  EXPECT_EQ(store().waitingAhead(d), 3);
  std::vector<std::int64_t> order;
  while (auto n = next("Loket 1", t0 + 31 * kMinute)) order.push_back(n->id);
  EXPECT_EQ(order, (std::vector<std::int64_t>{a.id, b.id, c.id, d.id}));
  auto again = store().getCase(a.id);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->calls, 2);
}

TEST_F(StoreTest, YesterdaysWaitingTicketsAreNotCalledToday) {
  auto old = issue("reset", t0);
  const std::int64_t tomorrow = officeMorning({2026, 3, 11});
  EXPECT_FALSE(next("Loket 1", tomorrow).has_value());
  auto fresh = issue("reset", tomorrow + 1000);
  EXPECT_EQ(fresh.ticket, "R-001");
  auto called = next("Loket 1", tomorrow + 2000);
  ASSERT_TRUE(called);
  EXPECT_EQ(called->id, fresh.id);
  EXPECT_FALSE(next("Loket 1", tomorrow + 3000).has_value());
  auto still = store().getCase(old.id);
  ASSERT_TRUE(still.ok());
  EXPECT_EQ(still->state, CaseState::Waiting);
  EXPECT_EQ(still->calls, 0);
}

TEST_F(StoreTest, FullSopPathWithHandOverToAdminPpe) {
  auto c = issue("reset", t0);
  auto called = next("Loket 1", t0 + kMinute);
  ASSERT_TRUE(called);
  EXPECT_EQ(act(c.id, Action::StartCheck, kDesk, t0 + 2 * kMinute).state, CaseState::Checking);
  auto fwd = act(c.id, Action::ForwardToAdmin, kDesk, t0 + 3 * kMinute);
  EXPECT_EQ(fwd.state, CaseState::AtAdminQueue);
  EXPECT_EQ(fwd.queue, "admin");
  EXPECT_EQ(store().board(t0 + 3 * kMinute).waitingAdmin, 1);
  // The helpdesk queue does not see it; the admin queue does.
  EXPECT_FALSE(next("Loket 1", t0 + 4 * kMinute).has_value());
  auto taken = store().callNext("admin", "Admin PPE 1", kAdminPpe, t0 + 5 * kMinute);
  ASSERT_TRUE(taken.ok());
  ASSERT_TRUE(taken->has_value());
  EXPECT_EQ((*taken)->id, c.id);
  EXPECT_EQ((*taken)->state, CaseState::Verifying);
  ActionInput basis;
  basis.basis = "spse_data";
  EXPECT_EQ(act(c.id, Action::MarkValid, kAdminPpe, t0 + 6 * kMinute, basis).state, CaseState::Valid);
  ActionInput done10;
  done10.outcome = "password_reset";
  EXPECT_EQ(act(c.id, Action::RecordResult, kAdminPpe, t0 + 7 * kMinute, done10).state, CaseState::ResultReady);
  EXPECT_EQ(act(c.id, Action::NotifyResult, kAdminPpe, t0 + 8 * kMinute).state, CaseState::Notified);
  ActionInput ref;
  ref.reference = "ARS/2026/11/0001";
  EXPECT_EQ(act(c.id, Action::Archive, kAdminPpe, t0 + 9 * kMinute, ref).state, CaseState::Archived);
  auto done = act(c.id, Action::Deliver, kDesk, t0 + 10 * kMinute);
  EXPECT_EQ(done.state, CaseState::Delivered);
  EXPECT_EQ(done.stateMs, t0 + 10 * kMinute);
  EXPECT_EQ(kinds(c.id), (std::vector<std::string>{"ticket_issued", "call", "start_check", "forward_to_admin",
                                                   "start_verify", "mark_valid", "record_result", "notify_result",
                                                   "archive", "deliver"}));
  const auto events = store().caseEvents(c.id);
  EXPECT_EQ(events[4].role, "admin_ppe");
  EXPECT_EQ(events[4].actor, kAdminPpe.id);
  EXPECT_NE(events[5].payload.find("spse_data"), std::string::npos);
  EXPECT_NE(events[8].payload.find("ARS/2026/11/0001"), std::string::npos);
  EXPECT_TRUE(store().openCases().empty());
  EXPECT_EQ(store().board(t0 + 10 * kMinute).waitingAdmin, 0);
  EXPECT_TRUE(store().verifyChain().ok());
}

TEST_F(StoreTest, RejectionPathAndEmailChannel) {
  auto mail = store().receiveEmail(byEmail(), kDesk, t0);
  ASSERT_TRUE(mail.ok()) << mail.error().en;
  EXPECT_EQ(mail->state, CaseState::EmailReceived);
  EXPECT_TRUE(mail->ticket.empty());
  EXPECT_FALSE(next("Loket 1", t0 + 1).has_value());  // e-mail cases are not called
  EXPECT_EQ(act(mail->id, Action::OpenEmail, kDesk, t0 + kMinute).state, CaseState::Checking);
  act(mail->id, Action::ForwardToAdmin, kDesk, t0 + 2 * kMinute);
  auto taken = store().callNext("admin", "Admin PPE 1", kAdminPpe, t0 + 3 * kMinute);
  ASSERT_TRUE(taken.ok() && taken->has_value());
  ActionInput why;
  why.reason = "sk_invalid";
  EXPECT_EQ(act(mail->id, Action::MarkInvalid, kAdminPpe, t0 + 4 * kMinute, why).state, CaseState::Invalid);
  EXPECT_EQ(act(mail->id, Action::Reject, kAdminPpe, t0 + 5 * kMinute).state, CaseState::Rejected);
  EXPECT_EQ(act(mail->id, Action::NotifyRejection, kDesk, t0 + 6 * kMinute).state, CaseState::RejectionNotified);
  // A walk-in cannot be registered as e-mail and vice versa.
  auto wrong = store().receiveEmail(walkIn(), kDesk, t0);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, "wrong_channel");
  auto wrong2 = store().issueTicket(byEmail(), kKiosk, t0);
  ASSERT_FALSE(wrong2.ok());
  EXPECT_EQ(wrong2.error().code, "wrong_channel");
}

TEST_F(StoreTest, RecallKeepsTheCounterAndCountsTheCall) {
  auto c = issue("userid", t0);
  next("Loket 2", t0 + kMinute);
  auto again = act(c.id, Action::Recall, kDesk, t0 + 2 * kMinute);  // no counter: same as last call
  EXPECT_EQ(again.state, CaseState::Called);
  EXPECT_EQ(again.counter, "Loket 2");
  EXPECT_EQ(again.calls, 2);
  EXPECT_EQ(again.stateMs, t0 + kMinute);  // still the same step
  const auto events = store().caseEvents(c.id);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[2].kind, "recall");
  EXPECT_EQ(events[2].counter, "Loket 2");
  EXPECT_EQ(events[2].ticket, "U-001");
  auto b = store().board(t0 + 2 * kMinute);
  ASSERT_EQ(b.current.size(), 1u);
  EXPECT_EQ(b.current[0].ticket, "U-001");
  EXPECT_EQ(b.current[0].atMs, t0 + 2 * kMinute);
  ASSERT_EQ(b.recent.size(), 2u);
}

TEST_F(StoreTest, NoShowEndsTheCase) {
  auto c = issue("reset", t0);
  next("Loket 1", t0 + kMinute);
  ActionInput why;
  why.reason = "not_present";
  auto gone = act(c.id, Action::NoShow, kDesk, t0 + 5 * kMinute, why);
  EXPECT_EQ(gone.state, CaseState::NoShow);
  EXPECT_TRUE(store().openCases().empty());
  const std::int64_t seq = store().lastSeq();
  expectRefused(store().act(c.id, Action::StartCheck, {}, kDesk, t0 + 6 * kMinute), "invalid_transition", seq,
                gone);
  expectRefused(store().act(c.id, Action::Recall, {}, kDesk, t0 + 6 * kMinute), "invalid_transition", seq, gone);
}

TEST_F(StoreTest, ForbiddenStepsAndWrongRolesWriteNoEvent) {
  auto waiting = issue("reset", t0);
  auto other = issue("reset", t0 + 1);
  auto called = next("Loket 1", t0 + kMinute);
  ASSERT_TRUE(called);
  auto waitingNow = *store().getCase(other.id);
  const std::int64_t seq = store().lastSeq();
  ActionInput full;
  full.missing = {Document::SkPenunjukan};
  full.basis = "registration_archive";
  full.reason = "other";
  full.counter = "Loket 9";

  // Wrong state.
  expectRefused(store().act(other.id, Action::StartCheck, full, kDesk, t0), "invalid_transition", seq, waitingNow);
  expectRefused(store().act(other.id, Action::Deliver, full, kDesk, t0), "invalid_transition", seq, waitingNow);
  expectRefused(store().act(called->id, Action::ForwardToAdmin, full, kDesk, t0), "invalid_transition", seq,
                *called);
  expectRefused(store().act(called->id, Action::IssueTicket, full, kKiosk, t0), "invalid_transition", seq, *called);
  // Wrong role.
  expectRefused(store().act(other.id, Action::Call, full, kKiosk, t0), "forbidden_role", seq, waitingNow);
  expectRefused(store().act(called->id, Action::StartCheck, full, kAdminPpe, t0), "forbidden_role", seq, *called);
  expectRefused(store().act(called->id, Action::Cancel, full, kDesk, t0), "forbidden_role", seq, *called);
  // Unmet precondition.
  expectRefused(store().act(called->id, Action::Cancel, {}, kSupervisor, t0), "reason_required", seq, *called);
  // Unknown case.
  expectRefused(store().act(9999, Action::StartCheck, full, kDesk, t0), "case_not_found", seq);
  EXPECT_EQ(waiting.id, called->id);

  // callNext by the wrong role rolls back: the dossier stays in the queue.
  act(called->id, Action::StartCheck, kDesk, t0 + 2 * kMinute);
  auto atAdmin = act(called->id, Action::ForwardToAdmin, kDesk, t0 + 3 * kMinute);
  const std::int64_t seq2 = store().lastSeq();
  auto byDesk = store().callNext("admin", "Loket 1", kDesk, t0 + 4 * kMinute);
  ASSERT_FALSE(byDesk.ok());
  EXPECT_EQ(byDesk.error().code, "forbidden_role");
  EXPECT_EQ(store().lastSeq(), seq2);
  EXPECT_EQ(describe(*store().getCase(atAdmin.id)), describe(atAdmin));
  auto noCounter = store().callNext("helpdesk", "", kDesk, t0 + 4 * kMinute);
  ASSERT_FALSE(noCounter.ok());
  EXPECT_EQ(noCounter.error().code, "counter_required");
  EXPECT_EQ(store().lastSeq(), seq2);
  EXPECT_EQ(store().getCase(other.id)->state, CaseState::Waiting);

  // A device that may not register does not consume a number either.
  auto byDisplay = store().issueTicket(walkIn(), kDisplay, t0 + 5 * kMinute);
  ASSERT_FALSE(byDisplay.ok());
  EXPECT_EQ(byDisplay.error().code, "forbidden_role");
  EXPECT_EQ(store().lastSeq(), seq2);
  EXPECT_EQ(issue("reset", t0 + 6 * kMinute).ticket, "R-003");
  EXPECT_TRUE(store().verifyChain().ok());
}

TEST_F(StoreTest, InvalidVisitsAreRejectedWithTheFieldAndNoEvent) {
  struct Bad {
    const char* what;
    void (*mutate)(core::Visit&);
    const char* field;
  };
  const Bad cases[] = {
      {"empty name", [](core::Visit& v) { v.name = ""; }, "name"},
      {"digits in name", [](core::Visit& v) { v.name = "Budi 123"; }, "name"},
      {"landline", [](core::Visit& v) { v.phone = "0212345678"; }, "phone"},
      {"short phone", [](core::Visit& v) { v.phone = "08123"; }, "phone"},
      {"one-letter agency", [](core::Visit& v) { v.agency = "X"; }, "agency"},
      {"no consent", [](core::Visit& v) { v.consent = false; }, "consent"},
      {"bad NIP", [](core::Visit& v) { v.nip = "198513452010011002"; }, "nip"},
      {"no service", [](core::Visit& v) { v.service = ""; }, "service"},
      {"unknown service", [](core::Visit& v) { v.service = "kopi"; }, "service"},
  };
  for (const auto& bad : cases) {
    core::Visit v = walkIn();
    bad.mutate(v);
    auto r = store().issueTicket(v, kKiosk, t0);
    ASSERT_FALSE(r.ok()) << bad.what;
    EXPECT_EQ(r.error().field, bad.field) << bad.what << ": " << r.error().en;
    EXPECT_FALSE(r.error().id.empty()) << bad.what;
    EXPECT_EQ(store().lastSeq(), 0) << bad.what;
  }
  auto mail = byEmail();
  mail.email = "budi@";
  auto r = store().receiveEmail(mail, kDesk, t0);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "email");
  RawDb raw(dbPath());
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM visits"), 0);
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM day_counters"), 0);
  EXPECT_EQ(issue("reset", t0).ticket, "R-001");
}

// Builds a history that touches every kind of projection update.
std::vector<std::int64_t> buildHistory(Store& s, std::int64_t t0) {
  auto must = [](const auto& r, const char* what) { EXPECT_TRUE(r.ok()) << what << ": " << (r.ok() ? "" : r.error().en); };
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 6; ++i) {
    auto t = s.issueTicket(walkIn(i % 2 ? "userid" : "reset"), kKiosk, t0 + i * 1000);
    must(t, "issue");
    ids.push_back(t.ok() ? t->kase.id : 0);
  }
  auto mail = s.receiveEmail(byEmail(), kDesk, t0 + 7000);
  must(mail, "email");
  ids.push_back(mail.ok() ? mail->id : 0);
  ActionInput in;
  in.missing = {Document::SkPenunjukan};
  ActionInput why;
  why.reason = "duplicate";
  must(s.callNext("helpdesk", "Loket 1", kDesk, t0 + kMinute), "call 0");
  must(s.callNext("helpdesk", "Loket 2", kDesk, t0 + kMinute + 1), "call 1");
  must(s.act(ids[1], Action::Recall, {}, kDesk, t0 + 2 * kMinute), "recall");
  must(s.act(ids[0], Action::StartCheck, {}, kDesk, t0 + 3 * kMinute), "check");
  must(s.act(ids[0], Action::MarkIncomplete, in, kDesk, t0 + 4 * kMinute), "incomplete");
  must(s.act(ids[0], Action::RequestCompletion, {}, kDesk, t0 + 5 * kMinute), "request");
  must(s.act(ids[0], Action::ReturnDocuments, {}, kKiosk, t0 + 20 * kMinute), "return");  // priority 1
  must(s.act(ids[1], Action::StartCheck, {}, kDesk, t0 + 21 * kMinute), "check 1");
  must(s.act(ids[1], Action::ForwardToAdmin, {}, kDesk, t0 + 22 * kMinute), "forward 1");
  must(s.act(ids[6], Action::OpenEmail, {}, kDesk, t0 + 23 * kMinute), "open mail");
  must(s.act(ids[6], Action::ForwardToAdmin, {}, kDesk, t0 + 24 * kMinute), "forward mail");
  must(s.callNext("admin", "Admin PPE 1", kAdminPpe, t0 + 25 * kMinute), "verify 1");
  must(s.act(ids[5], Action::Cancel, why, kSupervisor, t0 + 26 * kMinute), "cancel 5");
  must(s.callNext("helpdesk", "Loket 3", kDesk, t0 + 27 * kMinute), "call 0 again");
  why.reason = "not_present";
  must(s.act(ids[0], Action::NoShow, why, kDesk, t0 + 28 * kMinute), "no-show 0");
  const std::vector<CaseState> expected = {CaseState::NoShow,  CaseState::Verifying, CaseState::Waiting,
                                           CaseState::Waiting, CaseState::Waiting,   CaseState::Cancelled,
                                           CaseState::AtAdminQueue};
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto c = s.getCase(ids[i]);
    EXPECT_TRUE(c.ok() && c->state == expected[i]) << "case " << i;
  }
  return ids;
}

TEST_F(StoreTest, RebuiltProjectionEqualsTheLiveOne) {
  const auto ids = buildHistory(store(), t0);
  ASSERT_GT(store().lastSeq(), 20);
  auto snapshot = [&] {
    std::vector<std::string> out;
    for (auto id : ids) {
      auto c = store().getCase(id);
      out.push_back(c.ok() ? describe(*c) : "missing " + std::to_string(id));
    }
    out.push_back("open:");
    for (const auto& c : store().openCases()) out.push_back(describe(c) + " ahead=" +
                                                             std::to_string(store().waitingAhead(c)));
    return out;
  };
  const std::string everyColumn = "SELECT * FROM cases ORDER BY id";
  const auto before = snapshot();
  const auto rawBefore = RawDb(dbPath()).rows(everyColumn);
  ASSERT_EQ(rawBefore.size(), ids.size());
  ASSERT_TRUE(store().rebuildProjection().ok());
  EXPECT_EQ(snapshot(), before);
  EXPECT_EQ(RawDb(dbPath()).rows(everyColumn), rawBefore);
  // A damaged projection is repaired from the log.
  RawDb(dbPath()).exec("UPDATE cases SET state='delivered', priority=0, counter='x'");
  EXPECT_NE(snapshot(), before);
  ASSERT_TRUE(store().rebuildProjection().ok());
  EXPECT_EQ(snapshot(), before);
  EXPECT_EQ(RawDb(dbPath()).rows(everyColumn), rawBefore);
}

TEST_F(StoreTest, VerifyChainAcceptsAGoodLog) {
  buildHistory(store(), t0);
  auto ok = store().verifyChain();
  EXPECT_TRUE(ok.ok()) << ok.error().en;
  // The triggers refuse edits through SQL, too.
  RawDb raw(dbPath());
  EXPECT_THROW(raw.exec("UPDATE events SET payload='{}' WHERE seq=2"), std::runtime_error);
  EXPECT_THROW(raw.exec("DELETE FROM events WHERE seq=2"), std::runtime_error);
  EXPECT_TRUE(store().verifyChain().ok());
}

TEST_F(StoreTest, VerifyChainNamesAnEditedEvent) {
  buildHistory(store(), t0);
  ASSERT_TRUE(store().verifyChain().ok());
  m_store.reset();
  {
    RawDb raw(dbPath());
    const auto before = raw.rows("SELECT payload FROM events WHERE seq = 9");
    raw.exec("DROP TRIGGER events_no_update");
    // One trailing space: still valid JSON, the same meaning, a different event.
    raw.exec("UPDATE events SET payload = payload || ' ' WHERE seq = 9");
    ASSERT_NE(raw.rows("SELECT payload FROM events WHERE seq = 9"), before);
  }
  reopen();
  auto r = store().verifyChain();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "chain_broken");
  EXPECT_NE(r.error().en.find("event 9."), std::string::npos) << r.error().en;
  EXPECT_NE(r.error().id.find("nomor 9."), std::string::npos) << r.error().id;
}

TEST_F(StoreTest, VerifyChainNamesAChangedPayloadEvenWithItsHashRecomputed) {
  buildHistory(store(), t0);
  m_store.reset();
  std::int64_t forged = 0;
  {
    RawDb raw(dbPath());
    raw.exec("DROP TRIGGER events_no_update");
    raw.exec("UPDATE events SET payload = replace(payload, 'duplicate', 'withdrawn') WHERE kind = 'cancel'");
    // A careful forger also fixes the edited event's own hash.
    auto row = raw.rows("SELECT seq, at_ms, actor, role, kind, case_id, ticket, counter, payload, prev_hash"
                        " FROM events WHERE kind = 'cancel'");
    ASSERT_EQ(row.size(), 1u);
    ASSERT_NE(row[0][8].find("withdrawn"), std::string::npos);
    EventRecord e;
    e.seq = std::stoll(row[0][0]);
    e.atMs = std::stoll(row[0][1]);
    e.actor = row[0][2];
    e.role = row[0][3];
    e.kind = row[0][4];
    e.caseId = std::stoll(row[0][5]);
    e.ticket = row[0][6];
    e.counter = row[0][7];
    e.payload = row[0][8];
    e.prevHash = row[0][9];
    raw.exec("UPDATE events SET hash='" + event_log::hashOf(e) + "' WHERE seq=" + row[0][0]);
    forged = e.seq;
  }
  reopen();
  auto r = store().verifyChain();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "chain_broken");
  // The next event still points at the old hash.
  EXPECT_NE(r.error().en.find("event " + std::to_string(forged + 1) + "."), std::string::npos) << r.error().en;
}

TEST_F(StoreTest, VerifyChainNamesADeletedEvent) {
  buildHistory(store(), t0);
  m_store.reset();
  {
    RawDb raw(dbPath());
    raw.exec("DROP TRIGGER events_no_delete");
    raw.exec("DELETE FROM events WHERE seq = 7");
  }
  reopen();
  auto r = store().verifyChain();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "chain_gap");
  EXPECT_NE(r.error().en.find("event 8."), std::string::npos) << r.error().en;
}

TEST_F(StoreTest, AnAnchorCatchesALogCutShort) {
  buildHistory(store(), t0);
  const auto anchor = store().chainHead();
  ASSERT_EQ(anchor.seq, store().lastSeq());
  EXPECT_TRUE(store().verifyAnchor(anchor).ok());
  EXPECT_EQ(event_log::anchorFrom(event_log::toString(anchor))->hash, anchor.hash);
  m_store.reset();
  {
    // The last events removed: the rest still chains perfectly.
    RawDb raw(dbPath());
    raw.exec("DROP TRIGGER events_no_delete");
    raw.exec("DELETE FROM events WHERE seq > " + std::to_string(anchor.seq - 2));
  }
  reopen();
  EXPECT_TRUE(store().verifyChain().ok()) << "the chain alone cannot see a cut tail";
  auto r = store().verifyAnchor(anchor);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "anchor_missing");
  EXPECT_NE(r.error().en.find(std::to_string(anchor.seq)), std::string::npos) << r.error().en;
}

TEST_F(StoreTest, AnAnchorCatchesALogRewrittenAndRehashed) {
  buildHistory(store(), t0);
  const auto anchor = store().chainHead();
  m_store.reset();
  {
    // A forger edits event 3 and re-hashes every event after it.
    RawDb raw(dbPath());
    raw.exec("DROP TRIGGER events_no_update");
    raw.exec("UPDATE events SET counter = 'Loket 9' WHERE seq = 3");
    std::string prev = raw.rows("SELECT hash FROM events WHERE seq = 2")[0][0];
    for (const auto& row : raw.rows("SELECT seq, at_ms, actor, role, kind, case_id, ticket, counter, payload"
                                    " FROM events WHERE seq >= 3 ORDER BY seq")) {
      EventRecord e;
      e.seq = std::stoll(row[0]);
      e.atMs = std::stoll(row[1]);
      e.actor = row[2];
      e.role = row[3];
      e.kind = row[4];
      e.caseId = std::stoll(row[5]);
      e.ticket = row[6];
      e.counter = row[7];
      e.payload = row[8];
      e.prevHash = prev;
      prev = event_log::hashOf(e);
      raw.exec("UPDATE events SET prev_hash='" + e.prevHash + "', hash='" + prev + "' WHERE seq=" + row[0]);
    }
  }
  reopen();
  EXPECT_TRUE(store().verifyChain().ok()) << "a fully re-hashed log passes the chain check";
  auto r = store().verifyAnchor(anchor);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "anchor_mismatch");
  // Malformed anchors are not anchors.
  for (const char* bad : {"", "12", "x:abc", "5:0123", "-1:0000000000000000000000000000000000000000000000000000000000000000"})
    EXPECT_FALSE(event_log::anchorFrom(bad).has_value()) << bad;
}

TEST_F(StoreTest, PublicBoardCarriesNoPersonalData) {
  auto r1 = issue("reset", t0);
  auto u1 = issue("userid", t0 + 1000);
  auto r2 = issue("reset", t0 + 2000);
  issue("reset", t0 + 3000);
  auto mail = store().receiveEmail(byEmail(), kDesk, t0 + 4000);
  ASSERT_TRUE(mail.ok());
  next("Loket 1", t0 + kMinute);      // R-001
  next("Loket 2", t0 + kMinute + 1);  // U-001
  next("Loket 1", t0 + kMinute + 2);  // R-002
  auto b = store().board(t0 + 2 * kMinute);
  // The latest call per counter.
  std::map<std::string, std::string> current;
  for (const auto& c : b.current) current[c.counter] = c.ticket;
  EXPECT_EQ(current, (std::map<std::string, std::string>{{"Loket 1", "R-002"}, {"Loket 2", "U-001"}}));
  ASSERT_EQ(b.recent.size(), 3u);
  EXPECT_EQ(b.recent[0].ticket, "R-002");
  EXPECT_EQ(b.recent[2].ticket, "R-001");
  EXPECT_EQ(b.recent[0].service, "reset");
  for (const auto& [svc, n] : b.waiting) EXPECT_EQ(n, svc == "reset" ? 1 : 0) << svc;
  EXPECT_EQ(b.seq, store().lastSeq());
  // A recall moves the counter back to the recalled number.
  act(r1.id, Action::Recall, kDesk, t0 + 3 * kMinute);
  current.clear();
  for (const auto& c : store().board(t0 + 3 * kMinute).current) current[c.counter] = c.ticket;
  EXPECT_EQ(current["Loket 1"], "R-001");

  const std::string text = api::toJson(store().board(t0 + 3 * kMinute)).dump();
  ASSERT_NE(text.find("R-001"), std::string::npos);
  for (const std::string& secret : {std::string(kName), std::string("Budi"), std::string("Santoso"),
                                   std::string(kPhone), std::string("81234567890"), std::string(kNip),
                                   std::string(kEmail), std::string("Bandung"), r1.token, u1.token, r2.token})
    EXPECT_EQ(text.find(secret), std::string::npos) << "board shows " << secret << ": " << text;
  // The event stream goes to displays too: nothing personal in any event.
  for (const auto& e : store().eventsAfter(0, 1000)) {
    const std::string all = e.actor + e.role + e.kind + e.ticket + e.counter + e.payload;
    for (const std::string& secret :
         {std::string("Budi"), std::string("Santoso"), std::string("81234567890"), std::string(kNip),
          std::string(kEmail)})
      EXPECT_EQ(all.find(secret), std::string::npos) << "event " << e.seq << " carries " << secret;
  }
  // Tomorrow the wall starts empty.
  auto tomorrow = store().board(officeMorning({2026, 3, 11}));
  EXPECT_TRUE(tomorrow.current.empty());
  EXPECT_TRUE(tomorrow.recent.empty());
}

TEST_F(StoreTest, ReopeningTheFileKeepsEverything) {
  auto a = issue("reset", t0);
  auto b = issue("reset", t0 + 1000);
  auto u = issue("userid", t0 + 2000);
  next("Loket 1", t0 + kMinute);
  const std::int64_t seq = store().lastSeq();
  const auto openBefore = store().openCases();
  std::vector<std::string> before;
  for (const auto& c : openBefore) before.push_back(describe(c));
  reopen();
  std::vector<std::string> after;
  for (const auto& c : store().openCases()) after.push_back(describe(c));
  EXPECT_EQ(after, before);
  EXPECT_EQ(store().lastSeq(), seq);
  EXPECT_TRUE(store().verifyChain().ok());
  EXPECT_EQ(store().getCase(a.id)->state, CaseState::Called);
  // Numbering and the queue carry on where they were.
  EXPECT_EQ(issue("reset", t0 + 2 * kMinute).ticket, "R-003");
  EXPECT_EQ(issue("userid", t0 + 2 * kMinute).ticket, "U-002");
  EXPECT_EQ(next("Loket 1", t0 + 3 * kMinute)->id, b.id);
  EXPECT_EQ(next("Loket 1", t0 + 3 * kMinute)->id, u.id);
  // The file is in WAL mode (persistent in the file header).
  RawDb raw(dbPath());
  auto mode = raw.rows("PRAGMA journal_mode");
  ASSERT_EQ(mode.size(), 1u);
  EXPECT_EQ(mode[0][0], "wal");
  EXPECT_EQ(raw.scalar("PRAGMA user_version"), latestSchemaVersion());
}

// Issue #12: what the desk needs of the store.
TEST_F(StoreTest, NotesStayWithTheCaseAndTheRetentionPurgeEmptiesThem) {
  auto c = issue("reset", t0);
  next("Loket 1", t0 + kMinute);
  ActionInput in;
  in.note = "Pemohon membawa SK lama";
  act(c.id, Action::StartCheck, kDesk, t0 + 2 * kMinute, in);
  for (const auto& e : store().caseEvents(c.id)) EXPECT_EQ(e.payload.find("SK lama"), std::string::npos);
  auto notes = store().caseNotes(c.id);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].text, "Pemohon membawa SK lama");
  EXPECT_EQ(notes[0].action, "start_check");
  EXPECT_EQ(notes[0].actor, kDesk.id);
  // An open case keeps its entry and notes; once closed, the purge takes both.
  ASSERT_TRUE(store().purgeVisits(t0 + 24 * 60 * kMinute, t0 + 24 * 60 * kMinute).ok());
  EXPECT_EQ(store().caseNotes(c.id).size(), 1u);
  ActionInput why;
  why.reason = "withdrawn";
  act(c.id, Action::Cancel, kSupervisor, t0 + 3 * kMinute, why);
  auto purged = store().purgeVisits(t0 + 24 * 60 * kMinute, t0 + 24 * 60 * kMinute);
  ASSERT_TRUE(purged.ok());
  EXPECT_EQ(*purged, 1);
  EXPECT_TRUE(store().caseNotes(c.id).empty());
  EXPECT_TRUE(store().verifyChain().ok());
}

TEST_F(StoreTest, GetVisitNamesTheCasesServiceAndChannel) {
  auto v = byEmail("userid");
  v.receivedMs = t0 - 20 * kMinute;
  auto mail = store().receiveEmail(v, kDesk, t0);
  ASSERT_TRUE(mail.ok()) << mail.error().en;
  EXPECT_EQ(mail->receivedMs, t0 - 20 * kMinute);
  auto got = store().getVisit(mail->visitId);
  ASSERT_TRUE(got.ok()) << got.error().en;
  EXPECT_EQ(got->service, "userid");
  EXPECT_EQ(got->channel, core::Channel::Email);
  EXPECT_EQ(got->receivedMs, t0 - 20 * kMinute);
  auto walk = issue("reset", t0);
  auto w = store().getVisit(walk.visitId);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->service, "reset");
  EXPECT_EQ(w->channel, core::Channel::WalkIn);
  // The received time is kept across a rebuild of the projection.
  ASSERT_TRUE(store().rebuildProjection().ok());
  EXPECT_EQ(store().getCase(mail->id)->receivedMs, t0 - 20 * kMinute);
}

TEST_F(StoreTest, ACallBackIsOnTheBoardLikeACall) {
  auto c = issue("reset", t0);
  next("Loket 1", t0 + kMinute);
  act(c.id, Action::StartCheck, kDesk, t0 + 2 * kMinute);
  act(c.id, Action::ForwardToAdmin, kDesk, t0 + 3 * kMinute);
  ASSERT_TRUE(store().callNext("admin", "Admin PPE 1", kAdminPpe, t0 + 4 * kMinute).ok());
  ActionInput in;
  in.basis = "spse_data";
  act(c.id, Action::MarkValid, kAdminPpe, t0 + 5 * kMinute, in);
  in.outcome = "user_id_given";
  act(c.id, Action::RecordResult, kAdminPpe, t0 + 6 * kMinute, in);
  act(c.id, Action::NotifyResult, kAdminPpe, t0 + 7 * kMinute);
  // Recall is for a visitor not yet served; past step 12 it is a call-back.
  EXPECT_FALSE(store().act(c.id, Action::Recall, {}, kDesk, t0 + 8 * kMinute).ok());
  // The counter is named: the case's last one is Admin PPE's desk, not where the visitor goes.
  auto none = store().act(c.id, Action::CallBack, {}, kDesk, t0 + 8 * kMinute);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "counter_required");
  ActionInput to;
  to.counter = "Loket 3";
  auto back = store().act(c.id, Action::CallBack, to, kDesk, t0 + 8 * kMinute);
  ASSERT_TRUE(back.ok()) << back.error().en;
  const auto b = store().board(t0 + 8 * kMinute);
  ASSERT_FALSE(b.recent.empty());
  EXPECT_EQ(b.recent.front().ticket, c.ticket);
  EXPECT_EQ(b.recent.front().counter, "Loket 3");
  EXPECT_EQ(store().caseEvents(c.id).back().kind, "callback");
}


// A new ticket's "N ahead of you" comes from queue sizes this connection
// keeps (counting the queue each time grew with its length); it must equal
// the count over the queue through every way the queue changes: calls,
// priority returns, another connection's writes (the admin CLI), a write
// rolled back, a clock that stepped back, and a reopened file.
TEST_F(StoreTest, ANewTicketsAheadCountEqualsACountOfTheQueue) {
  auto expectCounted = [&](const std::string& service, std::int64_t now, const char* what) {
    auto t = store().issueTicket(walkIn(service), kKiosk, now);
    EXPECT_TRUE(t.ok()) << what << ": " << (t.ok() ? "" : t.error().en);
    if (!t.ok()) return CaseRecord{};
    EXPECT_EQ(t->ahead, store().waitingAhead(t->kase)) << what;
    return t->kase;
  };
  auto a = expectCounted("reset", t0, "first");
  expectCounted("reset", t0 + 1000, "second");
  expectCounted("userid", t0 + 2000, "third");
  EXPECT_EQ(store().waitingAhead(expectCounted("reset", t0 + 3000, "fourth")), 3);
  ASSERT_EQ(next("Loket 1", t0 + kMinute)->id, a.id);
  expectCounted("reset", t0 + kMinute + 1000, "after a call");
  // Back with the missing documents: priority, ahead of first-timers.
  act(a.id, Action::StartCheck, kDesk, t0 + 2 * kMinute);
  ActionInput missing;
  missing.missing = {Document::SkPenunjukan};
  act(a.id, Action::MarkIncomplete, kDesk, t0 + 3 * kMinute, missing);
  act(a.id, Action::RequestCompletion, kDesk, t0 + 4 * kMinute);
  act(a.id, Action::ReturnDocuments, kKiosk, t0 + 5 * kMinute);
  expectCounted("reset", t0 + 6 * kMinute, "after a priority return");
  {
    // Another connection (another process) adds two and calls one.
    expectCounted("reset", t0 + 6 * kMinute + 1, "counts made before it");
    auto other = Store::open(dbPath());
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE((*other)->issueTicket(walkIn("reset"), kKiosk, t0 + 7 * kMinute).ok());
    ASSERT_TRUE((*other)->issueTicket(walkIn("userid"), kKiosk, t0 + 7 * kMinute).ok());
    ASSERT_TRUE((*other)->callNext("helpdesk", "Loket 2", kDesk, t0 + 7 * kMinute).ok());
  }
  expectCounted("reset", t0 + 8 * kMinute, "after another connection's writes");
  // A ticket written and then rolled back (a failed request in a batch):
  // the first one recounts (another connection wrote), inside the batch.
  {
    auto other = Store::open(dbPath());
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE((*other)->issueTicket(walkIn("userid"), kKiosk, t0 + 9 * kMinute).ok());
    RawDb raw(dbPath());
    const auto before = raw.scalar("SELECT COUNT(*) FROM cases");
    GroupCommit gc(store());
    gc.run(
        [&] {
          (void)store().issueTicket(walkIn("reset"), kKiosk, t0 + 9 * kMinute);
          return false;
        },
        [](const core::Error&) {});
    EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM cases"), before);
  }
  expectCounted("reset", t0 + 9 * kMinute, "after a rolled-back ticket");
  // The clock stepped back: the new ticket is not last in its queue.
  expectCounted("reset", t0 + 5 * kMinute + 500, "clock stepped back");
  expectCounted("reset", t0 + 5 * kMinute + 500, "same instant");
  reopen();
  expectCounted("userid", t0 + 10 * kMinute, "after reopening");
  // Tomorrow's queue starts empty.
  EXPECT_EQ(store().issueTicket(walkIn("reset"), kKiosk, t0 + 24 * 60 * kMinute)->ahead, 0);
}

}  // namespace
}  // namespace lpse::store

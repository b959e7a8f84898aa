// Breaks on the server (issue #12) through the real server over HTTP on
// loopback: a desk on a break is refused "next" (409, in both languages),
// its break events are in the log with the reason code, GET /api/desks
// shows it, the service report counts the break, and a supervisor
// reassigns a stranded case and closes the day.
#include <gtest/gtest.h>

#include "kiosk/client/api_client.hpp"
#include "kiosk/store/store_reports.hpp"
#include "tests/support/live_server.hpp"
#include "tests/support/test_access.hpp"

using namespace lpse;

namespace {
const core::WorkingCalendar kCal;
const std::int64_t kMon9 = kCal.localMidnight({2026, 11, 23}) + 9 * 3600'000LL;
}  // namespace

TEST(DeskBreakApi, BreakBlocksNextIsLoggedAndCounted) {
  std::atomic<std::int64_t> now{kMon9};
  server::ServerOptions o;
  o.clock = [&] { return now.load(); };
  testsupport::LiveServer live(o);
  client::ApiClient kiosk(live.url(), testsupport::credentialFor(live.db(), "kiosk-1", core::ActorRole::Kiosk));
  client::ApiClient siti(live.url(), testsupport::credentialFor(live.db(), "siti", core::ActorRole::Helpdesk));
  client::ApiClient boss(live.url(), testsupport::credentialFor(live.db(), "ani", core::ActorRole::Supervisor));
  core::Visit v;
  v.service = "reset";
  v.name = "Budi Santoso";
  v.role = core::VisitorRole::Ppk;
  v.agency = "Dinas PU";
  v.phone = "081234567890";
  v.consent = true;
  v.documents = {core::Document::RequestForm};
  ASSERT_TRUE(kiosk.issueTicket(v).ok());
  ASSERT_TRUE(kiosk.issueTicket(v).ok());

  ASSERT_TRUE(siti.deskEvent("Loket 1", core::kDeskSignIn).ok());
  // An unknown reason is refused and nothing is written.
  const auto seq = live.store().lastSeq();
  auto bad = siti.deskEvent("Loket 1", core::kBreakStart, "nap");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(live.store().lastSeq(), seq);
  now += 60'000;
  ASSERT_TRUE(siti.deskEvent("Loket 1", core::kBreakStart, "prayer").ok());
  auto refused = siti.callNext("helpdesk", "Loket 1");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "desk_on_break");
  EXPECT_NE(refused.error().id.find("istirahat"), std::string::npos);
  auto desks = boss.desks();
  ASSERT_TRUE(desks.ok());
  ASSERT_EQ(desks->size(), 1u);
  EXPECT_EQ((*desks)[0].presence, core::DeskPresence::OnBreak);
  EXPECT_EQ((*desks)[0].reason, "prayer");
  EXPECT_EQ((*desks)[0].staff, "siti");
  EXPECT_EQ((*desks)[0].sinceMs, kMon9 + 60'000);

  now += 10 * 60'000;
  ASSERT_TRUE(siti.deskEvent("Loket 1", core::kBreakEnd).ok());
  auto called = siti.callNext("helpdesk", "Loket 1");
  ASSERT_TRUE(called.ok() && called->has_value());
  const auto id = (**called).id;

  // The desk signs out mid-case: the supervisor reassigns it to Loket 2.
  ASSERT_TRUE(siti.deskEvent("Loket 1", core::kDeskSignOut).ok());
  core::ActionInput in;
  in.reason = "needs_other_staff";
  in.counter = "Loket 2";
  auto moved = boss.act(id, core::Action::Transfer, in);
  ASSERT_TRUE(moved.ok()) << moved.error().en;
  EXPECT_EQ(moved->counter, "Loket 2");

  // Closing the day closes the one still waiting.
  auto closed = boss.closeDay();
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(*closed, 1);

  // The log holds the break with its code; the service report counts it.
  int starts = 0;
  for (const auto& e : live.store().eventsAfter(0, 1000))
    if (e.kind == "break_start") {
      ++starts;
      EXPECT_EQ(e.counter, "Loket 1");
      EXPECT_NE(e.payload.find("prayer"), std::string::npos);
    }
  EXPECT_EQ(starts, 1);
  auto reports = store::ReportStore::open(live.db());
  ASSERT_TRUE(reports.ok());
  auto r = (*reports)->service({kCal.localDate(kMon9), kCal.localDate(kMon9)});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->breaks, 1);
}

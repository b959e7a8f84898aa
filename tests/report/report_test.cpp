// The three reports against the scripted day (scripted_day.hpp), whose
// figures are worked out here by hand from the script: counts, medians,
// p90, shares within the standard, breaches, unserved at closing. The
// cached path and the plain scan of the log must give the same facts.
#include <gtest/gtest.h>

#include <algorithm>

#include "../store/store_test_util.hpp"
#include "kiosk/report/stats.hpp"
#include "scripted_day.hpp"

namespace lpse::store {
namespace {

using namespace lpse::testutil;
using report::Period;

constexpr double kMin = 1.0;  // figures are in minutes

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_path = m_dir.file("queue.db");
    m_store = LPSE_OK(Store::open(m_path));
    m_cases = scriptDay(*m_store, m_path);
    m_reports = LPSE_OK(ReportStore::open(m_path));
  }
  const Period day{{2026, 3, 10}, {2026, 3, 10}};
  TempDir m_dir;
  std::string m_path;
  std::unique_ptr<Store> m_store;
  std::unique_ptr<ReportStore> m_reports;
  DayCases m_cases;
};

const report::StepRow* row(const report::ComplianceReport& r, int step, core::Channel ch) {
  for (const auto& x : r.rows)
    if (x.step == step && x.channel == ch) return &x;
  return nullptr;
}

TEST_F(ReportTest, RegisterListsEveryVisitOfTheDayWithItsOutcome) {
  auto r = LPSE_OK(m_reports->registerReport(day));
  ASSERT_EQ(r.rows.size(), 6u);
  const std::vector<std::string> names = {"Ani Lestari", "Bambang Wijaya", "Citra Dewi",
                                          "Dedi Kurniawan", "Eka Putri", "Fajar Nugroho"};
  const std::vector<std::string> tickets = {"R-001", "U-001", "R-002", "", "", "R-003"};
  const std::vector<std::string> states = {"delivered", "no_show", "rejection_notified",
                                           "at_admin_queue", "at_admin_queue", "cancelled"};
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(r.rows[i].name, names[i]) << i;
    EXPECT_EQ(r.rows[i].ticket, tickets[i]) << i;
    EXPECT_EQ(r.rows[i].state, states[i]) << i;
    EXPECT_EQ(r.rows[i].agency, "Dinas PUPR");
  }
  EXPECT_EQ(r.rows[0].createdMs, at(8, 0));
  EXPECT_EQ(r.walkIn, 4);
  EXPECT_EQ(r.email, 2);
  // The next day holds none of them; the plain scan finds the same rows.
  EXPECT_TRUE(LPSE_OK(m_reports->registerRows({{2026, 3, 11}, {2026, 3, 11}})).empty());
  auto scanned = LPSE_OK(m_reports->registerRowsByScan(day));
  ASSERT_EQ(scanned.size(), 6u);
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(scanned[i].name, r.rows[i].name);
    EXPECT_EQ(scanned[i].state, r.rows[i].state);
    EXPECT_EQ(scanned[i].service, r.rows[i].service);
    EXPECT_EQ(scanned[i].channel, r.rows[i].channel);
  }
}

TEST_F(ReportTest, ComplianceCountsMediansP90AndSharesPerStepAndChannel) {
  auto r = LPSE_OK(m_reports->compliance(day));
  using C = core::Channel;
  struct Expect {
    int step;
    C ch;
    int count, within;
    double median, p90;
  };
  const std::vector<Expect> expected = {
      {3, C::WalkIn, 4, 4, 0, 0},     // the kiosk numbers in the same transaction
      {5, C::WalkIn, 3, 2, 4, 7},     // R-001 4, R-002 7 and 3
      {6, C::WalkIn, 1, 1, 2, 2},     // R-002 asked in 2
      {9, C::WalkIn, 2, 1, 15, 20},   // R-001 20, R-002 10
      {10, C::WalkIn, 1, 1, 5, 5},
      {11, C::WalkIn, 1, 0, 10, 10},  // invalid 09:55 .. told 10:05
      {12, C::WalkIn, 1, 1, 2, 2},
      {13, C::WalkIn, 1, 1, 3, 3},    // result 08:47 .. archived 08:50
      {14, C::WalkIn, 1, 1, 5, 5},    // result 08:47 .. handed back 08:52 (side by side with 13)
      {4, C::Email, 2, 1, 90, 120},   // E5 120 (same day), E6 60 working minutes (next day)
      {5, C::Email, 2, 2, 3.5, 4},
  };
  for (const auto& e : expected) {
    const auto* x = row(r, e.step, e.ch);
    ASSERT_NE(x, nullptr) << "step " << e.step;
    EXPECT_EQ(x->duration.count, e.count) << "step " << e.step;
    EXPECT_EQ(x->within, e.within) << "step " << e.step;
    EXPECT_NEAR(x->duration.medianMin, e.median, 1e-9) << "step " << e.step;
    EXPECT_NEAR(x->duration.p90Min, e.p90, 1e-9) << "step " << e.step;
    EXPECT_NEAR(x->share, static_cast<double>(e.within) / e.count, 1e-9) << "step " << e.step;
  }
  // Steps with a standard and no case today are listed with a zero count.
  ASSERT_NE(row(r, 6, C::Email), nullptr);
  EXPECT_EQ(row(r, 6, C::Email)->duration.count, 0);
  EXPECT_EQ(row(r, 3, C::Email), nullptr) << "e-mail requests get no queue number";

  ASSERT_EQ(r.breaches.size(), 4u);
  EXPECT_EQ(r.breaches[0].ticket, "R-001");
  EXPECT_EQ(r.breaches[0].step, 9);
  EXPECT_NEAR(r.breaches[0].minutes, 20, 1e-9);
  EXPECT_EQ(r.breaches[0].staff, "ppe-1");
  EXPECT_EQ(r.breaches[1].ticket, "R-002");
  EXPECT_EQ(r.breaches[1].step, 5);
  EXPECT_EQ(r.breaches[1].staff, "desk-1");
  EXPECT_EQ(r.breaches[2].step, 11);
  EXPECT_EQ(r.breaches[3].caseId, m_cases.e6);
  EXPECT_EQ(r.breaches[3].step, 4);
  EXPECT_EQ(r.breaches[3].channel, C::Email);
  EXPECT_EQ(r.breaches[3].startMs, at(15, 30));
}

TEST_F(ReportTest, ServiceFiguresPerServiceStaffAndHalfHour) {
  auto r = LPSE_OK(m_reports->service(day));
  ASSERT_EQ(r.services.size(), 3u);
  const auto& reset = r.services[0];
  const auto& userid = r.services[1];
  const auto& all = r.services[2];
  EXPECT_EQ(reset.service, "reset");
  EXPECT_EQ(userid.service, "userid");
  EXPECT_EQ(all.service, "*");

  EXPECT_EQ(reset.arrivals, 4);
  EXPECT_EQ(reset.walkIn, 3);
  EXPECT_EQ(reset.email, 1);
  EXPECT_EQ(reset.called, 3);
  EXPECT_NEAR(reset.wait.medianMin, 10, 1e-9);     // 10, 10, 120
  EXPECT_NEAR(reset.wait.p90Min, 120, 1e-9);
  EXPECT_NEAR(reset.wait.meanMin, 140.0 / 3, 1e-9);
  EXPECT_NEAR(reset.served.medianMin, 5, 1e-9);    // 5, 10, 4
  EXPECT_NEAR(reset.served.p90Min, 10, 1e-9);
  EXPECT_EQ(reset.unservedAtClose, 1);
  EXPECT_EQ(reset.transfers, 1);
  EXPECT_EQ(reset.noShows, 0);

  EXPECT_EQ(userid.arrivals, 2);
  EXPECT_EQ(userid.noShows, 1);
  EXPECT_NEAR(userid.noShowRate, 1.0, 1e-9);
  EXPECT_EQ(userid.recalls, 1);
  EXPECT_NEAR(userid.wait.medianMin, 37.5, 1e-9);  // 15, 60
  EXPECT_EQ(userid.served.count, 1);                // the no-show was not served
  EXPECT_NEAR(userid.served.medianMin, 3, 1e-9);

  EXPECT_EQ(all.arrivals, 6);
  EXPECT_EQ(all.called, 5);
  EXPECT_NEAR(all.wait.medianMin, 15, 1e-9);       // 10 10 15 60 120
  EXPECT_NEAR(all.wait.p90Min, 120, 1e-9);
  EXPECT_NEAR(all.served.medianMin, 4.5, 1e-9);    // 3 4 5 10
  EXPECT_NEAR(all.noShowRate, 1.0 / 3, 1e-9);
  EXPECT_EQ(all.unservedAtClose, 1);

  ASSERT_EQ(r.staff.size(), 2u);
  EXPECT_EQ(r.staff[0].staff, "desk-1");
  EXPECT_EQ(r.staff[0].called, 3);
  EXPECT_NEAR(r.staff[0].served.medianMin, 5, 1e-9);
  EXPECT_EQ(r.staff[0].transfers, 1);
  EXPECT_EQ(r.staff[1].staff, "desk-2");
  EXPECT_EQ(r.staff[1].called, 2);
  EXPECT_EQ(r.staff[1].recalls, 1);
  EXPECT_EQ(r.staff[1].breaks, 1);
  EXPECT_EQ(r.breaks, 1);

  ASSERT_EQ(r.slots.size(), 3u);
  EXPECT_EQ(r.slots[0].minuteOfDay, 8 * 60);
  EXPECT_EQ(r.slots[0].arrivals, 2);
  EXPECT_EQ(r.slots[1].minuteOfDay, 8 * 60 + 30);
  EXPECT_EQ(r.slots[2].minuteOfDay, 15 * 60 + 30);
}

bool sameFacts(const report::DayFacts& a, const report::DayFacts& b) {
  if (a.cases.size() != b.cases.size() || a.steps.size() != b.steps.size() || a.breaks.size() != b.breaks.size())
    return false;
  for (std::size_t i = 0; i < a.cases.size(); ++i) {
    const auto &x = a.cases[i], &y = b.cases[i];
    if (x.caseId != y.caseId || x.waitMs != y.waitMs || x.serviceMs != y.serviceMs || x.outcome != y.outcome ||
        a.services[x.serviceIdx] != b.services[y.serviceIdx] || x.unservedAtClose != y.unservedAtClose)
      return false;
  }
  for (std::size_t i = 0; i < a.steps.size(); ++i)
    if (a.steps[i].caseId != b.steps[i].caseId || a.steps[i].workMs != b.steps[i].workMs) return false;
  return true;
}

TEST_F(ReportTest, CacheFollowsNewEventsAndAgreesWithThePlainScan) {
  auto first = LPSE_OK(m_reports->facts(day));
  EXPECT_TRUE(sameFacts(first, LPSE_OK(m_reports->factsByScan(day))));
  // Served from the cache now; a later event on a case of that day must
  // still show (E5 verified the next morning).
  auto again = LPSE_OK(m_reports->facts(day));
  EXPECT_TRUE(sameFacts(first, again));
  auto c = LPSE_OK(m_store->callNext("admin", "PPE 1", kPpe, at(9, 0, 11)));
  ASSERT_TRUE(c.has_value());
  core::ActionInput valid;
  valid.basis = "registration_archive";
  LPSE_OK(m_store->act(c->id, core::Action::MarkValid, valid, kPpe, at(9, 12, 11)));
  auto after = LPSE_OK(m_reports->facts(day));
  EXPECT_EQ(after.steps.size(), first.steps.size() + 1) << "the new step 9 is missing: stale cache";
  EXPECT_TRUE(sameFacts(after, LPSE_OK(m_reports->factsByScan(day))));
  // A week's facts are the day's (nothing else happened).
  auto week = LPSE_OK(m_reports->facts({{2026, 3, 9}, {2026, 3, 15}}));
  EXPECT_TRUE(sameFacts(after, week));
}

TEST_F(ReportTest, EndOfDayClosesWaitingTicketsAsNotServedToday) {
  auto r3 = LPSE_OK(m_store->getCase(m_cases.r3));
  EXPECT_EQ(r3.state, core::CaseState::Cancelled);
  auto events = m_store->caseEvents(m_cases.r3);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().kind, "cancel");
  EXPECT_EQ(events.back().actor, "system");
  EXPECT_NE(events.back().payload.find(kNotServedToday), std::string::npos);
  // The e-mail still unopened at closing carries over: it is due next day.
  EXPECT_EQ(LPSE_OK(m_store->getCase(m_cases.e6)).state, core::CaseState::AtAdminQueue);
  EXPECT_TRUE(m_store->verifyChain().ok());
}

TEST(ReportStats, MedianAndNearestRankP90) {
  std::vector<std::int64_t> v = {5, 1, 4, 2, 3};
  EXPECT_EQ(report::medianOf(v), 3);
  std::vector<std::int64_t> even = {4, 1, 3, 2};
  EXPECT_EQ(report::medianOf(even), 2.5);
  std::vector<std::int64_t> ten = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
  EXPECT_EQ(report::nearestRank(ten, 0.9), 9);
  std::vector<std::int64_t> one = {7};
  EXPECT_EQ(report::nearestRank(one, 0.9), 7);
  std::vector<std::int64_t> none;
  EXPECT_EQ(report::summarize(none).count, 0);
}

}  // namespace
}  // namespace lpse::store

#include "kiosk/desk_app/desk_model.hpp"

#include <gtest/gtest.h>

using namespace lpse;

namespace {
// A desk with `role` signed in.
desk::DeskModel signedIn(core::ActorRole role, const std::string& counter = "Loket 1",
                         core::TimeStandards standards = core::TimeStandards::sopDefaults()) {
  desk::DeskModel m({counter, standards});
  m.signIn({"staff", "Staff", role, 0});
  return m;
}

client::CaseDetail detail(core::CaseState s, std::int64_t stateMs, std::vector<core::Action> allowed = {}) {
  client::CaseDetail d;
  d.kase.state = s;
  d.kase.stateMs = stateMs;
  d.allowed = std::move(allowed);
  return d;
}
}  // namespace

TEST(DeskModel, StepTimerComparesWithTheStandard) {
  auto m = signedIn(core::ActorRole::AdminPpe, "Loket 1");
  m.setCurrent(detail(core::CaseState::Verifying, 0, {core::Action::MarkValid}));
  auto t = m.timer(14 * 60 * 1000);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->step, 9);
  EXPECT_EQ(t->standardMin, 15);
  EXPECT_FALSE(t->overdue());
  EXPECT_TRUE(m.timer(16 * 60 * 1000)->overdue());
  EXPECT_EQ(m.queue(), "admin");
}

TEST(DeskModel, NextIsOfferedOnlyWhenTheDeskIsFree) {
  auto m = signedIn(core::ActorRole::Helpdesk, "Loket 1");
  EXPECT_FALSE(m.canCallNext());  // offline
  m.setOnline(true);
  EXPECT_TRUE(m.canCallNext());
  m.setCurrent(detail(core::CaseState::Checking, 0, {core::Action::ForwardToAdmin}));
  EXPECT_FALSE(m.canCallNext());  // a visitor is at the desk
  m.setCurrent(detail(core::CaseState::AtAdminQueue, 0, {}));
  EXPECT_TRUE(m.canCallNext());  // handed on to Admin PPE
  m.setBusy(true);
  EXPECT_FALSE(m.canCallNext());
  EXPECT_EQ(m.queue(), "helpdesk");
}

TEST(DeskModel, WaitingCountIsOfItsOwnQueue) {
  auto help = signedIn(core::ActorRole::Helpdesk, "L1");
  auto admin = signedIn(core::ActorRole::AdminPpe, "L2");
  core::Board b;
  b.waiting = {{"reset", 3}, {"userid", 2}};
  b.waitingAdmin = 4;
  help.setBoard(b);
  admin.setBoard(b);
  EXPECT_EQ(help.waitingInMyQueue(), 5);
  EXPECT_EQ(admin.waitingInMyQueue(), 4);
}

TEST(DeskModel, OnlyFailingDevicesAreAlerts) {
  auto m = signedIn(core::ActorRole::Helpdesk, "L1");
  core::DeviceStatus ok{"kiosk-1", "printer", true, "ready", "", 1};
  core::DeviceStatus bad{"kiosk-2", "printer", false, "paper_out", "Kertas habis.", 2};
  m.setDevices({ok, bad});
  ASSERT_EQ(m.alerts().size(), 1u);
  EXPECT_EQ(m.alerts()[0].device, "kiosk-2");
}

TEST(DeskModel, NothingIsOfferedBeforeSignInAndSignOutForgetsTheCase) {
  desk::DeskModel m({"Loket 1", core::TimeStandards::sopDefaults()});
  m.setOnline(true);
  EXPECT_FALSE(m.signedIn());
  EXPECT_FALSE(m.canCallNext());
  EXPECT_EQ(m.queue(), "");
  m.signIn({"budi", "Budi", core::ActorRole::Helpdesk, 0});
  EXPECT_TRUE(m.canCallNext());
  m.setCurrent(detail(core::CaseState::Checking, 0, {core::Action::ForwardToAdmin}));
  m.signOut("Sesi berakhir.");
  EXPECT_FALSE(m.signedIn());
  EXPECT_FALSE(m.current().has_value());  // the next person at the desk sees no visitor data
  EXPECT_EQ(m.loginError(), "Sesi berakhir.");
  EXPECT_FALSE(m.canCallNext());
}

TEST(DeskModel, ASupervisorReadsButHasNoQueueToCall) {
  auto m = signedIn(core::ActorRole::Supervisor);
  m.setOnline(true);
  EXPECT_EQ(m.queue(), "");
  EXPECT_FALSE(m.canCallNext());
  EXPECT_EQ(m.waitingInMyQueue(), 0);
}

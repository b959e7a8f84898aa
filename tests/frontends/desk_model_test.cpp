#include "kiosk/desk_app/desk_model.hpp"

#include <gtest/gtest.h>

using namespace lpse;

namespace {
client::CaseDetail detail(core::CaseState s, std::int64_t stateMs, std::vector<core::Action> allowed = {}) {
  client::CaseDetail d;
  d.kase.state = s;
  d.kase.stateMs = stateMs;
  d.allowed = std::move(allowed);
  return d;
}
}  // namespace

TEST(DeskModel, StepTimerComparesWithTheStandard) {
  desk::DeskModel m({"Loket 1", core::ActorRole::AdminPpe, core::TimeStandards::sopDefaults()});
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
  desk::DeskModel m({"Loket 1", core::ActorRole::Helpdesk, core::TimeStandards::sopDefaults()});
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
  desk::DeskModel help({"L1", core::ActorRole::Helpdesk, {}});
  desk::DeskModel admin({"L2", core::ActorRole::AdminPpe, {}});
  core::Board b;
  b.waiting = {{"reset", 3}, {"userid", 2}};
  b.waitingAdmin = 4;
  help.setBoard(b);
  admin.setBoard(b);
  EXPECT_EQ(help.waitingInMyQueue(), 5);
  EXPECT_EQ(admin.waitingInMyQueue(), 4);
}

TEST(DeskModel, OnlyFailingDevicesAreAlerts) {
  desk::DeskModel m({"L1", core::ActorRole::Helpdesk, {}});
  core::DeviceStatus ok{"kiosk-1", "printer", true, "ready", "", 1};
  core::DeviceStatus bad{"kiosk-2", "printer", false, "paper_out", "Kertas habis.", 2};
  m.setDevices({ok, bad});
  ASSERT_EQ(m.alerts().size(), 1u);
  EXPECT_EQ(m.alerts()[0].device, "kiosk-2");
}

// The kiosk model's part of issue #14: the Prioritas choice goes with the
// visitor's draft and is wiped with it; the call for help is sent once per
// visitor however often it is pressed (and switched accessibility or a
// repeating keypad change nothing), says when someone is coming, and a new
// visitor may call again.
#include <gtest/gtest.h>

#include "kiosk/kiosk_app/kiosk_model.hpp"

using namespace lpse;
using kiosk::HelpState;
using kiosk::KioskModel;
using kiosk::Step;

namespace {

constexpr std::int64_t t0 = 1'000'000;

KioskModel online() {
  KioskModel m;
  m.setServerOnline(true);
  return m;
}

core::HelpAlert alert(std::int64_t id, bool acked = false) {
  core::HelpAlert a;
  a.id = id;
  a.device = "kiosk-1";
  a.acknowledged = acked;
  return a;
}

TEST(KioskPriority, ChosenOnTheServicePageAndKeptInTheDraft) {
  auto m = online();
  m.start(t0);
  ASSERT_EQ(m.step(), Step::Service);
  m.setPriority(core::PriorityCategory::Elderly, t0);
  EXPECT_EQ(m.draft().priority, core::PriorityCategory::Elderly);
  m.setPriority(core::PriorityCategory::Pregnant, t0);  // one choice at a time
  EXPECT_EQ(m.draft().priority, core::PriorityCategory::Pregnant);
  m.setPriority(core::PriorityCategory::Pregnant, t0);  // again: cleared
  EXPECT_EQ(m.draft().priority, core::PriorityCategory::None);
  m.setPriority(core::PriorityCategory::Disability, t0);
  m.chooseService("reset", t0);
  m.typeInstead(t0);
  // Accessibility switched mid-entry: the choice stays.
  m.setAccess({true, true, true});
  m.setAccess({});
  EXPECT_EQ(m.draft().priority, core::PriorityCategory::Disability);
  // Off the service page it cannot change by accident.
  m.setPriority(core::PriorityCategory::Elderly, t0);
  EXPECT_EQ(m.draft().priority, core::PriorityCategory::Disability);
  m.cancel();
  EXPECT_EQ(m.draft().priority, core::PriorityCategory::None);  // the next visitor starts plain
}

TEST(KioskHelp, TwentyPressesSendOnce) {
  auto m = online();
  m.start(t0);
  int sends = 0;
  for (int i = 0; i < 20; ++i) sends += m.askHelp(t0 + i * 50);
  EXPECT_EQ(sends, 1);
  EXPECT_EQ(m.help(), HelpState::Asking);
  const std::string key = m.helpKey();
  EXPECT_TRUE(core::validVisitKey(key));
  m.helpRaised(key, alert(7));
  EXPECT_EQ(m.help(), HelpState::Raised);
  for (int i = 0; i < 20; ++i) EXPECT_FALSE(m.askHelp(t0 + 2000 + i));
  EXPECT_EQ(m.helpKey(), key);
  EXPECT_TRUE(m.helpOpen());
  m.closeHelp();
  EXPECT_FALSE(m.helpOpen());
  EXPECT_EQ(m.help(), HelpState::Raised);  // closing the panel does not withdraw the call
}

TEST(KioskHelp, SomeoneIsComingOnlyForThisVisitsAlert) {
  auto m = online();
  m.start(t0);
  ASSERT_TRUE(m.askHelp(t0));
  m.helpRaised(m.helpKey(), alert(7));
  m.closeHelp();
  EXPECT_FALSE(m.helpAnswered(8));  // another kiosk's alert
  EXPECT_EQ(m.help(), HelpState::Raised);
  EXPECT_TRUE(m.helpAnswered(7));
  EXPECT_EQ(m.help(), HelpState::Coming);
  EXPECT_TRUE(m.helpOpen());  // shown again: someone is coming
  EXPECT_FALSE(m.helpAnswered(7));
  EXPECT_FALSE(kiosk::helpGuidance(HelpState::Coming, "id").empty());
  EXPECT_NE(kiosk::helpGuidance(HelpState::Coming, "id"), kiosk::helpGuidance(HelpState::Coming, "en"));
}

TEST(KioskHelp, ANewVisitorMayCallAgain) {
  auto m = online();
  m.start(t0);
  ASSERT_TRUE(m.askHelp(t0));
  const std::string first = m.helpKey();
  m.helpRaised(first, alert(7));
  // The idle wipe ends the visit.
  m.tick(t0 + 10 * 60'000);
  EXPECT_EQ(m.step(), Step::Attract);
  EXPECT_EQ(m.help(), HelpState::None);
  m.start(t0 + 11 * 60'000);
  ASSERT_TRUE(m.askHelp(t0 + 11 * 60'000));
  EXPECT_NE(m.helpKey(), first);
  // A late answer to the old visit's request changes nothing now.
  m.helpRaised(first, alert(7, true));
  EXPECT_EQ(m.help(), HelpState::Asking);
}

TEST(KioskHelp, AskedOnTheAttractPageLastsTheIdleTime) {
  auto m = online();
  ASSERT_TRUE(m.askHelp(t0));
  const std::string first = m.helpKey();
  m.helpRaised(first, alert(3));
  m.tick(t0 + 30'000);
  EXPECT_EQ(m.help(), HelpState::Raised);
  // Nobody touched the kiosk for the idle time: that visitor has gone.
  m.tick(t0 + 61'000);
  EXPECT_EQ(m.help(), HelpState::None);
  ASSERT_TRUE(m.askHelp(t0 + 62'000));
  EXPECT_NE(m.helpKey(), first);
  // Touching "start" is the same visitor: the call stays.
  m.start(t0 + 63'000);
  EXPECT_EQ(m.help(), HelpState::Asking);
  EXPECT_FALSE(m.askHelp(t0 + 64'000));
}

TEST(KioskHelp, OfflineSaysSoAndRetriesWithTheSameKey) {
  KioskModel m;  // server away
  EXPECT_FALSE(m.askHelp(t0));
  EXPECT_EQ(m.help(), HelpState::Failed);
  ASSERT_TRUE(m.helpError());
  m.setServerOnline(true);
  ASSERT_TRUE(m.askHelp(t0 + 1000));
  const std::string key = m.helpKey();
  core::Error e = core::makeError("storage_error", "x", "x");
  m.helpFailed(key, e);
  EXPECT_EQ(m.help(), HelpState::Failed);
  ASSERT_TRUE(m.askHelp(t0 + 2000));
  EXPECT_EQ(m.helpKey(), key);  // the server dedups the retry as the same visit
}

}  // namespace

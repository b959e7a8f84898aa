#include "kiosk/display_app/display_model.hpp"

#include <gtest/gtest.h>

using namespace lpse;
using display::DisplayModel;

namespace {
api::StreamEvent ev(std::int64_t seq, std::int64_t at, std::string kind, std::string ticket, std::string counter) {
  return {seq, at, std::move(kind), seq, std::move(ticket), std::move(counter)};
}
}  // namespace

TEST(DisplayModel, TwoCallsInTheSameMillisecondAreBothAnnouncedInEventOrder) {
  DisplayModel m;
  m.onEvent(ev(1, 5000, "call", "R-001", "Loket 1"), 5000);
  m.onEvent(ev(2, 5000, "call", "U-001", "Loket 2"), 5000);
  EXPECT_EQ(m.queuedToSpeak(), 2u);
  auto a = m.nextToSpeak(5000);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->call.ticket, "R-001");
  EXPECT_FALSE(m.nextToSpeak(5001));  // one at a time
  EXPECT_EQ(m.latestCall()->ticket, "R-001");  // the big panel shows what is being said
  m.speechDone(a->key, true, 9000);
  auto b = m.nextToSpeak(9000);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->call.ticket, "U-001");
  EXPECT_EQ(m.latestCall()->ticket, "U-001");
  ASSERT_EQ(m.board().current.size(), 2u);
}

TEST(DisplayModel, TheQueueIsDrainedNotGrowingAllDay) {
  DisplayModel m;
  for (int i = 1; i <= 500; ++i) {
    m.onEvent(ev(i, i * 1000, "call", "R-" + std::to_string(i), "Loket 1"), i * 1000);
    auto j = m.nextToSpeak(i * 1000);
    ASSERT_TRUE(j);
    m.speechDone(j->key, true, i * 1000 + 500);
  }
  EXPECT_EQ(m.queuedToSpeak(), 0u);
  EXPECT_FALSE(m.speaking());
  EXPECT_LE(m.board().recent.size(), 20u);
}

TEST(DisplayModel, ARecallOfAQueuedTicketMergesWithIt) {
  DisplayModel m;
  m.onEvent(ev(1, 100, "call", "R-001", "Loket 1"), 100);
  auto first = m.nextToSpeak(100);
  m.onEvent(ev(2, 150, "call", "R-002", "Loket 2"), 150);
  m.onEvent(ev(3, 200, "recall", "R-002", "Loket 2"), 200);
  EXPECT_EQ(m.queuedToSpeak(), 1u);
  // A recall of the ticket being said now is said again after it.
  m.onEvent(ev(4, 210, "recall", "R-001", "Loket 1"), 210);
  EXPECT_EQ(m.queuedToSpeak(), 2u);
  m.speechDone(first->key, true, 3000);
  auto next = m.nextToSpeak(3000);
  EXPECT_EQ(next->call.ticket, "R-002");
  EXPECT_EQ(next->call.kind, core::CallKind::Call);
  m.speechDone(next->key, true, 6000);
  auto again = m.nextToSpeak(6000);
  EXPECT_EQ(again->call.ticket, "R-001");
  EXPECT_EQ(again->call.kind, core::CallKind::Recall);
}

TEST(DisplayModel, ACallBackIsShownAndSpokenAsItsOwnKind) {
  DisplayModel m;
  m.onEvent(ev(1, 100, "callback", "R-001", "Loket 3"), 100);
  auto j = m.nextToSpeak(100);
  ASSERT_TRUE(j);
  EXPECT_EQ(j->call.kind, core::CallKind::CallBack);
  EXPECT_EQ(m.board().current.at(0).ticket, "R-001");
  EXPECT_EQ(m.latestCall()->kind, core::CallKind::CallBack);
}

TEST(DisplayModel, AStaleReplayIsShownNotSpokenAndDoesNotFlash) {
  DisplayModel m({.enabled = true, .maxAgeMs = 60'000});
  const std::int64_t now = 10'000'000;
  m.onEvent(ev(1, now - 3'600'000, "call", "R-001", "Loket 1"), now);  // an hour old
  EXPECT_EQ(m.queuedToSpeak(), 0u);
  EXPECT_EQ(m.staleNotSpoken(), 1);
  EXPECT_EQ(m.latestCall()->ticket, "R-001");
  EXPECT_FALSE(m.highlighted(now + 10));
  m.onEvent(ev(2, now - 5'000, "call", "R-002", "Loket 1"), now);  // recent: said
  EXPECT_EQ(m.queuedToSpeak(), 1u);
}

TEST(DisplayModel, AnEventSeenTwiceIsIgnored) {
  DisplayModel m;
  EXPECT_TRUE(m.onEvent(ev(5, 100, "call", "R-001", "Loket 1"), 100));
  EXPECT_FALSE(m.onEvent(ev(5, 100, "call", "R-001", "Loket 1"), 200));
  EXPECT_FALSE(m.onEvent(ev(4, 90, "call", "R-000", "Loket 1"), 200));
  EXPECT_EQ(m.queuedToSpeak(), 1u);
}

TEST(DisplayModel, HighlightWhileSpokenBlinkingThreeTimesAtTheStart) {
  DisplayModel m;
  m.onEvent(ev(1, 0, "call", "R-001", "Loket 1"), 0);
  auto j = m.nextToSpeak(1000);
  int offs = 0;
  bool was = false;
  for (int t = 1000; t < 20000; t += 50) {
    const bool off = m.blinkOff(t);
    if (off && !was) ++offs;
    was = off;
    EXPECT_TRUE(m.highlighted(t));  // still being said
  }
  EXPECT_EQ(offs, 3);
  m.speechDone(j->key, true, 20000);
  EXPECT_FALSE(m.highlighted(20001));
  // It joins the list of last calls once something else is on the big panel.
  m.onEvent(ev(2, 20000, "call", "R-002", "Loket 1"), 20000);
  m.nextToSpeak(20000);
  ASSERT_FALSE(m.recentCalls(6).empty());
  EXPECT_EQ(m.recentCalls(6)[0].ticket, "R-001");
}

TEST(DisplayModel, WithoutSoundACallStillGetsItsTimeOnTheBigPanel) {
  DisplayModel m;
  m.onEvent(ev(1, 0, "call", "R-001", "Loket 1"), 0);
  auto j = m.nextToSpeak(0);
  m.speechDone(j->key, false, 5);  // no device: not said
  EXPECT_TRUE(m.highlighted(5000));
  EXPECT_FALSE(m.highlighted(DisplayModel::kHighlightMs + 1));
  DisplayModel silent({.enabled = false});
  silent.onEvent(ev(1, 0, "call", "R-009", "Loket 2"), 0);
  EXPECT_EQ(silent.queuedToSpeak(), 0u);
  EXPECT_EQ(silent.latestCall()->ticket, "R-009");
  EXPECT_TRUE(silent.highlighted(100));
}

TEST(DisplayModel, OfflineBannerAfterThreeSeconds) {
  DisplayModel m;
  m.setOnline(true, 0);
  m.setOnline(false, 1000);
  EXPECT_FALSE(m.showOfflineBanner(3999));
  EXPECT_TRUE(m.showOfflineBanner(4000));
  m.setOnline(true, 5000);
  EXPECT_FALSE(m.showOfflineBanner(9000));
}

TEST(DisplayModel, OtherEventsDoNotAnnounce) {
  DisplayModel m;
  m.onEvent(ev(1, 1, "ticket_issued", "R-001", ""), 0);
  EXPECT_EQ(m.queuedToSpeak(), 0u);
  EXPECT_FALSE(m.latestCall().has_value());
}

TEST(DisplayModel, EstimatedWaitFromThePaceOfCallsElseFiveMinutesPerVisitor) {
  DisplayModel m;
  m.setServices(core::defaultServices());
  core::Board b;
  b.waiting = {{"reset", 4}};
  b.current = {{"Loket 1", "R-001", "reset", 0}, {"Loket 2", "R-002", "reset", 0}};
  m.setBoard(b);
  EXPECT_EQ(m.waiting("reset"), 4);
  EXPECT_EQ(m.estimatedWaitMinutes("reset", 0), 10);  // 4 x 5 min over 2 counters
  // Calls every 3 minutes: 4 waiting is about 12 minutes.
  for (int i = 0; i < 5; ++i) m.onEvent(ev(i + 1, i * 180'000, "call", "R-00" + std::to_string(i + 3), "Loket 1"), i * 180'000);
  m.setBoard(b);
  EXPECT_NEAR(m.estimatedWaitMinutes("reset", 5 * 180'000), 12, 1);
  EXPECT_EQ(m.estimatedWaitMinutes("userid", 0), 0);
}

// The supervisor board's model (issue #13) on a scripted day with a fixed
// clock: waiting counts, the longest wait against its aim (amber from 80 %,
// red past it), desk states and how long, the idle-while-people-wait alert,
// the cases past their step's standard and the stranded ones.
#include "kiosk/desk_app/board_model.hpp"

#include <gtest/gtest.h>

using namespace lpse;
using core::CaseState;
using desk::DeskActivity;

namespace {

const core::WorkingCalendar kCal;
// Monday 2026-11-23, 09:00 WIB: inside office hours.
const std::int64_t kMon9 = kCal.localMidnight({2026, 11, 23}) + 9 * 3600'000LL;
constexpr std::int64_t kMin = 60'000;

core::CaseRecord kase(std::int64_t id, CaseState s, std::int64_t stateMs, const std::string& counter = "",
                      const std::string& service = "reset") {
  core::CaseRecord c;
  c.id = id;
  c.state = s;
  c.stateMs = c.createdMs = stateMs;
  c.service = service;
  c.ticket = (service == "reset" ? "R-00" : "U-00") + std::to_string(id);
  c.counter = counter;
  return c;
}

core::DeskStatus deskAt(const std::string& counter, const std::string& staff, core::DeskPresence p,
                        std::int64_t since, const std::string& role = "helpdesk", const std::string& reason = "") {
  core::DeskStatus d;
  d.counter = counter;
  d.staff = staff;
  d.role = role;
  d.presence = p;
  d.sinceMs = since;
  d.reason = reason;
  return d;
}

desk::BoardModel model() {
  desk::BoardSettings s;
  s.calendar = kCal;
  s.waitTargetMin = 10;
  s.idleAlertS = 60;
  return desk::BoardModel(s);
}

const desk::QueueLine& line(const desk::BoardView& v, const std::string& q) {
  for (const auto& l : v.queues)
    if (l.queue == q) return l;
  throw std::runtime_error("no line " + q);
}

const desk::DeskLine& deskLine(const desk::BoardView& v, const std::string& counter) {
  for (const auto& d : v.desks)
    if (d.counter == counter) return d;
  throw std::runtime_error("no desk " + counter);
}

core::Board boardWith(std::vector<core::CounterCall> current) {
  core::Board b;
  b.current = std::move(current);
  b.waiting = {{"reset", 0}, {"userid", 0}};
  return b;
}

}  // namespace

TEST(BoardModel, WaitingCountsAndTheLongestWaitAgainstItsAim) {
  auto m = model();
  m.setBoard(boardWith({}));
  m.setCases({kase(1, CaseState::Waiting, kMon9), kase(2, CaseState::Waiting, kMon9 + 3 * kMin),
              kase(3, CaseState::Waiting, kMon9 + 1 * kMin, "", "userid")});
  // 09:07: R-001 waited 7 min of 10: fine.
  auto v = m.view(kMon9 + 7 * kMin);
  EXPECT_EQ(line(v, "reset").waiting, 2);
  EXPECT_EQ(line(v, "reset").longestS, 7 * 60);
  EXPECT_EQ(line(v, "reset").longestTicket, "R-001");
  EXPECT_EQ(line(v, "reset").level, core::TimerLevel::Ok);
  EXPECT_EQ(line(v, "userid").waiting, 1);
  EXPECT_EQ(v.waitingTotal, 3);
  // 09:08: 80 % of the aim: amber.
  v = m.view(kMon9 + 8 * kMin);
  EXPECT_EQ(line(v, "reset").level, core::TimerLevel::Near);
  EXPECT_EQ(line(v, "userid").level, core::TimerLevel::Ok);  // 7 of 10 minutes
  // 09:10:01: past the aim: red.
  v = m.view(kMon9 + 10 * kMin + 1000);
  EXPECT_EQ(line(v, "reset").level, core::TimerLevel::Over);
  // No one waiting: no level, count 0, the line still shown.
  m.setCases({});
  v = m.view(kMon9 + 20 * kMin);
  EXPECT_EQ(line(v, "reset").waiting, 0);
  EXPECT_EQ(line(v, "reset").level, core::TimerLevel::None);
  EXPECT_EQ(line(v, "admin").waiting, 0);
}

TEST(BoardModel, WaitIsCountedInWorkingTime) {
  auto m = model();
  // Waiting since Friday 15:55; Monday 08:03 is 8 working minutes later
  // (the office closes at 16:00 and opens at 08:00).
  const std::int64_t fri1555 = kCal.localMidnight({2026, 11, 20}) + (15 * 60 + 55) * kMin;
  m.setCases({kase(1, CaseState::Waiting, fri1555)});
  const auto v = m.view(kCal.localMidnight({2026, 11, 23}) + (8 * 60 + 3) * kMin);
  EXPECT_EQ(line(v, "reset").longestS, kCal.workingMsBetween(fri1555, kCal.localMidnight({2026, 11, 23}) + (8 * 60 + 3) * kMin) / 1000);
  EXPECT_LT(line(v, "reset").longestS, 3600);
}

TEST(BoardModel, DeskStatesAndHowLong) {
  auto m = model();
  m.setDesks({deskAt("Loket 1", "siti", core::DeskPresence::SignedIn, kMon9),
              deskAt("Loket 2", "agus", core::DeskPresence::OnBreak, kMon9 + 5 * kMin, "helpdesk", "prayer"),
              deskAt("Loket 3", "budi", core::DeskPresence::SignedOut, kMon9 + 2 * kMin),
              deskAt("Admin PPE 1", "rina", core::DeskPresence::SignedIn, kMon9, "admin_ppe")});
  m.setBoard(boardWith({{"Loket 1", "R-001", "reset", kMon9 + 1 * kMin}}));
  m.setCases({kase(1, CaseState::Checking, kMon9 + 3 * kMin, "Loket 1")});
  auto v = m.view(kMon9 + 10 * kMin);
  EXPECT_EQ(deskLine(v, "Loket 1").activity, DeskActivity::Serving);
  EXPECT_EQ(deskLine(v, "Loket 1").ticket, "R-001");
  EXPECT_EQ(deskLine(v, "Loket 1").forS, 7 * 60);  // in its current step since 09:03
  EXPECT_EQ(deskLine(v, "Loket 2").activity, DeskActivity::OnBreak);
  EXPECT_EQ(deskLine(v, "Loket 2").reason, "prayer");
  EXPECT_EQ(deskLine(v, "Loket 2").forS, 5 * 60);
  EXPECT_EQ(deskLine(v, "Loket 3").activity, DeskActivity::SignedOut);
  EXPECT_EQ(deskLine(v, "Admin PPE 1").activity, DeskActivity::Idle);
  EXPECT_EQ(deskLine(v, "Admin PPE 1").forS, 10 * 60);

  // The desk forwards the case: idle from the forward (its last step there).
  auto forwarded = kase(1, CaseState::AtAdminQueue, kMon9 + 12 * kMin, "Loket 1");
  m.setCases({forwarded});
  api::StreamEvent e;
  e.kind = "forward_to_admin";
  e.counter = "Loket 1";
  e.atMs = kMon9 + 12 * kMin;
  m.onEvent(e);
  v = m.view(kMon9 + 13 * kMin);
  EXPECT_EQ(deskLine(v, "Loket 1").activity, DeskActivity::Idle);
  EXPECT_EQ(deskLine(v, "Loket 1").forS, 60);
  EXPECT_EQ(line(v, "admin").waiting, 1);

  // A break pushed by the stream changes the desk at once.
  e.kind = "break_start";
  e.atMs = kMon9 + 14 * kMin;
  m.onEvent(e);
  v = m.view(kMon9 + 15 * kMin);
  EXPECT_EQ(deskLine(v, "Loket 1").activity, DeskActivity::OnBreak);
  EXPECT_EQ(deskLine(v, "Loket 1").forS, 60);
  e.kind = "break_end";
  e.atMs = kMon9 + 20 * kMin;
  m.onEvent(e);
  v = m.view(kMon9 + 20 * kMin + 5000);
  EXPECT_EQ(deskLine(v, "Loket 1").activity, DeskActivity::Idle);
  EXPECT_EQ(deskLine(v, "Loket 1").forS, 5);
}

TEST(BoardModel, IdleWhilePeopleWaitRaisesAnAlertAfterItsGrace) {
  auto m = model();
  m.setDesks({deskAt("Loket 1", "siti", core::DeskPresence::SignedIn, kMon9),
              deskAt("Loket 2", "agus", core::DeskPresence::OnBreak, kMon9),
              deskAt("Admin PPE 1", "rina", core::DeskPresence::SignedIn, kMon9, "admin_ppe")});
  m.setCases({kase(5, CaseState::Waiting, kMon9 + 30'000)});
  // 59 s idle: not yet.
  auto v = m.view(kMon9 + 59'000);
  EXPECT_TRUE(v.idleAlerts.empty());
  // 60 s: the helpdesk desk is idle while one waits; the break and the Admin
  // PPE desk (its queue is empty) are not alerts.
  v = m.view(kMon9 + 60'000);
  ASSERT_EQ(v.idleAlerts, std::vector<std::string>{"Loket 1"});
  EXPECT_TRUE(deskLine(v, "Loket 1").idleAlert);
  EXPECT_FALSE(deskLine(v, "Loket 2").idleAlert);
  EXPECT_FALSE(deskLine(v, "Admin PPE 1").idleAlert);
  // A dossier waits for Admin PPE: now that desk too.
  m.setCases({kase(5, CaseState::Waiting, kMon9 + 30'000), kase(6, CaseState::AtAdminQueue, kMon9)});
  v = m.view(kMon9 + 61'000);
  EXPECT_EQ(v.idleAlerts, (std::vector<std::string>{"Admin PPE 1", "Loket 1"}));
  // Nobody waits: no alert however long the desk is idle.
  m.setCases({});
  v = m.view(kMon9 + 3600'000);
  EXPECT_TRUE(v.idleAlerts.empty());
}

TEST(BoardModel, CasesPastTheirStandardAndStrandedOnes) {
  auto m = model();
  m.setDesks({deskAt("Loket 1", "siti", core::DeskPresence::SignedIn, kMon9),
              deskAt("Loket 2", "agus", core::DeskPresence::SignedOut, kMon9 + kMin)});
  // Step 5 (checking) has 5 minutes, step 9 (verifying) 15.
  m.setCases({kase(1, CaseState::Checking, kMon9, "Loket 1"), kase(2, CaseState::Checking, kMon9 + 4 * kMin, "Loket 2"),
              kase(3, CaseState::Verifying, kMon9, "Admin PPE 1"), kase(4, CaseState::Waiting, kMon9)});
  auto v = m.view(kMon9 + 6 * kMin);
  ASSERT_EQ(v.breaches.size(), 1u);
  EXPECT_EQ(v.breaches[0].kase.id, 1);
  EXPECT_EQ(v.breaches[0].timer.step, 5);
  EXPECT_EQ(v.breaches[0].timer.standardMin, 5);
  // 16 minutes in: R-003's verification too, and R-002 at 12 of 5; the
  // furthest past its standard first.
  v = m.view(kMon9 + 16 * kMin);
  ASSERT_EQ(v.breaches.size(), 3u);
  EXPECT_EQ(v.breaches[0].kase.id, 1);  // 11 min over
  EXPECT_EQ(v.breaches[1].kase.id, 2);  // 7 min over
  EXPECT_EQ(v.breaches[2].kase.id, 3);  // 1 min over
  // Stranded: open at Loket 2 (signed out) and at Admin PPE 1 (never signed
  // in today); the one at Loket 1 is being served.
  ASSERT_EQ(v.stranded.size(), 2u);
  EXPECT_EQ(v.stranded[0].kase.id, 2);
  EXPECT_EQ(v.stranded[1].kase.id, 3);
  EXPECT_EQ(v.stranded[0].deskActivity, DeskActivity::SignedOut);
}

TEST(BoardModel, EmailsDueTheSameWorkingDay) {
  auto m = model();
  auto mail = kase(9, CaseState::EmailReceived, kMon9);
  mail.channel = core::Channel::Email;
  mail.ticket.clear();
  mail.receivedMs = kMon9;
  m.setCases({mail});
  auto v = m.view(kMon9 + 60 * kMin);  // 10:00, due at 16:00
  EXPECT_EQ(line(v, "email").waiting, 1);
  EXPECT_EQ(line(v, "email").level, core::TimerLevel::Ok);
  v = m.view(kMon9 + (6 * 60 + 30) * kMin);  // 15:30: its last working hour
  EXPECT_EQ(line(v, "email").level, core::TimerLevel::Near);
  v = m.view(kCal.localMidnight({2026, 11, 24}) + 9 * 3600'000LL);  // the next day
  EXPECT_EQ(line(v, "email").level, core::TimerLevel::Over);
  EXPECT_EQ(v.waitingTotal, 0);  // e-mails are not people waiting in the office
}

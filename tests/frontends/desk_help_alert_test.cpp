// The desk's list of calls for help (issue #14): a double tap on "Saya
// datang" sends one answer; an answered alert leaves the list; the list the
// server sends next is the truth.
#include <gtest/gtest.h>

#include "kiosk/desk_app/desk_help_alert.hpp"

using namespace lpse;

namespace {

core::HelpAlert alert(std::int64_t id, bool acked = false) {
  core::HelpAlert a;
  a.id = id;
  a.device = "kiosk-" + std::to_string(id);
  a.acknowledged = acked;
  return a;
}

TEST(DeskHelpAlerts, OneAnswerPerTapAndGoneWhenAnswered) {
  desk::HelpAlerts m;
  m.loaded({alert(1), alert(2)});
  ASSERT_EQ(m.open().size(), 2u);
  EXPECT_TRUE(m.answer(1));
  EXPECT_FALSE(m.answer(1));  // already on its way
  EXPECT_TRUE(m.answering(1));
  EXPECT_FALSE(m.answer(9));  // not listed
  m.answered(alert(1, true));
  ASSERT_EQ(m.open().size(), 1u);
  EXPECT_EQ(m.open().front().id, 2);
  EXPECT_FALSE(m.answering(1));
}

TEST(DeskHelpAlerts, FailureIsShownAndTheAnswerCanBeSentAgain) {
  desk::HelpAlerts m;
  m.loaded({alert(4)});
  ASSERT_TRUE(m.answer(4));
  m.answerFailed(4, core::makeError("offline", "Server tidak terhubung.", "Server away."));
  ASSERT_TRUE(m.error());
  EXPECT_EQ(m.open().size(), 1u);
  EXPECT_TRUE(m.answer(4));
  EXPECT_FALSE(m.error());
}

TEST(DeskHelpAlerts, ListFromTheServerWins) {
  desk::HelpAlerts m;
  m.loaded({alert(5)});
  ASSERT_TRUE(m.answer(5));
  m.loaded({});  // another desk answered it first
  EXPECT_TRUE(m.open().empty());
  EXPECT_FALSE(m.answering(5));
  m.loaded({alert(6)});
  m.clear();  // signed out
  EXPECT_TRUE(m.open().empty());
}

}  // namespace

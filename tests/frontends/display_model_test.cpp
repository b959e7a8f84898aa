#include "kiosk/display_app/display_model.hpp"

#include <gtest/gtest.h>

using namespace lpse;

TEST(DisplayModel, TwoCallsInTheSameMillisecondAreBothAnnounced) {
  display::DisplayModel m;
  m.onEvent({1, 5000, "call", 1, "R-001", "Loket 1"}, 100);
  m.onEvent({2, 5000, "call", 2, "U-001", "Loket 2"}, 100);
  auto& pending = m.pendingAnnouncements();
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_EQ(pending[0].ticket, "R-001");
  EXPECT_EQ(pending[1].ticket, "U-001");
  EXPECT_EQ(m.latestCall()->ticket, "U-001");
  ASSERT_EQ(m.board().current.size(), 2u);
}

TEST(DisplayModel, ACallShowsBeforeTheBoardIsReread) {
  display::DisplayModel m;
  core::Board b;
  b.current = {{"Loket 1", "R-001", "reset", 1}};
  m.setBoard(b);
  m.onEvent({9, 2, "call", 3, "R-002", "Loket 1"}, 50);
  ASSERT_EQ(m.board().current.size(), 1u);
  EXPECT_EQ(m.board().current[0].ticket, "R-002");
  EXPECT_TRUE(m.highlighted(50 + 1000));
  EXPECT_FALSE(m.highlighted(50 + display::DisplayModel::kHighlightMs));
}

TEST(DisplayModel, OtherEventsDoNotAnnounce) {
  display::DisplayModel m;
  m.onEvent({1, 1, "ticket_issued", 1, "R-001", ""}, 0);
  EXPECT_TRUE(m.pendingAnnouncements().empty());
  EXPECT_FALSE(m.latestCall().has_value());
}

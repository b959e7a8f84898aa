// Priority service (issue #14): which waiting ticket "next" calls under each
// policy, ties by arrival, other services unaffected.
#include "kiosk/core/priority.hpp"

#include <gtest/gtest.h>

namespace lpse::core {
namespace {

using Ids = std::vector<std::int64_t>;
constexpr auto E = PriorityCategory::Elderly;
constexpr auto N = PriorityCategory::None;
const PriorityPolicy kFirst{PriorityPolicyKind::First, 3};

WaitingTicket t(std::int64_t id, std::string service, std::int64_t at, PriorityCategory c = N, int returning = 0) {
  return {id, std::move(service), returning, at, c};
}

TEST(Priority, CategoryCodesBothWays) {
  for (auto c : kPriorityCategories) {
    EXPECT_FALSE(toString(c).empty());
    EXPECT_EQ(priorityCategoryFrom(toString(c)), c);
    EXPECT_FALSE(priorityLabel(c, "id").empty());
    EXPECT_NE(priorityLabel(c, "id"), priorityLabel(c, "en"));
  }
  EXPECT_EQ(priorityCategoryFrom(""), PriorityCategory::None);
  EXPECT_EQ(priorityCategoryFrom("vip"), std::nullopt);  // only the list's codes
  EXPECT_EQ(priorityCategoryFrom("Lansia"), std::nullopt);
}

TEST(Priority, PolicyFromConfigWords) {
  auto f = priorityPolicyFrom("first", 3);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->kind, PriorityPolicyKind::First);
  auto n = priorityPolicyFrom("one_in_n", 4);
  ASSERT_TRUE(n);
  EXPECT_EQ(n->kind, PriorityPolicyKind::OneInN);
  EXPECT_EQ(n->everyN, 4);
  auto bad = priorityPolicyFrom("always", 3);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "queue.priority_policy");
  EXPECT_NE(bad.error().id, bad.error().en);
  EXPECT_FALSE(priorityPolicyFrom("one_in_n", 0));
  EXPECT_FALSE(priorityPolicyFrom("one_in_n", 101));
}

TEST(Priority, WithoutPriorityTheQueueIsFifo) {
  // The store's old order: returning first, then arrival, then id.
  std::vector<WaitingTicket> w{t(3, "reset", 30), t(1, "reset", 10), t(2, "userid", 10), t(9, "reset", 50, N, 1)};
  EXPECT_EQ(callOrder(w, kFirst), (Ids{9, 1, 2, 3}));
}

TEST(Priority, FirstCallsPriorityBeforeOrdinaryOfItsService) {
  std::vector<WaitingTicket> w{t(1, "reset", 10), t(2, "reset", 20), t(3, "reset", 30, E)};
  EXPECT_EQ(nextToCall(w, kFirst), 3);
  EXPECT_EQ(callOrder(w, kFirst), (Ids{3, 1, 2}));
  EXPECT_EQ(aheadOf(w, 3, kFirst), 0);
  EXPECT_EQ(aheadOf(w, 1, kFirst), 1);
  EXPECT_EQ(aheadOf(w, 42, kFirst), -1);
}

TEST(Priority, TiesBetweenPriorityTicketsGoByArrival) {
  std::vector<WaitingTicket> w{t(1, "reset", 10), t(5, "reset", 40, PriorityCategory::Pregnant),
                               t(4, "reset", 30, PriorityCategory::SmallChild), t(6, "reset", 30, E)};
  // Same arrival time: the lower id (recorded first) goes first.
  EXPECT_EQ(callOrder(w, kFirst), (Ids{4, 6, 5, 1}));
}

TEST(Priority, OtherServicesKeepTheirPlaces) {
  // U-1 came first: its turn is not taken by a priority reset ticket.
  std::vector<WaitingTicket> w{t(1, "userid", 10), t(2, "reset", 20), t(3, "userid", 25), t(4, "reset", 30, E)};
  EXPECT_EQ(callOrder(w, kFirst), (Ids{1, 4, 3, 2}));
  // The userid tickets are called exactly as without any priority ticket.
  std::vector<WaitingTicket> plain{t(1, "userid", 10), t(2, "reset", 20), t(3, "userid", 25), t(4, "reset", 30)};
  const auto a = callOrder(w, kFirst), b = callOrder(plain, kFirst);
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] == 1 || a[i] == 3) {
      EXPECT_EQ(a[i], b[i]) << "place " << i;
    }
}

TEST(Priority, ReturningVisitorsStayAheadOfPriority) {
  std::vector<WaitingTicket> w{t(1, "reset", 10, E), t(2, "reset", 50, N, 1)};
  EXPECT_EQ(callOrder(w, kFirst), (Ids{2, 1}));
}

TEST(Priority, OneInNInterleaves) {
  const PriorityPolicy p{PriorityPolicyKind::OneInN, 2};
  std::vector<WaitingTicket> w;
  for (int i = 1; i <= 6; ++i) w.push_back(t(i, "reset", i * 10));          // ordinary 1..6
  for (int i = 7; i <= 9; ++i) w.push_back(t(i, "reset", 100 + i, E));      // priority 7..9, later
  // Start of day: a priority ticket is due at once, then 2 ordinary, and so on.
  EXPECT_EQ(callOrder(w, p), (Ids{7, 1, 2, 8, 3, 4, 9, 5, 6}));
  // One ordinary called since the last priority one: one more before the next.
  EXPECT_EQ(callOrder(w, p, {{"reset", 1}}), (Ids{1, 7, 2, 3, 8, 4, 5, 9, 6}));
  // Under "first" all three go first.
  EXPECT_EQ(callOrder(w, kFirst), (Ids{7, 8, 9, 1, 2, 3, 4, 5, 6}));
}

TEST(Priority, OneInNWithOnlyPriorityTicketsCallsThemAll) {
  const PriorityPolicy p{PriorityPolicyKind::OneInN, 3};
  std::vector<WaitingTicket> w{t(1, "reset", 10, E), t(2, "reset", 20, E)};
  EXPECT_EQ(callOrder(w, p, {{"reset", 0}}), (Ids{1, 2}));
}

TEST(Priority, OneInNCountsPerService) {
  const PriorityPolicy p{PriorityPolicyKind::OneInN, 1};
  // reset just had its priority call; userid has not had one today.
  std::vector<WaitingTicket> w{t(1, "reset", 10), t(2, "reset", 20, E), t(3, "userid", 30), t(4, "userid", 40, E)};
  EXPECT_EQ(callOrder(w, p, {{"reset", 0}}), (Ids{1, 2, 4, 3}));
}

TEST(Priority, OrdinaryRunFromTodaysCalls) {
  const PriorityPolicy p{PriorityPolicyKind::OneInN, 3};
  EXPECT_EQ(ordinaryRun({false, false, true, false}, p), 2);
  EXPECT_EQ(ordinaryRun({true}, p), 0);
  EXPECT_EQ(ordinaryRun({}, p), 3);              // none today: priority due
  EXPECT_EQ(ordinaryRun({false, false, false, false}, p), 4);
}

}  // namespace
}  // namespace lpse::core

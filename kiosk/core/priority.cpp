#include "kiosk/core/priority.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <utility>

#include "kiosk/core/enum_names.hpp"

namespace lpse::core {
namespace {

struct CategoryRow {
  PriorityCategory category;
  std::string_view code, id, en;
};
constexpr std::array<CategoryRow, 5> kCategories{{
    {PriorityCategory::None, "", "", ""},
    {PriorityCategory::Elderly, "elderly", "Lansia", "Elderly"},
    {PriorityCategory::Disability, "disability", "Penyandang disabilitas", "Disability"},
    {PriorityCategory::Pregnant, "pregnant", "Ibu hamil", "Pregnant"},
    {PriorityCategory::SmallChild, "small_child", "Membawa anak kecil", "With a small child"},
}};

constexpr std::array<std::pair<PriorityPolicyKind, std::string_view>, 2> kPolicies{{
    {PriorityPolicyKind::First, "first"},
    {PriorityPolicyKind::OneInN, "one_in_n"},
}};

bool byArrival(const WaitingTicket& a, const WaitingTicket& b) {
  return a.queuedMs != b.queuedMs ? a.queuedMs < b.queuedMs : a.id < b.id;
}

}  // namespace

std::string_view toString(PriorityCategory c) {
  for (const auto& r : kCategories)
    if (r.category == c) return r.code;
  return "";
}

std::optional<PriorityCategory> priorityCategoryFrom(std::string_view s) {
  for (const auto& r : kCategories)
    if (r.code == s) return r.category;
  return std::nullopt;
}

std::string priorityLabel(PriorityCategory c, std::string_view lang) {
  for (const auto& r : kCategories)
    if (r.category == c) return std::string(lang == "en" ? r.en : r.id);
  return {};
}

std::string_view toString(PriorityPolicyKind k) { return detail::nameOf(kPolicies, k); }

Result<PriorityPolicy> priorityPolicyFrom(std::string_view name, std::int64_t everyN) {
  auto kind = detail::valueOf(kPolicies, name);
  if (!kind)
    return makeError("config_invalid", "Pengaturan 'queue.priority_policy' salah: gunakan \"first\" atau \"one_in_n\".",
                     "Setting 'queue.priority_policy' is wrong: use \"first\" or \"one_in_n\".",
                     "queue.priority_policy");
  if (everyN < 1 || everyN > 100)
    return makeError("config_invalid", "Pengaturan 'queue.priority_every_n' salah: 1..100.",
                     "Setting 'queue.priority_every_n' is wrong: 1..100.", "queue.priority_every_n");
  return PriorityPolicy{*kind, static_cast<int>(everyN)};
}

std::vector<std::int64_t> callOrder(std::vector<WaitingTicket> waiting, const PriorityPolicy& policy,
                                    OrdinaryRuns runs) {
  // The queue's own order (the store's ORDER BY): returning tickets, then arrival.
  std::sort(waiting.begin(), waiting.end(), [](const WaitingTicket& a, const WaitingTicket& b) {
    if ((a.returning > 0) != (b.returning > 0)) return a.returning > b.returning;
    return byArrival(a, b);
  });
  std::vector<std::int64_t> order;
  order.reserve(waiting.size());
  struct Lanes {
    std::deque<std::int64_t> priority, ordinary;
  };
  std::map<std::string, Lanes> lanes;
  std::vector<const std::string*> turns;  // whose turn each place in the queue is
  for (const auto& t : waiting) {
    if (t.returning > 0) {
      order.push_back(t.id);  // they already waited once
      continue;
    }
    auto& l = lanes[t.service];
    (t.category == PriorityCategory::None ? l.ordinary : l.priority).push_back(t.id);
    turns.push_back(&t.service);
  }
  for (const std::string* service : turns) {
    auto& l = lanes[*service];
    auto run = runs.find(*service);
    if (run == runs.end()) run = runs.emplace(*service, policy.everyN).first;
    const bool priorityDue = policy.kind == PriorityPolicyKind::First || run->second >= policy.everyN;
    if (!l.priority.empty() && (priorityDue || l.ordinary.empty())) {
      order.push_back(l.priority.front());
      l.priority.pop_front();
      run->second = 0;
    } else {
      order.push_back(l.ordinary.front());
      l.ordinary.pop_front();
      ++run->second;
    }
  }
  return order;
}

std::optional<std::int64_t> nextToCall(const std::vector<WaitingTicket>& waiting, const PriorityPolicy& policy,
                                       const OrdinaryRuns& runs) {
  auto order = callOrder(waiting, policy, runs);
  if (order.empty()) return std::nullopt;
  return order.front();
}

int aheadOf(const std::vector<WaitingTicket>& waiting, std::int64_t id, const PriorityPolicy& policy,
            const OrdinaryRuns& runs) {
  const auto order = callOrder(waiting, policy, runs);
  const auto it = std::find(order.begin(), order.end(), id);
  return it == order.end() ? -1 : static_cast<int>(it - order.begin());
}

int ordinaryRun(const std::vector<bool>& callsNewestFirst, const PriorityPolicy& policy) {
  int n = 0;
  for (bool wasPriority : callsNewestFirst) {
    if (wasPriority) return n;
    ++n;
  }
  // No priority call yet today: one is due.
  return std::max(n, policy.everyN);
}

}  // namespace lpse::core

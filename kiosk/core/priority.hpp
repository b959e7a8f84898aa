#pragma once
// Priority service (issue #14): visitors an office serves first, as it
// already does on paper (elderly, disability, pregnant, with a small child),
// and the policy that decides which waiting ticket "next" calls.
//
// The helpdesk queue holds the tickets of every service in arrival order.
// Priority changes the order within a service only: the queue's head names
// the service whose turn it is (its oldest ticket arrived first), and the
// policy picks which of that service's tickets answers the turn. So a
// priority ticket goes before the ordinary tickets of its service and never
// moves a ticket of another service.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/error.hpp"

namespace lpse::core {

// Why a visitor is served first: a code in the event log, never free text.
enum class PriorityCategory { None, Elderly, Disability, Pregnant, SmallChild };
inline constexpr PriorityCategory kPriorityCategories[] = {PriorityCategory::Elderly, PriorityCategory::Disability,
                                                           PriorityCategory::Pregnant, PriorityCategory::SmallChild};
// "" (none), "elderly", "disability", "pregnant", "small_child".
std::string_view toString(PriorityCategory);
std::optional<PriorityCategory> priorityCategoryFrom(std::string_view);
// The category's words for tickets, screens and reports ("Lansia", "Elderly").
std::string priorityLabel(PriorityCategory, std::string_view lang);

// How priority tickets take their turns (config: queue.priority_policy).
enum class PriorityPolicyKind {
  First,   // "first": a waiting priority ticket answers its service's every turn
  OneInN,  // "one_in_n": one priority ticket, then up to N ordinary, and again
};
struct PriorityPolicy {
  PriorityPolicyKind kind = PriorityPolicyKind::First;
  int everyN = 3;  // OneInN: ordinary calls between two priority calls (1..100)
};
// From the config's words; an error names the key, in both languages.
Result<PriorityPolicy> priorityPolicyFrom(std::string_view name, std::int64_t everyN);
std::string_view toString(PriorityPolicyKind);

// A ticket waiting in the helpdesk queue, as the policy sees it.
struct WaitingTicket {
  std::int64_t id = 0;
  std::string service;
  int returning = 0;  // >0: back with the missing documents or transferred; ahead of everyone
  std::int64_t queuedMs = 0;
  PriorityCategory category = PriorityCategory::None;
};

// Per service: ordinary tickets called since that service's last priority
// call today (what OneInN counts). Absent: as many as N (a priority ticket
// is due).
using OrdinaryRuns = std::map<std::string, int>;

// The order "next" will call the waiting tickets in, by id, if nobody new
// arrives. Returning tickets first (by arrival); then turn by turn: the
// oldest remaining ticket's service has the turn, and the policy chooses
// that service's priority ticket (oldest first) or its oldest ordinary one.
std::vector<std::int64_t> callOrder(std::vector<WaitingTicket> waiting, const PriorityPolicy& policy,
                                    OrdinaryRuns runs = {});
// The first of callOrder, or none when nobody waits.
std::optional<std::int64_t> nextToCall(const std::vector<WaitingTicket>& waiting, const PriorityPolicy& policy,
                                       const OrdinaryRuns& runs = {});
// How many would be called before ticket `id` (-1 when it is not waiting).
int aheadOf(const std::vector<WaitingTicket>& waiting, std::int64_t id, const PriorityPolicy& policy,
            const OrdinaryRuns& runs = {});
// The OneInN count of one service from its calls of today, newest first
// (true: that call was of a priority ticket).
int ordinaryRun(const std::vector<bool>& callsNewestFirst, const PriorityPolicy& policy);

}  // namespace lpse::core

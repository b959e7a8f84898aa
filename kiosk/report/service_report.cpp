#include <algorithm>

#include "kiosk/report/reports.hpp"

namespace lpse::report {
namespace {

struct Acc {
  int arrivals = 0, walkIn = 0, email = 0, called = 0, calledWalkIn = 0, noShows = 0;
  int recalls = 0, transfers = 0, unserved = 0, breaks = 0;
  std::vector<std::int64_t> wait, service, priorityWait;
  int priority = 0;
  std::map<std::string, int> priorityByCategory;

  void add(const CaseFact& c) {
    ++arrivals;
    const bool walk = c.channel == static_cast<std::uint8_t>(core::Channel::WalkIn);
    (walk ? walkIn : email)++;
    if (c.waitMs >= 0) {
      ++called;
      if (walk) ++calledWalkIn;
      wait.push_back(c.waitMs);
    }
    if (c.serviceMs >= 0) service.push_back(c.serviceMs);
    if (c.priority != 0) {
      ++priority;
      ++priorityByCategory[std::string(core::toString(static_cast<core::PriorityCategory>(c.priority)))];
      if (c.waitMs >= 0) priorityWait.push_back(c.waitMs);
    }
    if (c.outcome == static_cast<std::uint8_t>(core::CaseState::NoShow)) ++noShows;
    recalls += c.recalls;
    transfers += c.transfers;
    unserved += c.unservedAtClose;
  }
};

}  // namespace

ServiceReport makeService(Period p, const DayFacts& facts, const core::WorkingCalendar& cal) {
  ServiceReport r;
  r.period = p;
  std::map<int, int> slots;
  std::vector<Acc> perService(facts.services.size());
  std::vector<Acc> perStaff(facts.staff.size());
  Acc all;
  for (const CaseFact& c : facts.cases) {
    if (c.channel == static_cast<std::uint8_t>(core::Channel::WalkIn)) ++slots[cal.localMinuteOfDay(c.createdMs) / 30 * 30];
    perService[static_cast<std::size_t>(c.serviceIdx)].add(c);
    all.add(c);
    if (c.staffIdx >= 0) perStaff[static_cast<std::size_t>(c.staffIdx)].add(c);
  }
  for (const BreakFact& b : facts.breaks) {
    ++r.breaks;
    if (b.staffIdx >= 0) ++perStaff[static_cast<std::size_t>(b.staffIdx)].breaks;
  }
  for (auto [minute, n] : slots) r.slots.push_back({minute, n});
  auto row = [](const std::string& name, Acc& a) {
    ServiceRow s;
    s.service = name;
    s.arrivals = a.arrivals;
    s.walkIn = a.walkIn;
    s.email = a.email;
    s.called = a.called;
    s.noShows = a.noShows;
    s.noShowRate = a.calledWalkIn ? static_cast<double>(a.noShows) / a.calledWalkIn : 0;
    s.wait = summarize(a.wait);
    s.served = summarize(a.service);
    s.recalls = a.recalls;
    s.transfers = a.transfers;
    s.unservedAtClose = a.unserved;
    s.priority = a.priority;
    s.priorityByCategory = a.priorityByCategory;
    s.priorityWait = summarize(a.priorityWait);
    return s;
  };
  std::vector<std::size_t> order(facts.services.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return facts.services[a] < facts.services[b]; });
  for (auto i : order) r.services.push_back(row(facts.services[i], perService[i]));
  r.services.push_back(row("*", all));
  order.resize(facts.staff.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return facts.staff[a] < facts.staff[b]; });
  for (auto i : order) {
    Acc& a = perStaff[i];
    if (a.called == 0 && a.breaks == 0) continue;  // kiosks, Admin PPE ids that only ended steps
    StaffRow s;
    s.staff = facts.staff[i];
    s.called = a.called;
    s.wait = summarize(a.wait);
    s.served = summarize(a.service);
    s.recalls = a.recalls;
    s.transfers = a.transfers;
    s.breaks = a.breaks;
    r.staff.push_back(std::move(s));
  }
  return r;
}

}  // namespace lpse::report

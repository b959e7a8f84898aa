#include "kiosk/report/case_facts.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <map>

namespace lpse::report {
namespace {

using core::CaseState;

// States in which the helpdesk has the visitor (or the e-mail) in hand:
// the "service" of the service report is the first such stretch.
bool atHelpdesk(CaseState s) {
  return s == CaseState::Called || s == CaseState::Checking || s == CaseState::Incomplete;
}

bool startsWith(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }
bool endsWith(const std::string& s, std::string_view p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

std::int32_t clamp32(std::int64_t v) {
  return static_cast<std::int32_t>(std::min<std::int64_t>(v, std::numeric_limits<std::int32_t>::max()));
}

class Indexer {
 public:
  explicit Indexer(std::vector<std::string>& names) : m_names(names) {
    for (std::size_t i = 0; i < names.size(); ++i) m_index.emplace(names[i], static_cast<std::int16_t>(i));
  }
  std::int16_t operator()(const std::string& name) {
    auto [it, added] = m_index.emplace(name, static_cast<std::int16_t>(m_names.size()));
    if (added) m_names.push_back(name);
    return it->second;
  }

 private:
  std::vector<std::string>& m_names;
  std::map<std::string, std::int16_t> m_index;
};

struct Builder {
  const core::WorkingCalendar& cal;
  const core::TimeStandards& standards;
  DayFacts out;
  Indexer services{out.services};
  Indexer staff{out.staff};

  Builder(const core::WorkingCalendar& c, const core::TimeStandards& s) : cal(c), standards(s) {}

  void addStep(const CaseFact& f, int step, std::int64_t start, std::int64_t end, const std::string& actor) {
    const auto channel = static_cast<core::Channel>(f.channel);
    if (!hasStandard(step, channel, standards)) return;
    StepFact s;
    s.caseId = f.caseId;
    s.startMs = start;
    s.workMs = clamp32(cal.workingMsBetween(start, end));
    s.staffIdx = staff(actor);
    s.step = static_cast<std::uint8_t>(step);
    s.channel = f.channel;
    s.inDeadline = step == 4 && end <= cal.sameWorkingDayDeadline(start) ? 1 : 0;
    out.steps.push_back(s);
  }

  // One case's events, in log order; the first opens it.
  void addCase(const LogEvent* e, const LogEvent* end, std::int64_t fromMs, std::int64_t toMs) {
    auto state = core::caseStateFrom(e->to);
    if (!state || e->atMs < fromMs || e->atMs >= toMs) return;
    CaseFact f;
    f.caseId = e->caseId;
    f.createdMs = e->atMs;
    const auto channel = core::channelFrom(e->channel).value_or(core::Channel::WalkIn);
    f.channel = static_cast<std::uint8_t>(channel);
    f.serviceIdx = services(e->service);
    std::strncpy(f.ticket, e->ticket.c_str(), sizeof f.ticket - 1);
    f.priority = static_cast<std::uint8_t>(core::priorityCategoryFrom(e->priority).value_or(core::PriorityCategory::None));
    const bool walkIn = channel == core::Channel::WalkIn;
    // Step 3 (queue number within 5 minutes of the guest book): the kiosk
    // does both in one transaction, so it is measured as zero.
    if (walkIn) addStep(f, 3, e->atMs, e->atMs, e->actor);
    // Steps 13 (archive) and 14 (hand-back) run side by side from the
    // result (step 12), in either order: each is measured from the result to
    // its own action, not as spans of one state.
    auto spanStepOf = [channel](CaseState st) -> std::optional<int> {
      if (st == CaseState::Notified || st == CaseState::Archived || st == CaseState::HandedBack) return std::nullopt;
      return core::stepInProgress(st, channel);
    };
    std::int64_t resultMs = 0;
    std::optional<int> spanStep = spanStepOf(*state);
    std::int64_t spanStart = e->atMs;
    std::int64_t calledMs = 0;
    bool turnDone = false;
    for (++e; e != end; ++e) {
      if (e->kind == "recall") ++f.recalls;
      if (startsWith(e->kind, "transfer") && f.transfers < 255) ++f.transfers;
      if (calledMs == 0 && (e->kind == "call" || e->kind == "open_email")) {
        calledMs = e->atMs;
        f.waitMs = clamp32(cal.workingMsBetween(f.createdMs, calledMs));
        f.staffIdx = staff(e->actor);
      }
      auto next = core::caseStateFrom(e->to);
      if (!next || *next == *state) continue;
      if (calledMs != 0 && !turnDone && atHelpdesk(*state) && !atHelpdesk(*next)) {
        turnDone = true;
        if (*next != CaseState::NoShow) f.serviceMs = clamp32(cal.workingMsBetween(calledMs, e->atMs));
      }
      if (*next == CaseState::Notified) resultMs = e->atMs;
      if (resultMs != 0 && (e->kind == "archive" || e->kind == "deliver"))
        addStep(f, e->kind == "archive" ? 13 : 14, resultMs, e->atMs, e->actor);
      const auto nextStep = spanStepOf(*next);
      if (nextStep != spanStep) {
        if (spanStep) addStep(f, *spanStep, spanStart, e->atMs, e->actor);
        spanStep = nextStep;
        spanStart = e->atMs;
      }
      state = next;
      if (core::isTerminal(*state)) f.outcome = static_cast<std::uint8_t>(*state);
    }
    if (walkIn && (calledMs == 0 || calledMs >= cal.closingTime(cal.localDate(f.createdMs))))
      f.unservedAtClose = 1;
    out.cases.push_back(f);
  }
};

}  // namespace

bool hasStandard(int step, core::Channel channel, const core::TimeStandards& standards) {
  if (step == 4) return channel == core::Channel::Email;
  if (step == 3 && channel != core::Channel::WalkIn) return false;
  return standards.forStep(step).has_value();
}

DayFacts buildFacts(const std::vector<LogEvent>& events, std::int64_t fromMs, std::int64_t toMs,
                    const core::WorkingCalendar& cal, const core::TimeStandards& standards) {
  Builder b(cal, standards);
  const LogEvent* p = events.data();
  const LogEvent* end = p + events.size();
  // Case events are grouped by case; staff events (case 0) may sit anywhere.
  std::vector<LogEvent> group;
  while (p != end) {
    if (p->caseId == 0) {
      if (startsWith(p->kind, "break") && !endsWith(p->kind, "end") && p->atMs >= fromMs && p->atMs < toMs)
        b.out.breaks.push_back(BreakFact{p->atMs, b.staff(p->actor), 0});
      ++p;
      continue;
    }
    group.clear();
    const std::int64_t id = p->caseId;
    for (; p != end && (p->caseId == id || p->caseId == 0); ++p) {
      if (p->caseId == 0) {
        if (startsWith(p->kind, "break") && !endsWith(p->kind, "end") && p->atMs >= fromMs && p->atMs < toMs)
          b.out.breaks.push_back(BreakFact{p->atMs, b.staff(p->actor), 0});
        continue;
      }
      group.push_back(*p);
    }
    b.addCase(group.data(), group.data() + group.size(), fromMs, toMs);
  }
  return std::move(b.out);
}

void mergeFacts(DayFacts& into, const DayFacts& more) {
  Indexer services(into.services), staff(into.staff);
  std::vector<std::int16_t> svcMap, staffMap;
  for (const auto& s : more.services) svcMap.push_back(services(s));
  for (const auto& s : more.staff) staffMap.push_back(staff(s));
  auto mapStaff = [&](std::int32_t i) -> std::int16_t { return i < 0 ? std::int16_t{-1} : staffMap[i]; };
  into.cases.reserve(into.cases.size() + more.cases.size());
  for (CaseFact f : more.cases) {
    f.serviceIdx = svcMap[f.serviceIdx];
    f.staffIdx = mapStaff(f.staffIdx);
    into.cases.push_back(f);
  }
  into.steps.reserve(into.steps.size() + more.steps.size());
  for (StepFact s : more.steps) {
    s.staffIdx = mapStaff(s.staffIdx);
    into.steps.push_back(s);
  }
  for (BreakFact b : more.breaks) {
    b.staffIdx = mapStaff(b.staffIdx);
    into.breaks.push_back(b);
  }
}

}  // namespace lpse::report

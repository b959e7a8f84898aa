#include <algorithm>

#include "kiosk/report/reports.hpp"

namespace lpse::report {

ComplianceReport makeCompliance(Period p, const DayFacts& facts, const core::TimeStandards& standards) {
  ComplianceReport r;
  r.period = p;
  // [step][channel] -> durations
  std::map<std::pair<int, int>, std::vector<std::int64_t>> ms;
  std::map<std::pair<int, int>, int> within;
  for (int step = 1; step <= 14; ++step)
    for (auto ch : {core::Channel::WalkIn, core::Channel::Email})
      if (hasStandard(step, ch, standards)) ms[{step, static_cast<int>(ch)}];
  for (const StepFact& s : facts.steps) {
    const auto ch = static_cast<core::Channel>(s.channel);
    auto it = ms.find({s.step, s.channel});
    if (it == ms.end()) continue;  // cached under other standards: not ours to judge
    it->second.push_back(s.workMs);
    const int standard = standards.forStep(s.step).value_or(0);
    const bool ok = (s.step == 4 && ch == core::Channel::Email) ? s.inDeadline != 0
                                                                 : s.workMs <= std::int64_t{standard} * 60000;
    if (ok) {
      ++within[{s.step, s.channel}];
      continue;
    }
    Breach b;
    b.caseId = s.caseId;
    b.channel = ch;
    b.step = s.step;
    b.startMs = s.startMs;
    b.minutes = s.workMs / 60000.0;
    b.standardMin = s.step == 4 ? 0 : standard;
    b.staff = s.staffIdx >= 0 ? facts.staff[static_cast<std::size_t>(s.staffIdx)] : "";
    r.breaches.push_back(std::move(b));
  }
  for (auto& [key, values] : ms) {
    StepRow row;
    row.step = key.first;
    row.channel = static_cast<core::Channel>(key.second);
    row.standardMin = row.step == 4 ? 0 : standards.forStep(row.step).value_or(0);
    row.within = within[key];
    row.duration = summarize(values);
    row.share = row.duration.count ? static_cast<double>(row.within) / row.duration.count : 0;
    r.rows.push_back(row);
  }
  std::stable_sort(r.rows.begin(), r.rows.end(), [](const StepRow& a, const StepRow& b) {
    return a.channel != b.channel ? a.channel < b.channel : a.step < b.step;
  });
  // Tickets for the breaches: one pass over the cases.
  if (!r.breaches.empty()) {
    std::map<std::int64_t, const CaseFact*> byId;
    for (const auto& b : r.breaches) byId[b.caseId] = nullptr;
    for (const auto& c : facts.cases)
      if (auto it = byId.find(c.caseId); it != byId.end()) it->second = &c;
    for (auto& b : r.breaches)
      if (const CaseFact* c = byId[b.caseId]) b.ticket = c->ticket;
  }
  std::stable_sort(r.breaches.begin(), r.breaches.end(), [](const Breach& a, const Breach& b) {
    return a.startMs != b.startMs ? a.startMs < b.startMs : a.caseId < b.caseId;
  });
  return r;
}

}  // namespace lpse::report

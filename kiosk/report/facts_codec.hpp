#pragma once
// DayFacts to bytes and back, for the store's per-day cache of facts
// (report_days). Records are copied as they lie in memory (host byte
// order): the cache is derived data, rebuilt from the event log whenever
// kFactsFormat, the calendar or the standards change.
#include <string>
#include <string_view>

#include "kiosk/report/case_facts.hpp"

namespace lpse::report {

inline constexpr int kFactsFormat = 2;  // 2: CaseFact::priority

struct EncodedFacts {
  std::string names;  // services, then staff: "svc1\nsvc2\t staff1\nstaff2"
  std::string cases, steps, breaks;
};

EncodedFacts encodeFacts(const DayFacts& f);
// False when a blob is damaged (a size that is not a whole number of records).
bool decodeFacts(const EncodedFacts& e, DayFacts& out);

}  // namespace lpse::report

#pragma once
// The order statistics the reports quote, defined once: the median is the
// middle value (the mean of the two middle values for an even count); the
// 90th percentile is the nearest-rank value (the smallest value with at
// least 90 % of the values at or below it).
#include <cstdint>
#include <vector>

namespace lpse::report {

struct Durations {
  int count = 0;
  double meanMin = 0, medianMin = 0, p90Min = 0;  // minutes; 0 when count is 0
};

// Reorders `ms` (milliseconds).
Durations summarize(std::vector<std::int64_t>& ms);
double medianOf(std::vector<std::int64_t>& v);
std::int64_t nearestRank(std::vector<std::int64_t>& v, double p);

}  // namespace lpse::report

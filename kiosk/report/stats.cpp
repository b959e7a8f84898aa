#include "kiosk/report/stats.hpp"

#include <algorithm>
#include <cmath>

namespace lpse::report {

double medianOf(std::vector<std::int64_t>& v) {
  if (v.empty()) return 0;
  const std::size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  const double hi = static_cast<double>(v[mid]);
  if (v.size() % 2) return hi;
  const double lo = static_cast<double>(*std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid)));
  return (lo + hi) / 2;
}

std::int64_t nearestRank(std::vector<std::int64_t>& v, double p) {
  if (v.empty()) return 0;
  auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size())));
  if (rank < 1) rank = 1;
  const auto k = static_cast<std::ptrdiff_t>(rank - 1);
  std::nth_element(v.begin(), v.begin() + k, v.end());
  return v[static_cast<std::size_t>(k)];
}

Durations summarize(std::vector<std::int64_t>& ms) {
  Durations d;
  d.count = static_cast<int>(ms.size());
  if (ms.empty()) return d;
  double sum = 0;
  for (auto x : ms) sum += static_cast<double>(x);
  d.meanMin = sum / static_cast<double>(ms.size()) / 60000.0;
  d.medianMin = medianOf(ms) / 60000.0;
  d.p90Min = static_cast<double>(nearestRank(ms, 0.9)) / 60000.0;
  return d;
}

}  // namespace lpse::report

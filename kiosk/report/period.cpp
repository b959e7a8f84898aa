#include "kiosk/report/reports.hpp"

namespace lpse::report {

core::Result<Period> parsePeriod(const std::string& from, const std::string& to) {
  auto f = core::LocalDate::parse(from);
  if (!f)
    return core::makeError("bad_date", "Tanggal awal '" + from + "' harus berbentuk TTTT-BB-HH.",
                           "The start date '" + from + "' must be YYYY-MM-DD.", "from");
  auto t = to.empty() ? f : core::LocalDate::parse(to);
  if (!t)
    return core::makeError("bad_date", "Tanggal akhir '" + to + "' harus berbentuk TTTT-BB-HH.",
                           "The end date '" + to + "' must be YYYY-MM-DD.", "to");
  if (*t < *f)
    return core::makeError("bad_period", "Tanggal akhir lebih awal dari tanggal awal.",
                           "The end date is before the start date.", "to");
  core::WorkingCalendar utc;
  utc.utcOffsetMinutes = 0;
  const auto days = (utc.localMidnight(*t) - utc.localMidnight(*f)) / 86'400'000 + 1;
  if (days > kMaxPeriodDays)
    return core::makeError("period_too_long",
                           "Periode paling lama " + std::to_string(kMaxPeriodDays) + " hari.",
                           "A period is at most " + std::to_string(kMaxPeriodDays) + " days.", "to");
  return Period{*f, *t};
}

}  // namespace lpse::report

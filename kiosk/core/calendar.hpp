#pragma once
// The office's working calendar: time zone, working days and hours, breaks
// (Friday prayer), national holidays. Answers "is the office open" and "by
// when is the same working day over" (SOP step 4 for e-mailed requests).
// Indonesia has no daylight saving, so a fixed UTC offset is exact.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kiosk/core/visit.hpp"

namespace lpse::core {

struct LocalDate {
  int year = 1970, month = 1, day = 1;
  auto operator<=>(const LocalDate&) const = default;
  std::string iso() const;                        // "2026-11-25"
  static std::optional<LocalDate> parse(std::string_view iso);
  int weekday() const;                            // 0 = Sunday .. 6 = Saturday
};

struct MinuteSpan {
  int from = 0, to = 0;  // minutes since local midnight, [from, to)
};

struct WorkingCalendar {
  int utcOffsetMinutes = 7 * 60;                // WIB
  std::set<int> workingDays = {1, 2, 3, 4, 5};  // Monday..Friday
  MinuteSpan hours{8 * 60, 16 * 60};
  // Breaks per weekday (e.g. Friday prayer 11:30-13:00 on day 5).
  std::vector<std::pair<int, MinuteSpan>> breaks = {{5, {11 * 60 + 30, 13 * 60}}};
  std::set<LocalDate> holidays;

  LocalDate localDate(TimeMs t) const;
  int localMinuteOfDay(TimeMs t) const;
  TimeMs localMidnight(const LocalDate& d) const;  // UTC instant of local 00:00
  bool isWorkingDay(const LocalDate& d) const;
  bool isOpen(TimeMs t) const;
  // End of the working day on which something arriving at t must be handled:
  // the same day's closing time when t is before it on a working day,
  // otherwise the next working day's closing time.
  TimeMs sameWorkingDayDeadline(TimeMs t) const;
  // Working minutes between a and b (open time only), for service levels.
  long workingMinutesBetween(TimeMs a, TimeMs b) const;
  // The same in milliseconds (workingMinutesBetween is this floored to
  // whole minutes); reports keep the precision for medians and standards.
  std::int64_t workingMsBetween(TimeMs a, TimeMs b) const;
  // Closing time (hours.to) of a local date, working day or not.
  TimeMs closingTime(const LocalDate& d) const;
  // The first instant at or after t when the office is open: t itself when
  // it is open now; the end of a break, the next morning, or the first
  // working day after a weekend or holiday otherwise. None when no working
  // day comes within ten years (a misconfigured calendar). With isOpen this
  // answers the kiosk's "closed now, opens again at ...".
  std::optional<TimeMs> nextOpening(TimeMs t) const;
};

// Time zone names of Indonesia.
std::optional<int> utcOffsetForZone(std::string_view zone);  // "WIB" -> 420

}  // namespace lpse::core

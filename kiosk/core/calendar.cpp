#include "kiosk/core/calendar.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace lpse::core {
namespace {

constexpr std::int64_t kMsPerMinute = 60'000;
constexpr std::int64_t kMsPerDay = 86'400'000;
// How far sameWorkingDayDeadline looks for a working day before it decides
// the calendar has none (a misconfiguration).
constexpr int kMaxDaysAhead = 3660;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

LocalDate civilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return LocalDate{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

std::int64_t dayNumber(const LocalDate& d) {
  return daysFromCivil(d.year, static_cast<unsigned>(d.month), static_cast<unsigned>(d.day));
}

int weekdayOf(std::int64_t days) { return static_cast<int>(((days + 4) % 7 + 7) % 7); }  // 1970-01-01: Thursday

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int daysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// The open spans of a weekday: working hours minus that day's breaks.
std::vector<MinuteSpan> openSpans(const WorkingCalendar& cal, int weekday) {
  std::vector<MinuteSpan> spans;
  if (!cal.workingDays.contains(weekday) || cal.hours.to <= cal.hours.from) return spans;
  spans.push_back(cal.hours);
  for (const auto& [day, brk] : cal.breaks) {
    if (day != weekday || brk.to <= brk.from) continue;
    std::vector<MinuteSpan> next;
    for (const MinuteSpan& s : spans) {
      if (brk.from > s.from) next.push_back({s.from, std::min(s.to, brk.from)});
      if (brk.to < s.to) next.push_back({std::max(s.from, brk.to), s.to});
    }
    spans = std::move(next);
  }
  return spans;
}

long openMinutes(const WorkingCalendar& cal, int weekday) {
  long n = 0;
  for (const MinuteSpan& s : openSpans(cal, weekday)) n += s.to - s.from;
  return n;
}

}  // namespace

std::string LocalDate::iso() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<LocalDate> LocalDate::parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  auto num = [&](std::size_t at, std::size_t len) {
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  LocalDate d{num(0, 4), num(5, 2), num(8, 2)};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month)) return std::nullopt;
  return d;
}

int LocalDate::weekday() const { return weekdayOf(dayNumber(*this)); }

LocalDate WorkingCalendar::localDate(TimeMs t) const {
  return civilFromDays(floorDiv(t + utcOffsetMinutes * kMsPerMinute, kMsPerDay));
}

int WorkingCalendar::localMinuteOfDay(TimeMs t) const {
  const std::int64_t local = t + utcOffsetMinutes * kMsPerMinute;
  return static_cast<int>((local - floorDiv(local, kMsPerDay) * kMsPerDay) / kMsPerMinute);
}

TimeMs WorkingCalendar::localMidnight(const LocalDate& d) const {
  return dayNumber(d) * kMsPerDay - utcOffsetMinutes * kMsPerMinute;
}

bool WorkingCalendar::isWorkingDay(const LocalDate& d) const {
  return workingDays.contains(d.weekday()) && !holidays.contains(d);
}

bool WorkingCalendar::isOpen(TimeMs t) const {
  const LocalDate d = localDate(t);
  if (!isWorkingDay(d)) return false;
  const int m = localMinuteOfDay(t);
  for (const MinuteSpan& s : openSpans(*this, d.weekday()))
    if (m >= s.from && m < s.to) return true;
  return false;
}

// Breaks do not move the deadline: arriving during Friday prayer still
// means "today, by closing time". A calendar with no working day in ten
// years answers t itself, so the case shows as due at once.
TimeMs WorkingCalendar::sameWorkingDayDeadline(TimeMs t) const {
  LocalDate d = localDate(t);
  const TimeMs closing = localMidnight(d) + hours.to * kMsPerMinute;
  if (isWorkingDay(d) && t < closing) return closing;
  std::int64_t day = dayNumber(d);
  for (int i = 0; i < kMaxDaysAhead; ++i) {
    d = civilFromDays(++day);
    if (isWorkingDay(d)) return localMidnight(d) + hours.to * kMsPerMinute;
  }
  return t;
}

long WorkingCalendar::workingMinutesBetween(TimeMs a, TimeMs b) const {
  return static_cast<long>(workingMsBetween(a, b) / kMsPerMinute);
}

TimeMs WorkingCalendar::closingTime(const LocalDate& d) const { return localMidnight(d) + hours.to * kMsPerMinute; }

std::optional<TimeMs> WorkingCalendar::nextOpening(TimeMs t) const {
  if (isOpen(t)) return t;
  LocalDate d = localDate(t);
  std::int64_t day = dayNumber(d);
  for (int i = 0; i < kMaxDaysAhead; ++i, d = civilFromDays(++day)) {
    if (!isWorkingDay(d)) continue;
    const TimeMs midnight = localMidnight(d);
    for (const MinuteSpan& s : openSpans(*this, d.weekday())) {
      const TimeMs from = midnight + s.from * kMsPerMinute, to = midnight + s.to * kMsPerMinute;
      if (t < to) return std::max(t, from);
    }
  }
  return std::nullopt;
}

// Milliseconds of open time in [a, b): the first and last day are clipped
// to the instants, the days between are counted per weekday (so a span of
// years costs no more than a span of weeks), minus the holidays among them.
std::int64_t WorkingCalendar::workingMsBetween(TimeMs a, TimeMs b) const {
  if (b <= a) return 0;
  auto overlapMs = [&](std::int64_t day) -> std::int64_t {
    const LocalDate d = civilFromDays(day);
    if (!isWorkingDay(d)) return 0;
    const TimeMs midnight = localMidnight(d);
    std::int64_t ms = 0;
    for (const MinuteSpan& s : openSpans(*this, d.weekday())) {
      const TimeMs from = std::max(a, midnight + s.from * kMsPerMinute);
      const TimeMs to = std::min(b, midnight + s.to * kMsPerMinute);
      if (to > from) ms += to - from;
    }
    return ms;
  };
  const std::int64_t first = dayNumber(localDate(a));
  const std::int64_t last = dayNumber(localDate(b));
  if (first == last) return overlapMs(first);

  std::int64_t ms = overlapMs(first) + overlapMs(last);
  long minutes = 0;
  const std::int64_t lo = first + 1, hi = last - 1, n = hi - lo + 1;
  if (n > 0) {
    long perWeekday[7];
    long week = 0;
    for (int w = 0; w < 7; ++w) week += perWeekday[w] = openMinutes(*this, w);
    minutes += static_cast<long>(n / 7) * week;
    for (std::int64_t day = lo + (n / 7) * 7; day <= hi; ++day) minutes += perWeekday[weekdayOf(day)];
    for (auto it = holidays.lower_bound(civilFromDays(lo)); it != holidays.end() && dayNumber(*it) <= hi; ++it)
      minutes -= perWeekday[it->weekday()];
  }
  return ms + std::int64_t{minutes} * kMsPerMinute;
}

std::optional<int> utcOffsetForZone(std::string_view zone) {
  std::string z;
  for (char c : zone) z.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
  if (z == "WIB" || z == "ASIA/JAKARTA" || z == "ASIA/PONTIANAK") return 7 * 60;
  if (z == "WITA" || z == "ASIA/MAKASSAR") return 8 * 60;
  if (z == "WIT" || z == "ASIA/JAYAPURA") return 9 * 60;
  return std::nullopt;
}

}  // namespace lpse::core

// The working calendar: local dates in WIB/WITA/WIT, opening hours with the
// Friday prayer break and holidays, the "same working day" deadline of
// e-mailed requests, and working minutes for service levels.
#include "kiosk/core/calendar.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace lpse::core {
namespace {

constexpr TimeMs kMinute = 60'000;

// UTC instant from civil fields, computed by the standard library (not by
// the code under test).
TimeMs utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0) {
  using namespace std::chrono;
  const sys_days day{year{y} / month{mo} / std::chrono::day{d}};
  return duration_cast<milliseconds>(day.time_since_epoch() + hours{h} + minutes{mi} + seconds{s}).count();
}

// The instant of a local wall-clock time in a zone.
TimeMs local(int offsetMinutes, int y, unsigned mo, unsigned d, int h = 0, int mi = 0) {
  return utc(y, mo, d, h, mi) - offsetMinutes * kMinute;
}
constexpr int kWib = 420, kWita = 480, kWit = 540;

WorkingCalendar wib() { return WorkingCalendar{}; }  // defaults: WIB, Mon-Fri 08-16, Friday prayer

// 2026-11-23 is a Monday.
TimeMs wibAt(unsigned d, int h, int mi = 0, unsigned mo = 11) { return local(kWib, 2026, mo, d, h, mi); }

TEST(LocalDate, IsoParseAndWeekday) {
  EXPECT_EQ((LocalDate{2026, 11, 25}).iso(), "2026-11-25");
  EXPECT_EQ((LocalDate{987, 1, 2}).iso(), "0987-01-02");
  EXPECT_EQ(LocalDate::parse("2026-11-25"), (LocalDate{2026, 11, 25}));
  EXPECT_EQ(LocalDate::parse("2024-02-29"), (LocalDate{2024, 2, 29}));
  EXPECT_EQ(LocalDate::parse("2000-02-29"), (LocalDate{2000, 2, 29}));
  for (const char* bad : {"2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-11-00",
                          "2026-1-01", "20261125", "2026-11-25x", "2026/11/25", "", "abcd-ef-gh", "2026-11-2 "})
    EXPECT_FALSE(LocalDate::parse(bad).has_value()) << bad;
  EXPECT_EQ((LocalDate{1970, 1, 1}).weekday(), 4);   // Thursday
  EXPECT_EQ((LocalDate{2026, 11, 25}).weekday(), 3);  // Wednesday
  EXPECT_EQ((LocalDate{2026, 11, 29}).weekday(), 0);  // Sunday
  EXPECT_EQ((LocalDate{2000, 2, 29}).weekday(), 2);   // Tuesday
  EXPECT_EQ((LocalDate{1945, 8, 17}).weekday(), 5);   // Friday: Proklamasi
  EXPECT_LT((LocalDate{2026, 1, 31}), (LocalDate{2026, 2, 1}));
}

TEST(LocalDate, AgreesWithTheStandardLibraryFor1900To2100) {
  WorkingCalendar utc0;
  utc0.utcOffsetMinutes = 0;
  using namespace std::chrono;
  for (sys_days d = sys_days{year{1900} / 1 / 1}; d <= sys_days{year{2100} / 12 / 31}; d += days{1}) {
    const year_month_day ymd{d};
    const LocalDate expected{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                             static_cast<int>(static_cast<unsigned>(ymd.day()))};
    const TimeMs t = duration_cast<milliseconds>(d.time_since_epoch()).count();
    ASSERT_EQ(utc0.localDate(t), expected) << expected.iso();
    ASSERT_EQ(utc0.localMidnight(expected), t) << expected.iso();
    ASSERT_EQ(expected.weekday(), static_cast<int>(weekday{d}.c_encoding())) << expected.iso();
    ASSERT_EQ(LocalDate::parse(expected.iso()), expected);
  }
}

TEST(Calendar, LocalDateAroundMidnightUtcInEachZone) {
  WorkingCalendar cal;
  // 2026-11-24 16:59:59 UTC is still the 24th in WIB (23:59:59); at 17:00 it is the 25th.
  cal.utcOffsetMinutes = kWib;
  EXPECT_EQ(cal.localDate(utc(2026, 11, 24, 16, 59, 59)), (LocalDate{2026, 11, 24}));
  EXPECT_EQ(cal.localMinuteOfDay(utc(2026, 11, 24, 16, 59, 59)), 23 * 60 + 59);
  EXPECT_EQ(cal.localDate(utc(2026, 11, 24, 17)), (LocalDate{2026, 11, 25}));
  EXPECT_EQ(cal.localMinuteOfDay(utc(2026, 11, 24, 17)), 0);
  // Midnight UTC is 07:00 WIB, 08:00 WITA, 09:00 WIT on the same date.
  EXPECT_EQ(cal.localMinuteOfDay(utc(2026, 11, 25)), 7 * 60);
  cal.utcOffsetMinutes = kWita;
  EXPECT_EQ(cal.localDate(utc(2026, 11, 24, 15, 59)), (LocalDate{2026, 11, 24}));
  EXPECT_EQ(cal.localDate(utc(2026, 11, 24, 16)), (LocalDate{2026, 11, 25}));
  EXPECT_EQ(cal.localMinuteOfDay(utc(2026, 11, 25)), 8 * 60);
  cal.utcOffsetMinutes = kWit;
  EXPECT_EQ(cal.localDate(utc(2026, 11, 24, 14, 59)), (LocalDate{2026, 11, 24}));
  EXPECT_EQ(cal.localDate(utc(2026, 11, 24, 15)), (LocalDate{2026, 11, 25}));
  EXPECT_EQ(cal.localMinuteOfDay(utc(2026, 11, 25)), 9 * 60);
  // New Year's Eve crossing in WIT.
  EXPECT_EQ(cal.localDate(utc(2026, 12, 31, 15)), (LocalDate{2027, 1, 1}));
  EXPECT_EQ(cal.localMidnight(LocalDate{2027, 1, 1}), utc(2026, 12, 31, 15));
}

TEST(Calendar, InstantsBefore1970) {
  WorkingCalendar cal;  // WIB
  EXPECT_EQ(cal.localDate(-1), (LocalDate{1970, 1, 1}));  // 06:59:59.999 WIB
  EXPECT_EQ(cal.localMinuteOfDay(-1), 6 * 60 + 59);
  cal.utcOffsetMinutes = 0;
  EXPECT_EQ(cal.localDate(-1), (LocalDate{1969, 12, 31}));
  EXPECT_EQ(cal.localMinuteOfDay(-1), 23 * 60 + 59);
  EXPECT_EQ(cal.localDate(utc(1945, 8, 17, 10)), (LocalDate{1945, 8, 17}));
}

TEST(Calendar, IsOpenOnWeekdayHours) {
  const auto cal = wib();
  EXPECT_FALSE(cal.isOpen(wibAt(25, 7, 59)));  // Wednesday before opening
  EXPECT_TRUE(cal.isOpen(wibAt(25, 8, 0)));
  EXPECT_TRUE(cal.isOpen(wibAt(25, 11, 45)));  // no break on Wednesday
  EXPECT_TRUE(cal.isOpen(wibAt(25, 15, 59)));
  EXPECT_FALSE(cal.isOpen(wibAt(25, 16, 0)));  // closing time is exclusive
  EXPECT_FALSE(cal.isOpen(wibAt(25, 22, 0)));
  EXPECT_FALSE(cal.isOpen(wibAt(28, 10)));  // Saturday
  EXPECT_FALSE(cal.isOpen(wibAt(29, 10)));  // Sunday
  EXPECT_TRUE(cal.isOpen(wibAt(30, 10)));   // Monday
}

TEST(Calendar, FridayPrayerBreak) {
  const auto cal = wib();
  EXPECT_TRUE(cal.isOpen(wibAt(27, 11, 29)));
  EXPECT_FALSE(cal.isOpen(wibAt(27, 11, 30)));
  EXPECT_FALSE(cal.isOpen(wibAt(27, 12, 59)));
  EXPECT_TRUE(cal.isOpen(wibAt(27, 13, 0)));
}

TEST(Calendar, HolidaysAreClosed) {
  auto cal = wib();
  cal.holidays = {LocalDate{2026, 12, 25}};  // Christmas, a Friday
  EXPECT_FALSE(cal.isWorkingDay(LocalDate{2026, 12, 25}));
  EXPECT_TRUE(cal.isWorkingDay(LocalDate{2026, 12, 24}));
  EXPECT_FALSE(cal.isOpen(wibAt(25, 10, 0, 12)));
  EXPECT_TRUE(cal.isOpen(wibAt(24, 10, 0, 12)));
}

TEST(Calendar, LocalHoursFollowTheOfficeZone) {
  WorkingCalendar cal;
  cal.utcOffsetMinutes = kWit;  // Jayapura: opens at 08:00 WIT = 23:00 UTC the day before
  EXPECT_TRUE(cal.isOpen(utc(2026, 11, 24, 23, 0)));  // Wednesday 08:00 WIT
  EXPECT_FALSE(cal.isOpen(utc(2026, 11, 24, 22, 59)));
  EXPECT_FALSE(wib().isOpen(utc(2026, 11, 24, 23, 0)));  // 06:00 WIB
}

TEST(Calendar, DeadlineSameDayWhenBeforeClosing) {
  const auto cal = wib();
  EXPECT_EQ(cal.sameWorkingDayDeadline(wibAt(25, 6, 30)), wibAt(25, 16));  // before opening
  EXPECT_EQ(cal.sameWorkingDayDeadline(wibAt(25, 10)), wibAt(25, 16));
  EXPECT_EQ(cal.sameWorkingDayDeadline(wibAt(25, 15, 59)), wibAt(25, 16));
  EXPECT_EQ(cal.sameWorkingDayDeadline(wibAt(27, 12)), wibAt(27, 16));  // during Friday prayer
}

TEST(Calendar, DeadlineNextWorkingDayAfterClosing) {
  const auto cal = wib();
  EXPECT_EQ(cal.sameWorkingDayDeadline(wibAt(25, 16)), wibAt(26, 16));       // at closing
  EXPECT_EQ(cal.sameWorkingDayDeadline(wibAt(25, 23, 59)), wibAt(26, 16));
  EXPECT_EQ(cal.sameWorkingDayDeadline(wibAt(27, 18)), wibAt(30, 16));       // Friday evening -> Monday
  EXPECT_EQ(cal.sameWorkingDayDeadline(wibAt(28, 9)), wibAt(30, 16));        // Saturday
  EXPECT_EQ(cal.sameWorkingDayDeadline(wibAt(29, 23, 59)), wibAt(30, 16));   // Sunday night
}

TEST(Calendar, DeadlineSkipsHolidays) {
  auto cal = wib();
  cal.holidays = {LocalDate{2026, 12, 24}, LocalDate{2026, 12, 25}};  // cuti bersama + Christmas
  EXPECT_EQ(cal.sameWorkingDayDeadline(wibAt(23, 17, 0, 12)), wibAt(28, 16, 0, 12));  // Wed evening -> Mon
  EXPECT_EQ(cal.sameWorkingDayDeadline(wibAt(25, 10, 0, 12)), wibAt(28, 16, 0, 12));  // on the holiday
  EXPECT_EQ(cal.sameWorkingDayDeadline(wibAt(23, 10, 0, 12)), wibAt(23, 16, 0, 12));
}

TEST(Calendar, DeadlineInWita) {
  WorkingCalendar cal;
  cal.utcOffsetMinutes = kWita;
  // Friday 2026-11-27 17:00 WITA -> Monday 16:00 WITA = 08:00 UTC.
  EXPECT_EQ(cal.sameWorkingDayDeadline(local(kWita, 2026, 11, 27, 17)), utc(2026, 11, 30, 8));
}

TEST(Calendar, DeadlineWithNoWorkingDayIsNow) {
  WorkingCalendar cal;
  cal.workingDays.clear();
  const TimeMs t = wibAt(25, 10);
  EXPECT_EQ(cal.sameWorkingDayDeadline(t), t);
}

TEST(Calendar, WorkingMinutesWithinADay) {
  const auto cal = wib();
  EXPECT_EQ(cal.workingMinutesBetween(wibAt(25, 10), wibAt(25, 10)), 0);
  EXPECT_EQ(cal.workingMinutesBetween(wibAt(25, 11), wibAt(25, 10)), 0);  // reversed
  EXPECT_EQ(cal.workingMinutesBetween(wibAt(25, 10), wibAt(25, 10, 15)), 15);
  EXPECT_EQ(cal.workingMinutesBetween(wibAt(25, 7), wibAt(25, 9)), 60);    // opening clips
  EXPECT_EQ(cal.workingMinutesBetween(wibAt(25, 0), wibAt(26, 0)), 480);   // a whole working day
  EXPECT_EQ(cal.workingMinutesBetween(wibAt(25, 10) + 30'000, wibAt(25, 10, 2)), 1);  // whole minutes
}

TEST(Calendar, WorkingMinutesAcrossTheFridayBreak) {
  const auto cal = wib();
  EXPECT_EQ(cal.workingMinutesBetween(wibAt(27, 11), wibAt(27, 13, 30)), 60);  // 30 before + 30 after
  EXPECT_EQ(cal.workingMinutesBetween(wibAt(27, 11, 40), wibAt(27, 12, 50)), 0);
  EXPECT_EQ(cal.workingMinutesBetween(wibAt(27, 0), wibAt(28, 0)), 480 - 90);
}

TEST(Calendar, WorkingMinutesAcrossANightAndAWeekend) {
  auto cal = wib();
  EXPECT_EQ(cal.workingMinutesBetween(wibAt(26, 15), wibAt(27, 9)), 120);  // Thu 15:00 -> Fri 09:00
  EXPECT_EQ(cal.workingMinutesBetween(wibAt(27, 15), wibAt(30, 9)), 120);  // Fri 15:00 -> Mon 09:00
  const long week = 4 * 480 + (480 - 90);
  EXPECT_EQ(cal.workingMinutesBetween(wibAt(23, 0), wibAt(30, 0)), week);
  cal.holidays = {LocalDate{2026, 11, 25}, LocalDate{2026, 11, 28}};  // a Wednesday and a Saturday
  EXPECT_EQ(cal.workingMinutesBetween(wibAt(23, 0), wibAt(30, 0)), week - 480);
}

TEST(Calendar, WorkingMinutesOverYears) {
  const auto cal = wib();
  // 2024-01-01 is a Monday: 52 whole weeks, then Monday 2024-12-30 and Tuesday 12-31.
  const TimeMs a = local(kWib, 2024, 1, 1), b = local(kWib, 2025, 1, 1);
  EXPECT_EQ(cal.workingMinutesBetween(a, b), 52L * (4 * 480 + 390) + 2 * 480);
}

// The per-weekday shortcut must agree with asking isOpen() minute by minute.
TEST(Calendar, WorkingMinutesMatchMinuteByMinuteCount) {
  WorkingCalendar cal;
  cal.utcOffsetMinutes = kWita;
  cal.workingDays = {1, 2, 3, 4, 5, 6};
  cal.hours = {7 * 60 + 30, 15 * 60 + 30};
  cal.breaks = {{5, {11 * 60 + 30, 13 * 60}}, {1, {12 * 60, 12 * 60 + 30}}, {6, {6 * 60, 9 * 60}}};
  cal.holidays = {LocalDate{2026, 3, 19}, LocalDate{2026, 3, 20}, LocalDate{2026, 4, 3}, LocalDate{2026, 5, 1}};
  const TimeMs a = local(kWita, 2026, 3, 2, 9, 17), b = local(kWita, 2026, 5, 6, 14, 3);
  long brute = 0;
  for (TimeMs t = a; t < b; t += kMinute) brute += cal.isOpen(t);
  EXPECT_EQ(cal.workingMinutesBetween(a, b), brute);
  EXPECT_GT(brute, 0);
}

TEST(Calendar, ZoneNames) {
  EXPECT_EQ(utcOffsetForZone("WIB"), 420);
  EXPECT_EQ(utcOffsetForZone("WITA"), 480);
  EXPECT_EQ(utcOffsetForZone("WIT"), 540);
  EXPECT_EQ(utcOffsetForZone("wita"), 480);
  EXPECT_EQ(utcOffsetForZone("Asia/Jakarta"), 420);
  EXPECT_EQ(utcOffsetForZone("Asia/Makassar"), 480);
  EXPECT_EQ(utcOffsetForZone("Asia/Jayapura"), 540);
  EXPECT_FALSE(utcOffsetForZone("").has_value());
  EXPECT_FALSE(utcOffsetForZone("UTC").has_value());
  EXPECT_FALSE(utcOffsetForZone("WI").has_value());
  EXPECT_FALSE(utcOffsetForZone("WIB ").has_value());
}

// "Closed now, open again at ..." for the kiosk (issue #13).
TEST(Calendar, NextOpeningIsNowWhenOpenElseTheNextOpenMinute) {
  const auto cal = wib();
  EXPECT_EQ(cal.nextOpening(wibAt(23, 9, 30)), wibAt(23, 9, 30));                  // Monday, open
  EXPECT_EQ(cal.nextOpening(wibAt(23, 7, 0)), wibAt(23, 8, 0));                    // before opening
  EXPECT_EQ(cal.nextOpening(wibAt(23, 16, 0)), wibAt(24, 8, 0));                   // at closing: tomorrow
  EXPECT_EQ(cal.nextOpening(wibAt(27, 12, 0)), wibAt(27, 13, 0));                  // Friday prayer
  EXPECT_EQ(cal.nextOpening(wibAt(27, 17, 0)), wibAt(30, 8, 0));                   // Friday evening: Monday
  EXPECT_EQ(cal.nextOpening(wibAt(28, 10, 0)), wibAt(30, 8, 0));                   // Saturday
  auto holiday = wib();
  holiday.holidays = {LocalDate{2026, 11, 30}};
  EXPECT_EQ(holiday.nextOpening(wibAt(28, 10, 0)), wibAt(1, 8, 0, 12));            // Monday a holiday
  WorkingCalendar never;
  never.workingDays = {};
  EXPECT_FALSE(never.nextOpening(wibAt(23, 9)).has_value());
  EXPECT_EQ(cal.closingTime({2026, 11, 23}), wibAt(23, 16, 0));
}

TEST(Calendar, WorkingMsKeepTheSecondsMinutesFloorThem) {
  const auto cal = wib();
  const TimeMs a = wibAt(23, 9, 0) + 10'000, b = wibAt(23, 9, 5) + 40'000;         // 5 min 30 s
  EXPECT_EQ(cal.workingMsBetween(a, b), 5 * kMinute + 30'000);
  EXPECT_EQ(cal.workingMinutesBetween(a, b), 5);
  EXPECT_EQ(cal.workingMsBetween(wibAt(23, 15, 30), wibAt(24, 8, 30)), 60 * kMinute);  // overnight
  EXPECT_EQ(cal.workingMsBetween(b, a), 0);
}

}  // namespace
}  // namespace lpse::core

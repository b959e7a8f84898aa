#include "kiosk/ui/clock_text.hpp"

#include <gtest/gtest.h>

using namespace lpse::ui;

namespace {
constexpr std::int64_t kSec = 1000;
// 2026-11-25 01:05:00 UTC (date -u -d "2026-11-25 01:05" +%s)
constexpr std::int64_t kNov25 = 1795568700 * kSec;
}  // namespace

TEST(ClockText, WibMorningInBothLanguages) {
  EXPECT_EQ(formatDateTime(kNov25, kOffsetWib, "id"), "Rabu, 25 November 2026 08:05");
  EXPECT_EQ(formatDateTime(kNov25, kOffsetWib, "en"), "Wednesday, 25 November 2026 08:05");
}

TEST(ClockText, OtherZonesShiftTheHour) {
  EXPECT_EQ(formatTime(kNov25, kOffsetWita), "09:05");
  EXPECT_EQ(formatTime(kNov25, kOffsetWit), "10:05");
  EXPECT_EQ(formatTime(kNov25 + 9 * kSec, kOffsetWit, true), "10:05:09");
  EXPECT_EQ(formatTime(kNov25, 0), "01:05");
}

TEST(ClockText, AroundLocalMidnightTheDayFollowsTheOffset) {
  // 2026-11-24 16:59:59 UTC is 23:59:59 WIB on Tuesday, but already Wednesday in WITA.
  const std::int64_t t = 1795539599 * kSec;
  EXPECT_EQ(formatDateTime(t, kOffsetWib, "id"), "Selasa, 24 November 2026 23:59");
  EXPECT_EQ(formatDateTime(t + kSec, kOffsetWib, "id"), "Rabu, 25 November 2026 00:00");
  EXPECT_EQ(formatDateTime(t, kOffsetWita, "en"), "Wednesday, 25 November 2026 00:59");
  // The last millisecond of the day must not round into the next one.
  EXPECT_EQ(formatTime(t + 999, kOffsetWib, true), "23:59:59");
}

TEST(ClockText, NewYearInWitAndLeapDayInWita) {
  EXPECT_EQ(formatDateTime(1798729200 * kSec, kOffsetWit, "id"), "Jumat, 1 Januari 2027 00:00");
  EXPECT_EQ(formatDateTime(1798729200 * kSec - 1, kOffsetWit, "en"), "Thursday, 31 December 2026 23:59");
  EXPECT_EQ(formatDateTime(1835371800 * kSec, kOffsetWita, "id"), "Selasa, 29 Februari 2028 01:30");
}

TEST(ClockText, BeforeTheEpochFloorsCorrectly) {
  EXPECT_EQ(formatDateTime(-1, 0, "id"), "Rabu, 31 Desember 1969 23:59");
  EXPECT_EQ(formatTime(-1, 0, true), "23:59:59");
  const LocalDateTime t = toLocal(-1, 0);
  EXPECT_EQ(t.year, 1969);
  EXPECT_EQ(t.weekday, 3);
}

TEST(ClockText, AllNamesInBothLanguages) {
  EXPECT_EQ(dayName(0, "id"), "Minggu");
  EXPECT_EQ(dayName(5, "id"), "Jumat");
  EXPECT_EQ(dayName(6, "en"), "Saturday");
  EXPECT_EQ(monthName(8, "id"), "Agustus");
  EXPECT_EQ(monthName(3, "en"), "March");
  EXPECT_EQ(monthName(3, "id"), "Maret");
  EXPECT_EQ(monthName(12, "id"), "Desember");
  EXPECT_TRUE(monthName(13, "id").empty());
  EXPECT_TRUE(dayName(7, "en").empty());
  // Unknown languages fall back to Indonesian, the product's default.
  EXPECT_EQ(monthName(5, "fr"), "Mei");
}

TEST(ClockText, ZoneNames) {
  EXPECT_EQ(zoneName(kOffsetWib), "WIB");
  EXPECT_EQ(zoneName(kOffsetWita), "WITA");
  EXPECT_EQ(zoneName(kOffsetWit), "WIT");
  EXPECT_EQ(zoneName(0), "UTC+00:00");
  EXPECT_EQ(zoneName(-330), "UTC-05:30");
}

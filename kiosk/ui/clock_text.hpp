#pragma once
// Date/time wording for the screens, in Indonesian or English. Indonesia has
// no DST, so a fixed UTC offset in minutes is the whole time zone
// (WIB +420, WITA +480, WIT +540). Pure code: no locale, no tz database.
#include <cstdint>
#include <string>
#include <string_view>

namespace lpse::ui {

inline constexpr int kOffsetWib = 420;
inline constexpr int kOffsetWita = 480;
inline constexpr int kOffsetWit = 540;

// Broken-down local time for an instant.
struct LocalDateTime {
  int year, month, day;  // month 1..12
  int weekday;           // 0 = Sunday
  int hour, minute, second;
};

LocalDateTime toLocal(std::int64_t epochMs, int utcOffsetMinutes);

// `lang` is a language code as used by Strings: "en" is English, anything
// else Indonesian (the default language of the product).
std::string_view dayName(int weekday, std::string_view lang);
std::string_view monthName(int month, std::string_view lang);

// "Rabu, 25 November 2026 08:05" / "Wednesday, 25 November 2026 08:05"
std::string formatDateTime(std::int64_t epochMs, int utcOffsetMinutes, std::string_view lang);
// "Rabu, 25 November 2026"
std::string formatDate(std::int64_t epochMs, int utcOffsetMinutes, std::string_view lang);
// "08:05" or "08:05:09"
std::string formatTime(std::int64_t epochMs, int utcOffsetMinutes, bool withSeconds = false);
// "WIB", "WITA", "WIT"; otherwise "UTC+07:00" style.
std::string zoneName(int utcOffsetMinutes);

}  // namespace lpse::ui

#include "kiosk/ui/clock_text.hpp"

#include <array>
#include <cstdio>

namespace lpse::ui {
namespace {

constexpr std::array<std::string_view, 7> kDaysId{"Minggu", "Senin", "Selasa", "Rabu",
                                                  "Kamis",  "Jumat", "Sabtu"};
constexpr std::array<std::string_view, 7> kDaysEn{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> kMonthsId{"Januari",   "Februari", "Maret",    "April",
                                                     "Mei",       "Juni",     "Juli",     "Agustus",
                                                     "September", "Oktober",  "November", "Desember"};
constexpr std::array<std::string_view, 12> kMonthsEn{"January",   "February", "March",    "April",
                                                     "May",       "June",     "July",     "August",
                                                     "September", "October",  "November", "December"};

bool isEnglish(std::string_view lang) { return lang == "en"; }

// Floor division: epochs before 1970 must still land on the right day.
std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// Howard Hinnant's civil_from_days: proleptic Gregorian, exact for any day.
void civilFromDays(std::int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const std::int64_t era = floorDiv(z, 146097);
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yy + (m <= 2 ? 1 : 0));
}

}  // namespace

LocalDateTime toLocal(std::int64_t epochMs, int utcOffsetMinutes) {
  const std::int64_t localSec = floorDiv(epochMs, 1000) + std::int64_t{utcOffsetMinutes} * 60;
  const std::int64_t days = floorDiv(localSec, 86400);
  const std::int64_t secOfDay = localSec - days * 86400;
  LocalDateTime t{};
  civilFromDays(days, t.year, t.month, t.day);
  // 1970-01-01 was a Thursday (4).
  t.weekday = static_cast<int>(((days % 7) + 7 + 4) % 7);
  t.hour = static_cast<int>(secOfDay / 3600);
  t.minute = static_cast<int>(secOfDay / 60 % 60);
  t.second = static_cast<int>(secOfDay % 60);
  return t;
}

std::string_view dayName(int weekday, std::string_view lang) {
  if (weekday < 0 || weekday > 6) return {};
  return isEnglish(lang) ? kDaysEn[weekday] : kDaysId[weekday];
}

std::string_view monthName(int month, std::string_view lang) {
  if (month < 1 || month > 12) return {};
  return isEnglish(lang) ? kMonthsEn[month - 1] : kMonthsId[month - 1];
}

std::string formatDate(std::int64_t epochMs, int utcOffsetMinutes, std::string_view lang) {
  const LocalDateTime t = toLocal(epochMs, utcOffsetMinutes);
  std::string out;
  out += dayName(t.weekday, lang);
  out += ", ";
  out += std::to_string(t.day);
  out += ' ';
  out += monthName(t.month, lang);
  out += ' ';
  out += std::to_string(t.year);
  return out;
}

std::string formatTime(std::int64_t epochMs, int utcOffsetMinutes, bool withSeconds) {
  const LocalDateTime t = toLocal(epochMs, utcOffsetMinutes);
  char buf[16];
  if (withSeconds)
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", t.hour, t.minute, t.second);
  else
    std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
  return buf;
}

std::string formatDateTime(std::int64_t epochMs, int utcOffsetMinutes, std::string_view lang) {
  return formatDate(epochMs, utcOffsetMinutes, lang) + ' ' + formatTime(epochMs, utcOffsetMinutes);
}

std::string zoneName(int utcOffsetMinutes) {
  switch (utcOffsetMinutes) {
    case kOffsetWib:
      return "WIB";
    case kOffsetWita:
      return "WITA";
    case kOffsetWit:
      return "WIT";
    default:
      break;
  }
  const int a = utcOffsetMinutes < 0 ? -utcOffsetMinutes : utcOffsetMinutes;
  char buf[24];
  std::snprintf(buf, sizeof buf, "UTC%c%02d:%02d", utcOffsetMinutes < 0 ? '-' : '+', a / 60, a % 60);
  return buf;
}

}  // namespace lpse::ui

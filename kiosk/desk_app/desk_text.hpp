#pragma once
// Small text helpers the desk screens share.
#include <cstdint>
#include <cstdio>
#include <string>

namespace lpse::desk {

// 75 -> "01:15"; an hour or more -> "1:01:15"; negative -> "-01:15".
inline std::string mmss(std::int64_t s) {
  const bool neg = s < 0;
  if (neg) s = -s;
  char buf[40];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%s%lld:%02lld:%02lld", neg ? "-" : "", static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
  else
    std::snprintf(buf, sizeof buf, "%s%02lld:%02lld", neg ? "-" : "", static_cast<long long>(s / 60),
                  static_cast<long long>(s % 60));
  return buf;
}

// How far a deadline is, for people (minutes are enough; days when it is
// days): "45 mnt", "3 jam 20 mnt", "2 hari 13 jam"; English "45 min",
// "3 h 20 min", "2 d 13 h". The sign is the caller's ("sisa" / "TERLAMBAT").
inline std::string spanText(std::int64_t s, bool en) {
  if (s < 0) s = -s;
  const long long m = s / 60, h = m / 60, d = h / 24;
  if (d > 0) return std::to_string(d) + (en ? " d " : " hari ") + std::to_string(h % 24) + (en ? " h" : " jam");
  if (h > 0) return std::to_string(h) + (en ? " h " : " jam ") + std::to_string(m % 60) + (en ? " min" : " mnt");
  return std::to_string(m) + (en ? " min" : " mnt");
}

}  // namespace lpse::desk

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

}  // namespace lpse::desk

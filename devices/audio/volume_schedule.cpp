#include "devices/audio/volume_schedule.hpp"

#include <algorithm>
#include <cstdio>
#include <chrono>
#include <optional>

namespace lpse::audio {
namespace {

std::string hm(int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", m / 60, m % 60);
  return buf;
}

int parseHm(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return -1;
  for (int i : {0, 1, 3, 4})
    if (s[i] < '0' || s[i] > '9') return -1;
  const int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return -1;
  return h * 60 + m;
}

}  // namespace

std::optional<VolumeSpan> parseVolumeSpan(std::string_view t) {
  const auto eq = t.find('='), dash = t.find('-');
  if (eq == std::string_view::npos || dash == std::string_view::npos || dash > eq) return std::nullopt;
  const int from = parseHm(t.substr(0, dash)), to = parseHm(t.substr(dash + 1, eq - dash - 1));
  const std::string_view pct = t.substr(eq + 1);
  if (from < 0 || to <= from || pct.empty() || pct.size() > 3) return std::nullopt;
  int p = 0;
  for (char c : pct) {
    if (c < '0' || c > '9') return std::nullopt;
    p = p * 10 + (c - '0');
  }
  return VolumeSpan{from, to, p};
}

core::Result<VolumeSchedule> VolumeSchedule::make(int defaultPercent, std::vector<VolumeSpan> spans) {
  auto err = [](const std::string& id, const std::string& en) {
    return core::makeError("volume_schedule", "Jadwal volume salah: " + id, "Volume schedule is wrong: " + en);
  };
  if (defaultPercent < 0 || defaultPercent > 200) return err("volume harus 0..200", "volume must be 0..200");
  std::sort(spans.begin(), spans.end(), [](auto& a, auto& b) { return a.fromMinute < b.fromMinute; });
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const auto& s = spans[i];
    const std::string name = hm(s.fromMinute) + "-" + hm(s.toMinute);
    if (s.percent < 0 || s.percent > 200) return err(name + ": volume harus 0..200", name + ": volume must be 0..200");
    if (s.toMinute <= s.fromMinute) return err(name + ": akhir sebelum awal", name + ": ends before it starts");
    if (i > 0 && spans[i - 1].toMinute > s.fromMinute) {
      const std::string prev = hm(spans[i - 1].fromMinute) + "-" + hm(spans[i - 1].toMinute);
      return err(name + " bertumpang tindih dengan " + prev, name + " overlaps " + prev);
    }
  }
  VolumeSchedule v;
  v.m_default = defaultPercent;
  v.m_spans = std::move(spans);
  return v;
}

int VolumeSchedule::percentAt(int minute) const {
  for (const auto& s : m_spans)
    if (minute >= s.fromMinute && minute < s.toMinute) return s.percent;
  return m_default;
}

int VolumeSchedule::minuteNow(int utcOffsetMinutes) {
  const auto secs = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  const long long local = secs / 60 + utcOffsetMinutes;
  return static_cast<int>(((local % 1440) + 1440) % 1440);
}

}  // namespace lpse::audio

#pragma once
// Loudness by time of day (quieter at lunch, louder in the morning rush):
// a default volume and non-overlapping spans of local time with their own.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/error.hpp"

namespace lpse::audio {

struct VolumeSpan {
  int fromMinute = 0, toMinute = 0;  // local time, [from, to)
  int percent = 100;                 // 0..200
};

class VolumeSchedule {
 public:
  VolumeSchedule() = default;
  // Refuses overlapping spans or percentages out of range, naming the span.
  static core::Result<VolumeSchedule> make(int defaultPercent, std::vector<VolumeSpan> spans);
  int percentAt(int minuteOfDay) const;
  // Local minute of the day for a UTC offset, now.
  static int minuteNow(int utcOffsetMinutes);

 private:
  int m_default = 100;
  std::vector<VolumeSpan> m_spans;
};

// "12:00-13:00=40" -> a span; nullopt on anything else.
std::optional<VolumeSpan> parseVolumeSpan(std::string_view text);

}  // namespace lpse::audio

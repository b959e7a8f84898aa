#include "devices/audio/volume_schedule.hpp"

#include <gtest/gtest.h>

using namespace lpse::audio;

TEST(VolumeSchedule, QuieterAtLunch) {
  auto v = VolumeSchedule::make(100, {*parseVolumeSpan("12:00-13:00=40"), *parseVolumeSpan("07:30-08:30=130")});
  ASSERT_TRUE(v) << v.error().en;
  EXPECT_EQ(v->percentAt(12 * 60), 40);
  EXPECT_EQ(v->percentAt(12 * 60 + 59), 40);
  EXPECT_EQ(v->percentAt(13 * 60), 100);
  EXPECT_EQ(v->percentAt(8 * 60), 130);
  EXPECT_EQ(v->percentAt(3 * 60), 100);
}

TEST(VolumeSchedule, OverlapIsRefusedNamingBothSpans) {
  auto v = VolumeSchedule::make(100, {*parseVolumeSpan("12:00-13:00=40"), *parseVolumeSpan("12:30-14:00=60")});
  ASSERT_FALSE(v);
  EXPECT_NE(v.error().en.find("12:30-14:00 overlaps 12:00-13:00"), std::string::npos) << v.error().en;
  EXPECT_NE(v.error().id.find("bertumpang tindih"), std::string::npos);
  EXPECT_FALSE(VolumeSchedule::make(300, {}));
  EXPECT_FALSE(VolumeSchedule::make(100, {{60, 120, 250}}));
}

TEST(VolumeSchedule, SpanSyntax) {
  EXPECT_FALSE(parseVolumeSpan("12:00-11:00=40"));
  EXPECT_FALSE(parseVolumeSpan("12:00=40"));
  EXPECT_FALSE(parseVolumeSpan("12:00-13:00=4x"));
  EXPECT_FALSE(parseVolumeSpan("12:00-13:00="));
  auto s = parseVolumeSpan("00:00-24:00=0");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->toMinute, 1440);
  EXPECT_EQ(s->percent, 0);
}

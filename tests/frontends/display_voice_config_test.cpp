#include <gtest/gtest.h>

#include "kiosk/config/config.hpp"

using namespace lpse;

TEST(DisplayVoiceConfig, ShippedFileHasTheVoiceSection) {
  auto c = config::loadConfig(std::string(LPSE_SOURCE_DIR) + "/config/lpse.toml");
  ASSERT_TRUE(c) << c.error().en;
  const auto& v = c->display.voice;
  EXPECT_TRUE(v.enabled);
  EXPECT_EQ(v.repeat, 2);
  EXPECT_EQ(v.numberStyle, "number");
  ASSERT_EQ(v.volumeSchedule.size(), 1u);
  EXPECT_EQ(v.volumeSchedule[0].fromMinute, 12 * 60);
  EXPECT_EQ(v.volumeSchedule[0].percent, 50);
  ASSERT_EQ(v.counters.size(), 1u);
  EXPECT_EQ(v.counters[0].first, "Admin PPE");
}

TEST(DisplayVoiceConfig, DefaultsWithoutTheSection) {
  auto c = config::parseConfig("");
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->display.voice.enabled);
  EXPECT_EQ(c->display.voice.maxAgeS, 120);
}

TEST(DisplayVoiceConfig, AnOverlappingVolumeScheduleIsRefusedNamingTheLine) {
  auto c = config::parseConfig("[display.voice]\nvolume_schedule = [\n  \"12:00-13:00=40\",\n  \"12:30-14:00=60\",\n]\n",
                               "lpse.toml");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().field, "display.voice.volume_schedule");
  EXPECT_NE(c.error().en.find("12:30-14:00 overlaps 12:00-13:00 (baris/line 4)"), std::string::npos) << c.error().en;
  EXPECT_NE(c.error().id.find("bertumpang tindih"), std::string::npos);
}

TEST(DisplayVoiceConfig, WrongValuesNameTheKey) {
  const std::pair<const char*, const char*> bad[] = {
      {"repeat = 9", "display.voice.repeat"},
      {"number_style = \"roman\"", "display.voice.number_style"},
      {"volume = \"loud\"", "display.voice.volume"},
      {"volume_schedule = [\"noon=40\"]", "display.voice.volume_schedule"},
      {"counters = { \"Loket 1\" = \"\" }", "display.voice.counters.Loket 1"},
      {"colour = 1", "display.voice.colour"},
  };
  for (const auto& [line, key] : bad) {
    auto c = config::parseConfig(std::string("[display.voice]\n") + line + "\n");
    ASSERT_FALSE(c) << line;
    EXPECT_EQ(c.error().field, key) << line;
  }
}

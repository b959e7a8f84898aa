#include "kiosk/config/config.hpp"

#include <gtest/gtest.h>

using lpse::config::loadConfig;
using lpse::config::parseConfig;

TEST(Config, ShippedFileLoadsWithTheSopDefaults) {
  auto c = loadConfig(std::string(LPSE_SOURCE_DIR) + "/config/lpse.toml");
  ASSERT_TRUE(c.ok()) << (c.ok() ? "" : c.error().en);
  EXPECT_EQ(c->server.port, 8420);
  EXPECT_EQ(c->office.calendar.utcOffsetMinutes, 420);
  ASSERT_EQ(c->services.size(), 2u);
  EXPECT_EQ(c->services[0].prefix, "R");
  EXPECT_EQ(c->timeStandards.forStep(9), 15);
  EXPECT_EQ(c->printer.paperDots, 576);
  EXPECT_EQ(c->desk.role, lpse::core::ActorRole::Helpdesk);
}

TEST(Config, EmptyFileMeansDefaults) {
  auto c = parseConfig("");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->server.bind, "127.0.0.1");
  EXPECT_EQ(c->serverUrl, "http://127.0.0.1:8420");
  EXPECT_EQ(c->kiosk.idleTimeoutS, 60);
}

TEST(Config, WrongValuesNameTheKey) {
  struct Case {
    const char* toml;
    const char* key;
  } cases[] = {
      {"[server]\nport = 70000", "server.port"},
      {"[server]\nport = \"80\"", "server.port"},
      {"[office]\ntimezone = \"UTC\"", "office.timezone"},
      {"[office]\nhours = \"16:00-08:00\"", "office.hours"},
      {"[office]\nholidays = [\"2026-02-30\"]", "office.holidays"},
      {"[printer]\npaper_width_mm = 72", "printer.paper_width_mm"},
      {"[desk]\nrole = \"kiosk\"", "desk.role"},
      {"[time_standards]\nstep99 = 5", "time_standards.step99"},
      {"[[services]]\ncode = \"x\"\nprefix = \"r1\"\nname_id = \"X\"", "services"},
  };
  for (const auto& c : cases) {
    auto r = parseConfig(c.toml);
    ASSERT_FALSE(r.ok()) << c.toml;
    EXPECT_EQ(r.error().field, c.key) << c.toml;
    EXPECT_FALSE(r.error().id.empty());
  }
}

TEST(Config, SyntaxErrorSaysWhere) {
  auto r = parseConfig("[server\nport = 1", "x.toml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "config_syntax");
  EXPECT_NE(r.error().en.find("x.toml:1"), std::string::npos) << r.error().en;
}

TEST(Config, MissingFileIsAnError) {
  auto r = loadConfig("/nonexistent/lpse.toml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "config_missing");
}

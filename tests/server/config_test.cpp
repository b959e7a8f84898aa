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
  EXPECT_EQ(c->kiosk.credentialFile, "var/credentials/kiosk-1.token");
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
      {"[printer.quirks]\nqr_max_module = 20", "printer.quirks.qr_max_module"},
      {"[printer.quirks]\ncode_page = \"16\"", "printer.quirks.code_page"},
      {"[printer.quirks]\ncut = \"half\"", "printer.quirks.cut"},
      {"[printer.quirks]\ncharset = \"utf8\"", "printer.quirks.charset"},
      {"[printer.quirks]\npaper_out_bits = 256", "printer.quirks.paper_out_bits"},
      {"[printer.quirks]\nqr_max_modul = 4", "printer.quirks.qr_max_modul"},  // misspelt
      {"[printer]\nlogo_dither = \"floyd\"", "printer.logo_dither"},
      {"[printer]\nlogo_max_height_mm = 200", "printer.logo_max_height_mm"},
      {"[server]\ntls_cert = \"a.crt\"", "server.tls_cert"},
      {"[server]\nsession_hours = 0", "server.session_hours"},
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

TEST(Config, PrinterModelQuirksAndLogo) {
  auto c = parseConfig(R"(
[printer]
model = "generic-58mm-clone"
logo = "assets/logo-ticket.png"
logo_dither = "threshold"
logo_max_height_mm = 12
[printer.quirks]
answers_status = false
code_page = 19
charset = "ascii"
qr_max_module = 6
qr_mode = "raster"
cut = "none"
chars_per_line = 42
paper_out_bits = 0x20
)");
  ASSERT_TRUE(c.ok()) << c.error().en;
  const auto& p = c->printer;
  EXPECT_EQ(p.model, "generic-58mm-clone");
  EXPECT_EQ(p.logo, "assets/logo-ticket.png");
  EXPECT_EQ(p.logoDither, "threshold");
  EXPECT_EQ(p.logoMaxHeightMm, 12);
  EXPECT_EQ(p.quirks.answersStatus, false);
  EXPECT_EQ(p.quirks.codePage, 19);
  EXPECT_EQ(p.quirks.charset, "ascii");
  EXPECT_EQ(p.quirks.qrMaxModule, 6);
  EXPECT_EQ(p.quirks.qrMode, "raster");
  EXPECT_EQ(p.quirks.cut, "none");
  EXPECT_EQ(p.quirks.charsPerLine, 42);
  EXPECT_EQ(p.quirks.paperOutBits, 0x20);
  EXPECT_FALSE(p.quirks.coverOpenBit);  // unset: the preset decides
  auto d = parseConfig("");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->printer.model, "epson-tm-t82");
  EXPECT_FALSE(d->printer.quirks.answersStatus);
  EXPECT_TRUE(d->printer.logo.empty());
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

TEST(Config, EmailSectionOffByDefaultAndCheckedWhenOn) {
  auto c = loadConfig(std::string(LPSE_SOURCE_DIR) + "/config/lpse.toml");
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->email.enabled);
  EXPECT_EQ(c->email.imapPort, 993);
  auto on = parseConfig(
      "[email]\nenabled = true\nimap_host = \"127.0.0.1\"\nimap_port = 1143\nimap_tls = \"none\"\n"
      "imap_user = \"helpdesk\"\nimap_password_file = \"/p\"\nsmtp_host = \"127.0.0.1\"\n"
      "smtp_from = \"helpdesk@lpse.go.id\"\npoll_seconds = 10\n");
  ASSERT_TRUE(on.ok()) << on.error().en;
  EXPECT_EQ(on->email.imapPort, 1143);
  EXPECT_EQ(on->email.imapTls, "none");
  EXPECT_EQ(on->email.smtpTls, "starttls");
  EXPECT_EQ(on->email.pollSeconds, 10);
  const std::pair<const char*, const char*> bad[] = {
      {"[email]\nimap_tls = \"ssl\"\n", "email.imap_tls"},
      {"[email]\nimap_pasword_file = \"/p\"\n", "email.imap_pasword_file"},
      {"[email]\npoll_seconds = 1\n", "email.poll_seconds"},
      {"[email]\nenabled = true\n", "email.imap_host"},
      {"[email]\nenabled = true\nsmtp_host = \"x\"\n", "email.smtp_from"},
      {"[email]\nenabled = true\nimap_host = \"x\"\n", "email.imap_user"},
  };
  for (const auto& [toml, key] : bad) {
    auto r = parseConfig(toml);
    ASSERT_FALSE(r.ok()) << toml;
    EXPECT_EQ(r.error().field, key) << toml;
  }
}

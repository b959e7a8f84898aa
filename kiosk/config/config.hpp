#pragma once
// The settings of an installation, read from one TOML file (config/lpse.toml
// documents every key). Every key has a default, so a missing file section
// means "the embedded default", and a wrong value is an error naming the key.
#include <string>
#include <vector>

#include "kiosk/core/calendar.hpp"
#include "kiosk/core/error.hpp"
#include "kiosk/core/sop.hpp"
#include "kiosk/core/visit.hpp"

namespace lpse::config {

struct OfficeConfig {
  std::string name = "LPSE";
  std::string address;
  core::WorkingCalendar calendar;
};

struct ServerConfig {
  std::string bind = "127.0.0.1";
  int port = 8420;
  std::string database = "var/lpse.db";
};

struct PrinterConfig {
  std::string kind = "auto";     // auto | virtual | usb | tcp | file
  std::string outputDir = "var/tickets";  // virtual printer's PNGs
  std::string usb;               // "0416:5011"; empty: the first USB printer
  std::string host;              // tcp
  int port = 9100;               // tcp
  std::string device = "/dev/usb/lp0";  // file
  bool answersStatus = true;     // false for clones that ignore DLE EOT
  int paperDots = 576;           // 80 mm; 384 for 58 mm
  std::string footer = "Terima kasih. Simpan tiket ini.";
};

struct KioskConfig {
  std::string id = "kiosk-1";
  std::string language = "id";
  int idleTimeoutS = 60;
  bool fullscreen = false;
  bool hideCursor = false;
};

struct DisplayConfig {
  std::string id = "display-1";
  std::string runningText;
  bool fullscreen = false;
};

struct DeskConfig {
  std::string id = "desk-1";
  std::string counter = "Loket 1";
  core::ActorRole role = core::ActorRole::Helpdesk;
};

struct Config {
  std::string sourcePath;  // the file read, or empty for defaults
  OfficeConfig office;
  ServerConfig server;
  std::string serverUrl = "http://127.0.0.1:8420";  // how front-ends reach the server
  std::vector<core::ServiceDef> services = core::defaultServices();
  core::TimeStandards timeStandards = core::TimeStandards::sopDefaults();
  PrinterConfig printer;
  KioskConfig kiosk;
  DisplayConfig display;
  DeskConfig desk;
};

core::Result<Config> loadConfig(const std::string& path);
core::Result<Config> parseConfig(std::string_view toml, const std::string& sourceName = "<text>");

// "08:00-16:00" -> {480, 960}
std::optional<core::MinuteSpan> parseSpan(std::string_view s);

}  // namespace lpse::config

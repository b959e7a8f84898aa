#pragma once
// The settings of an installation, read from one TOML file (config/lpse.toml
// documents every key). Every key has a default, so a missing file section
// means "the embedded default", and a wrong value is an error naming the key.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/calendar.hpp"
#include "kiosk/core/error.hpp"
#include "kiosk/core/priority.hpp"
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
  // HTTPS when both are set (docs/API.md: making a certificate).
  std::string tlsCert, tlsKey;
  // Front-ends: the certificate the server's must match (for a self-signed one).
  std::string caCert;
  int sessionHours = 12;  // a staff sign-in lasts this long
  // Guest-book entries of closed cases are emptied after this many days
  // (UU 27/2022: no longer than needed); 0 keeps them.
  int retentionDays = 365;
};

// Overrides of the printer model's preset (`[printer.quirks]`); unset keeps
// the preset's value. Meanings: devices/printer/printer_model.hpp.
struct PrinterQuirksConfig {
  std::optional<bool> answersStatus;  // also the older `printer.answers_status`
  std::optional<int> codePage;        // ESC t n, 0..255
  std::string charset;                // "" (preset) | cp1252 | ascii
  std::optional<int> qrMaxModule;     // 1..16
  std::string qrMode;                 // "" | native | raster
  std::string cut;                    // "" | partial | full | none
  std::optional<int> charsPerLine;    // 16..96
  // DLE EOT reply bits, 0..255 each.
  std::optional<int> statusFixedMask, statusFixedValue, paperNearEndBits, paperOutBits, coverOpenBit,
      paperEndStopBit, errorBit;
};

struct PrinterConfig {
  std::string kind = "auto";     // auto | virtual | usb | tcp | file
  std::string model = "epson-tm-t82";  // a preset of devices/printer/printer_model.hpp
  PrinterQuirksConfig quirks;
  std::string logo;              // PNG printed at the top of tickets; empty: none
  std::string logoDither = "atkinson";  // atkinson | threshold
  int logoMaxHeightMm = 20;      // a taller logo is shrunk to this
  std::string outputDir = "var/tickets";  // virtual printer's PNGs
  std::string usb;               // "0416:5011"; empty: the first USB printer
  std::string host;              // tcp
  int port = 9100;               // tcp
  std::string device = "/dev/usb/lp0";  // file
  int paperDots = 576;           // 80 mm; 384 for 58 mm
  std::string footer = "Terima kasih. Simpan tiket ini.";
};

struct KioskConfig {
  std::string id = "kiosk-1";
  std::string credentialFile = "var/credentials/kiosk-1.token";  // from `lpse device add`
  // "auto" (first V4L2 camera), "none", "/dev/videoN", or image files
  // (comma-separated) shown as a camera: the demo and the tests.
  std::string camera = "auto";
  std::string language = "id";
  int idleTimeoutS = 60;
  bool fullscreen = false;
  bool hideCursor = false;
  // The screen's diagonal in inches: touch targets are at least 9 mm on it.
  float screenDiagonalIn = 21.5f;
};

// The wall display's voice (`[display.voice]`, docs/DISPLAY.md).
struct VolumeSpanConfig {
  int fromMinute = 0, toMinute = 0;  // local time, [from, to)
  int percent = 100;
};
struct DisplayVoiceConfig {
  bool enabled = true;
  int repeat = 2;                               // each call said this many times, 1..5
  std::string numberStyle = "number";           // number ("dua belas") | digits ("nol satu dua")
  std::string recallPhrase = "panggilan ulang";  // panggilan ulang | sekali lagi
  bool english = false;                         // English sentence after the Indonesian
  int maxAgeS = 120;                            // older calls (replayed after an outage) are shown, not spoken
  std::string recordingsDir = "var/voice";      // the office's recordings, NAME.wav
  std::string clipsDir;                         // generated clips; empty: voice/ beside bin/
  std::string device;                           // SDL output device name; empty: the default
  int volume = 100;                             // percent, 0..200
  std::vector<VolumeSpanConfig> volumeSchedule; // "12:00-13:00=40", no overlaps
  std::vector<std::pair<std::string, std::string>> counters;  // counter name -> spoken words
};

struct DisplayConfig {
  std::string id = "display-1";
  std::string credentialFile = "var/credentials/display-1.token";
  std::string runningText;
  bool fullscreen = false;
  DisplayVoiceConfig voice;
  std::string logo;  // PNG or JPEG beside the office name; empty: the name alone
};

struct DeskConfig {
  std::string id = "desk-1";
  std::string counter = "Loket 1";  // the staff member's role comes from their sign-in
  // After this many recalls (beyond the first call) the desk offers "no-show".
  int recallsBeforeNoShow = 2;
  // The supervisor board (issue #13): the aim for a visitor's wait in a
  // queue (amber from 80 %, red past it), and how long a signed-in desk may
  // stand idle while people wait before the board raises an alert.
  int waitTargetMin = 15;
  int idleAlertS = 60;
  // The printed result slip (SOP step 14): saved as PDF in slipDir, and
  // printed on the CUPS queue slipPrinter when set (`lp -d`, cups-client).
  std::string slipDir = "var/slips";
  std::string slipPrinter;
  std::string slipPaper = "a5";  // a5 | a4
  int slipPrintTimeoutS = 20;
};

// The e-mail channel (docs/EMAIL.md): the helpdesk mailbox read over IMAP,
// replies sent through the office's SMTP relay. Off unless enabled; each
// half runs when its host is set.
struct EmailConfig {
  bool enabled = false;
  std::string imapHost;
  int imapPort = 993;
  std::string imapTls = "tls";  // none | starttls | tls
  std::string imapUser, imapPasswordFile;
  std::string imapMailbox = "INBOX";
  int pollSeconds = 60;
  std::string smtpHost;
  int smtpPort = 587;
  std::string smtpTls = "starttls";  // none | starttls | tls
  std::string smtpFrom, smtpFromName;
  std::string smtpUser, smtpPasswordFile;  // no AUTH when the user is empty
  std::string caFile;       // trust this certificate (self-signed server); empty: the system's
  bool tlsVerify = true;
  std::string defaultService = "reset";  // service of a message whose subject does not say "user id"
  std::string cursorFile;   // empty: <database>.mail-cursor
  int replyMaxAgeDays = 3;  // older hand-backs are not mailed when first seen
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
  EmailConfig email;
  // [queue]: how priority tickets take their turns (queue_config.cpp).
  core::PriorityPolicy priority;
};

core::Result<Config> loadConfig(const std::string& path);
core::Result<Config> parseConfig(std::string_view toml, const std::string& sourceName = "<text>");

// "08:00-16:00" -> {480, 960}
std::optional<core::MinuteSpan> parseSpan(std::string_view s);

}  // namespace lpse::config

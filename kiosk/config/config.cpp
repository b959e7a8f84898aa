#include "kiosk/config/config.hpp"
#include "kiosk/config/display_voice_config.hpp"
#include "kiosk/config/queue_config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <type_traits>
#include <variant>

namespace lpse::config {
namespace {

core::Error keyError(const std::string& key, const std::string& why) {
  return core::makeError("config_invalid", "Pengaturan '" + key + "' salah: " + why,
                         "Setting '" + key + "' is wrong: " + why, key);
}

int parseHm(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return -1;
  for (int i : {0, 1, 3, 4})
    if (s[i] < '0' || s[i] > '9') return -1;
  int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return -1;
  return h * 60 + m;
}

// Typed reads that record the first wrong key.
struct Reader {
  const toml::table& root;
  std::optional<core::Error> err;

  template <class T>
  void get(const char* path, T& out) {
    auto node = root.at_path(path);
    if (!node) return;
    // Exact types only: toml++ would convert 8.4e21 to an integer (undefined
    // behaviour) or 8420.5 to 8420 without a word.
    std::optional<T> v;
    if constexpr (std::is_same_v<T, int64_t>) {
      if (node.is_integer()) v = node.as_integer()->get();
    } else if constexpr (std::is_same_v<T, bool>) {
      if (node.is_boolean()) v = node.as_boolean()->get();
    } else {
      if (node.is_string()) v = node.as_string()->get();
    }
    if (v) {
      out = *v;
    } else if (!err) {
      err = keyError(path, "jenis nilai salah / wrong type");
    }
  }
};

// [email]: one table drives both the reading and the unknown-key check.
void parseEmail(Reader& r, const toml::table& tbl, EmailConfig& e) {
  const auto* t = tbl.at_path("email").as_table();
  if (!t) return;
  std::int64_t imapPort = e.imapPort, smtpPort = e.smtpPort, poll = e.pollSeconds, age = e.replyMaxAgeDays;
  using Field = std::variant<std::string*, bool*, std::int64_t*>;
  const std::pair<const char*, Field> keys[] = {
      {"enabled", &e.enabled},           {"imap_host", &e.imapHost},
      {"imap_port", &imapPort},          {"imap_tls", &e.imapTls},
      {"imap_user", &e.imapUser},        {"imap_password_file", &e.imapPasswordFile},
      {"imap_mailbox", &e.imapMailbox},  {"poll_seconds", &poll},
      {"smtp_host", &e.smtpHost},        {"smtp_port", &smtpPort},
      {"smtp_tls", &e.smtpTls},          {"smtp_from", &e.smtpFrom},
      {"smtp_from_name", &e.smtpFromName}, {"smtp_user", &e.smtpUser},
      {"smtp_password_file", &e.smtpPasswordFile}, {"ca_file", &e.caFile},
      {"tls_verify", &e.tlsVerify},      {"default_service", &e.defaultService},
      {"cursor_file", &e.cursorFile},    {"reply_max_age_days", &age},
  };
  for (const auto& [k, v] : *t) {
    const bool known = std::any_of(std::begin(keys), std::end(keys), [&](const auto& kv) { return k.str() == kv.first; });
    if (!known && !r.err) r.err = keyError("email." + std::string(k.str()), "kunci tidak dikenal / unknown key");
  }
  for (const auto& [name, field] : keys) {
    const std::string path = std::string("email.") + name;
    std::visit([&](auto* out) { r.get(path.c_str(), *out); }, field);
  }
  auto range = [&](const char* key, std::int64_t v, std::int64_t lo, std::int64_t hi, int& out) {
    if ((v < lo || v > hi) && !r.err) r.err = keyError(key, std::to_string(lo) + ".." + std::to_string(hi));
    out = static_cast<int>(v);
  };
  range("email.imap_port", imapPort, 1, 65535, e.imapPort);
  range("email.smtp_port", smtpPort, 1, 65535, e.smtpPort);
  range("email.poll_seconds", poll, 10, 3600, e.pollSeconds);
  range("email.reply_max_age_days", age, 0, 365, e.replyMaxAgeDays);
  for (const auto& [key, v] : {std::pair<const char*, const std::string*>{"email.imap_tls", &e.imapTls},
                               {"email.smtp_tls", &e.smtpTls}})
    if (*v != "none" && *v != "starttls" && *v != "tls" && !r.err) r.err = keyError(key, "none, starttls atau/or tls");
  if (!e.enabled || r.err) return;
  if (e.imapHost.empty() && e.smtpHost.empty())
    r.err = keyError("email.imap_host", "isi imap_host dan/atau smtp_host / set imap_host and/or smtp_host");
  else if (!e.imapHost.empty() && (e.imapUser.empty() || e.imapPasswordFile.empty()))
    r.err = keyError("email.imap_user", "imap_user dan imap_password_file wajib / imap_user and imap_password_file are required");
  else if (!e.smtpHost.empty() && e.smtpFrom.find('@') == std::string::npos)
    r.err = keyError("email.smtp_from", "alamat pengirim wajib / a sender address is required");
  else if (!e.smtpUser.empty() && e.smtpPasswordFile.empty())
    r.err = keyError("email.smtp_password_file", "wajib bila smtp_user diisi / required with smtp_user");
}

}  // namespace

std::optional<core::MinuteSpan> parseSpan(std::string_view s) {
  auto dash = s.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  int a = parseHm(s.substr(0, dash)), b = parseHm(s.substr(dash + 1));
  if (a < 0 || b < 0 || b <= a) return std::nullopt;
  return core::MinuteSpan{a, b};
}

core::Result<Config> parseConfig(std::string_view text, const std::string& sourceName) {
  toml::table tbl;
  try {
    tbl = toml::parse(text, sourceName);
  } catch (const toml::parse_error& e) {
    std::ostringstream where;
    where << sourceName << ":" << e.source().begin.line << ": " << e.description();
    return core::makeError("config_syntax", "Berkas pengaturan rusak: " + where.str(),
                           "The config file is malformed: " + where.str());
  }
  Config c;
  c.sourcePath = sourceName;
  Reader r{tbl, {}};
  r.get("office.name", c.office.name);
  r.get("office.address", c.office.address);
  std::string zone = "WIB";
  r.get("office.timezone", zone);
  if (auto off = core::utcOffsetForZone(zone)) {
    c.office.calendar.utcOffsetMinutes = *off;
  } else if (!r.err) {
    r.err = keyError("office.timezone", "gunakan WIB, WITA atau WIT / use WIB, WITA or WIT");
  }
  if (auto days = tbl.at_path("office.working_days").as_array()) {
    c.office.calendar.workingDays.clear();
    for (const auto& d : *days) {
      auto v = d.is_integer() ? std::optional<int64_t>(d.as_integer()->get()) : std::nullopt;
      if (!v || *v < 0 || *v > 6) {
        if (!r.err) r.err = keyError("office.working_days", "0 (Minggu) .. 6 (Sabtu)");
        break;
      }
      c.office.calendar.workingDays.insert(static_cast<int>(*v));
    }
  }
  std::string hours;
  r.get("office.hours", hours);
  if (!hours.empty()) {
    if (auto span = parseSpan(hours)) c.office.calendar.hours = *span;
    else if (!r.err) r.err = keyError("office.hours", "contoh / example \"08:00-16:00\"");
  }
  std::string friday;
  r.get("office.friday_break", friday);
  if (!friday.empty()) {
    if (auto span = parseSpan(friday)) c.office.calendar.breaks = {{5, *span}};
    else if (!r.err) r.err = keyError("office.friday_break", "contoh / example \"11:30-13:00\"");
  }
  if (auto hol = tbl.at_path("office.holidays").as_array()) {
    for (const auto& h : *hol) {
      auto s = h.value<std::string>();
      auto d = s ? core::LocalDate::parse(*s) : std::nullopt;
      if (!d) {
        if (!r.err) r.err = keyError("office.holidays", "tanggal YYYY-MM-DD / dates as YYYY-MM-DD");
        break;
      }
      c.office.calendar.holidays.insert(*d);
    }
  }

  r.get("server.bind", c.server.bind);
  int64_t port = c.server.port;
  r.get("server.port", port);
  if (port < 1 || port > 65535) {
    if (!r.err) r.err = keyError("server.port", "1..65535");
  }
  c.server.port = static_cast<int>(port);
  r.get("server.database", c.server.database);
  r.get("server.tls_cert", c.server.tlsCert);
  r.get("server.tls_key", c.server.tlsKey);
  if (c.server.tlsCert.empty() != c.server.tlsKey.empty() && !r.err)
    r.err = keyError("server.tls_cert", "tls_cert dan tls_key diisi keduanya / set both tls_cert and tls_key");
  r.get("server.ca_cert", c.server.caCert);
  int64_t sessionHours = c.server.sessionHours;
  r.get("server.session_hours", sessionHours);
  if ((sessionHours < 1 || sessionHours > 24 * 7) && !r.err) r.err = keyError("server.session_hours", "1..168");
  c.server.sessionHours = static_cast<int>(sessionHours);
  int64_t retentionDays = c.server.retentionDays;
  r.get("server.retention_days", retentionDays);
  if ((retentionDays < 0 || retentionDays > 3650) && !r.err) r.err = keyError("server.retention_days", "0..3650");
  c.server.retentionDays = static_cast<int>(retentionDays);
  c.serverUrl = (c.server.tlsCert.empty() ? "http://" : "https://") + (c.server.bind == "0.0.0.0" ? std::string("127.0.0.1") : c.server.bind) + ":" +
                std::to_string(c.server.port);
  r.get("server.url", c.serverUrl);

  if (auto svcs = tbl["services"].as_array()) {
    c.services.clear();
    for (const auto& s : *svcs) {
      auto t = s.as_table();
      core::ServiceDef d;
      if (t) {
        d.code = (*t)["code"].value_or(std::string{});
        d.prefix = (*t)["prefix"].value_or(std::string{});
        d.nameId = (*t)["name_id"].value_or(std::string{});
        d.nameEn = (*t)["name_en"].value_or(d.nameId);
      }
      bool prefixOk = !d.prefix.empty() && d.prefix.size() <= 3;
      for (char ch : d.prefix) prefixOk = prefixOk && ch >= 'A' && ch <= 'Z';
      if (!t || d.code.empty() || !prefixOk || d.nameId.empty()) {
        if (!r.err) r.err = keyError("services", "tiap layanan perlu code, prefix (A-Z, 1-3 huruf), name_id / each "
                                                 "service needs code, prefix (A-Z, 1-3 letters), name_id");
        break;
      }
      c.services.push_back(d);
    }
  }
  if (auto ts = tbl["time_standards"].as_table()) {
    for (const auto& [k, v] : *ts) {
      std::string key(k.str());
      const int64_t minutes = v.is_integer() ? v.as_integer()->get() : 0;
      int step = key.rfind("step", 0) == 0 ? std::atoi(key.c_str() + 4) : 0;
      if (step < 1 || step > 14 || minutes < 1 || minutes > 24 * 60) {
        if (!r.err) r.err = keyError("time_standards." + key, "stepN = menit / stepN = minutes, N = 1..14");
        break;
      }
      c.timeStandards.minutes[step] = static_cast<int>(minutes);
    }
  }

  r.get("printer.kind", c.printer.kind);
  {
    const auto& k = c.printer.kind;
    if (k != "auto" && k != "virtual" && k != "usb" && k != "tcp" && k != "file" && !r.err)
      r.err = keyError("printer.kind", "auto, virtual, usb, tcp atau/or file");
  }
  r.get("printer.usb", c.printer.usb);
  r.get("printer.host", c.printer.host);
  int64_t pport = c.printer.port;
  r.get("printer.port", pport);
  if ((pport < 1 || pport > 65535) && !r.err) r.err = keyError("printer.port", "1..65535");
  c.printer.port = static_cast<int>(pport);
  r.get("printer.device", c.printer.device);
  {
    // Per-model quirks: each key optional (unset keeps the preset). The
    // model name itself is checked against the presets in printer_setup.
    r.get("printer.model", c.printer.model);
    auto& q = c.printer.quirks;
    auto optBool = [&](const char* key, std::optional<bool>& out) {
      auto node = tbl.at_path(key);
      if (!node) return;
      bool v = false;
      r.get(key, v);
      if (node.is_boolean()) out = v;
    };
    auto optInt = [&](const std::string& key, std::optional<int>& out, int lo, int hi) {
      auto node = tbl.at_path(key);
      if (!node) return;
      int64_t v = 0;
      r.get(key.c_str(), v);
      if (!node.is_integer()) return;  // r.get named the key
      if (v < lo || v > hi) {
        if (!r.err) r.err = keyError(key, std::to_string(lo) + ".." + std::to_string(hi));
        return;
      }
      out = static_cast<int>(v);
    };
    auto word = [&](const char* key, std::string& out, std::initializer_list<std::string_view> allowed) {
      r.get(key, out);
      if (out.empty()) return;
      std::string list;
      for (auto a : allowed) {
        if (out == a) return;
        list += (list.empty() ? "" : ", ") + std::string(a);
      }
      if (!r.err) r.err = keyError(key, list);
    };
    optBool("printer.answers_status", q.answersStatus);  // the older key keeps working
    optBool("printer.quirks.answers_status", q.answersStatus);
    optInt("printer.quirks.code_page", q.codePage, 0, 255);
    word("printer.quirks.charset", q.charset, {"cp1252", "ascii"});
    optInt("printer.quirks.qr_max_module", q.qrMaxModule, 1, 16);
    word("printer.quirks.qr_mode", q.qrMode, {"native", "raster"});
    word("printer.quirks.cut", q.cut, {"partial", "full", "none"});
    optInt("printer.quirks.chars_per_line", q.charsPerLine, 16, 96);
    const std::pair<const char*, std::optional<int>*> bits[] = {
        {"status_fixed_mask", &q.statusFixedMask}, {"status_fixed_value", &q.statusFixedValue},
        {"paper_near_end_bits", &q.paperNearEndBits}, {"paper_out_bits", &q.paperOutBits},
        {"cover_open_bit", &q.coverOpenBit}, {"paper_end_stop_bit", &q.paperEndStopBit},
        {"error_bit", &q.errorBit}};
    for (const auto& [name, out] : bits) optInt(std::string("printer.quirks.") + name, *out, 0, 255);
    // A misspelt quirk would silently keep the preset: name it instead.
    if (auto qt = tbl.at_path("printer.quirks").as_table()) {
      for (const auto& [k, v] : *qt) {
        static const std::string_view known[] = {"answers_status", "code_page", "charset", "qr_max_module",
                                                 "qr_mode", "cut", "chars_per_line", "status_fixed_mask",
                                                 "status_fixed_value", "paper_near_end_bits", "paper_out_bits",
                                                 "cover_open_bit", "paper_end_stop_bit", "error_bit"};
        if (std::find(std::begin(known), std::end(known), k.str()) == std::end(known) && !r.err)
          r.err = keyError("printer.quirks." + std::string(k.str()), "kunci tidak dikenal / unknown key");
      }
    }
    r.get("printer.logo", c.printer.logo);
    word("printer.logo_dither", c.printer.logoDither, {"atkinson", "threshold"});
    if (c.printer.logoDither.empty()) c.printer.logoDither = "atkinson";
    std::optional<int> logoMm;
    optInt("printer.logo_max_height_mm", logoMm, 5, 80);
    if (logoMm) c.printer.logoMaxHeightMm = *logoMm;
  }
  r.get("printer.output_dir", c.printer.outputDir);
  r.get("printer.footer", c.printer.footer);
  int64_t mm = 80;
  r.get("printer.paper_width_mm", mm);
  if (mm == 58) c.printer.paperDots = 384;
  else if (mm == 80) c.printer.paperDots = 576;
  else if (!r.err) r.err = keyError("printer.paper_width_mm", "58 atau/or 80");

  r.get("kiosk.id", c.kiosk.id);
  r.get("kiosk.credential_file", c.kiosk.credentialFile);
  r.get("kiosk.camera", c.kiosk.camera);
  r.get("kiosk.language", c.kiosk.language);
  int64_t idle = c.kiosk.idleTimeoutS;
  r.get("kiosk.idle_timeout_s", idle);
  c.kiosk.idleTimeoutS = static_cast<int>(idle);
  r.get("kiosk.fullscreen", c.kiosk.fullscreen);
  r.get("kiosk.hide_cursor", c.kiosk.hideCursor);
  if (auto node = tbl.at_path("kiosk.screen_diagonal_in")) {
    const auto v = node.is_integer() ? std::optional<double>(static_cast<double>(node.as_integer()->get()))
                                     : node.value<double>();
    if (v && *v >= 7 && *v <= 100) c.kiosk.screenDiagonalIn = static_cast<float>(*v);
    else if (!r.err) r.err = keyError("kiosk.screen_diagonal_in", "7..100");
  }

  r.get("display.id", c.display.id);
  r.get("display.credential_file", c.display.credentialFile);
  r.get("display.running_text", c.display.runningText);
  r.get("display.fullscreen", c.display.fullscreen);
  r.get("display.logo", c.display.logo);
  if (auto e = parseDisplayVoice(tbl, c.display.voice); e && !r.err) r.err = std::move(*e);

  r.get("desk.id", c.desk.id);
  r.get("desk.counter", c.desk.counter);
  parseEmail(r, tbl, c.email);
  if (auto e = parseQueue(tbl, c.priority); e && !r.err) r.err = std::move(*e);
  int64_t recalls = c.desk.recallsBeforeNoShow;
  r.get("desk.recalls_before_no_show", recalls);
  if (recalls < 0 || recalls > 20)
    return keyError("desk.recalls_before_no_show", "harus 0-20 / must be 0-20");
  c.desk.recallsBeforeNoShow = static_cast<int>(recalls);
  int64_t waitTarget = c.desk.waitTargetMin, idleAlert = c.desk.idleAlertS;
  r.get("desk.wait_target_min", waitTarget);
  r.get("desk.idle_alert_s", idleAlert);
  if (waitTarget < 1 || waitTarget > 480) return keyError("desk.wait_target_min", "harus 1-480 / must be 1-480");
  if (idleAlert < 1 || idleAlert > 3600) return keyError("desk.idle_alert_s", "harus 1-3600 / must be 1-3600");
  c.desk.waitTargetMin = static_cast<int>(waitTarget);
  c.desk.idleAlertS = static_cast<int>(idleAlert);
  r.get("desk.slip_dir", c.desk.slipDir);
  r.get("desk.slip_printer", c.desk.slipPrinter);
  r.get("desk.slip_paper", c.desk.slipPaper);
  if (c.desk.slipPaper != "a5" && c.desk.slipPaper != "a4" && !r.err)
    r.err = keyError("desk.slip_paper", "\"a5\" atau \"a4\" / \"a5\" or \"a4\"");
  int64_t slipTimeout = c.desk.slipPrintTimeoutS;
  r.get("desk.slip_print_timeout_s", slipTimeout);
  if ((slipTimeout < 1 || slipTimeout > 300) && !r.err)
    r.err = keyError("desk.slip_print_timeout_s", "1..300");
  c.desk.slipPrintTimeoutS = static_cast<int>(slipTimeout);
  if (r.err) return *r.err;
  return c;
}

core::Result<Config> loadConfig(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    return core::makeError("config_missing", "Berkas pengaturan tidak dapat dibaca: " + path,
                           "Cannot read the config file: " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return parseConfig(ss.str(), path);
}

}  // namespace lpse::config

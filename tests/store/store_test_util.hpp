#pragma once
// Shared by the store tests and the store_torture helper: a fresh temp dir
// per test, valid visits, the actors of the SOP, a fixed office clock, and
// raw sqlite3 reads that check the file behind the Store's back.
#include <sqlite3.h>
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "kiosk/core/calendar.hpp"
#include "kiosk/core/case_record.hpp"
#include "kiosk/core/visit.hpp"

namespace lpse::testutil {

// A directory of its own (mkdtemp), removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "lpse-store-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed for " + tmpl);
    m_path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::string file(const std::string& name) const { return (m_path / name).string(); }

 private:
  std::filesystem::path m_path;
};

// The personal data a visit carries; tests grep public output for these.
inline constexpr const char* kName = "Budi Santoso";
inline constexpr const char* kPhone = "081234567890";
inline constexpr const char* kNip = "198507152010011002";
inline constexpr const char* kEmail = "budi.santoso@lpse-contoh.go.id";

inline core::Visit walkIn(const std::string& service = "reset") {
  core::Visit v;
  v.service = service;
  v.channel = core::Channel::WalkIn;
  v.name = kName;
  v.nip = kNip;
  v.role = core::VisitorRole::Ppk;
  v.agency = "Dinas PUPR Kota Bandung";
  v.phone = kPhone;
  v.purpose = "Lupa kata sandi SPSE";
  v.documents = {core::Document::RequestForm, core::Document::SkPenunjukan};
  v.consent = true;
  return v;
}

inline core::Visit byEmail(const std::string& service = "userid") {
  core::Visit v = walkIn(service);
  v.channel = core::Channel::Email;
  v.email = kEmail;
  return v;
}

inline const core::Actor kKiosk{"kiosk-1", core::ActorRole::Kiosk};
inline const core::Actor kDesk{"desk-1", core::ActorRole::Helpdesk};
inline const core::Actor kAdminPpe{"ppe-1", core::ActorRole::AdminPpe};
inline const core::Actor kSupervisor{"spv-1", core::ActorRole::Supervisor};
inline const core::Actor kDisplay{"display-1", core::ActorRole::Display};

// 09:00 WIB on a Tuesday: an ordinary office morning.
inline std::int64_t officeMorning(core::LocalDate d = {2026, 3, 10}) {
  return core::WorkingCalendar{}.localMidnight(d) + 9LL * 3600 * 1000;
}

// Raw access to the database file, independent of the Store's code.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      std::string msg = m_db ? sqlite3_errmsg(m_db) : "out of memory";
      sqlite3_close(m_db);
      throw std::runtime_error("cannot open " + path + ": " + msg);
    }
    sqlite3_busy_timeout(m_db, 15000);
  }
  ~RawDb() { sqlite3_close(m_db); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  void exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "?";
      sqlite3_free(err);
      throw std::runtime_error(msg + " in: " + sql);
    }
  }
  // Every row as text cells (NULL as "<null>").
  std::vector<std::vector<std::string>> rows(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string(sqlite3_errmsg(m_db)) + " in: " + sql);
    std::vector<std::vector<std::string>> out;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        auto* t = sqlite3_column_text(st, i);
        row.push_back(t ? reinterpret_cast<const char*>(t) : "<null>");
      }
      out.push_back(std::move(row));
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) throw std::runtime_error(std::string(sqlite3_errmsg(m_db)) + " in: " + sql);
    return out;
  }
  std::int64_t scalar(const std::string& sql) {
    auto r = rows(sql);
    if (r.empty() || r[0].empty()) throw std::runtime_error("no value from: " + sql);
    return std::stoll(r[0][0]);
  }

 private:
  sqlite3* m_db = nullptr;
};

}  // namespace lpse::testutil

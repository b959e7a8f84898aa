#pragma once
// What the benchmarks share: a temp dir on the build's disk, a realistic
// visit, and the baseline every ratio is taken against: one row per durable
// SQLite transaction (WAL, synchronous=FULL, the store's settings).
#include <sqlite3.h>
#include <stdlib.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "kiosk/core/visit.hpp"

namespace lpse::bench {

class BenchDir {
 public:
  explicit BenchDir(const char* prefix = "lpse-bench") {
    const char* env = std::getenv("LPSE_BENCH_TMPDIR");
    std::filesystem::path root = env && *env ? env : LPSE_BIN_DIR;
    std::string tmpl = (root / (std::string(prefix) + "-XXXXXX")).string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed in " + root.string());
    m_path = tmpl;
  }
  ~BenchDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  std::string file(const char* name) const { return (m_path / name).string(); }

 private:
  std::filesystem::path m_path;
};

inline core::Visit benchVisit(int i) {
  core::Visit v;
  v.service = i % 2 ? "userid" : "reset";
  v.name = "Budi Santoso";
  v.role = core::VisitorRole::Ppk;
  v.agency = "Dinas PUPR Kota Bandung";
  v.phone = "081234567890";
  v.documents = {core::Document::RequestForm, core::Document::SkPenunjukan};
  v.consent = true;
  return v;
}

inline void check(int rc, int want, sqlite3* db, const char* what) {
  if (rc != want) throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

// The baseline: one row inserted per durable transaction.
class RawCommitter {
 public:
  explicit RawCommitter(const std::string& path) {
    check(sqlite3_open(path.c_str(), &m_db), SQLITE_OK, m_db, "open");
    check(sqlite3_exec(m_db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                             "CREATE TABLE t(id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, v TEXT NOT NULL)",
                       nullptr, nullptr, nullptr),
          SQLITE_OK, m_db, "setup");
    check(sqlite3_prepare_v2(m_db, "INSERT INTO t(at_ms, v) VALUES(?, 'R-001')", -1, &m_ins, nullptr), SQLITE_OK,
          m_db, "prepare");
  }
  ~RawCommitter() {
    sqlite3_finalize(m_ins);
    sqlite3_close(m_db);
  }
  RawCommitter(const RawCommitter&) = delete;
  RawCommitter& operator=(const RawCommitter&) = delete;

  void commitOne() {
    check(sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK, m_db, "begin");
    sqlite3_bind_int64(m_ins, 1, ++m_i);
    check(sqlite3_step(m_ins), SQLITE_DONE, m_db, "insert");
    sqlite3_reset(m_ins);
    check(sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK, m_db, "commit");
  }

 private:
  sqlite3* m_db = nullptr;
  sqlite3_stmt* m_ins = nullptr;
  std::int64_t m_i = 0;
};

}  // namespace lpse::bench

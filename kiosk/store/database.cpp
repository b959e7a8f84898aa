#include "kiosk/store/database.hpp"

#include <sqlite3.h>

namespace lpse::store {
namespace {
[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what) {
  throw DbError(rc, std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}
}  // namespace

Db::Db(const std::string& path) {
  int rc = sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    sqlite3_close(m_db);
    m_db = nullptr;
    throw DbError(rc, "cannot open database " + path + ": " + msg);
  }
  // Writers from several processes wait for each other instead of failing.
  sqlite3_busy_timeout(m_db, 15000);
  exec("PRAGMA journal_mode=WAL");
  // FULL: a committed ticket survives a power cut, not only a crash.
  exec("PRAGMA synchronous=FULL");
  exec("PRAGMA foreign_keys=ON");
}

Db::~Db() { sqlite3_close_v2(m_db); }

void Db::exec(std::string_view sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(m_db, std::string(sql).c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw DbError(rc, msg + " in: " + std::string(sql.substr(0, 80)));
  }
}

Stmt Db::prepare(std::string_view sql) { return Stmt(*this, sql); }
std::int64_t Db::lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }
int Db::changes() const { return sqlite3_changes(m_db); }

Stmt::Stmt(Db& db, std::string_view sql) : m_db(&db) {
  int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
  if (rc != SQLITE_OK) fail(db.handle(), rc, "prepare");
}
Stmt::~Stmt() { sqlite3_finalize(m_stmt); }

Stmt& Stmt::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(m_stmt, i, v);
  return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
  sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::bindNull(int i) {
  sqlite3_bind_null(m_stmt, i);
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(m_db->handle(), rc, "step");
}
void Stmt::run() {
  while (step()) {
  }
}
void Stmt::reset() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
}

std::int64_t Stmt::i64(int col) const { return sqlite3_column_int64(m_stmt, col); }
std::string Stmt::text(int col) const {
  auto* p = sqlite3_column_text(m_stmt, col);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(m_stmt, col)) : std::string();
}
bool Stmt::isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }

Transaction::Transaction(Db& db) : m_db(db) { m_db.exec("BEGIN IMMEDIATE"); }
Transaction::~Transaction() {
  if (!m_done) {
    try {
      m_db.exec("ROLLBACK");
    } catch (...) {
      // Nothing to do: a failed rollback leaves SQLite to roll back on close.
    }
  }
}
void Transaction::commit() {
  m_db.exec("COMMIT");
  m_done = true;
}

}  // namespace lpse::store

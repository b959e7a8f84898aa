#include "kiosk/store/database.hpp"

#include <sqlite3.h>

namespace lpse::store {
namespace {
[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what) {
  throw DbError(rc, std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}
}  // namespace

core::Error storageFailure(const std::exception& e) {
  return core::makeError("storage_error", "Penyimpanan data gagal; coba lagi. (" + std::string(e.what()) + ")",
                         "Storing the data failed; please try again. (" + std::string(e.what()) + ")");
}

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

Db::~Db() {
  for (auto& [sql, stmt] : m_cache) sqlite3_finalize(stmt);
  sqlite3_close_v2(m_db);
}

sqlite3_stmt* Db::acquire(std::string_view sql) {
  if (auto it = m_cache.find(std::string(sql)); it != m_cache.end()) {
    sqlite3_stmt* stmt = it->second;
    m_cache.erase(it);
    return stmt;
  }
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    fail(m_db, rc, "prepare");
  }
  ++m_prepared;
  return stmt;
}

void Db::release(sqlite3_stmt* stmt) {
  if (!stmt) return;
  // A statement left mid-way would keep its read snapshot open.
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  // Bounded: SQL built with values spliced in (rare) must not grow it.
  constexpr std::size_t kMaxCached = 256;
  const char* sql = sqlite3_sql(stmt);
  if (!sql || m_cache.size() >= kMaxCached) {
    sqlite3_finalize(stmt);
    return;
  }
  m_cache.emplace(sql, stmt);
}

bool Db::inTransaction() const { return sqlite3_get_autocommit(m_db) == 0; }

void Db::beginBatch() {
  prepare("BEGIN IMMEDIATE").run();
  m_batch = true;
}

void Db::endBatch(bool commit) {
  m_batch = false;
  if (!inTransaction()) {
    // SQLite already rolled the batch back (I/O error, full disk).
    if (commit) throw DbError(SQLITE_ABORT, "the batch was rolled back by SQLite");
    return;
  }
  if (commit) {
    try {
      prepare("COMMIT").run();
      return;
    } catch (const DbError&) {
      if (inTransaction()) exec("ROLLBACK");
      throw;
    }
  }
  exec("ROLLBACK");
}

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

Stmt::Stmt(Db& db, std::string_view sql) : m_db(&db), m_stmt(db.acquire(sql)) {}
Stmt::~Stmt() { m_db->release(m_stmt); }

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

Transaction::Transaction(Db& db) : m_db(db), m_savepoint(db.inBatch()) {
  m_db.prepare(m_savepoint ? "SAVEPOINT tx" : "BEGIN IMMEDIATE").run();
}
Transaction::~Transaction() {
  if (!m_done) {
    try {
      if (m_savepoint) {
        m_db.prepare("ROLLBACK TO tx").run();
        m_db.prepare("RELEASE tx").run();
      } else {
        m_db.prepare("ROLLBACK").run();
      }
    } catch (...) {
      // Nothing to do: a failed rollback leaves SQLite to roll back on close
      // (or the group committer to fail the whole batch).
    }
  }
}
void Transaction::commit() {
  m_db.prepare(m_savepoint ? "RELEASE tx" : "COMMIT").run();
  m_done = true;
}

}  // namespace lpse::store

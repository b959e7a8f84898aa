#pragma once
// A thin RAII layer over sqlite3: a connection, prepared statements (kept
// and reused, keyed by their SQL), and a transaction that rolls back unless
// committed. sqlite3 is forward-declared so that nothing outside store/
// sees the vendor header.
#include <cstdint>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "kiosk/core/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace lpse::store {

// SQLite failures inside the store are exceptions; Store turns them into
// core::Error values at its boundary.
struct DbError : std::runtime_error {
  int code;
  DbError(int c, const std::string& what) : std::runtime_error(what), code(c) {}
};

// The same failure as the error a person reads (Indonesian and English);
// the store's public methods return it.
core::Error storageFailure(const std::exception& e);

// Runs `fn` under `m` and turns whatever the storage throws into that
// error, so a store's public methods never throw across their boundary.
template <class Mutex, class Fn>
auto guarded(Mutex& m, Fn&& fn) -> decltype(fn()) {
  std::lock_guard lock(m);
  try {
    return fn();
  } catch (const std::exception& e) {
    return storageFailure(e);
  }
}

class Stmt;

class Db {
 public:
  explicit Db(const std::string& path);  // opens (creates) and sets the pragmas
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void exec(std::string_view sql);
  Stmt prepare(std::string_view sql);
  std::int64_t lastInsertId() const;
  int changes() const;
  sqlite3* handle() { return m_db; }
  // True while a transaction is open on this connection (SQLite may end
  // one on its own after an I/O error or a full disk).
  bool inTransaction() const;

  // Group commit (group_commit.hpp): between beginBatch and endBatch one
  // BEGIN IMMEDIATE spans many operations, and every Transaction becomes a
  // SAVEPOINT inside it, so each still rolls back alone.
  void beginBatch();
  void endBatch(bool commit);  // COMMIT (durable on return) or ROLLBACK
  bool inBatch() const { return m_batch; }
  // How many statements this connection has compiled (the rest were reused).
  std::size_t statementsPrepared() const { return m_prepared; }

 private:
  friend class Stmt;
  // Statements are prepared once and reused: a prepare costs as much as a
  // small query. A Stmt takes one out (or prepares it) and gives it back,
  // reset, when it goes; two live Stmts with the same SQL get two.
  sqlite3_stmt* acquire(std::string_view sql);
  void release(sqlite3_stmt* stmt);

  sqlite3* m_db = nullptr;
  bool m_batch = false;
  std::size_t m_prepared = 0;
  std::unordered_multimap<std::string, sqlite3_stmt*> m_cache;
};

class Stmt {
 public:
  Stmt(Db& db, std::string_view sql);
  ~Stmt();
  Stmt(Stmt&& o) noexcept : m_db(o.m_db), m_stmt(o.m_stmt) { o.m_stmt = nullptr; }
  Stmt(const Stmt&) = delete;

  // Bind by 1-based index; returns *this for chaining.
  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bindNull(int i);

  bool step();  // true: a row is ready
  void run();   // step to completion, expecting no rows
  void reset();

  std::int64_t i64(int col) const;
  std::string text(int col) const;
  bool isNull(int col) const;

 private:
  Db* m_db;
  sqlite3_stmt* m_stmt = nullptr;
};

// BEGIN IMMEDIATE: takes the write lock up front so that two processes that
// read-then-write (call next) serialize instead of deadlocking. Inside a
// group-commit batch (which already holds that lock) it is a SAVEPOINT:
// commit() releases it into the batch, destruction rolls back to it.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  void commit();

 private:
  Db& m_db;
  bool m_savepoint = false;
  bool m_done = false;
};

}  // namespace lpse::store

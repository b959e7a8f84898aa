// Report queries: the guest-book register, and the per-day cache of case
// facts the compliance and service reports are computed from
// (kiosk/report). See store_reports.hpp for the cache's contract.
#include "kiosk/store/store_reports.hpp"

#include <sqlite3.h>

#include <map>
#include <set>

#include "kiosk/report/facts_codec.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/store/schema.hpp"

namespace lpse::store {

using core::makeError;

namespace {

constexpr std::int64_t kDayMs = 86'400'000;


// Blobs through the C API: database.hpp binds text only.
class BlobStmt {
 public:
  BlobStmt(Db& db, const char* sql) : m_db(db.handle()) {
    if (sqlite3_prepare_v2(m_db, sql, -1, &m_s, nullptr) != SQLITE_OK) throw DbError(0, sqlite3_errmsg(m_db));
  }
  ~BlobStmt() { sqlite3_finalize(m_s); }
  BlobStmt& text(int i, const std::string& v) {
    sqlite3_bind_text(m_s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  BlobStmt& blob(int i, const std::string& v) {
    sqlite3_bind_blob(m_s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  bool step() {
    const int rc = sqlite3_step(m_s);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw DbError(rc, sqlite3_errmsg(m_db));
  }
  std::string col(int i) const {
    const void* p = sqlite3_column_blob(m_s, i);
    return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_s, i))) : "";
  }

 private:
  sqlite3* m_db;
  sqlite3_stmt* m_s = nullptr;
};

// Columns of the event log a report reads, the payload's states pulled out
// by SQLite's JSON functions.
constexpr const char* kEventColumns =
    "seq, at_ms, case_id, actor, kind, ticket, counter, COALESCE(json_extract(payload,'$.from'),''),"
    " COALESCE(json_extract(payload,'$.to'),''), COALESCE(json_extract(payload,'$.channel'),''),"
    " COALESCE(json_extract(payload,'$.service'),''), COALESCE(json_extract(payload,'$.priority_category'),'')";

report::LogEvent readEvent(const Stmt& s) {
  report::LogEvent e;
  e.seq = s.i64(0);
  e.atMs = s.i64(1);
  e.caseId = s.i64(2);
  e.actor = s.text(3);
  e.kind = s.text(4);
  e.ticket = s.text(5);
  e.counter = s.text(6);
  e.from = s.text(7);
  e.to = s.text(8);
  e.channel = s.text(9);
  e.service = s.text(10);
  e.priority = s.text(11);
  return e;
}

constexpr const char* kRegisterSelect =
    "SELECT c.id, c.created_ms, v.name, v.nip, v.agency, v.phone, v.email, v.role, c.service, c.channel, c.ticket,"
    " c.state, v.purged_ms, c.priority_category FROM cases c JOIN visits v ON v.id = c.visit_id";

report::RegisterRow readRegister(const Stmt& s) {
  report::RegisterRow r;
  r.caseId = s.i64(0);
  r.createdMs = s.i64(1);
  r.name = s.text(2);
  r.nip = s.text(3);
  r.agency = s.text(4);
  r.phone = s.text(5);
  r.email = s.text(6);
  r.role = s.text(7);
  r.service = s.text(8);
  r.channel = s.text(9);
  r.ticket = s.text(10);
  r.state = s.text(11);
  r.purged = s.i64(12) != 0;
  r.priority = s.text(13);
  return r;
}

}  // namespace

ReportStore::ReportStore(std::unique_ptr<Db> db, StoreOptions options, core::TimeStandards standards)
    : m_db(std::move(db)), m_options(std::move(options)), m_standards(std::move(standards)) {}
ReportStore::~ReportStore() = default;

core::Result<std::unique_ptr<ReportStore>> ReportStore::open(const std::string& path, StoreOptions options,
                                                             core::TimeStandards standards) {
  try {
    auto db = std::make_unique<Db>(path);
    migrate(*db);
    // A report reads a year of facts: page the file in by mapping it and
    // keep a larger cache, instead of one pread per 4 KB page (perf showed
    // those syscalls as the largest cost). Only this connection.
    db->exec("PRAGMA mmap_size=2147418112; PRAGMA cache_size=-65536;");
    // Derived tables and the indexes the reports read through (see header).
    db->exec(
        "CREATE INDEX IF NOT EXISTS cases_created ON cases(created_ms);"
        "CREATE TABLE IF NOT EXISTS report_days (day TEXT PRIMARY KEY, names BLOB NOT NULL,"
        " cases BLOB NOT NULL, steps BLOB NOT NULL, breaks BLOB NOT NULL);"
        "CREATE TABLE IF NOT EXISTS report_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "CREATE TABLE IF NOT EXISTS consent_withdrawn (visit_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL,"
        " at_ms INTEGER NOT NULL);"
        "CREATE INDEX IF NOT EXISTS visits_nip ON visits(nip) WHERE nip <> '';"
        "CREATE INDEX IF NOT EXISTS visits_phone ON visits(phone) WHERE phone <> '';");
    return std::unique_ptr<ReportStore>(new ReportStore(std::move(db), std::move(options), std::move(standards)));
  } catch (const DbError& e) {
    return makeError("storage_open", "Basis data tidak dapat dibuka: " + std::string(e.what()),
                     "The database cannot be opened: " + std::string(e.what()));
  }
}

std::string ReportStore::fingerprint() const {
  const auto& c = m_options.calendar;
  std::string f = "v" + std::to_string(report::kFactsFormat) + " tz" + std::to_string(c.utcOffsetMinutes) + " d";
  for (int d : c.workingDays) f += std::to_string(d);
  f += " h" + std::to_string(c.hours.from) + "-" + std::to_string(c.hours.to) + " b";
  for (const auto& [day, span] : c.breaks)
    f += std::to_string(day) + ":" + std::to_string(span.from) + "-" + std::to_string(span.to) + ",";
  f += " H";
  for (const auto& h : c.holidays) f += h.iso() + ",";
  f += " s";
  for (const auto& [step, min] : m_standards.minutes) f += std::to_string(step) + "=" + std::to_string(min) + ",";
  return f;
}

core::Result<std::vector<report::RegisterRow>> ReportStore::registerRows(const report::Period& p) {
  return guarded(m_mutex, [&]() -> core::Result<std::vector<report::RegisterRow>> {
    const auto& cal = m_options.calendar;
    Stmt s(*m_db, std::string(kRegisterSelect) + " WHERE c.created_ms >= ? AND c.created_ms < ? ORDER BY c.created_ms, c.id");
    s.bind(1, cal.localMidnight(p.from)).bind(2, cal.localMidnight(p.to) + kDayMs);
    std::vector<report::RegisterRow> rows;
    while (s.step()) rows.push_back(readRegister(s));
    return rows;
  });
}

report::DayFacts ReportStore::buildDay(const core::LocalDate& d) {
  const auto& cal = m_options.calendar;
  const std::int64_t from = cal.localMidnight(d), to = from + kDayMs;
  std::vector<report::LogEvent> events;
  // A day's cases are a run of case ids (ids grow with time), read through
  // the events_case index.
  Stmt range(*m_db, "SELECT MIN(id), MAX(id) FROM cases WHERE created_ms >= ? AND created_ms < ?");
  range.bind(1, from).bind(2, to);
  if (range.step() && !range.isNull(0)) {
    Stmt s(*m_db, std::string("SELECT ") + kEventColumns + " FROM events WHERE case_id BETWEEN ? AND ? ORDER BY case_id, seq");
    s.bind(1, range.i64(0)).bind(2, range.i64(1));
    while (s.step()) events.push_back(readEvent(s));
  }
  Stmt staff(*m_db, std::string("SELECT ") + kEventColumns + " FROM events WHERE case_id = 0 AND at_ms >= ? AND at_ms < ?");
  staff.bind(1, from).bind(2, to);
  while (staff.step()) events.push_back(readEvent(staff));
  return report::buildFacts(events, from, to, cal, m_standards);
}

core::Result<report::DayFacts> ReportStore::facts(const report::Period& p, bool withSteps) {
  return guarded(m_mutex, [&]() -> core::Result<report::DayFacts> {
    const auto& cal = m_options.calendar;
    const std::string fp = fingerprint();
    std::map<std::string, report::EncodedFacts> built;
    std::set<std::string> stale;
    std::int64_t watermark = 0, last = 0;
    bool fresh = false;
    report::DayFacts out;
    {
      // One read snapshot: the days read and built all reflect events up to `last`.
      m_db->exec("BEGIN");
      struct End {
        Db& db;
        ~End() {
          try {
            db.exec("COMMIT");
          } catch (...) {
          }
        }
      } end{*m_db};
      Stmt meta(*m_db, "SELECT key, value FROM report_meta");
      std::string storedFp;
      while (meta.step()) {
        if (meta.text(0) == "fingerprint") storedFp = meta.text(1);
        if (meta.text(0) == "watermark") watermark = std::stoll(meta.text(1));
      }
      fresh = storedFp != fp;
      if (fresh) watermark = 0;
      last = event_log::lastSeq(*m_db);
      if (!fresh && last > watermark) {
        // Days whose cases (or staff events) changed since the cache was written.
        const std::int64_t off = std::int64_t{cal.utcOffsetMinutes} * 60'000;
        Stmt s(*m_db,
               "SELECT DISTINCT (COALESCE(c.created_ms, e.at_ms) + ?) / 86400000 FROM events e"
               " LEFT JOIN cases c ON c.id = e.case_id AND e.case_id <> 0 WHERE e.seq > ?");
        s.bind(1, off).bind(2, watermark);
        while (s.step()) stale.insert(cal.localDate(s.i64(0) * kDayMs - off + 1).iso());
      }
      for (core::LocalDate d = p.from; d <= p.to; d = cal.localDate(cal.localMidnight(d) + kDayMs + 1)) {
        const std::string day = d.iso();
        report::DayFacts f;
        bool have = false;
        if (!fresh && !stale.contains(day)) {
          // The service report needs no steps: 60 % of the bytes, left unread.
          BlobStmt g(*m_db, withSteps ? "SELECT names, cases, steps, breaks FROM report_days WHERE day = ?"
                                      : "SELECT names, cases, x'', breaks FROM report_days WHERE day = ?");
          g.text(1, day);
          if (g.step()) have = report::decodeFacts({g.col(0), g.col(1), g.col(2), g.col(3)}, f);
        }
        if (!have) {
          f = buildDay(d);
          built[day] = report::encodeFacts(f);
          if (!withSteps) f.steps.clear();
        }
        if (out.cases.empty() && out.steps.empty() && out.breaks.empty())
          out = std::move(f);
        else
          report::mergeFacts(out, f);
      }
    }
    if (!built.empty() || !stale.empty() || fresh) {
      Transaction tx(*m_db);
      // Written only when nobody moved the watermark meanwhile.
      Stmt w(*m_db, "SELECT value FROM report_meta WHERE key='watermark'");
      const std::int64_t now = w.step() ? std::stoll(w.text(0)) : 0;
      if (now == watermark || fresh) {
        if (fresh) m_db->exec("DELETE FROM report_days");
        for (const auto& day : stale) {
          Stmt del(*m_db, "DELETE FROM report_days WHERE day = ?");
          del.bind(1, day).run();
        }
        for (const auto& [day, e] : built) {
          BlobStmt put(*m_db, "INSERT OR REPLACE INTO report_days(day, names, cases, steps, breaks) VALUES(?,?,?,?,?)");
          put.text(1, day).blob(2, e.names).blob(3, e.cases).blob(4, e.steps).blob(5, e.breaks);
          put.step();
        }
        Stmt set(*m_db, "INSERT OR REPLACE INTO report_meta(key, value) VALUES('watermark', ?), ('fingerprint', ?)");
        set.bind(1, std::to_string(last)).bind(2, fp).run();
      }
      tx.commit();
    }
    return out;
  });
}

core::Status ReportStore::dropCache() {
  return guarded(m_mutex, [&]() -> core::Status {
    m_db->exec("DELETE FROM report_days; DELETE FROM report_meta;");
    return core::Ok{};
  });
}

core::Result<report::RegisterReport> ReportStore::registerReport(const report::Period& p) {
  auto rows = registerRows(p);
  if (!rows) return rows.error();
  return report::makeRegister(p, std::move(*rows));
}

core::Result<report::ComplianceReport> ReportStore::compliance(const report::Period& p) {
  auto f = facts(p);
  if (!f) return f.error();
  return report::makeCompliance(p, *f, m_standards);
}

core::Result<report::ServiceReport> ReportStore::service(const report::Period& p) {
  auto f = facts(p, false);
  if (!f) return f.error();
  return report::makeService(p, *f, m_options.calendar);
}

// ---- the baselines: one pass over the log, nothing cached ----

core::Result<std::vector<report::RegisterRow>> ReportStore::registerRowsByScan(const report::Period& p) {
  return guarded(m_mutex, [&]() -> core::Result<std::vector<report::RegisterRow>> {
    const auto& cal = m_options.calendar;
    const std::int64_t from = cal.localMidnight(p.from), to = cal.localMidnight(p.to) + kDayMs;
    m_db->exec("BEGIN");
    struct End {
      Db& db;
      ~End() {
        try {
          db.exec("COMMIT");
        } catch (...) {
        }
      }
    } end{*m_db};
    // case -> (row, visit id); the last `to` of each case is its state.
    std::map<std::int64_t, std::pair<report::RegisterRow, std::int64_t>> cases;
    Stmt s(*m_db,
           "SELECT case_id, at_ms, kind, ticket, COALESCE(json_extract(payload,'$.to'),''), payload FROM events ORDER BY seq");
    while (s.step()) {
      const std::int64_t id = s.i64(0);
      if (id == 0) continue;
      const std::string kind = s.text(2);
      if (kind == "ticket_issued" || kind == "email_received") {
        const std::int64_t at = s.i64(1);
        if (at < from || at >= to) continue;
        Stmt pj(*m_db, "SELECT json_extract(?1,'$.visit_id'), json_extract(?1,'$.service'), json_extract(?1,'$.channel'),"
                       " COALESCE(json_extract(?1,'$.priority_category'),'')");
        pj.bind(1, s.text(5));
        pj.step();
        report::RegisterRow r;
        r.caseId = id;
        r.createdMs = at;
        r.ticket = s.text(3);
        r.state = s.text(4);
        r.service = pj.text(1);
        r.channel = pj.text(2);
        r.priority = pj.text(3);
        cases[id] = {r, pj.i64(0)};
        continue;
      }
      auto it = cases.find(id);
      if (it == cases.end()) continue;
      if (auto to = s.text(4); core::caseStateFrom(to)) it->second.first.state = to;
    }
    std::vector<report::RegisterRow> rows;
    Stmt v(*m_db, "SELECT name, nip, agency, phone, email, role, purged_ms FROM visits WHERE id = ?");
    for (auto& [id, entry] : cases) {
      auto& r = entry.first;
      v.reset();
      v.bind(1, entry.second);
      if (v.step()) {
        r.name = v.text(0);
        r.nip = v.text(1);
        r.agency = v.text(2);
        r.phone = v.text(3);
        r.email = v.text(4);
        r.role = v.text(5);
        r.purged = v.i64(6) != 0;
      }
      rows.push_back(std::move(r));
    }
    return rows;
  });
}

core::Result<report::DayFacts> ReportStore::factsByScan(const report::Period& p) {
  return guarded(m_mutex, [&]() -> core::Result<report::DayFacts> {
    const auto& cal = m_options.calendar;
    const std::int64_t from = cal.localMidnight(p.from), to = cal.localMidnight(p.to) + kDayMs;
    // Case by case through the whole log; facts built a few thousand cases
    // at a time so memory stays flat over a year.
    Stmt s(*m_db, std::string("SELECT ") + kEventColumns + " FROM events ORDER BY case_id, seq");
    report::DayFacts out;
    std::vector<report::LogEvent> chunk;
    auto flush = [&] {
      report::mergeFacts(out, report::buildFacts(chunk, from, to, cal, m_standards));
      chunk.clear();
    };
    std::int64_t lastCase = -1;
    while (s.step()) {
      report::LogEvent e = readEvent(s);
      if (e.caseId != lastCase && chunk.size() >= 20000) flush();
      lastCase = e.caseId;
      chunk.push_back(std::move(e));
    }
    flush();
    return out;
  });
}

}  // namespace lpse::store

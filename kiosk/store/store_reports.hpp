#pragma once
// The read side the reports need, and the data-rights operations on one
// person's guest-book entries. Beside the queue in the same SQLite file, on
// a connection of its own (like AccessStore): a year's report never holds
// the queue's mutex, and the queue's writers only wait for the short
// transactions that store a computed day.
//
// Facts per day are cached in `report_days` (derived data: built from the
// event log on first use, rebuilt when a later event touches a case of that
// day, dropped whole when the calendar, the time standards or the format
// change). The tables are created on open (CREATE ... IF NOT EXISTS), not by
// a numbered migration: they hold nothing the log cannot give again.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "kiosk/core/case_record.hpp"
#include "kiosk/core/error.hpp"
#include "kiosk/report/person.hpp"
#include "kiosk/report/reports.hpp"
#include "kiosk/store/event_log.hpp"
#include "kiosk/store/store.hpp"

namespace lpse::store {

class Db;

// Whose data: exactly one of the two, compared in normalized form.
struct PersonQuery {
  std::string nip, phone;
};

using report::PersonEntry;

class ReportStore {
 public:
  static core::Result<std::unique_ptr<ReportStore>> open(const std::string& path, StoreOptions options = {},
                                                         core::TimeStandards standards =
                                                             core::TimeStandards::sopDefaults());
  ~ReportStore();

  // ---- reports ----
  core::Result<std::vector<report::RegisterRow>> registerRows(const report::Period& p);
  // The facts of the cases opened in the period, from the per-day cache;
  // without the step facts when `withSteps` is false (the service report).
  core::Result<report::DayFacts> facts(const report::Period& p, bool withSteps = true);
  core::Result<report::RegisterReport> registerReport(const report::Period& p);
  core::Result<report::ComplianceReport> compliance(const report::Period& p);
  core::Result<report::ServiceReport> service(const report::Period& p);

  // The same rows by a plain scan of the whole event log (no cache, no
  // index beyond the primary keys): the baseline of the benchmark and a
  // cross-check in the tests.
  core::Result<std::vector<report::RegisterRow>> registerRowsByScan(const report::Period& p);
  core::Result<report::DayFacts> factsByScan(const report::Period& p);

  // Empties the cache (tests, `lpse report --rebuild-cache`).
  core::Status dropCache();

  // ---- data rights (UU 27/2022 Art. 5-8): store_person.cpp ----
  core::Result<std::vector<PersonEntry>> findPerson(const PersonQuery& q);
  // Writes "person_exported" to the log (who asked, how many entries; never
  // the data or the key itself).
  core::Status recordPersonExport(const PersonQuery& q, int entries, const Actor& actor, std::int64_t nowMs);
  // Empties every entry of the person now, open cases included (the case
  // goes on without the data); logs "person_erased". Returns entries emptied.
  core::Result<int> erasePerson(const PersonQuery& q, const Actor& actor, std::int64_t nowMs);
  // Consent withdrawn at the desk: the case continues; its entry is emptied
  // when the case closes (at once when it is closed already). Logged.
  core::Status withdrawConsent(std::int64_t caseId, const Actor& actor, std::int64_t nowMs);
  // Empties the entries whose consent was withdrawn and whose cases are all
  // closed now (the server runs it every minute). Returns entries emptied.
  core::Result<int> eraseWithdrawn(std::int64_t nowMs);

  const StoreOptions& options() const { return m_options; }

 private:
  ReportStore(std::unique_ptr<Db> db, StoreOptions options, core::TimeStandards standards);
  std::string fingerprint() const;
  report::DayFacts buildDay(const core::LocalDate& d);
  core::Result<int> emptyEntries(const std::vector<std::int64_t>& visitIds, const std::string& kind,
                                 const std::string& payloadExtra, const Actor& actor, std::int64_t nowMs);

  std::unique_ptr<Db> m_db;
  StoreOptions m_options;
  core::TimeStandards m_standards;
  std::mutex m_mutex;
};

// End of day: every walk-in ticket still waiting once its day's closing
// time has passed is cancelled with the reason code "not_served_today" by
// the actor {"system", supervisor}; its entry then follows the retention
// rule like any closed case (store_closing.cpp has the exact rule).
// Returns how many were closed.
inline constexpr const char* kNotServedToday = "not_served_today";
core::Result<int> closeUnservedTickets(Store& store, std::int64_t nowMs);
// The supervisor closes the day by hand (the "close the day" button on the
// supervisor board, issue #13): every walk-in ticket waiting now, whatever
// the hour, is cancelled with "not_served_today" by that supervisor.
core::Result<int> closeDayNow(Store& store, const Actor& supervisor, std::int64_t nowMs);

}  // namespace lpse::store

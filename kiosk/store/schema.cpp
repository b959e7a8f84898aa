#include "kiosk/store/schema.hpp"

#include <string>
#include <vector>

#include "kiosk/store/database.hpp"

namespace lpse::store {
namespace {

// Never edit a shipped migration; add a new one.
const std::vector<std::string>& migrations() {
  static const std::vector<std::string> m = {
      // 1: the event log, the projection, daily counters, personal data.
      R"sql(
      -- Append-only: who did what, when, to which case. Personal data stays
      -- out of it (it lives in visits, which retention may purge) so that the
      -- hash chain survives a purge.
      CREATE TABLE events (
        seq       INTEGER PRIMARY KEY,
        at_ms     INTEGER NOT NULL,
        actor     TEXT NOT NULL,
        role      TEXT NOT NULL,
        kind      TEXT NOT NULL,
        case_id   INTEGER NOT NULL,
        ticket    TEXT NOT NULL DEFAULT '',
        counter   TEXT NOT NULL DEFAULT '',
        payload   TEXT NOT NULL DEFAULT '{}',
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL
      );
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
      CREATE INDEX events_case ON events(case_id, seq);

      -- The guest-book entry: the personal data of a case.
      CREATE TABLE visits (
        id          INTEGER PRIMARY KEY,
        created_ms  INTEGER NOT NULL,
        name        TEXT NOT NULL,
        nip         TEXT NOT NULL DEFAULT '',
        role        TEXT NOT NULL,
        agency      TEXT NOT NULL DEFAULT '',
        phone       TEXT NOT NULL DEFAULT '',
        email       TEXT NOT NULL DEFAULT '',
        purpose     TEXT NOT NULL DEFAULT '',
        spse_user   TEXT NOT NULL DEFAULT '',
        documents   TEXT NOT NULL DEFAULT '[]',
        consent     INTEGER NOT NULL,
        consent_ms  INTEGER NOT NULL,
        language    TEXT NOT NULL DEFAULT 'id'
      );

      -- Projection of the event log: the current state of every case.
      -- Rebuilt from events by Store::rebuildProjection().
      CREATE TABLE cases (
        id          INTEGER PRIMARY KEY,
        visit_id    INTEGER NOT NULL,
        channel     TEXT NOT NULL,
        service     TEXT NOT NULL,
        role        TEXT NOT NULL,
        state       TEXT NOT NULL,
        ticket      TEXT NOT NULL DEFAULT '',
        ticket_day  TEXT NOT NULL DEFAULT '',
        ticket_seq  INTEGER NOT NULL DEFAULT 0,
        token       TEXT NOT NULL DEFAULT '',
        queue       TEXT NOT NULL DEFAULT '',
        queue_day   TEXT NOT NULL DEFAULT '',
        priority    INTEGER NOT NULL DEFAULT 0,
        queued_ms   INTEGER NOT NULL DEFAULT 0,
        counter     TEXT NOT NULL DEFAULT '',
        calls       INTEGER NOT NULL DEFAULT 0,
        created_ms  INTEGER NOT NULL,
        state_ms    INTEGER NOT NULL,
        last_seq    INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX cases_ticket ON cases(ticket_day, ticket) WHERE ticket <> '';
      CREATE INDEX cases_queue ON cases(queue, queue_day, priority, queued_ms);

      -- Daily numbering per service prefix; a row per (day, prefix) that
      -- only ever grows, so a number is never reused within a day.
      CREATE TABLE day_counters (
        day    TEXT NOT NULL,
        prefix TEXT NOT NULL,
        last   INTEGER NOT NULL,
        PRIMARY KEY (day, prefix)
      );
      )sql",
      // 2: who may use the server. Secrets are never stored: staff
      // passwords/PINs as Argon2id strings, device and session tokens as
      // BLAKE2b hashes (they are random, so a fast hash is enough).
      R"sql(
      CREATE TABLE staff (
        id              INTEGER PRIMARY KEY,
        username        TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name    TEXT NOT NULL,
        role            TEXT NOT NULL,
        secret_hash     TEXT NOT NULL,
        disabled        INTEGER NOT NULL DEFAULT 0,
        failed_logins   INTEGER NOT NULL DEFAULT 0,
        locked_until_ms INTEGER NOT NULL DEFAULT 0,
        created_ms      INTEGER NOT NULL,
        changed_ms      INTEGER NOT NULL
      );
      CREATE TABLE devices (
        id          TEXT PRIMARY KEY,
        role        TEXT NOT NULL,
        token_hash  TEXT NOT NULL UNIQUE,
        revoked     INTEGER NOT NULL DEFAULT 0,
        created_ms  INTEGER NOT NULL,
        changed_ms  INTEGER NOT NULL
      );
      CREATE TABLE sessions (
        token_hash  TEXT PRIMARY KEY,
        staff_id    INTEGER NOT NULL REFERENCES staff(id),
        created_ms  INTEGER NOT NULL,
        expires_ms  INTEGER NOT NULL,
        revoked     INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX sessions_staff ON sessions(staff_id);
      )sql",
      // 3: a client's Idempotency-Key per visit (a retried ticket request
      // gets the first one's number), and the retention purge's mark.
      R"sql(
      ALTER TABLE visits ADD COLUMN request_key TEXT NOT NULL DEFAULT '';
      ALTER TABLE visits ADD COLUMN purged_ms INTEGER NOT NULL DEFAULT 0;
      CREATE UNIQUE INDEX visits_request_key ON visits(request_key) WHERE request_key <> '';
      CREATE INDEX visits_created ON visits(created_ms);
      )sql",
      // 4: the desk (issue #12): when a request arrived (an e-mail's
      // received time, for its same-working-day deadline), and the free-text
      // notes staff add to a case. Notes stay out of the append-only log (it
      // holds codes) so the retention purge can empty them.
      R"sql(
      ALTER TABLE cases ADD COLUMN received_ms INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE case_notes (
        seq     INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL,
        at_ms   INTEGER NOT NULL,
        actor   TEXT NOT NULL,
        action  TEXT NOT NULL,
        text    TEXT NOT NULL
      );
      CREATE INDEX case_notes_case ON case_notes(case_id, seq);
      )sql",
      // 5: priority service and the call for help (issue #14). A ticket's
      // priority category (a code; '' for none), with an index that makes
      // "is any priority ticket waiting?" one probe, so an office without
      // them pays nothing. Help alerts as the log says they stand (rebuilt
      // with the projection): one per kiosk visit.
      R"sql(
      ALTER TABLE cases ADD COLUMN priority_category TEXT NOT NULL DEFAULT '';
      CREATE INDEX cases_priority_waiting ON cases(queue, queue_day)
        WHERE priority_category <> '' AND state = 'waiting';
      CREATE TABLE help_alerts (
        id        INTEGER PRIMARY KEY,
        device    TEXT NOT NULL,
        visit_key TEXT NOT NULL,
        raised_ms INTEGER NOT NULL,
        acked_by  TEXT NOT NULL DEFAULT '',
        acked_ms  INTEGER NOT NULL DEFAULT 0
      );
      CREATE UNIQUE INDEX help_alerts_visit ON help_alerts(device, visit_key);
      CREATE INDEX help_alerts_open ON help_alerts(acked_ms);
      )sql",
      // 6: a desk's presence (issue #12 breaks, #13 supervisor board): its
      // latest sign-in / break / sign-out event per counter, found without
      // reading the whole log (call-next asks it on every call).
      R"sql(
      CREATE INDEX events_desk ON events(counter, seq)
        WHERE kind IN ('desk_sign_in','break_start','break_end','desk_sign_out');
      )sql",
  };
  return m;
}

}  // namespace

int latestSchemaVersion() { return static_cast<int>(migrations().size()); }

int migrate(Db& db) {
  auto current = [&] {
    Stmt s(db, "PRAGMA user_version");
    s.step();
    return static_cast<int>(s.i64(0));
  };
  int version = current();
  while (version < latestSchemaVersion()) {
    Transaction tx(db);
    // Re-read inside the write lock: another process may have migrated.
    version = current();
    if (version >= latestSchemaVersion()) break;
    db.exec(migrations()[version]);
    db.exec("PRAGMA user_version=" + std::to_string(version + 1));
    tx.commit();
    ++version;
  }
  return version;
}

}  // namespace lpse::store

#include "kiosk/store/store.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "kiosk/core/desk_rules.hpp"
#include "kiosk/core/validation.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/store/projection.hpp"
#include "kiosk/store/schema.hpp"

namespace lpse::store {

using core::Error;
using core::makeError;
using nlohmann::json;

namespace {

Error storageError(const DbError& e) {
  return makeError("storage_error", "Penyimpanan data gagal; coba lagi. (" + std::string(e.what()) + ")",
                   "Storing the data failed; please try again. (" + std::string(e.what()) + ")");
}

// Runs `fn` under the store's mutex and turns SQLite failures into values.
template <class Fn>
auto guarded(std::recursive_mutex& m, Fn&& fn) -> decltype(fn()) {
  std::lock_guard lock(m);
  try {
    return fn();
  } catch (const DbError& e) {
    return storageError(e);
  } catch (const json::exception& e) {
    return makeError("storage_corrupt", "Data tersimpan rusak.", std::string("Stored data is damaged: ") + e.what());
  }
}

bool validRequestKey(const std::string& k) {
  if (k.size() < 16 || k.size() > 128) return false;
  for (unsigned char c : k)
    if (!std::isalnum(c) && c != '-' && c != '_') return false;
  return true;
}

std::string newToken() {
  unsigned char raw[12];
  randombytes_buf(raw, sizeof raw);
  char hex[sizeof raw * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  return hex;
}

// The guest-book columns, selected first and in kGuestColumns' order.
constexpr const char* kGuestColumns = "name, nip, role, agency, phone, email, purpose, spse_user";
core::Visit guestFields(const Stmt& s) {
  core::Visit v;
  v.name = s.text(0);
  v.nip = s.text(1);
  v.role = core::visitorRoleFrom(s.text(2)).value_or(core::VisitorRole::Ppk);
  v.agency = s.text(3);
  v.phone = s.text(4);
  v.email = s.text(5);
  v.purpose = s.text(6);
  v.spseUserId = s.text(7);
  return v;
}

json documentsJson(const std::vector<core::Document>& docs) {
  json a = json::array();
  for (auto d : docs) a.push_back(std::string(core::toString(d)));
  return a;
}

// The size of every waiting queue, kept on this connection for "N ahead of
// you" on a new ticket: counting a queue walks all of it (a day's queue can
// be thousands long), reading a count does not. TEMP triggers on cases keep
// the counts exact through every write this connection makes, and being in
// the same transaction they roll back with it; when another connection has
// committed since the counts were made (PRAGMA data_version moved: the
// admin CLI, a second server), they are made again. Nothing here is in the
// database file: the schema and other processes never see it.
constexpr const char* kQueueSizesSql = R"sql(
  PRAGMA temp_store=MEMORY;
  CREATE TEMP TABLE queue_sizes(queue TEXT NOT NULL, day TEXT NOT NULL, state TEXT NOT NULL,
                                n INTEGER NOT NULL, PRIMARY KEY (queue, day, state)) WITHOUT ROWID;
  CREATE TEMP TABLE queue_sizes_version(v INTEGER NOT NULL);
  CREATE TEMP TRIGGER queue_sizes_insert AFTER INSERT ON main.cases WHEN NEW.queue <> '' BEGIN
    INSERT OR IGNORE INTO queue_sizes VALUES(NEW.queue, NEW.queue_day, NEW.state, 0);
    UPDATE queue_sizes SET n = n + 1 WHERE queue = NEW.queue AND day = NEW.queue_day AND state = NEW.state;
  END;
  CREATE TEMP TRIGGER queue_sizes_leave AFTER UPDATE OF queue, queue_day, state ON main.cases
    WHEN OLD.queue <> '' BEGIN
    UPDATE queue_sizes SET n = n - 1 WHERE queue = OLD.queue AND day = OLD.queue_day AND state = OLD.state;
  END;
  CREATE TEMP TRIGGER queue_sizes_enter AFTER UPDATE OF queue, queue_day, state ON main.cases
    WHEN NEW.queue <> '' BEGIN
    INSERT OR IGNORE INTO queue_sizes VALUES(NEW.queue, NEW.queue_day, NEW.state, 0);
    UPDATE queue_sizes SET n = n + 1 WHERE queue = NEW.queue AND day = NEW.queue_day AND state = NEW.state;
  END;
  CREATE TEMP TRIGGER queue_sizes_delete AFTER DELETE ON main.cases WHEN OLD.queue <> '' BEGIN
    UPDATE queue_sizes SET n = n - 1 WHERE queue = OLD.queue AND day = OLD.queue_day AND state = OLD.state;
  END;
)sql";

}  // namespace

const char* const kCaseColumns =
    "id, visit_id, channel, service, role, state, ticket, ticket_day, token, queue, counter, calls,"
    " created_ms, state_ms, last_seq, priority, received_ms, priority_category";

const std::string& terminalStatesSql() {
  static const std::string list = [] {
    std::string l;
    for (int i = 0; i <= static_cast<int>(core::CaseState::Cancelled); ++i) {
      const auto st = static_cast<core::CaseState>(i);
      if (core::isTerminal(st)) l += (l.empty() ? "'" : ",'") + std::string(core::toString(st)) + "'";
    }
    return l;
  }();
  return list;
}

CaseRecord readCase(const Stmt& s) {
  CaseRecord c;
  c.id = s.i64(0);
  c.visitId = s.i64(1);
  c.channel = core::channelFrom(s.text(2)).value_or(core::Channel::WalkIn);
  c.service = s.text(3);
  c.role = core::visitorRoleFrom(s.text(4)).value_or(core::VisitorRole::Ppk);
  c.state = core::caseStateFrom(s.text(5)).value_or(core::CaseState::Cancelled);
  c.ticket = s.text(6);
  c.ticketDay = s.text(7);
  c.token = s.text(8);
  c.queue = s.text(9);
  c.counter = s.text(10);
  c.calls = static_cast<int>(s.i64(11));
  c.createdMs = s.i64(12);
  c.stateMs = s.i64(13);
  c.lastSeq = s.i64(14);
  c.priority = static_cast<int>(s.i64(15));
  c.receivedMs = s.i64(16);
  c.priorityCategory = core::priorityCategoryFrom(s.text(17)).value_or(core::PriorityCategory::None);
  return c;
}

Store::Store(std::unique_ptr<Db> db, StoreOptions options) : m_db(std::move(db)), m_options(std::move(options)) {}
Store::~Store() = default;

core::Result<std::unique_ptr<Store>> Store::open(const std::string& path, StoreOptions options) {
  if (sodium_init() < 0) return makeError("crypto_init", "Pustaka kriptografi gagal dimuat.", "libsodium failed to load.");
  try {
    auto db = std::make_unique<Db>(path);
    migrate(*db);
    db->exec(kQueueSizesSql);
    return std::unique_ptr<Store>(new Store(std::move(db), std::move(options)));
  } catch (const DbError& e) {
    return makeError("storage_open", "Basis data tidak dapat dibuka: " + std::string(e.what()),
                     "The database cannot be opened: " + std::string(e.what()));
  }
}

std::string Store::today(std::int64_t nowMs) const { return m_options.calendar.localDate(nowMs).iso(); }

std::optional<CaseRecord> Store::loadCase(std::int64_t caseId) {
  Stmt s(*m_db, std::string("SELECT ") + kCaseColumns + " FROM cases WHERE id=?");
  s.bind(1, caseId);
  if (!s.step()) return std::nullopt;
  return readCase(s);
}

core::Result<CaseRecord> Store::openCase(const core::Visit& visit, const Actor& actor, std::int64_t nowMs,
                                         const std::string& requestKey) {
  if (auto errors = core::validateVisit(visit); !errors.empty()) return errors.front();
  const core::ServiceDef* service = nullptr;
  for (const auto& s : m_options.services)
    if (s.code == visit.service) service = &s;
  if (!service)
    return makeError("unknown_service", "Layanan '" + visit.service + "' tidak tersedia.",
                     "Service '" + visit.service + "' is not offered.", "service");
  const bool walkIn = visit.channel == core::Channel::WalkIn;
  const bool allowed = walkIn ? (actor.role == core::ActorRole::Kiosk || actor.role == core::ActorRole::Helpdesk)
                              : actor.role == core::ActorRole::Helpdesk;
  if (!allowed)
    return makeError("forbidden_role", "Peran ini tidak berwenang mendaftarkan permohonan.",
                     "This role may not register a request.");
  if (!walkIn && visit.priority != core::PriorityCategory::None)
    return makeError("priority_walk_in_only", "Layanan prioritas hanya untuk pengunjung yang datang langsung.",
                     "Priority service is for walk-in visitors only.", "priority");
  if (!walkIn && visit.receivedMs > nowMs + 60'000)
    return makeError("received_in_future", "Waktu terima e-mail tidak boleh di masa depan.",
                     "The e-mail's received time cannot be in the future.", "received_ms");

  Transaction tx(*m_db);
  const std::string day = today(nowMs);
  Stmt v(*m_db,
         "INSERT INTO visits(created_ms, name, nip, role, agency, phone, email, purpose, spse_user, documents,"
         " consent, consent_ms, language, request_key) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  v.bind(1, nowMs).bind(2, visit.name).bind(3, core::normalizeNip(visit.nip));
  v.bind(4, std::string(core::toString(visit.role))).bind(5, visit.agency).bind(6, core::normalizePhone(visit.phone));
  v.bind(7, visit.email).bind(8, visit.purpose).bind(9, visit.spseUserId).bind(10, documentsJson(visit.documents).dump());
  v.bind(11, visit.consent ? 1 : 0).bind(12, nowMs).bind(13, visit.language).bind(14, requestKey);
  v.run();
  const std::int64_t visitId = m_db->lastInsertId();

  Stmt idq(*m_db, "SELECT COALESCE(MAX(case_id), 0) + 1 FROM events");
  idq.step();
  const std::int64_t caseId = idq.i64(0);

  core::TicketNumber number{service->prefix, 0};
  if (walkIn) {
    Stmt c(*m_db,
           "INSERT INTO day_counters(day, prefix, last) VALUES(?, ?, 1)"
           " ON CONFLICT(day, prefix) DO UPDATE SET last = last + 1 RETURNING last");
    c.bind(1, day).bind(2, service->prefix);
    c.step();
    number.seq = static_cast<int>(c.i64(0));
  }
  const core::CaseState state = core::initialState(visit.channel);
  // An e-mail's deadline counts from when it arrived, which may be before
  // the desk registered it; never from the future.
  const std::int64_t receivedMs = !walkIn && visit.receivedMs > 0 ? visit.receivedMs : nowMs;
  json p = {{"visit_id", visitId},
            {"channel", core::toString(visit.channel)},
            {"service", visit.service},
            {"role", core::toString(visit.role)},
            {"to", core::toString(state)},
            {"ticket_day", walkIn ? day : ""},
            {"ticket_seq", number.seq},
            {"token", newToken()},
            {"queue", core::queueOf(state).value_or("")},
            {"queue_day", day},
            {"priority", 0},
            {"queued_ms", nowMs},
            {"received_ms", receivedMs},
            {"missing", documentsJson(visit.missingDocuments())}};
  // Priority service: the category's code (never words about the person).
  if (visit.priority != core::PriorityCategory::None) p["priority_category"] = core::toString(visit.priority);
  EventRecord e;
  e.atMs = nowMs;
  e.actor = actor.id;
  e.role = core::toString(actor.role);
  e.kind = walkIn ? "ticket_issued" : "email_received";
  e.caseId = caseId;
  e.ticket = walkIn ? number.text() : "";
  e.payload = p.dump();
  e = event_log::append(*m_db, e);
  project(*m_db, e);
  tx.commit();
  return *loadCase(caseId);
}

core::Result<IssuedTicket> Store::issueTicket(const core::Visit& visit, const Actor& actor, std::int64_t nowMs,
                                              const std::string& requestKey) {
  return guarded(m_mutex, [&]() -> core::Result<IssuedTicket> {
    if (visit.channel != core::Channel::WalkIn)
      return makeError("wrong_channel", "Nomor antrian hanya untuk pengunjung yang datang langsung.",
                       "Queue numbers are for walk-in visitors only.", "channel");
    if (!requestKey.empty() && !validRequestKey(requestKey))
      return makeError("bad_value", "Idempotency-Key harus 16-128 huruf, angka, '-' atau '_'.",
                       "Idempotency-Key must be 16-128 letters, digits, '-' or '_'.", "idempotency_key");
    // Scoped to the caller: one device cannot reach another's ticket by
    // guessing its key.
    const std::string key = requestKey.empty() ? "" : actor.id + " " + requestKey;
    if (!key.empty()) {
      auto earlier = replayedTicket(key, visit);
      if (!earlier) return earlier.error();
      if (*earlier) return **earlier;
    }
    auto c = openCase(visit, actor, nowMs, key);
    if (!c) return c.error();
    IssuedTicket t{*c, 0};
    t.ahead = waitingAheadOfNew(c->id);
    return t;
  });
}

// The ticket an earlier request with this key made, if any. The same key
// with different guest-book data is a client bug, refused rather than
// guessed at.
core::Result<std::optional<IssuedTicket>> Store::replayedTicket(const std::string& key, const core::Visit& visit) {
  Stmt s(*m_db,
         "SELECT c.id, v.name, v.nip, v.role, v.phone, c.service FROM visits v JOIN cases c ON c.visit_id = v.id"
         " WHERE v.request_key=?");
  s.bind(1, key);
  if (!s.step()) return std::optional<IssuedTicket>{};
  const bool same = s.text(1) == visit.name && s.text(2) == core::normalizeNip(visit.nip) &&
                    s.text(3) == core::toString(visit.role) && s.text(4) == core::normalizePhone(visit.phone) &&
                    s.text(5) == visit.service;
  if (!same)
    return makeError("idempotency_conflict", "Kunci permintaan ini sudah dipakai untuk data tamu lain.",
                     "This request key was already used for another guest-book entry.", "idempotency_key");
  auto c = loadCase(s.i64(0));
  if (!c) return makeError("case_not_found", "Permohonan tidak ditemukan.", "Case not found.");
  IssuedTicket t{*c, waitingAheadLocked(*c), true};
  return std::optional<IssuedTicket>{t};
}

core::Result<core::Visit> Store::recallEntry(const std::string& token) {
  return guarded(m_mutex, [&]() -> core::Result<core::Visit> {
    Stmt s(*m_db, std::string("SELECT ") + kGuestColumns +
                      ", purged_ms FROM visits WHERE id = (SELECT visit_id FROM cases WHERE token=? AND token<>'')");
    s.bind(1, token);
    if (!s.step()) return makeError("ticket_not_found", "Tiket tidak dikenali.", "Ticket not recognised.", "token");
    if (s.i64(8) != 0)
      return makeError("entry_purged", "Data kunjungan ini sudah dihapus sesuai masa simpan; silakan isi lagi.",
                       "This visit's data were deleted after the retention period; please fill in again.");
    return guestFields(s);
  });
}

core::Result<int> Store::purgeVisits(std::int64_t cutoffMs, std::int64_t nowMs) {
  return guarded(m_mutex, [&]() -> core::Result<int> {
    Transaction tx(*m_db);
    Stmt s(*m_db,
           "UPDATE visits SET name='', nip='', agency='', phone='', email='', purpose='', spse_user='', purged_ms=?"
           " WHERE purged_ms=0 AND created_ms<? AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.visit_id=visits.id"
           " AND c.state NOT IN (" + terminalStatesSql() + "))");
    s.bind(1, nowMs).bind(2, cutoffMs);
    s.run();
    const int n = m_db->changes();
    // Staff notes are free text about the person: they go with the entry.
    Stmt notes(*m_db,
               "DELETE FROM case_notes WHERE case_id IN (SELECT c.id FROM cases c JOIN visits v ON v.id = c.visit_id"
               " WHERE v.purged_ms <> 0)");
    notes.run();
    tx.commit();
    return n;
  });
}

core::Result<CaseRecord> Store::receiveEmail(const core::Visit& visit, const Actor& actor, std::int64_t nowMs,
                                             const std::string& requestKey, bool* replayed) {
  if (replayed) *replayed = false;
  return guarded(m_mutex, [&]() -> core::Result<CaseRecord> {
    if (visit.channel != core::Channel::Email)
      return makeError("wrong_channel", "Permohonan ini bukan dari e-mail.", "This request is not an e-mail one.",
                       "channel");
    if (!requestKey.empty() && !validRequestKey(requestKey))
      return makeError("bad_value", "Idempotency-Key harus 16-128 huruf, angka, '-' atau '_'.",
                       "Idempotency-Key must be 16-128 letters, digits, '-' or '_'.", "idempotency_key");
    const std::string key = requestKey.empty() ? "" : actor.id + " " + requestKey;
    if (!key.empty()) {
      auto earlier = replayedEmail(key, visit);
      if (!earlier) return earlier.error();
      if (*earlier) {
        if (replayed) *replayed = true;
        return **earlier;
      }
    }
    return openCase(visit, actor, nowMs, key);
  });
}

// The e-mail case an earlier request with this key opened, if any; the
// same key for another sender or service is refused (as for tickets).
core::Result<std::optional<CaseRecord>> Store::replayedEmail(const std::string& key, const core::Visit& visit) {
  Stmt s(*m_db,
         "SELECT c.id, v.email, c.service, c.channel FROM visits v JOIN cases c ON c.visit_id = v.id"
         " WHERE v.request_key=?");
  s.bind(1, key);
  if (!s.step()) return std::optional<CaseRecord>{};
  const bool same = s.text(1) == visit.email && s.text(2) == visit.service &&
                    s.text(3) == core::toString(core::Channel::Email);
  if (!same)
    return makeError("idempotency_conflict", "Kunci permintaan ini sudah dipakai untuk e-mail lain.",
                     "This request key was already used for another e-mail.", "idempotency_key");
  auto c = loadCase(s.i64(0));
  if (!c) return makeError("case_not_found", "Permohonan tidak ditemukan.", "Case not found.");
  return std::optional<CaseRecord>{*c};
}

core::Status Store::recordMailReply(std::int64_t caseId, const std::string& outcome, const std::string& code,
                                    const std::string& notice, const Actor& actor, std::int64_t nowMs) {
  return guarded(m_mutex, [&]() -> core::Status {
    Transaction tx(*m_db);
    auto c = loadCase(caseId);
    if (!c) return makeError("case_not_found", "Permohonan tidak ditemukan.", "Case not found.");
    EventRecord e;
    e.atMs = nowMs;
    e.actor = actor.id;
    e.role = core::toString(actor.role);
    e.kind = "mail_reply";
    e.caseId = caseId;
    e.ticket = c->ticket;
    e.payload = json{{"outcome", outcome}, {"code", code}, {"notice", notice}}.dump();
    e = event_log::append(*m_db, e);
    project(*m_db, e);
    tx.commit();
    return core::Ok{};
  });
}

core::Result<CaseRecord> Store::transition(const CaseRecord& c, core::Action action, const core::ActionInput& input,
                                           const Actor& actor, std::int64_t nowMs) {
  auto to = core::apply(c.state, action, actor.role, input, c.channel);
  if (!to) return to.error();
  if (action == core::Action::Transfer && !input.service.empty()) {
    bool offered = false;
    for (const auto& s : m_options.services) offered = offered || s.code == input.service;
    if (!offered)
      return makeError("unknown_service", "Layanan '" + input.service + "' tidak tersedia.",
                       "Service '" + input.service + "' is not offered.", "service");
  }
  const auto queue = core::queueOf(*to);
  // Entering a queue takes a place at its end; a visitor back with the
  // missing documents goes ahead of first-time tickets (they already waited).
  const bool entersQueue = queue && *to != c.state;
  Stmt cur(*m_db, "SELECT queue_day, priority, queued_ms FROM cases WHERE id=?");
  cur.bind(1, c.id);
  cur.step();
  json p = {{"from", core::toString(c.state)},
            {"to", core::toString(*to)},
            {"queue", queue.value_or("")},
            {"queue_day", entersQueue ? today(nowMs) : cur.text(0)},
            // Back with the documents, or sent over from another service:
            // they already waited once.
            {"priority", entersQueue ? (action == core::Action::ReturnDocuments || action == core::Action::Transfer ? 1 : 0)
                                     : cur.i64(1)},
            {"queued_ms", entersQueue ? nowMs : cur.i64(2)}};
  if (!input.missing.empty()) p["missing"] = documentsJson(input.missing);
  if (!input.basis.empty()) p["basis"] = input.basis;
  if (!input.reason.empty()) p["reason"] = input.reason;
  // Codes only: what came back, what was done, where it went, the archive number.
  if (!input.returned.empty()) p["returned"] = documentsJson(input.returned);
  if (!input.outcome.empty()) p["outcome"] = input.outcome;
  if (!input.reference.empty()) p["reference"] = input.reference;
  if (!input.service.empty()) p["service"] = input.service;
  if (!input.note.empty()) p["note"] = true;  // that there is one, not what it says
  EventRecord e;
  e.atMs = nowMs;
  e.actor = actor.id;
  e.role = core::toString(actor.role);
  e.kind = core::toString(action);
  e.caseId = c.id;
  e.ticket = c.ticket;
  e.counter = input.counter;
  e.payload = p.dump();
  e = event_log::append(*m_db, e);
  project(*m_db, e);
  if (!input.note.empty()) {
    Stmt n(*m_db, "INSERT INTO case_notes(seq, case_id, at_ms, actor, action, text) VALUES(?,?,?,?,?,?)");
    n.bind(1, e.seq).bind(2, c.id).bind(3, nowMs).bind(4, actor.id).bind(5, e.kind).bind(6, input.note);
    n.run();
  }
  return *loadCase(c.id);
}

core::Result<std::optional<CaseRecord>> Store::callNext(const std::string& queue, const std::string& counter,
                                                        const Actor& actor, std::int64_t nowMs) {
  using Out = core::Result<std::optional<CaseRecord>>;
  return guarded(m_mutex, [&]() -> Out {
    core::Action action;
    std::string sql = std::string("SELECT ") + kCaseColumns + " FROM cases WHERE queue=? AND state=?";
    core::CaseState state;
    if (queue == "helpdesk") {
      action = core::Action::Call;
      state = core::CaseState::Waiting;
      // Numbers restart daily: yesterday's unserved tickets are not called.
      sql += " AND queue_day=?";
    } else if (queue == "admin") {
      action = core::Action::StartVerify;
      state = core::CaseState::AtAdminQueue;
    } else {
      return makeError("unknown_queue", "Antrian '" + queue + "' tidak dikenal.", "Unknown queue '" + queue + "'.",
                       "queue");
    }
    sql += " ORDER BY priority DESC, queued_ms, id LIMIT 1";
    // The write lock is taken before the read: two desks in two processes
    // serialize here, so each waiting case is handed out once.
    Transaction tx(*m_db);
    std::optional<CaseRecord> head;
    // Priority tickets waiting: the policy (core/priority.hpp) picks.
    if (action == core::Action::Call)
      if (auto id = priorityNextLocked(today(nowMs))) head = loadCase(*id);
    if (!head) {
      Stmt s(*m_db, sql);
      s.bind(1, queue).bind(2, std::string(core::toString(state)));
      if (action == core::Action::Call) s.bind(3, today(nowMs));
      if (!s.step()) return std::optional<CaseRecord>{};
      head = readCase(s);
    }
    CaseRecord c = *head;
    core::ActionInput in;
    in.counter = counter;
    auto r = transition(c, action, in, actor, nowMs);
    if (!r) return r.error();
    tx.commit();
    return std::optional<CaseRecord>{*r};
  });
}

core::Result<CaseRecord> Store::act(std::int64_t caseId, core::Action action, const core::ActionInput& input,
                                    const Actor& actor, std::int64_t nowMs) {
  return guarded(m_mutex, [&]() -> core::Result<CaseRecord> {
    if (action == core::Action::IssueTicket || action == core::Action::ReceiveEmail)
      return makeError("invalid_transition", "Langkah ini membuat permohonan baru.", "This step opens a new case.");
    Transaction tx(*m_db);
    auto c = loadCase(caseId);
    if (!c)
      return makeError("case_not_found", "Permohonan nomor " + std::to_string(caseId) + " tidak ditemukan.",
                       "Case " + std::to_string(caseId) + " was not found.");
    core::ActionInput in = input;
    // A recall goes to the counter that called; a call-back names its
    // counter (the case's last one may be Admin PPE's desk).
    if (action == core::Action::Recall && in.counter.empty()) in.counter = c->counter;
    // "Next" (callNext) takes the queue's head; calling one case by its id
    // is out of order and needs a reason from the list (it is logged).
    if (action == core::Action::Call) {
      if (in.reason.empty())
        return makeError("reason_required", "Panggilan di luar urutan memerlukan alasan.",
                         "A call out of queue order needs a reason.", "reason");
      if (auto bad = core::checkCode(core::CodeList::OutOfOrderReason, in.reason, "reason")) return *bad;
    }
    auto r = transition(*c, action, in, actor, nowMs);
    if (!r) return r.error();
    tx.commit();
    return r;
  });
}

core::Result<CaseRecord> Store::getCase(std::int64_t caseId) {
  return guarded(m_mutex, [&]() -> core::Result<CaseRecord> {
    if (auto c = loadCase(caseId)) return *c;
    return makeError("case_not_found", "Permohonan tidak ditemukan.", "Case not found.");
  });
}

core::Result<CaseRecord> Store::findByToken(const std::string& token) {
  return guarded(m_mutex, [&]() -> core::Result<CaseRecord> {
    Stmt s(*m_db, std::string("SELECT ") + kCaseColumns + " FROM cases WHERE token=? AND token<>''");
    s.bind(1, token);
    if (s.step()) return readCase(s);
    return makeError("ticket_not_found", "Tiket tidak dikenali.", "Ticket not recognised.", "token");
  });
}

core::Result<core::Visit> Store::getVisit(std::int64_t visitId) {
  return guarded(m_mutex, [&]() -> core::Result<core::Visit> {
    // The service and channel live on the visit's case (a transfer may
    // have moved the service since).
    Stmt s(*m_db, std::string("SELECT ") + kGuestColumns +
                      ", documents, consent, language,"
                      " (SELECT service FROM cases WHERE visit_id = visits.id ORDER BY id DESC LIMIT 1),"
                      " (SELECT channel FROM cases WHERE visit_id = visits.id ORDER BY id DESC LIMIT 1),"
                      " (SELECT received_ms FROM cases WHERE visit_id = visits.id ORDER BY id DESC LIMIT 1)"
                      " FROM visits WHERE id=?");
    s.bind(1, visitId);
    if (!s.step()) return makeError("visit_not_found", "Data tamu tidak ditemukan.", "Guest-book entry not found.");
    core::Visit v = guestFields(s);
    for (const auto& d : json::parse(s.text(8)))
      if (auto doc = core::documentFrom(d.get<std::string>())) v.documents.push_back(*doc);
    v.consent = s.i64(9) != 0;
    v.language = s.text(10);
    v.service = s.text(11);
    v.channel = core::channelFrom(s.text(12)).value_or(core::Channel::WalkIn);
    if (v.channel == core::Channel::Email) v.receivedMs = s.i64(13);
    return v;
  });
}

int Store::waitingAhead(const CaseRecord& c) {
  std::lock_guard lock(m_mutex);
  try {
    return waitingAheadLocked(c);
  } catch (const DbError&) {
    return -1;
  }
}

int Store::waitingAheadLocked(const CaseRecord& c) {
  if (c.queue == "helpdesk" && c.state == core::CaseState::Waiting) {
    if (auto ahead = priorityAheadLocked(c)) return *ahead;
  }
  Stmt s(*m_db,
         "SELECT COUNT(*) FROM cases o, cases me WHERE me.id=? AND o.queue=me.queue AND o.state=me.state"
         " AND o.queue_day=me.queue_day AND (o.priority > me.priority OR (o.priority = me.priority AND"
         " (o.queued_ms < me.queued_ms OR (o.queued_ms = me.queued_ms AND o.id < me.id))))");
  s.bind(1, c.id);
  s.step();
  return static_cast<int>(s.i64(0));
}

int Store::waitingAheadOfNew(std::int64_t caseId) {
  Stmt me(*m_db, "SELECT queue, queue_day, state, priority, queued_ms FROM cases WHERE id=?");
  me.bind(1, caseId);
  if (!me.step()) return 0;
  const std::string queue = me.text(0), day = me.text(1), state = me.text(2);
  const std::int64_t priority = me.i64(3), queuedMs = me.i64(4);
  if (queue.empty()) {
    CaseRecord c;
    c.id = caseId;
    return waitingAheadLocked(c);
  }
  // With a priority ticket waiting the policy decides the order, not the
  // queue's size (the walk is taken only then; see priorityAheadLocked).
  if (queue == "helpdesk" && state == "waiting") {
    CaseRecord c;
    c.id = caseId;
    if (auto ahead = priorityAheadLocked(c)) return *ahead;
  }
  // The counts are current as of the last commit of another connection
  // they saw; recounted (one walk of every queue) when there was a newer one.
  Stmt version(*m_db, "PRAGMA data_version");
  version.step();
  const std::int64_t now = version.i64(0);
  Stmt counted(*m_db, "SELECT v FROM temp.queue_sizes_version");
  if (!counted.step() || counted.i64(0) != now) {
    counted.reset();
    m_db->exec(
        "DELETE FROM temp.queue_sizes; DELETE FROM temp.queue_sizes_version;"
        " INSERT INTO temp.queue_sizes SELECT queue, queue_day, state, COUNT(*) FROM main.cases"
        " WHERE queue <> '' GROUP BY queue, queue_day, state;");
    Stmt mark(*m_db, "INSERT INTO temp.queue_sizes_version(v) VALUES(?)");
    mark.bind(1, now).run();
  }
  Stmt size(*m_db, "SELECT n FROM temp.queue_sizes WHERE queue=? AND day=? AND state=?");
  size.bind(1, queue).bind(2, day).bind(3, state);
  const std::int64_t total = size.step() ? size.i64(0) : 0;
  // Behind it, in call order (waitingAheadLocked's, reversed): three index
  // ranges that are empty or nearly so for a case at the end.
  Stmt behind(*m_db,
              "SELECT (SELECT COUNT(*) FROM cases WHERE queue=?1 AND queue_day=?2 AND state=?3 AND priority<?4)"
              " + (SELECT COUNT(*) FROM cases WHERE queue=?1 AND queue_day=?2 AND state=?3 AND priority=?4"
              " AND queued_ms>?5)"
              " + (SELECT COUNT(*) FROM cases WHERE queue=?1 AND queue_day=?2 AND state=?3 AND priority=?4"
              " AND queued_ms=?5 AND id>?6)");
  behind.bind(1, queue).bind(2, day).bind(3, state).bind(4, priority).bind(5, queuedMs).bind(6, caseId);
  behind.step();
  return static_cast<int>(std::max<std::int64_t>(0, total - 1 - behind.i64(0)));
}

}  // namespace lpse::store

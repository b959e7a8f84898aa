// Each visitor's data rights (UU 27/2022 Art. 5-8): everything held about
// one person, erasure now, and erasure when a case closes after consent
// was withdrawn at the desk. The log records each act without the data:
// who did it, the kind of key used, and which cases; never the name, NIP,
// phone or e-mail.
#include <nlohmann/json.hpp>

#include "kiosk/core/validation.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/store/store_reports.hpp"

namespace lpse::store {

using core::makeError;
using nlohmann::json;

namespace {


// The column and the normalized key, or why the query is unusable.
core::Result<std::pair<std::string, std::string>> keyOf(const PersonQuery& q) {
  if (!q.nip.empty() == !q.phone.empty())
    return makeError("person_key", "Sebutkan tepat satu: NIP atau nomor telepon.",
                     "Give exactly one of NIP or phone number.", "nip");
  if (!q.nip.empty()) {
    if (auto e = core::validateNip(q.nip)) return *e;
    return std::pair<std::string, std::string>{"nip", core::normalizeNip(q.nip)};
  }
  if (auto e = core::validatePhone(q.phone)) return *e;
  return std::pair<std::string, std::string>{"phone", core::normalizePhone(q.phone)};
}

void appendEvent(Db& db, const std::string& kind, const Actor& actor, std::int64_t nowMs, const json& payload) {
  EventRecord e;
  e.atMs = nowMs;
  e.actor = actor.id;
  e.role = core::toString(actor.role);
  e.kind = kind;
  e.caseId = 0;  // about a person, not a step of a case: the projection skips it
  e.payload = payload.dump();
  event_log::append(db, e);
}

// The desk's notes (free text about a case, issue #12) live in their own
// table when the schema has it; a person's rights reach them too.
bool hasNotes(Db& db) {
  Stmt s(db, "SELECT 1 FROM sqlite_master WHERE type='table' AND name='case_notes'");
  return s.step();
}

constexpr const char* kEmptyEntry =
    "UPDATE visits SET name='', nip='', agency='', phone='', email='', purpose='', spse_user='',"
    " purged_ms=? WHERE id=?";

}  // namespace

core::Result<std::vector<PersonEntry>> ReportStore::findPerson(const PersonQuery& q) {
  auto key = keyOf(q);
  if (!key) return key.error();
  return guarded(m_mutex, [&]() -> core::Result<std::vector<PersonEntry>> {
    std::vector<PersonEntry> out;
    const bool notes = hasNotes(*m_db);
    Stmt v(*m_db,
           "SELECT v.id, v.created_ms, v.name, v.nip, v.role, v.agency, v.phone, v.email, v.purpose, v.spse_user,"
           " v.documents, v.consent, v.language, v.purged_ms, w.visit_id IS NOT NULL FROM visits v"
           " LEFT JOIN consent_withdrawn w ON w.visit_id = v.id WHERE v." + key->first + " = ? ORDER BY v.id");
    v.bind(1, key->second);
    while (v.step()) {
      PersonEntry p;
      p.visitId = v.i64(0);
      p.createdMs = v.i64(1);
      p.visit.name = v.text(2);
      p.visit.nip = v.text(3);
      p.visit.role = core::visitorRoleFrom(v.text(4)).value_or(core::VisitorRole::Ppk);
      p.visit.agency = v.text(5);
      p.visit.phone = v.text(6);
      p.visit.email = v.text(7);
      p.visit.purpose = v.text(8);
      p.visit.spseUserId = v.text(9);
      for (const auto& d : json::parse(v.text(10), nullptr, false))
        if (d.is_string())
          if (auto doc = core::documentFrom(d.get<std::string>())) p.visit.documents.push_back(*doc);
      p.visit.consent = v.i64(11) != 0;
      p.visit.language = v.text(12);
      p.purgedMs = v.i64(13);
      p.purged = p.purgedMs != 0;
      p.consentWithdrawn = v.i64(14) != 0;
      Stmt c(*m_db, std::string("SELECT ") + kCaseColumns + " FROM cases WHERE visit_id = ? ORDER BY id");
      c.bind(1, p.visitId);
      while (c.step()) p.cases.push_back(readCase(c));
      for (const auto& k : p.cases)
        for (const auto& e : event_log::forCase(*m_db, k.id))
          p.events.push_back({e.seq, e.atMs, e.caseId, e.actor, e.role, e.kind, e.ticket, e.counter});
      if (notes)
        for (const auto& k : p.cases) {
          Stmt n(*m_db, "SELECT case_id, at_ms, actor, action, text FROM case_notes WHERE case_id = ? ORDER BY seq");
          n.bind(1, k.id);
          while (n.step()) p.notes.push_back({n.i64(0), n.i64(1), n.text(2), n.text(3), n.text(4)});
        }
      if (!p.cases.empty()) {
        p.visit.service = p.cases.front().service;
        p.visit.channel = p.cases.front().channel;
      }
      out.push_back(std::move(p));
    }
    return out;
  });
}

core::Status ReportStore::recordPersonExport(const PersonQuery& q, int entries, const Actor& actor,
                                             std::int64_t nowMs) {
  auto key = keyOf(q);
  if (!key) return key.error();
  return guarded(m_mutex, [&]() -> core::Status {
    Transaction tx(*m_db);
    appendEvent(*m_db, "person_exported", actor, nowMs, {{"key", key->first}, {"entries", entries}});
    tx.commit();
    return core::Ok{};
  });
}

core::Result<int> ReportStore::emptyEntries(const std::vector<std::int64_t>& visitIds, const std::string& kind,
                                            const std::string& keyKind, const Actor& actor, std::int64_t nowMs) {
  // secure_delete: the freed bytes of the old row are zeroed in the page,
  // not left for a file carver. (A checkpoint and VACUUM clear the WAL
  // and free pages; docs/REPORTS.md says when the office should run them.)
  m_db->exec("PRAGMA secure_delete=ON");
  Transaction tx(*m_db);
  json cases = json::array();
  const bool notes = hasNotes(*m_db);
  for (auto id : visitIds) {
    if (notes) {
      Stmt n(*m_db, "DELETE FROM case_notes WHERE case_id IN (SELECT id FROM cases WHERE visit_id = ?)");
      n.bind(1, id).run();
    }
    Stmt u(*m_db, kEmptyEntry);
    u.bind(1, nowMs).bind(2, id).run();
    Stmt c(*m_db, "SELECT id FROM cases WHERE visit_id = ?");
    c.bind(1, id);
    while (c.step()) cases.push_back(c.i64(0));
    Stmt d(*m_db, "DELETE FROM consent_withdrawn WHERE visit_id = ?");
    d.bind(1, id).run();
  }
  json payload = {{"entries", visitIds.size()}, {"cases", cases}};
  if (!keyKind.empty()) payload["key"] = keyKind;
  appendEvent(*m_db, kind, actor, nowMs, payload);
  tx.commit();
  return static_cast<int>(visitIds.size());
}

core::Result<int> ReportStore::erasePerson(const PersonQuery& q, const Actor& actor, std::int64_t nowMs) {
  auto key = keyOf(q);
  if (!key) return key.error();
  return guarded(m_mutex, [&]() -> core::Result<int> {
    std::vector<std::int64_t> ids;
    {
      Stmt s(*m_db, "SELECT id FROM visits WHERE " + key->first + " = ? ORDER BY id");
      s.bind(1, key->second);
      while (s.step()) ids.push_back(s.i64(0));
    }
    if (ids.empty())
      return makeError("person_not_found", "Tidak ada data tamu dengan " + key->first + " tersebut.",
                       "No guest-book entry holds that " + key->first + ".", key->first);
    return emptyEntries(ids, "person_erased", key->first, actor, nowMs);
  });
}

core::Status ReportStore::withdrawConsent(std::int64_t caseId, const Actor& actor, std::int64_t nowMs) {
  auto done = guarded(m_mutex, [&]() -> core::Status {
    Transaction tx(*m_db);
    Stmt c(*m_db, "SELECT visit_id FROM cases WHERE id = ?");
    c.bind(1, caseId);
    if (!c.step())
      return makeError("case_not_found", "Permohonan nomor " + std::to_string(caseId) + " tidak ditemukan.",
                       "Case " + std::to_string(caseId) + " was not found.");
    Stmt w(*m_db, "INSERT OR IGNORE INTO consent_withdrawn(visit_id, case_id, at_ms) VALUES(?,?,?)");
    w.bind(1, c.i64(0)).bind(2, caseId).bind(3, nowMs).run();
    appendEvent(*m_db, "consent_withdrawn", actor, nowMs, {{"case", caseId}});
    tx.commit();
    return core::Ok{};
  });
  if (!done) return done;
  // Already closed: erased now, not at the next sweep.
  auto n = eraseWithdrawn(nowMs);
  if (!n) return n.error();
  return core::Ok{};
}

core::Result<int> ReportStore::eraseWithdrawn(std::int64_t nowMs) {
  return guarded(m_mutex, [&]() -> core::Result<int> {
    std::vector<std::int64_t> ids;
    {
      Stmt s(*m_db,
             "SELECT w.visit_id FROM consent_withdrawn w WHERE NOT EXISTS (SELECT 1 FROM cases c"
             " WHERE c.visit_id = w.visit_id AND c.state NOT IN (" + terminalStatesSql() + "))");
      while (s.step()) ids.push_back(s.i64(0));
    }
    if (ids.empty()) return 0;
    return emptyEntries(ids, "consent_erased", "", Actor{"system", core::ActorRole::Admin}, nowMs);
  });
}

}  // namespace lpse::store

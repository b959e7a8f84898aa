// The call for help (issue #14): a kiosk's alert and a staff member's answer,
// each one event in the log (codes only: the kiosk, a random key for the
// visit, who answered), kept as they stand in help_alerts by the projection.
#include <nlohmann/json.hpp>

#include "kiosk/store/database.hpp"
#include "kiosk/store/projection.hpp"
#include "kiosk/store/store.hpp"

namespace lpse::store {

using core::makeError;

namespace {

constexpr const char* kHelpColumns = "id, device, raised_ms, acked_by, acked_ms";

core::HelpAlert readHelp(const Stmt& s) {
  core::HelpAlert a;
  a.id = s.i64(0);
  a.device = s.text(1);
  a.raisedMs = s.i64(2);
  a.ackedBy = s.text(3);
  a.ackedMs = s.i64(4);
  a.acknowledged = a.ackedMs != 0;
  return a;
}

core::Error helpNotFound() {
  return makeError("help_not_found", "Panggilan bantuan tidak ditemukan.", "The call for help was not found.");
}

}  // namespace

std::optional<core::HelpAlert> Store::loadHelpLocked(std::int64_t id) {
  Stmt s(*m_db, std::string("SELECT ") + kHelpColumns + " FROM help_alerts WHERE id=?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return readHelp(s);
}

core::Result<core::HelpAlert> Store::raiseHelp(const std::string& visitKey, const Actor& actor, std::int64_t nowMs,
                                               bool* existing) {
  if (existing) *existing = false;
  std::lock_guard lock(m_mutex);
  try {
    if (actor.role != core::ActorRole::Kiosk)
      return makeError("forbidden_role", "Hanya kiosk yang memanggil bantuan.", "Only a kiosk calls for help.");
    if (!core::validVisitKey(visitKey))
      return makeError("bad_value", "Kunci kunjungan harus 16-64 huruf, angka, '-' atau '_'.",
                       "The visit key must be 16-64 letters, digits, '-' or '_'.", "visit");
    Transaction tx(*m_db);
    // One alert per visitor: the same visit pressing again gets it back.
    Stmt find(*m_db, "SELECT id FROM help_alerts WHERE device=? AND visit_key=?");
    find.bind(1, actor.id).bind(2, visitKey);
    if (find.step()) {
      if (existing) *existing = true;
      return *loadHelpLocked(find.i64(0));
    }
    EventRecord e;
    e.atMs = nowMs;
    e.actor = actor.id;
    e.role = core::toString(actor.role);
    e.kind = "help_requested";
    e.caseId = 0;
    e.counter = actor.id;  // public: which kiosk
    e.payload = nlohmann::json{{"visit", visitKey}}.dump();
    e = event_log::append(*m_db, e);
    project(*m_db, e);
    tx.commit();
    return *loadHelpLocked(e.seq);
  } catch (const std::exception& ex) {
    return makeError("storage_error", std::string("Penyimpanan data gagal: ") + ex.what(),
                     std::string("Storage failed: ") + ex.what());
  }
}

core::Result<core::HelpAlert> Store::acknowledgeHelp(std::int64_t id, const Actor& actor, std::int64_t nowMs) {
  std::lock_guard lock(m_mutex);
  try {
    if (actor.role == core::ActorRole::Kiosk || actor.role == core::ActorRole::Display)
      return makeError("forbidden_role", "Hanya petugas yang menjawab panggilan bantuan.",
                       "Only staff answer a call for help.");
    Transaction tx(*m_db);
    auto a = loadHelpLocked(id);
    if (!a) return helpNotFound();
    // Two desks answering at once: the first answer stands, the second is told.
    if (a->acknowledged) return *a;
    EventRecord e;
    e.atMs = nowMs;
    e.actor = actor.id;
    e.role = core::toString(actor.role);
    e.kind = "help_acknowledged";
    e.caseId = 0;
    e.counter = a->device;
    e.payload = nlohmann::json{{"alert", id}}.dump();
    e = event_log::append(*m_db, e);
    project(*m_db, e);
    tx.commit();
    return *loadHelpLocked(id);
  } catch (const std::exception& ex) {
    return makeError("storage_error", std::string("Penyimpanan data gagal: ") + ex.what(),
                     std::string("Storage failed: ") + ex.what());
  }
}

core::Result<core::HelpAlert> Store::helpAlert(std::int64_t id) {
  std::lock_guard lock(m_mutex);
  try {
    if (auto a = loadHelpLocked(id)) return *a;
    return helpNotFound();
  } catch (const std::exception& ex) {
    return makeError("storage_error", std::string("Penyimpanan data gagal: ") + ex.what(),
                     std::string("Storage failed: ") + ex.what());
  }
}

std::vector<core::HelpAlert> Store::openHelpAlerts() {
  std::lock_guard lock(m_mutex);
  std::vector<core::HelpAlert> out;
  Stmt s(*m_db, std::string("SELECT ") + kHelpColumns + " FROM help_alerts WHERE acked_ms=0 ORDER BY id");
  while (s.step()) out.push_back(readHelp(s));
  return out;
}

}  // namespace lpse::store

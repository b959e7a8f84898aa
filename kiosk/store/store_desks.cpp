// A desk's presence in the log (issue #12 breaks, issue #13 supervisor
// board): sign-in, sign-out, break start and end at a counter, as events
// about no case. The counter column names the desk; the actor is the staff
// member; the payload holds the break's reason code, never free text.
#include <nlohmann/json.hpp>

#include "kiosk/store/database.hpp"
#include "kiosk/store/store.hpp"

namespace lpse::store {

namespace {

// The same terms as the partial index events_desk (migration 5), so
// SQLite reads the index, not the log.
const char* const kDeskKinds = "kind IN ('desk_sign_in','break_start','break_end','desk_sign_out')";

core::DeskStatus readDesk(Stmt& s) {
  core::DeskStatus d;
  d.counter = s.text(0);
  d.staff = s.text(1);
  d.role = s.text(2);
  d.presence = core::presenceAfter(s.text(3)).value_or(core::DeskPresence::SignedOut);
  const auto p = nlohmann::json::parse(s.text(4), nullptr, false);
  if (d.presence == core::DeskPresence::OnBreak && p.is_object() && p.contains("reason") && p["reason"].is_string())
    d.reason = p["reason"].get<std::string>();
  d.sinceMs = s.i64(5);
  return d;
}

}  // namespace

core::Status Store::recordDeskEvent(std::string_view kind, const std::string& counter, const std::string& reason,
                                    const Actor& actor, std::int64_t nowMs) {
  if (!core::presenceAfter(kind))
    return core::makeError("bad_value", "Jenis kejadian loket tidak dikenal.", "Unknown desk event kind.", "state");
  if (counter.empty() || counter.size() > 40)
    return core::makeError("missing_field", "Nama loket wajib diisi (paling banyak 40 karakter).",
                           "The counter's name is required (at most 40 characters).", "counter");
  if (kind == core::kBreakStart) {
    if (reason.empty())
      return core::makeError("reason_required", "Pilih alasan istirahat.", "Choose the reason for the break.",
                             "reason");
    if (auto bad = core::checkCode(core::CodeList::BreakReason, reason, "reason")) return *bad;
  }
  std::lock_guard lock(m_mutex);
  try {
    Transaction tx(*m_db);
    EventRecord e;
    e.atMs = nowMs;
    e.actor = actor.id;
    e.role = core::toString(actor.role);
    e.kind = std::string(kind);
    e.caseId = 0;
    e.counter = counter;
    e.payload = kind == core::kBreakStart ? nlohmann::json{{"reason", reason}}.dump() : "{}";
    event_log::append(*m_db, e);
    tx.commit();
    return core::Ok{};
  } catch (const std::exception& ex) {
    return core::makeError("storage_error", std::string("Penyimpanan data gagal: ") + ex.what(),
                           std::string("Storage failed: ") + ex.what());
  }
}

std::vector<core::DeskStatus> Store::deskStatuses(std::int64_t sinceMs) {
  std::lock_guard lock(m_mutex);
  std::vector<core::DeskStatus> out;
  const std::string sql = std::string("SELECT counter, actor, role, kind, payload, at_ms FROM events WHERE seq IN"
                                      " (SELECT MAX(seq) FROM events WHERE ") +
                          kDeskKinds + " GROUP BY counter) AND at_ms >= ? ORDER BY counter";
  Stmt s(*m_db, sql);
  s.bind(1, sinceMs);
  while (s.step()) out.push_back(readDesk(s));
  return out;
}

std::optional<core::DeskStatus> Store::deskStatus(const std::string& counter, std::int64_t sinceMs) {
  std::lock_guard lock(m_mutex);
  const std::string sql = std::string("SELECT counter, actor, role, kind, payload, at_ms FROM events WHERE ") +
                          kDeskKinds + " AND counter = ? ORDER BY seq DESC LIMIT 1";
  Stmt s(*m_db, sql);
  s.bind(1, counter);
  if (!s.step() || s.i64(5) < sinceMs) return std::nullopt;
  return readDesk(s);
}

}  // namespace lpse::store

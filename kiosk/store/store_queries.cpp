// Read-side queries of the store: the public board, the event stream, and
// the integrity checks. Kept apart from the write path in store.cpp.
#include <map>

#include <nlohmann/json.hpp>

#include "kiosk/store/database.hpp"
#include "kiosk/store/projection.hpp"
#include "kiosk/store/store.hpp"

namespace lpse::store {

namespace {
core::Error storageError(const std::exception& e) {
  return core::makeError("storage_error", std::string("Penyimpanan data gagal: ") + e.what(),
                         std::string("Storage failed: ") + e.what());
}
}  // namespace

Board Store::board(std::int64_t nowMs, int recentLimit) {
  std::lock_guard lock(m_mutex);
  Board b;
  const std::string day = today(nowMs);
  const std::int64_t midnight = m_options.calendar.localMidnight(m_options.calendar.localDate(nowMs));
  std::map<std::string, std::string> serviceOfTicket;
  {
    // Only calls of today: yesterday's numbers must not linger on the wall.
    Stmt s(*m_db,
           "SELECT e.counter, e.ticket, e.at_ms, c.service FROM events e JOIN cases c ON c.id = e.case_id"
           " WHERE e.kind IN ('call','recall','callback') AND e.at_ms >= ? ORDER BY e.seq DESC LIMIT 500");
    s.bind(1, midnight);
    std::map<std::string, bool> seenCounter;
    while (s.step()) {
      CounterCall call{s.text(0), s.text(1), s.text(3), s.i64(2)};
      if (!seenCounter[call.counter]) {
        seenCounter[call.counter] = true;
        b.current.push_back(call);
      }
      if (static_cast<int>(b.recent.size()) < recentLimit) b.recent.push_back(call);
    }
  }
  for (const auto& svc : m_options.services) b.waiting.emplace_back(svc.code, 0);
  {
    Stmt s(*m_db,
           "SELECT service, COUNT(*) FROM cases WHERE state='waiting' AND queue_day=? GROUP BY service");
    s.bind(1, day);
    while (s.step())
      for (auto& [code, n] : b.waiting)
        if (code == s.text(0)) n = static_cast<int>(s.i64(1));
  }
  {
    Stmt s(*m_db, "SELECT COUNT(*) FROM cases WHERE state='at_admin_queue'");
    s.step();
    b.waitingAdmin = static_cast<int>(s.i64(0));
  }
  b.seq = event_log::lastSeq(*m_db);
  return b;
}

core::Status Store::recordDeviceStatus(const core::DeviceStatus& st, const Actor& actor, std::int64_t nowMs) {
  std::lock_guard lock(m_mutex);
  try {
    Transaction tx(*m_db);
    EventRecord e;
    e.atMs = nowMs;
    e.actor = actor.id;
    e.role = core::toString(actor.role);
    e.kind = "device_status";
    e.caseId = 0;
    e.counter = actor.id;  // public: which device, never who
    e.payload = nlohmann::json{{"part", st.part}, {"ok", st.ok}, {"state", st.state}, {"detail", st.detail}}.dump();
    event_log::append(*m_db, e);
    tx.commit();
    return core::Ok{};
  } catch (const std::exception& ex) {
    return storageError(ex);
  }
}

std::vector<core::DeviceStatus> Store::deviceStatuses() {
  std::lock_guard lock(m_mutex);
  std::vector<core::DeviceStatus> out;
  Stmt s(*m_db,
         "SELECT actor, payload, at_ms FROM events WHERE seq IN"
         " (SELECT MAX(seq) FROM events WHERE kind='device_status'"
         "  GROUP BY actor, json_extract(payload, '$.part')) ORDER BY actor");
  while (s.step()) {
    const auto p = nlohmann::json::parse(s.text(1), nullptr, false);
    if (!p.is_object()) continue;
    core::DeviceStatus d;
    d.device = s.text(0);
    d.part = p.value("part", "");
    d.ok = p.value("ok", true);
    d.state = p.value("state", "");
    d.detail = p.value("detail", "");
    d.atMs = s.i64(2);
    out.push_back(d);
  }
  return out;
}

std::vector<EventRecord> Store::eventsAfter(std::int64_t seq, int limit) {
  std::lock_guard lock(m_mutex);
  return event_log::after(*m_db, seq, limit);
}

std::vector<EventRecord> Store::caseEvents(std::int64_t caseId) {
  std::lock_guard lock(m_mutex);
  return event_log::forCase(*m_db, caseId);
}

std::vector<core::CaseNote> Store::caseNotes(std::int64_t caseId) {
  std::lock_guard lock(m_mutex);
  std::vector<core::CaseNote> out;
  try {
    Stmt s(*m_db, "SELECT seq, at_ms, actor, action, text FROM case_notes WHERE case_id=? ORDER BY seq");
    s.bind(1, caseId);
    while (s.step()) out.push_back({s.i64(0), s.i64(1), s.text(2), s.text(3), s.text(4)});
  } catch (const DbError&) {
    // Notes are an addition to the case; a failed read shows none.
  }
  return out;
}

std::int64_t Store::lastSeq() {
  std::lock_guard lock(m_mutex);
  return event_log::lastSeq(*m_db);
}

std::vector<CaseRecord> Store::openCases() {
  std::lock_guard lock(m_mutex);
  Stmt s(*m_db, std::string("SELECT ") + kCaseColumns +
                    " FROM cases WHERE state NOT IN (" + terminalStatesSql() + ") ORDER BY created_ms, id");
  std::vector<CaseRecord> out;
  while (s.step()) out.push_back(readCase(s));
  return out;
}

core::Status Store::verifyChain() {
  std::lock_guard lock(m_mutex);
  try {
    return event_log::verify(*m_db);
  } catch (const std::exception& e) {
    return storageError(e);
  }
}

event_log::Anchor Store::chainHead() {
  std::lock_guard lock(m_mutex);
  return event_log::head(*m_db);
}

core::Status Store::verifyAnchor(const event_log::Anchor& a) {
  std::lock_guard lock(m_mutex);
  try {
    return event_log::verifyAnchor(*m_db, a);
  } catch (const std::exception& e) {
    return storageError(e);
  }
}

core::Status Store::rebuildProjection() {
  std::lock_guard lock(m_mutex);
  try {
    Transaction tx(*m_db);
    m_db->exec("DELETE FROM cases");
    m_db->exec("DELETE FROM help_alerts");
    std::int64_t seq = 0;
    for (;;) {
      auto batch = event_log::after(*m_db, seq, 1000);
      if (batch.empty()) break;
      for (const auto& e : batch) project(*m_db, e);
      seq = batch.back().seq;
    }
    tx.commit();
    return core::Ok{};
  } catch (const std::exception& e) {
    return storageError(e);
  }
}

}  // namespace lpse::store

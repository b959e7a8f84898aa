#include "kiosk/store/projection.hpp"

#include <nlohmann/json.hpp>

#include "kiosk/store/database.hpp"
#include "kiosk/store/event_log.hpp"

namespace lpse::store {

namespace {

// The call for help (store_help.cpp): the alert and its answer.
void projectHelp(Db& db, const EventRecord& e) {
  const auto p = nlohmann::json::parse(e.payload);
  if (e.kind == "help_requested") {
    Stmt s(db, "INSERT INTO help_alerts(id, device, visit_key, raised_ms) VALUES(?,?,?,?)");
    s.bind(1, e.seq).bind(2, e.actor).bind(3, p.at("visit").get<std::string>()).bind(4, e.atMs);
    s.run();
    return;
  }
  Stmt s(db, "UPDATE help_alerts SET acked_by=?, acked_ms=? WHERE id=? AND acked_ms=0");
  s.bind(1, e.actor).bind(2, e.atMs).bind(3, p.at("alert").get<std::int64_t>());
  s.run();
}

}  // namespace

void project(Db& db, const EventRecord& e) {
  if (e.kind == "help_requested" || e.kind == "help_acknowledged") return projectHelp(db, e);
  // Device reports (a kiosk's printer ran out of paper) belong to no case.
  if (e.caseId == 0) return;
  // The e-mail reply's outcome is on record but moves no case.
  if (e.kind == "mail_reply") return;
  const auto p = nlohmann::json::parse(e.payload);
  if (e.kind == "ticket_issued" || e.kind == "email_received") {
    Stmt s(db,
           "INSERT INTO cases(id, visit_id, channel, service, role, state, ticket, ticket_day, ticket_seq, token,"
           " queue, queue_day, priority, queued_ms, counter, calls, created_ms, state_ms, last_seq, received_ms,"
           " priority_category) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,'',0,?,?,?,?,?)");
    s.bind(1, e.caseId).bind(2, p.at("visit_id").get<std::int64_t>()).bind(3, p.at("channel").get<std::string>());
    s.bind(4, p.at("service").get<std::string>()).bind(5, p.at("role").get<std::string>());
    s.bind(6, p.at("to").get<std::string>()).bind(7, e.ticket).bind(8, p.at("ticket_day").get<std::string>());
    s.bind(9, p.at("ticket_seq").get<std::int64_t>()).bind(10, p.at("token").get<std::string>());
    s.bind(11, p.at("queue").get<std::string>()).bind(12, p.at("queue_day").get<std::string>());
    s.bind(13, p.at("priority").get<std::int64_t>()).bind(14, p.at("queued_ms").get<std::int64_t>());
    s.bind(15, e.atMs).bind(16, e.atMs).bind(17, e.seq);
    s.bind(18, p.value("received_ms", e.atMs));
    s.bind(19, p.value("priority_category", std::string()));
    s.run();
    return;
  }
  // Every other event is a transition of an existing case.
  const bool isCall = e.kind == "call" || e.kind == "recall";
  Stmt s(db,
         "UPDATE cases SET state=?, queue=?, queue_day=?, priority=?, queued_ms=?,"
         " counter=CASE WHEN ?<>'' THEN ? ELSE counter END, calls=calls+?,"
         " state_ms=CASE WHEN state<>? THEN ? ELSE state_ms END, last_seq=?,"
         " service=CASE WHEN ?<>'' THEN ? ELSE service END WHERE id=?");
  const auto to = p.at("to").get<std::string>();
  s.bind(1, to).bind(2, p.at("queue").get<std::string>()).bind(3, p.at("queue_day").get<std::string>());
  s.bind(4, p.at("priority").get<std::int64_t>()).bind(5, p.at("queued_ms").get<std::int64_t>());
  s.bind(6, e.counter).bind(7, e.counter).bind(8, isCall ? 1 : 0);
  // A transfer to another service moves the case there.
  const auto service = p.value("service", std::string());
  s.bind(9, to).bind(10, e.atMs).bind(11, e.seq).bind(12, service).bind(13, service).bind(14, e.caseId);
  s.run();
  if (db.changes() != 1) throw DbError(0, "event " + std::to_string(e.seq) + " names an unknown case");
}

}  // namespace lpse::store

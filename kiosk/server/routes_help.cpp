// The call for help (issue #14): a kiosk raises an alert, every signed-in
// desk sees it (the events "help_requested" and "help_acknowledged" on the
// stream name the kiosk; desks then read GET /api/help), one staff member
// answers it and it clears everywhere. Kept in the log and in help_alerts,
// so an alert outlives a server restart and a desk signing in later sees it.
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "kiosk/api/wire.hpp"
#include "kiosk/api/wire_help.hpp"
#include "kiosk/server/http_errors.hpp"
#include "kiosk/server/queue_server.hpp"

namespace lpse::server {

using nlohmann::json;

void QueueServer::routeHelp() {
  using httplib::Request;
  using httplib::Response;
  using R = core::ActorRole;
  const std::vector<R> staff = {R::Helpdesk, R::AdminPpe, R::Supervisor, R::Admin};

  // A kiosk presses "Butuh bantuan petugas": 201 with a new alert, 200 with
  // the alert this visit already raised (however often it is pressed).
  m_http->Post("/api/help", [this](const Request& req, Response& res) {
    auto actor = authorize(req, res, {R::Kiosk});
    if (!actor) return;
    asWrite(
        [&] {
          auto j = api::parseJson(req.body);
          if (!j) return sendError(res, j.error());
          if (!j->is_object() || !j->contains("visit") || !(*j)["visit"].is_string())
            return sendError(res, core::makeError("missing_field", "Kolom 'visit' wajib ada.",
                                                  "Field 'visit' is required.", "visit"));
          if (j->size() != 1)
            return sendError(res, core::makeError("unknown_field", "Hanya kolom 'visit' yang dikenal.",
                                                  "Only the field 'visit' is known.", "visit"));
          bool existing = false;
          auto a = m_store.raiseHelp((*j)["visit"].get<std::string>(), *actor, nowMs(), &existing);
          if (!a) return sendError(res, a.error());
          sendJson(res, existing ? 200 : 201, {{"alert", api::toJson(*a)}});
        },
        res);
  });

  // The open alerts: what a desk shows (at sign-in, and after each help event).
  m_http->Get("/api/help", [this, staff](const Request& req, Response& res) {
    if (!authorize(req, res, staff)) return;
    json list = json::array();
    for (const auto& a : m_store.openHelpAlerts()) list.push_back(api::toJson(a));
    sendJson(res, 200, {{"alerts", list}});
  });

  // One alert: staff, or the kiosk that raised it (to learn someone is coming).
  m_http->Get(R"(/api/help/(\d{1,15}))", [this, staff](const Request& req, Response& res) {
    std::vector<R> roles = staff;
    roles.push_back(R::Kiosk);
    auto actor = authorize(req, res, roles);
    if (!actor) return;
    auto a = m_store.helpAlert(std::stoll(req.matches[1]));
    if (!a || (actor->role == R::Kiosk && a->device != actor->id))
      return sendError(res, a ? core::makeError("help_not_found", "Panggilan bantuan tidak ditemukan.",
                                                "The call for help was not found.")
                              : a.error());
    sendJson(res, 200, {{"alert", api::toJson(*a)}});
  });

  // "Saya datang": the first answer clears the alert on every desk; a
  // second desk answering the same alert gets it back as answered.
  m_http->Post(R"(/api/help/(\d{1,15})/ack)", [this, staff](const Request& req, Response& res) {
    auto actor = authorize(req, res, staff);
    if (!actor) return;
    asWrite(
        [&] {
          auto a = m_store.acknowledgeHelp(std::stoll(req.matches[1]), *actor, nowMs());
          if (!a) return sendError(res, a.error());
          sendJson(res, 200, {{"alert", api::toJson(*a)}});
        },
        res);
  });
}

}  // namespace lpse::server

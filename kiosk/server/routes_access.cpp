// Sign-in and account management: staff log in for a session; the admin
// manages staff accounts and device credentials (the `lpse staff/device`
// CLI does the same on the database file).
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "kiosk/api/wire.hpp"
#include "kiosk/api/wire_access.hpp"
#include "kiosk/server/http_errors.hpp"
#include "kiosk/server/queue_server.hpp"

namespace lpse::server {

using nlohmann::json;

namespace {

json toJson(const store::StaffAccount& a) {
  return {{"username", a.username},
          {"display_name", a.displayName},
          {"role", std::string(core::toString(a.role))},
          {"disabled", a.disabled},
          {"created_ms", a.createdMs}};
}

json toJson(const store::DeviceAccount& d) {
  return {{"id", d.id}, {"role", std::string(core::toString(d.role))}, {"revoked", d.revoked}, {"created_ms", d.createdMs}};
}

std::string bearer(const httplib::Request& req) { return req.get_header_value("Authorization").substr(7); }

}  // namespace

void QueueServer::routeAccess() {
  using httplib::Request;
  using httplib::Response;
  using R = core::ActorRole;

  m_http->Post("/api/login", [this](const Request& req, Response& res) {
    auto j = api::parseJson(req.body);
    if (!j) return sendError(res, j.error());
    auto in = api::loginFromJson(*j);
    if (!in) return sendError(res, in.error());
    auto s = m_access.login(in->username, in->password, nowMs());
    if (!s) {
      if (s.error().code == "login_locked") res.set_header("Retry-After", "30");
      return sendError(res, s.error());
    }
    sendJson(res, 200, api::toJson(api::SessionInfo{s->token, s->staff.username, s->staff.displayName, s->staff.role,
                                                     s->expiresMs}));
  });

  m_http->Post("/api/logout", [this](const Request& req, Response& res) {
    auto actor = authorize(req, res, {R::Helpdesk, R::AdminPpe, R::Supervisor, R::Admin});
    if (!actor) return;
    auto ok = m_access.logout(bearer(req), nowMs());
    if (!ok) return sendError(res, ok.error());
    sendJson(res, 200, {{"ok", true}});
  });

  m_http->Get("/api/me", [this](const Request& req, Response& res) {
    auto actor = authorize(req, res, {});
    if (!actor) return;
    sendJson(res, 200, api::toJson(api::SessionInfo{"", actor->id, "", actor->role, 0}));
  });

  m_http->Get("/api/staff", [this](const Request& req, Response& res) {
    if (!authorize(req, res, {R::Admin, R::Supervisor})) return;
    json list = json::array();
    for (const auto& a : m_access.listStaff()) list.push_back(toJson(a));
    sendJson(res, 200, {{"staff", list}});
  });

  m_http->Post("/api/staff", [this](const Request& req, Response& res) {
    if (!authorize(req, res, {R::Admin})) return;
    auto j = api::parseJson(req.body);
    if (!j) return sendError(res, j.error());
    auto n = api::newStaffFromJson(*j);
    if (!n) return sendError(res, n.error());
    auto a = m_access.addStaff(n->username, n->displayName, n->role, n->password, nowMs());
    if (!a) return sendError(res, a.error());
    sendJson(res, 201, toJson(*a));
  });

  m_http->Post(R"(/api/staff/([a-z0-9._-]{1,32})/(disable|enable))", [this](const Request& req, Response& res) {
    if (!authorize(req, res, {R::Admin})) return;
    auto ok = m_access.setStaffDisabled(req.matches[1], req.matches[2] == "disable", nowMs());
    if (!ok) return sendError(res, ok.error());
    sendJson(res, 200, {{"ok", true}});
  });

  m_http->Get("/api/device-accounts", [this](const Request& req, Response& res) {
    if (!authorize(req, res, {R::Admin, R::Supervisor})) return;
    json list = json::array();
    for (const auto& d : m_access.listDevices()) list.push_back(toJson(d));
    sendJson(res, 200, {{"devices", list}});
  });

  // The token is in this answer only: the server keeps its hash.
  m_http->Post("/api/device-accounts", [this](const Request& req, Response& res) {
    if (!authorize(req, res, {R::Admin})) return;
    auto j = api::parseJson(req.body);
    if (!j) return sendError(res, j.error());
    auto n = api::newDeviceFromJson(*j);
    if (!n) return sendError(res, n.error());
    auto token = m_access.issueDeviceToken(n->id, n->role, nowMs());
    if (!token) return sendError(res, token.error());
    sendJson(res, 201, {{"id", n->id}, {"role", std::string(core::toString(n->role))}, {"token", *token}});
  });

  m_http->Post(R"(/api/device-accounts/([a-z0-9._-]{1,32})/revoke)", [this](const Request& req, Response& res) {
    if (!authorize(req, res, {R::Admin})) return;
    auto ok = m_access.revokeDevice(req.matches[1], nowMs());
    if (!ok) return sendError(res, ok.error());
    sendJson(res, 200, {{"ok", true}});
  });
}

}  // namespace lpse::server

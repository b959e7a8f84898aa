// A desk's presence (issue #12: a break stops the desk from being offered
// work; issue #13: the supervisor board reads each desk's state) and the
// supervisor's "close the day" button.
//   POST /api/desks/events  helpdesk, Admin PPE: sign-in/out, break start/end at a counter
//   GET  /api/desks         staff: each counter's latest presence today
//   POST /api/day/close     supervisor, admin: close every ticket still waiting now
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "kiosk/api/wire.hpp"
#include "kiosk/api/wire_desks.hpp"
#include "kiosk/server/http_errors.hpp"
#include "kiosk/server/queue_server.hpp"
#include "kiosk/store/store_reports.hpp"

namespace lpse::server {

using nlohmann::json;

std::int64_t QueueServer::startOfToday() const {
  const auto& cal = m_store.options().calendar;
  return cal.localMidnight(cal.localDate(nowMs()));
}

std::optional<core::Error> QueueServer::deskRefusal(const std::string& counter) {
  auto d = m_store.deskStatus(counter, startOfToday());
  if (!d || d->presence != core::DeskPresence::OnBreak) return std::nullopt;
  return core::makeError("desk_on_break",
                         "Loket " + counter + " sedang istirahat: akhiri istirahat dulu untuk memanggil berikutnya.",
                         "Counter " + counter + " is on a break: end the break to call the next one.", "counter");
}

void QueueServer::routeDesks() {
  using httplib::Request;
  using httplib::Response;
  using R = core::ActorRole;

  m_http->Post("/api/desks/events", [this](const Request& req, Response& res) {
    auto actor = authorize(req, res, {R::Helpdesk, R::AdminPpe});
    if (!actor) return;
    asWrite(
        [&] {
          auto j = api::parseJson(req.body);
          if (!j) return sendError(res, j.error());
          auto e = api::deskEventFromJson(*j);
          if (!e) return sendError(res, e.error());
          auto ok = m_store.recordDeskEvent(e->kind, e->counter, e->reason, *actor, nowMs());
          if (!ok) return sendError(res, ok.error());
          auto d = m_store.deskStatus(e->counter, startOfToday());
          sendJson(res, 201, d ? api::toJson(*d) : json::object());
        },
        res);
  });

  m_http->Get("/api/desks", [this](const Request& req, Response& res) {
    if (!authorize(req, res, {R::Helpdesk, R::AdminPpe, R::Supervisor, R::Admin})) return;
    json list = json::array();
    for (const auto& d : m_store.deskStatuses(startOfToday())) list.push_back(api::toJson(d));
    sendJson(res, 200, {{"desks", list}});
  });

  m_http->Post("/api/day/close", [this](const Request& req, Response& res) {
    auto actor = authorize(req, res, {R::Supervisor, R::Admin});
    if (!actor) return;
    asWrite(
        [&] {
          auto n = store::closeDayNow(m_store, *actor, nowMs());
          if (!n) return sendError(res, n.error());
          sendJson(res, 200, {{"closed", *n}});
        },
        res);
  });
}

}  // namespace lpse::server

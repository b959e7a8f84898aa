// Routes that change or read cases: register, call next, SOP steps, status.
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "kiosk/api/wire.hpp"
#include "kiosk/server/event_hub.hpp"
#include "kiosk/server/http_errors.hpp"
#include "kiosk/server/queue_server.hpp"

namespace lpse::server {

using nlohmann::json;

namespace {

core::Result<json> body(const httplib::Request& req) { return api::parseJson(req.body); }

}  // namespace

void QueueServer::routeCases() {
  using httplib::Request;
  using httplib::Response;
  using R = core::ActorRole;

  // Wraps a handler: identifies the caller, checks its role; a POST runs
  // as one store write (asWrite: answered once durable, its events then
  // published to the streams).
  auto handle = [this](std::vector<R> allowed, auto fn) {
    return [this, allowed, fn](const Request& req, Response& res) {
      auto actor = authorize(req, res, allowed);
      if (!actor) return;
      if (req.method == "POST")
        asWrite([&] { fn(req, res, *actor); }, res);
      else
        fn(req, res, *actor);
    };
  };

  m_http->Get("/api/health", [this](const Request&, Response& res) {
    sendJson(res, 200,
             {{"ok", true},
              {"seq", m_store.lastSeq()},
              {"office", m_options.officeName},
              {"retention_days", m_options.retentionDays}});
  });

  m_http->Post("/api/tickets", handle({R::Kiosk, R::Helpdesk}, [this](const Request& req, Response& res,
                                                                        const core::Actor& actor) {
    auto j = body(req);
    if (!j) return sendError(res, j.error());
    auto visit = api::visitFromJson(*j);
    if (!visit) return sendError(res, visit.error());
    // A kiosk that lost the reply retries with the same key and gets the
    // same number (200, "replayed") instead of a second one.
    auto t = m_store.issueTicket(*visit, actor, nowMs(), req.get_header_value("Idempotency-Key"));
    if (!t) return sendError(res, t.error());
    sendJson(res, t->replayed ? 200 : 201, api::toJson(*t));
  }));

  m_http->Post("/api/emails", handle({R::Helpdesk}, [this](const Request& req, Response& res,
                                                          const core::Actor& actor) {
    auto j = body(req);
    if (!j) return sendError(res, j.error());
    auto visit = api::visitFromJson(*j);
    if (!visit) return sendError(res, visit.error());
    visit->channel = core::Channel::Email;
    // As for tickets: a retry with the same Idempotency-Key gets the case
    // the first request opened (200, "replayed"), not a second one.
    bool replayed = false;
    auto c = m_store.receiveEmail(*visit, actor, nowMs(), req.get_header_value("Idempotency-Key"), &replayed);
    if (!c) return sendError(res, c.error());
    json out = {{"case", api::toJson(*c)}};
    if (replayed) out["replayed"] = true;
    sendJson(res, replayed ? 200 : 201, out);
  }));

  m_http->Post(R"(/api/queues/(helpdesk|admin)/next)",
               handle({R::Helpdesk, R::AdminPpe}, [this](const Request& req, Response& res, const core::Actor& actor) {
                 // Each queue belongs to one role: the helpdesk calls walk-ins,
                 // Admin PPE takes forwarded dossiers.
                 const bool helpdeskQueue = req.matches[1] == "helpdesk";
                 if (actor.role != (helpdeskQueue ? R::Helpdesk : R::AdminPpe))
                   return sendError(res, core::makeError("forbidden_role", "Antrean ini milik peran lain.",
                                                         "This queue belongs to another role."));
                 auto j = body(req);
                 if (!j) return sendError(res, j.error());
                 if (!j->is_object() || !j->contains("counter") || !(*j)["counter"].is_string())
                   return sendError(res, core::makeError("missing_field", "Kolom 'counter' wajib ada.",
                                                         "Field 'counter' is required.", "counter"));
                 // A desk on a break is offered no work (issue #12).
                 if (auto refused = deskRefusal((*j)["counter"].get<std::string>()))
                   return sendJson(res, 409, api::toJson(*refused));
                 auto c = m_store.callNext(req.matches[1], (*j)["counter"].get<std::string>(), actor, nowMs());
                 if (!c) return sendError(res, c.error());
                 sendJson(res, 200, {{"case", c->has_value() ? api::toJson(**c) : json(nullptr)}});
               }));

  m_http->Post(R"(/api/cases/(\d{1,15})/actions)",
               handle({R::Kiosk, R::Helpdesk, R::AdminPpe, R::Supervisor},
                      [this](const Request& req, Response& res, const core::Actor& actor) {
                        auto j = body(req);
                        if (!j) return sendError(res, j.error());
                        auto a = api::actionFromJson(*j);
                        if (!a) return sendError(res, a.error());
                        auto c = m_store.act(std::stoll(req.matches[1]), a->first, a->second, actor, nowMs());
                        if (!c) return sendError(res, c.error());
                        sendJson(res, 200, {{"case", api::toJson(*c)}});
                      }));

  // The full case with its guest-book entry: staff only (personal data).
  m_http->Get(R"(/api/cases/(\d{1,15}))",
              handle({R::Helpdesk, R::AdminPpe, R::Supervisor}, [this](const Request& req, Response& res,
                                                                     const core::Actor& actor) {
                auto c = m_store.getCase(std::stoll(req.matches[1]));
                if (!c) return sendError(res, c.error());
                auto v = m_store.getVisit(c->visitId);
                json actions = json::array();
                for (auto a : core::allowedActions(c->state, actor.role, c->channel))
                  actions.push_back(std::string(core::toString(a)));
                json notes = json::array();
                for (const auto& n : m_store.caseNotes(c->id)) notes.push_back(api::toJson(n));
                json history = json::array();
                for (const auto& e : m_store.caseEvents(c->id)) {
                  const auto p = json::parse(e.payload, nullptr, false);
                  std::string code;
                  for (const char* k : {"reason", "basis", "outcome", "reference"})
                    if (code.empty() && p.is_object() && p.contains(k) && p[k].is_string()) code = p[k].get<std::string>();
                  history.push_back(api::toJson(core::CaseStep{e.seq, e.atMs, e.kind, e.actor, e.counter, code}));
                }
                sendJson(res, 200,
                         {{"case", api::toJson(*c)},
                          {"visit", v ? api::toJson(*v) : json(nullptr)},
                          {"allowed_actions", actions},
                          {"notes", notes},
                          {"history", history}});
              }));

  m_http->Get("/api/cases", handle({R::Helpdesk, R::AdminPpe, R::Supervisor},
                                   [this](const Request&, Response& res, const core::Actor&) {
                                     json list = json::array();
                                     for (const auto& c : m_store.openCases()) list.push_back(api::toJson(c));
                                     sendJson(res, 200, {{"cases", list}});
                                   }));

  // What a visitor holding a ticket may learn: its number, state, place.
  m_http->Get(R"(/api/tickets/([0-9a-f]{8,64}))",
              handle({R::Kiosk, R::Helpdesk, R::Supervisor}, [this](const Request& req, Response& res,
                                                                   const core::Actor&) {
                auto c = m_store.findByToken(req.matches[1]);
                if (!c) return sendError(res, c.error());
                json status = {{"ticket", c->ticket},
                               {"case_id", c->id},
                               {"state", core::toString(c->state)},
                               {"ahead", m_store.waitingAhead(*c)},
                               {"counter", c->counter}};
                // A priority ticket says so (the category's code).
                if (c->priorityCategory != core::PriorityCategory::None)
                  status["priority"] = core::toString(c->priorityCategory);
                sendJson(res, 200, status);
              }));

  // A returning visitor scans their old ticket at the kiosk to fill the
  // guest book again: the ticket (a 96-bit secret in their hand) is the
  // permission. Kiosks only; staff see entries through the case.
  m_http->Get(R"(/api/tickets/([0-9a-f]{8,64})/entry)",
              handle({R::Kiosk}, [this](const Request& req, Response& res, const core::Actor&) {
                auto v = m_store.recallEntry(req.matches[1]);
                if (!v) return sendError(res, v.error());
                sendJson(res, 200, {{"entry", api::entryToJson(*v)}});
              }));

  // A kiosk tells the office about its printer (paper out, unplugged): the
  // report goes into the log, so desks hear of it through the stream.
  m_http->Post("/api/devices/status", handle({R::Kiosk}, [this](const Request& req, Response& res,
                                                                 const core::Actor& actor) {
    auto j = body(req);
    if (!j) return sendError(res, j.error());
    auto d = api::deviceStatusFromJson(*j);
    if (!d) return sendError(res, d.error());
    d->device = actor.id;
    auto ok = m_store.recordDeviceStatus(*d, actor, nowMs());
    if (!ok) return sendError(res, ok.error());
    sendJson(res, 201, api::toJson(*d));
  }));

  m_http->Get("/api/devices", handle({R::Helpdesk, R::AdminPpe, R::Supervisor, R::Admin},
                                     [this](const Request&, Response& res, const core::Actor&) {
                                       json list = json::array();
                                       for (const auto& d : m_store.deviceStatuses()) list.push_back(api::toJson(d));
                                       sendJson(res, 200, {{"devices", list}});
                                     }));

  // The public board (numbers, counters, counts; no personal data): any
  // registered device or signed-in staff member.
  m_http->Get("/api/board", [this](const Request& req, Response& res) {
    if (!authorize(req, res, {})) return;
    sendJson(res, 200, api::toJson(m_store.board(nowMs())));
  });
}

}  // namespace lpse::server

// Reports (supervisor, admin), each visitor's data rights (admin; consent
// withdrawn also from the helpdesk), and whether the office is open (any
// caller: the kiosk says "closed, opens again at ..."). Named handlers
// sharing one authorize/decode helper; bodies are shaped in kiosk/api.
#include <httplib.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "kiosk/api/wire.hpp"
#include "kiosk/api/wire_reports.hpp"
#include "kiosk/report_export/report_tables.hpp"
#include "kiosk/server/event_hub.hpp"
#include "kiosk/server/http_errors.hpp"
#include "kiosk/server/queue_server.hpp"
#include "kiosk/store/store_reports.hpp"

namespace lpse::server {

using nlohmann::json;

namespace {

using httplib::Request;
using httplib::Response;
using R = core::ActorRole;

const std::vector<R> kReportRoles = {R::Supervisor, R::Admin};
const std::vector<R> kDataRightsRoles = {R::Admin};

void sendReportError(Response& res, const core::Error& e) {
  // Codes of this file the shared table does not know.
  if (e.code == "person_not_found") return sendJson(res, 404, api::toJson(e));
  if (e.code == "bad_date" || e.code == "bad_period" || e.code == "period_too_long" || e.code == "bad_format" ||
      e.code == "person_key")
    return sendJson(res, 400, api::toJson(e));
  sendError(res, e);
}

// Writes the document through a temporary file (the writers speak paths)
// and answers it as a download.
void sendDocument(Response& res, const report::Document& doc, report::Format f, const std::string& name) {
  char path[] = "/tmp/lpse-report-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return sendError(res, 503, "report_write", "Laporan tidak dapat dibuat.", "Cannot create the report.");
  close(fd);
  auto ok = report::writeDocument(doc, f, path);
  std::ifstream in(path, std::ios::binary);
  std::stringstream body;
  body << in.rdbuf();
  std::remove(path);
  if (!ok) return sendReportError(res, ok.error());
  static const char* kTypes[] = {"text/csv; charset=utf-8",
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                 "application/pdf"};
  static const char* kExt[] = {"csv", "xlsx", "pdf"};
  const auto i = static_cast<int>(f);
  res.status = 200;
  res.set_header("Content-Disposition", "attachment; filename=\"" + name + "." + kExt[i] + "\"");
  res.set_content(body.str(), kTypes[i]);
}

}  // namespace

void QueueServer::routeReports() {
  // The caller with one of `roles` and a report store to ask, or an answer
  // already sent (401/403/503).
  auto guard = [this](const Request& req, Response& res, const std::vector<R>& roles) -> std::optional<core::Actor> {
    auto actor = authorize(req, res, roles);
    if (!actor) return std::nullopt;
    if (!m_options.reports) {
      sendError(res, 503, "reports_off", "Laporan tidak tersedia di server ini.", "Reports are not set up on this server.");
      return std::nullopt;
    }
    return actor;
  };

  m_http->Get(R"(/api/reports/(register|compliance|service))", [this, guard](const Request& req, Response& res) {
    if (!guard(req, res, kReportRoles)) return;
    auto period = report::parsePeriod(req.get_param_value("from"), req.get_param_value("to"));
    if (!period) return sendReportError(res, period.error());
    const std::string fmt = req.has_param("format") ? req.get_param_value("format") : "json";
    std::optional<report::Format> format;
    if (fmt != "json") {
      auto f = report::formatFrom(fmt);
      if (!f) return sendReportError(res, f.error());
      format = *f;
    }
    const std::string kind = req.matches[1];
    const report::DocumentHeader header{m_options.officeName, m_store.options().calendar.utcOffsetMinutes};
    const std::string name = kind + "-" + period->from.iso() + "-" + period->to.iso();
    auto& reports = *m_options.reports;
    if (kind == "register") {
      auto r = reports.registerReport(*period);
      if (!r) return sendReportError(res, r.error());
      return format ? sendDocument(res, report::registerDocument(*r, header), *format, name)
                    : sendJson(res, 200, api::toJson(*r));
    }
    if (kind == "compliance") {
      auto r = reports.compliance(*period);
      if (!r) return sendReportError(res, r.error());
      return format ? sendDocument(res, report::complianceDocument(*r, header), *format, name)
                    : sendJson(res, 200, api::toJson(*r));
    }
    auto r = reports.service(*period);
    if (!r) return sendReportError(res, r.error());
    format ? sendDocument(res, report::serviceDocument(*r, header), *format, name) : sendJson(res, 200, api::toJson(*r));
  });

  // A visitor's right of access: everything held about them, as JSON.
  m_http->Post("/api/persons/export", [this, guard](const Request& req, Response& res) {
    auto actor = guard(req, res, kDataRightsRoles);
    if (!actor) return;
    auto j = api::parseJson(req.body);
    if (!j) return sendError(res, j.error());
    auto key = api::personKeyFromJson(*j);
    if (!key) return sendReportError(res, key.error());
    const store::PersonQuery q{key->nip, key->phone};
    auto entries = m_options.reports->findPerson(q);
    if (!entries) return sendReportError(res, entries.error());
    if (auto ok = m_options.reports->recordPersonExport(q, static_cast<int>(entries->size()), *actor, nowMs()); !ok)
      return sendReportError(res, ok.error());
    m_hub->publish(m_store.lastSeq());
    sendJson(res, 200, api::personToJson(*entries));
  });

  // The right to erasure: every entry of the person emptied now.
  m_http->Post("/api/persons/erase", [this, guard](const Request& req, Response& res) {
    auto actor = guard(req, res, kDataRightsRoles);
    if (!actor) return;
    auto j = api::parseJson(req.body);
    if (!j) return sendError(res, j.error());
    auto key = api::personKeyFromJson(*j);
    if (!key) return sendReportError(res, key.error());
    auto n = m_options.reports->erasePerson({key->nip, key->phone}, *actor, nowMs());
    if (!n) return sendReportError(res, n.error());
    m_hub->publish(m_store.lastSeq());
    sendJson(res, 200, {{"emptied", *n}});
  });

  // Consent withdrawn at the desk: the case goes on; its entry is emptied
  // when it closes.
  m_http->Post(R"(/api/cases/(\d{1,15})/withdraw-consent)", [this, guard](const Request& req, Response& res) {
    auto actor = guard(req, res, {R::Helpdesk, R::Supervisor, R::Admin});
    if (!actor) return;
    auto ok = m_options.reports->withdrawConsent(std::stoll(req.matches[1]), *actor, nowMs());
    if (!ok) return sendReportError(res, ok.error());
    m_hub->publish(m_store.lastSeq());
    sendJson(res, 200, {{"ok", true}});
  });

  // Open now? When next? From the working calendar (hours, breaks, holidays).
  m_http->Get("/api/office/status", [this](const Request& req, Response& res) {
    if (!authorize(req, res, {})) return;
    const auto& cal = m_store.options().calendar;
    const std::int64_t now = nowMs();
    const auto next = cal.nextOpening(now);
    sendJson(res, 200,
             {{"open", cal.isOpen(now)},
              {"now_ms", now},
              {"next_opening_ms", next ? json(*next) : json(nullptr)},
              {"closes_at_ms", cal.isWorkingDay(cal.localDate(now)) ? json(cal.closingTime(cal.localDate(now)))
                                                                    : json(nullptr)}});
  });
}

// Every minute: close the tickets left waiting after closing time, and empty
// the entries whose consent was withdrawn once their cases closed.
void QueueServer::endOfDaySweep() {
  const std::int64_t now = nowMs();
  auto closed = store::closeUnservedTickets(m_store, now);
  if (!closed && m_options.log)
    m_options.log("level=error msg=\"closing unserved tickets failed\" error=\"" + closed.error().en + "\"");
  else if (closed && *closed > 0 && m_options.log)
    m_options.log("level=info msg=\"day closed\" not_served_today=" + std::to_string(*closed));
  if (m_options.reports) {
    auto n = m_options.reports->eraseWithdrawn(now);
    if (!n && m_options.log)
      m_options.log("level=error msg=\"consent erasure failed\" error=\"" + n.error().en + "\"");
  }
  m_hub->publish(m_store.lastSeq());
}

}  // namespace lpse::server

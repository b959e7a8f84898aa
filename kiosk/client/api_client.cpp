#include "kiosk/client/api_client.hpp"

#include <httplib.h>

#include <chrono>

#include <nlohmann/json.hpp>

#include "kiosk/api/wire.hpp"
#include "kiosk/api/wire_help.hpp"

namespace lpse::client {

using nlohmann::json;

core::Error offlineError(const std::string& detail) {
  return core::makeError("offline", "Server antrian tidak dapat dihubungi. (" + detail + ")",
                         "The queue server cannot be reached. (" + detail + ")");
}

ApiClient::ApiClient(std::string baseUrl, Credential credential)
    : m_baseUrl(std::move(baseUrl)), m_http(std::make_unique<httplib::Client>(m_baseUrl)) {
  // Short timeouts: a lost server must show within two seconds, not hang.
  m_http->set_connection_timeout(1, 0);
  m_http->set_read_timeout(5, 0);
  m_http->set_write_timeout(5, 0);
  m_http->set_keep_alive(true);
  m_http->set_tcp_nodelay(true);  // no 40 ms Nagle/delayed-ACK stall per request
  if (!trustedCertificate().empty()) m_http->set_ca_cert_path(trustedCertificate().c_str());
  setCredential(std::move(credential));
}

void ApiClient::setCredential(Credential c) {
  m_credential = std::move(c);
  if (m_credential.token.empty())
    m_http->set_default_headers({});
  else
    m_http->set_default_headers({{"Authorization", "Bearer " + m_credential.token}});
}

ApiClient::~ApiClient() = default;

void ApiClient::setTimeouts(int connectMs, int readMs) {
  m_http->set_connection_timeout(std::chrono::milliseconds(connectMs));
  m_http->set_read_timeout(std::chrono::milliseconds(readMs));
}

core::Result<std::string> ApiClient::request(const char* method, const std::string& path, const std::string& body,
                                             const std::string& idempotencyKey) {
  const bool get = std::string(method) == "GET";
  httplib::Headers headers;
  if (!idempotencyKey.empty()) headers.emplace("Idempotency-Key", idempotencyKey);
  auto send = [&] {
    return get ? m_http->Get(path.c_str(), headers) : m_http->Post(path.c_str(), headers, body, "application/json");
  };
  httplib::Result r = send();
  // The request may have reached the server and only the reply was lost (or
  // a kept-alive connection had gone stale): with a key, repeating it is
  // safe, and the server answers with what the first one did.
  if (!r && !idempotencyKey.empty() &&
      (r.error() == httplib::Error::Read || r.error() == httplib::Error::Write))
    r = send();
  if (!r) return offlineError(httplib::to_string(r.error()));
  if (r->status >= 200 && r->status < 300) return r->body;
  auto j = api::parseJson(r->body);
  if (!j) return core::makeError("bad_response", "Jawaban server tidak dikenali (HTTP " + std::to_string(r->status) + ").",
                                 "The server's answer was not understood (HTTP " + std::to_string(r->status) + ").");
  return api::errorFromJson(*j);
}

namespace {
template <class T, class F>
core::Result<T> decode(const core::Result<std::string>& body, F&& f) {
  if (!body) return body.error();
  auto j = api::parseJson(*body);
  if (!j) return j.error();
  try {
    return f(*j);
  } catch (const json::exception&) {
    // A field of the wrong type (j.value): a server we do not understand,
    // never a crash of the worker thread.
    return core::makeError("bad_response", "Jawaban server tidak dikenali.", "The server's answer was not understood.");
  }
}
}  // namespace

core::Result<core::IssuedTicket> ApiClient::issueTicket(const core::Visit& v, const std::string& requestKey) {
  return decode<core::IssuedTicket>(request("POST", "/api/tickets", api::toJson(v).dump(), requestKey),
                                    [](const json& j) { return api::issuedFromJson(j); });
}

core::Result<core::CaseRecord> ApiClient::receiveEmail(const core::Visit& v) {
  return decode<core::CaseRecord>(request("POST", "/api/emails", api::toJson(v).dump()),
                                  [](const json& j) { return api::caseFromJson(j.value("case", json())); });
}

core::Result<std::optional<core::CaseRecord>> ApiClient::callNext(const std::string& queue, const std::string& counter) {
  using Out = core::Result<std::optional<core::CaseRecord>>;
  return decode<std::optional<core::CaseRecord>>(
      request("POST", "/api/queues/" + queue + "/next", json{{"counter", counter}}.dump()), [](const json& j) -> Out {
        if (!j.contains("case") || j["case"].is_null()) return std::optional<core::CaseRecord>{};
        auto c = api::caseFromJson(j["case"]);
        if (!c) return c.error();
        return std::optional<core::CaseRecord>{*c};
      });
}

core::Result<core::CaseRecord> ApiClient::act(std::int64_t caseId, core::Action action, const core::ActionInput& in) {
  json b = api::toJson(in);
  b["action"] = std::string(core::toString(action));
  return decode<core::CaseRecord>(request("POST", "/api/cases/" + std::to_string(caseId) + "/actions", b.dump()),
                                  [](const json& j) { return api::caseFromJson(j.value("case", json())); });
}

core::Result<CaseDetail> ApiClient::caseDetail(std::int64_t caseId) {
  return decode<CaseDetail>(request("GET", "/api/cases/" + std::to_string(caseId), ""),
                            [](const json& j) -> core::Result<CaseDetail> {
                              auto c = api::caseFromJson(j.value("case", json()));
                              if (!c) return c.error();
                              CaseDetail d{*c, std::nullopt, {}};
                              if (j.contains("visit") && !j["visit"].is_null()) {
                                auto v = api::visitFromJson(j["visit"]);
                                if (v) d.visit = *v;
                              }
                              for (const auto& a : j.value("allowed_actions", json::array()))
                                if (a.is_string())
                                  if (auto act = core::actionFrom(a.get<std::string>())) d.allowed.push_back(*act);
                              for (const auto& n : j.value("notes", json::array()))
                                if (auto note = api::noteFromJson(n)) d.notes.push_back(*note);
                              for (const auto& h : j.value("history", json::array()))
                                if (auto st = api::stepFromJson(h)) d.history.push_back(*st);
                              return d;
                            });
}

core::Result<std::vector<core::CaseRecord>> ApiClient::openCases() {
  using Out = core::Result<std::vector<core::CaseRecord>>;
  return decode<std::vector<core::CaseRecord>>(request("GET", "/api/cases", ""), [](const json& j) -> Out {
    std::vector<core::CaseRecord> out;
    for (const auto& e : j.value("cases", json::array())) {
      auto c = api::caseFromJson(e);
      if (!c) return c.error();
      out.push_back(*c);
    }
    return out;
  });
}

core::Result<TicketStatus> ApiClient::ticketStatus(const std::string& token) {
  return decode<TicketStatus>(request("GET", "/api/tickets/" + token, ""), [](const json& j) -> core::Result<TicketStatus> {
    TicketStatus s;
    s.ticket = j.value("ticket", "");
    const auto state = core::caseStateFrom(j.value("state", ""));
    if (!state)
      return core::makeError("bad_reply", "Jawaban server tidak dikenali (status tiket).",
                             "The server's answer was not understood (ticket state).");
    s.state = *state;
    s.counter = j.value("counter", "");
    s.caseId = j.value("case_id", std::int64_t{0});
    s.ahead = j.value("ahead", 0);
    s.priority = core::priorityCategoryFrom(j.value("priority", "")).value_or(core::PriorityCategory::None);
    return s;
  });
}

core::Result<core::Visit> ApiClient::recallEntry(const std::string& token) {
  return decode<core::Visit>(request("GET", "/api/tickets/" + token + "/entry", ""),
                             [](const json& j) { return api::entryFromJson(j.value("entry", json())); });
}

core::Result<core::Board> ApiClient::board() {
  return decode<core::Board>(request("GET", "/api/board", ""), [](const json& j) { return api::boardFromJson(j); });
}

core::Status ApiClient::reportDevice(const core::DeviceStatus& d) {
  json b = api::toJson(d);
  b.erase("device");  // the server knows who is asking
  b.erase("at_ms");
  auto r = request("POST", "/api/devices/status", b.dump());
  if (!r) return r.error();
  return core::Ok{};
}

core::Result<std::vector<core::DeviceStatus>> ApiClient::devices() {
  using Out = core::Result<std::vector<core::DeviceStatus>>;
  return decode<std::vector<core::DeviceStatus>>(request("GET", "/api/devices", ""), [](const json& j) -> Out {
    std::vector<core::DeviceStatus> out;
    for (const auto& e : j.value("devices", json::array())) {
      auto d = api::deviceStatusFromJson(e);
      if (!d) return d.error();
      out.push_back(*d);
    }
    return out;
  });
}

core::Result<api::SessionInfo> ApiClient::login(const std::string& username, const std::string& password) {
  auto s = decode<api::SessionInfo>(request("POST", "/api/login", api::toJson(api::LoginRequest{username, password}).dump()),
                                    [](const json& j) { return api::sessionFromJson(j); });
  if (s) setCredential({s->token});
  return s;
}

core::Status ApiClient::logout() {
  auto r = request("POST", "/api/logout", "{}");
  setCredential({});
  if (!r) return r.error();
  return core::Ok{};
}

core::Result<api::SessionInfo> ApiClient::me() {
  return decode<api::SessionInfo>(request("GET", "/api/me", ""), [](const json& j) { return api::sessionFromJson(j); });
}

core::Result<HealthInfo> ApiClient::health() {
  return decode<HealthInfo>(request("GET", "/api/health", ""), [](const json& j) -> core::Result<HealthInfo> {
    HealthInfo h;
    h.office = j.value("office", "");
    h.retentionDays = j.value("retention_days", 0);
    return h;
  });
}

core::Result<core::HelpAlert> ApiClient::raiseHelp(const std::string& visitKey) {
  return decode<core::HelpAlert>(request("POST", "/api/help", json{{"visit", visitKey}}.dump()),
                                 [](const json& j) { return api::helpAlertFromJson(j.value("alert", json())); });
}

core::Result<core::HelpAlert> ApiClient::helpAlert(std::int64_t id) {
  return decode<core::HelpAlert>(request("GET", "/api/help/" + std::to_string(id), ""),
                                 [](const json& j) { return api::helpAlertFromJson(j.value("alert", json())); });
}

core::Result<std::vector<core::HelpAlert>> ApiClient::helpAlerts() {
  using Out = core::Result<std::vector<core::HelpAlert>>;
  return decode<std::vector<core::HelpAlert>>(request("GET", "/api/help", ""), [](const json& j) -> Out {
    std::vector<core::HelpAlert> out;
    for (const auto& e : j.value("alerts", json::array())) {
      auto a = api::helpAlertFromJson(e);
      if (!a) return a.error();
      out.push_back(*a);
    }
    return out;
  });
}

core::Result<core::HelpAlert> ApiClient::acknowledgeHelp(std::int64_t id) {
  return decode<core::HelpAlert>(request("POST", "/api/help/" + std::to_string(id) + "/ack", "{}"),
                                 [](const json& j) { return api::helpAlertFromJson(j.value("alert", json())); });
}

}  // namespace lpse::client

#pragma once
// Typed, blocking calls to the queue server. Front-ends call these from a
// Worker thread, never from the frame loop.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/api/wire_access.hpp"
#include "kiosk/client/credential.hpp"
#include "kiosk/core/case_record.hpp"
#include "kiosk/core/help_alert.hpp"
#include "kiosk/core/desk_rules.hpp"
#include "kiosk/core/error.hpp"
#include "kiosk/core/ticket_status.hpp"
#include "kiosk/core/visit.hpp"

namespace httplib {
class Client;
}

namespace lpse::client {


struct CaseDetail {
  core::CaseRecord kase;
  std::optional<core::Visit> visit;
  std::vector<core::Action> allowed;
  std::vector<core::CaseNote> notes;  // staff's free text on the case, oldest first
  std::vector<core::CaseStep> history;  // its events, oldest first (codes only)
};

using TicketStatus = core::TicketStatus;

// What GET /api/health tells anyone (no personal data, no sign-in).
struct HealthInfo {
  std::string office;
  int retentionDays = 0;  // how long guest-book entries are kept (0: unknown)
};

class ApiClient {
 public:
  ApiClient(std::string baseUrl, Credential credential);
  ~ApiClient();

  // Staff sign-in: on success the client uses the new session from then on.
  core::Result<api::SessionInfo> login(const std::string& username, const std::string& password);
  core::Status logout();  // ends the session on the server and forgets it
  core::Result<api::SessionInfo> me();

  // `requestKey` (16-128 of [A-Za-z0-9_-], random per request) makes the
  // call safe to repeat: the server answers a repeat with the first
  // ticket. With a key, a reply lost on the wire is retried once at once.
  core::Result<core::IssuedTicket> issueTicket(const core::Visit& v, const std::string& requestKey = {});
  core::Result<core::CaseRecord> receiveEmail(const core::Visit& v);
  core::Result<std::optional<core::CaseRecord>> callNext(const std::string& queue, const std::string& counter);
  core::Result<core::CaseRecord> act(std::int64_t caseId, core::Action action, const core::ActionInput& in);
  core::Result<CaseDetail> caseDetail(std::int64_t caseId);
  core::Result<std::vector<core::CaseRecord>> openCases();
  core::Result<TicketStatus> ticketStatus(const std::string& token);
  // A returning visitor's guest-book entry, by their old ticket (kiosk only).
  core::Result<core::Visit> recallEntry(const std::string& token);
  core::Result<core::Board> board();
  core::Status reportDevice(const core::DeviceStatus& d);
  core::Result<std::vector<core::DeviceStatus>> devices();
  core::Result<HealthInfo> health();

  // The call for help (issue #14). A kiosk raises one alert per visit
  // (`visitKey`: core::validVisitKey; pressing again returns the same
  // alert); staff list the open ones and acknowledge one.
  core::Result<core::HelpAlert> raiseHelp(const std::string& visitKey);
  core::Result<core::HelpAlert> helpAlert(std::int64_t id);
  core::Result<std::vector<core::HelpAlert>> helpAlerts();
  core::Result<core::HelpAlert> acknowledgeHelp(std::int64_t id);
  // A desk's presence and the supervisor's board (api_client_desks.cpp).
  // `kind`: core::kDeskSignIn, kBreakStart (with a BreakReason code), ...
  core::Status deskEvent(const std::string& counter, std::string_view kind, const std::string& reason = {});
  core::Result<std::vector<core::DeskStatus>> desks();
  // Closes every walk-in ticket still waiting (supervisor): how many.
  core::Result<int> closeDay();
  // A report ("register", "compliance", "service") for whole local days
  // ("2026-11-23") as the bytes of a file ("csv", "xlsx", "pdf").
  core::Result<std::string> reportFile(const std::string& kind, const std::string& from, const std::string& to,
                                       const std::string& format);

  // Connect and read limits (default 1 s and 5 s). A watchdog that must
  // notice a hung server quickly sets both short.
  void setTimeouts(int connectMs, int readMs);

  const std::string& baseUrl() const { return m_baseUrl; }
  const Credential& credential() const { return m_credential; }
  void setCredential(Credential c);

 private:
  core::Result<std::string> request(const char* method, const std::string& path, const std::string& body,
                                    const std::string& idempotencyKey = {});

  std::string m_baseUrl;
  Credential m_credential;
  std::unique_ptr<httplib::Client> m_http;
};

// The sentence shown when the server cannot be reached.
core::Error offlineError(const std::string& detail);

}  // namespace lpse::client

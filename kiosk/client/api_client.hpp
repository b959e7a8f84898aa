#pragma once
// Typed, blocking calls to the queue server. Front-ends call these from a
// Worker thread, never from the frame loop.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/case_record.hpp"
#include "kiosk/core/error.hpp"
#include "kiosk/core/visit.hpp"

namespace httplib {
class Client;
}

namespace lpse::client {

struct Identity {
  std::string device;  // "kiosk-1"
  core::ActorRole role = core::ActorRole::Kiosk;
};

struct CaseDetail {
  core::CaseRecord kase;
  std::optional<core::Visit> visit;
  std::vector<core::Action> allowed;
};

struct TicketStatus {
  std::string ticket, state, counter;
  std::int64_t caseId = 0;
  int ahead = 0;
};

class ApiClient {
 public:
  ApiClient(std::string baseUrl, Identity identity);
  ~ApiClient();

  core::Result<core::IssuedTicket> issueTicket(const core::Visit& v);
  core::Result<core::CaseRecord> receiveEmail(const core::Visit& v);
  core::Result<std::optional<core::CaseRecord>> callNext(const std::string& queue, const std::string& counter);
  core::Result<core::CaseRecord> act(std::int64_t caseId, core::Action action, const core::ActionInput& in);
  core::Result<CaseDetail> caseDetail(std::int64_t caseId);
  core::Result<std::vector<core::CaseRecord>> openCases();
  core::Result<TicketStatus> ticketStatus(const std::string& token);
  core::Result<core::Board> board();
  core::Status reportDevice(const core::DeviceStatus& d);
  core::Result<std::vector<core::DeviceStatus>> devices();
  core::Status health();

  const std::string& baseUrl() const { return m_baseUrl; }
  const Identity& identity() const { return m_identity; }

 private:
  core::Result<std::string> request(const char* method, const std::string& path, const std::string& body);

  std::string m_baseUrl;
  Identity m_identity;
  std::unique_ptr<httplib::Client> m_http;
};

// The sentence shown when the server cannot be reached.
core::Error offlineError(const std::string& detail);

}  // namespace lpse::client

#pragma once
// The queue server: owns the HTTP listener, routes requests to the store,
// and feeds the push stream. One per installation.
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <optional>
#include <thread>
#include <vector>

#include "kiosk/core/case_record.hpp"
#include "kiosk/store/access_store.hpp"
#include "kiosk/store/store.hpp"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace lpse::store {
class GroupCommit;
class ReportStore;
}

namespace lpse::server {

class EventHub;
class EventFanout;

struct ServerOptions {
  std::string officeName = "LPSE";
  std::function<std::int64_t()> clock;  // ms since epoch; defaults to the system clock
  int threads = 64;                     // each open push stream holds one
  std::size_t maxBodyBytes = 64 * 1024;
  // An idle push stream sends a comment this often (and re-checks the
  // caller's credential); clients treat 15 s of silence as a lost server.
  std::chrono::milliseconds keepAlive{10'000};
  // A client further behind than this gets a "snapshot" event (re-read the
  // board) instead of a replay of every event it missed.
  std::int64_t maxReplay = 10'000;
  // Guest-book entries are emptied this many days after the visit once
  // their case is closed (checked at start and hourly); 0 keeps them.
  // /api/health tells kiosks, which quote it in the data notice.
  int retentionDays = 0;
  // TLS: both set = HTTPS only (docs/API.md says how to make them).
  std::string tlsCert, tlsKey;
  // One structured line per request (the server's main logs to stdout);
  // health checks answered 200 only when `verbose` (level=debug).
  std::function<void(const std::string&)> log;
  bool verbose = false;
  // Writes from concurrent requests share one durable COMMIT
  // (store/group_commit.hpp); off: one transaction each, on its own thread.
  bool groupCommit = true;
  // Reports and data rights (routes_reports.cpp); without it those routes
  // answer 503. Tickets still waiting after closing time are closed either way.
  store::ReportStore* reports = nullptr;
};

class QueueServer {
 public:
  QueueServer(store::Store& store, store::AccessStore& access, ServerOptions options);
  ~QueueServer();

  // False (with the reason) when TLS was asked for and the certificate or
  // key cannot be loaded.
  core::Status ready() const;
  // Binds; port 0 picks a free one. Returns the bound port, or -1.
  int bind(const std::string& host, int port);
  // Serves until stop(); call after bind().
  void run();
  void stop();
  std::int64_t nowMs() const;

 private:
  void routeCases();
  void routeStream();
  void routeAccess();
  void routeReports();
  void routeHelp();  // routes_help.cpp: the call for help (issue #14)
  void routeDesks();  // routes_desks.cpp: breaks, desk presence, closing the day
  std::int64_t startOfToday() const;
  // Why `counter` may not be offered work now (it is on a break), if so.
  std::optional<core::Error> deskRefusal(const std::string& counter);
  void endOfDaySweep();
  // The actor behind the request's bearer token, if any.
  std::optional<core::Actor> identify(const httplib::Request& req);
  // The caller when it holds one of `roles` (any role when empty); else
  // answers 401 (no valid credential) or 403 (wrong role) and returns none.
  std::optional<core::Actor> authorize(const httplib::Request& req, httplib::Response& res,
                                       const std::vector<core::ActorRole>& roles);
  // Runs a request's handler as one store write: in the group commit when
  // it is on (answered once durable), else directly; either way the
  // streams hear of its events. Keep such handlers to store calls: they
  // run on the one writer thread.
  void asWrite(const std::function<void()>& handler, httplib::Response& res);
  void watchExternalWriters();
  void purgeExpiredEntries();
  void logChainHead();

  store::Store& m_store;
  ServerOptions m_options;
  store::AccessStore& m_access;
  std::unique_ptr<httplib::Server> m_http;
  std::unique_ptr<EventHub> m_hub;
  std::unique_ptr<EventFanout> m_fanout;
  std::unique_ptr<store::GroupCommit> m_commit;
  std::atomic<bool> m_stopping{false};
  std::thread m_watcher;
  int m_listenSocket = -1;  // to widen httplib's listen backlog after bind
};

}  // namespace lpse::server

#pragma once
// The queue server: owns the HTTP listener, routes requests to the store,
// and feeds the push stream. One per installation.
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "kiosk/core/case_record.hpp"
#include "kiosk/store/store.hpp"

namespace httplib {
class Server;
struct Request;
}  // namespace httplib

namespace lpse::server {

class EventHub;

struct ServerOptions {
  std::string officeName = "LPSE";
  std::function<std::int64_t()> clock;  // ms since epoch; defaults to the system clock
  int threads = 64;                     // each open push stream holds one
  std::size_t maxBodyBytes = 64 * 1024;
};

// Who is asking. Issue #3 replaces header trust with real credentials; the
// routes only ever see this interface.
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  virtual std::optional<core::Actor> identify(const httplib::Request& req) = 0;
};
// Trusts X-Lpse-Device / X-Lpse-Role (loopback development only).
std::unique_ptr<Authenticator> makeHeaderAuthenticator();

class QueueServer {
 public:
  QueueServer(store::Store& store, ServerOptions options, std::unique_ptr<Authenticator> auth);
  ~QueueServer();

  // Binds; port 0 picks a free one. Returns the bound port, or -1.
  int bind(const std::string& host, int port);
  // Serves until stop(); call after bind().
  void run();
  void stop();
  std::int64_t nowMs() const;

 private:
  void routeCases();
  void routeStream();
  void watchExternalWriters();

  store::Store& m_store;
  ServerOptions m_options;
  std::unique_ptr<Authenticator> m_auth;
  std::unique_ptr<httplib::Server> m_http;
  std::unique_ptr<EventHub> m_hub;
  std::atomic<bool> m_stopping{false};
  std::thread m_watcher;
};

}  // namespace lpse::server

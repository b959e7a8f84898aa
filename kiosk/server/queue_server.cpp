#include "kiosk/server/queue_server.hpp"

#include <httplib.h>

#include <chrono>
#include <thread>

#include "kiosk/server/event_hub.hpp"
#include "kiosk/server/http_errors.hpp"

namespace lpse::server {

namespace {

class HeaderAuthenticator : public Authenticator {
 public:
  std::optional<core::Actor> identify(const httplib::Request& req) override {
    auto device = req.get_header_value("X-Lpse-Device");
    auto role = core::actorRoleFrom(req.get_header_value("X-Lpse-Role"));
    if (device.empty() || device.size() > 64 || !role) return std::nullopt;
    return core::Actor{device, *role};
  }
};

std::int64_t systemNowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

std::unique_ptr<Authenticator> makeHeaderAuthenticator() { return std::make_unique<HeaderAuthenticator>(); }

QueueServer::QueueServer(store::Store& store, ServerOptions options, std::unique_ptr<Authenticator> auth)
    : m_store(store),
      m_options(std::move(options)),
      m_auth(std::move(auth)),
      m_http(std::make_unique<httplib::Server>()),
      m_hub(std::make_unique<EventHub>()) {
  if (!m_options.clock) m_options.clock = systemNowMs;
  const int threads = m_options.threads;
  m_http->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  m_http->set_payload_max_length(m_options.maxBodyBytes);
  m_http->set_read_timeout(10, 0);
  // Small JSON answers and SSE frames must leave at once: with Nagle on,
  // each waits for the peer's delayed ACK (40 ms on Linux).
  m_http->set_tcp_nodelay(true);
  m_http->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    sendError(res, 500, "internal", "Terjadi kesalahan di server.", "The server hit an internal error.");
  });
  m_http->set_error_handler([](const httplib::Request&, httplib::Response& res) {
    // Only fill in bodies httplib left empty (404 for unknown paths, 413, ...).
    if (!res.body.empty()) return;
    if (res.status == 404)
      sendError(res, 404, "not_found", "Alamat tidak dikenal.", "Unknown path.");
    else if (res.status == 413)
      sendError(res, 413, "too_large", "Permintaan terlalu besar.", "The request is too large.");
    else
      sendError(res, res.status, "bad_request", "Permintaan tidak dapat diproses.", "The request cannot be processed.");
  });
  m_hub->publish(m_store.lastSeq());
  routeCases();
  routeStream();
}

QueueServer::~QueueServer() {
  stop();
  if (m_watcher.joinable()) m_watcher.join();
}

std::int64_t QueueServer::nowMs() const { return m_options.clock(); }

int QueueServer::bind(const std::string& host, int port) {
  if (port == 0) return m_http->bind_to_any_port(host.c_str());
  return m_http->bind_to_port(host.c_str(), port) ? port : -1;
}

void QueueServer::run() {
  m_watcher = std::thread([this] { watchExternalWriters(); });
  m_http->listen_after_bind();
}

void QueueServer::stop() {
  if (m_stopping.exchange(true)) return;
  m_hub->shutdown();
  m_http->stop();
}

// Another process (the admin CLI, a second server in a test) may append to
// the same database; check its end now and then so streams still wake.
void QueueServer::watchExternalWriters() {
  while (!m_stopping) {
    m_hub->publish(m_store.lastSeq());
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
}

}  // namespace lpse::server

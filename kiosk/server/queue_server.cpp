#include "kiosk/server/queue_server.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "kiosk/server/event_fanout.hpp"
#include "kiosk/server/event_hub.hpp"
#include "kiosk/server/http_errors.hpp"
#include "kiosk/server/request_log.hpp"
#include "kiosk/store/group_commit.hpp"

namespace lpse::server {

namespace {

std::int64_t systemNowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::unique_ptr<httplib::Server> makeHttp(const ServerOptions& o) {
  if (o.tlsCert.empty() && o.tlsKey.empty()) return std::make_unique<httplib::Server>();
  return std::make_unique<httplib::SSLServer>(o.tlsCert.c_str(), o.tlsKey.c_str());
}

}  // namespace

QueueServer::QueueServer(store::Store& store, store::AccessStore& access, ServerOptions options)
    : m_store(store),
      m_options(std::move(options)),
      m_access(access),
      m_http(makeHttp(m_options)),
      m_hub(std::make_unique<EventHub>()) {
  if (!m_options.clock) m_options.clock = systemNowMs;
  const int threads = m_options.threads;
  m_http->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  m_http->set_payload_max_length(m_options.maxBodyBytes);
  m_http->set_read_timeout(10, 0);
  // Small JSON answers and SSE frames must leave at once: with Nagle on,
  // each waits for the peer's delayed ACK (40 ms on Linux).
  m_http->set_tcp_nodelay(true);
  // httplib closes a kept-alive connection after 5 requests by default, so
  // a busy kiosk or desk reconnected every fifth call: a new TCP handshake,
  // a new pool task, and with httplib's listen backlog of 5, SYNs dropped
  // when twenty clients reconnect at once (the client's 1 s connect timeout
  // then fails the request). Idle connections still close after 5 s.
  m_http->set_keep_alive_max_count(100'000);
  m_http->set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    m_listenSocket = sock;  // the listening socket (see bind)
  });
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
  if (m_options.log) {
    m_http->set_logger([log = m_options.log, verbose = m_options.verbose](const httplib::Request& req,
                                                                           const httplib::Response& res) {
      if (auto line = requestLogLine(req.method, req.path, res.status, req.remote_addr, verbose)) log(*line);
    });
  }
  const std::int64_t start = m_store.lastSeq();
  m_hub->publish(start);
  m_fanout = std::make_unique<EventFanout>(
      *m_hub, [this](std::int64_t after, int limit) { return m_store.eventsAfter(after, limit); }, streamFrame,
      start);
  if (m_options.groupCommit) {
    store::GroupCommit::Options gc;
    // Streams hear of a batch as soon as it is durable.
    gc.afterCommit = [this] { m_hub->publish(m_store.lastSeq()); };
    m_commit = std::make_unique<store::GroupCommit>(m_store, std::move(gc));
  }
  m_access.onCredentialEnded([this] { m_fanout->credentialsEnded(); });
  routeCases();
  routeStream();
  routeAccess();
  routeReports();
  routeHelp();
  routeDesks();
}

core::Status QueueServer::ready() const {
  if (!m_http->is_valid())
    return core::makeError("tls_files", "Sertifikat atau kunci TLS tidak dapat dimuat.",
                           "The TLS certificate or key cannot be loaded: " + m_options.tlsCert + ", " + m_options.tlsKey);
  return core::Ok{};
}

std::optional<core::Actor> QueueServer::identify(const httplib::Request& req) {
  static const std::string kBearer = "Bearer ";
  const auto& h = req.get_header_value("Authorization");
  if (h.size() <= kBearer.size() || h.compare(0, kBearer.size(), kBearer) != 0) return std::nullopt;
  return m_access.authenticate(h.substr(kBearer.size()), nowMs());
}

std::optional<core::Actor> QueueServer::authorize(const httplib::Request& req, httplib::Response& res,
                                                  const std::vector<core::ActorRole>& roles) {
  auto actor = identify(req);
  if (!actor) {
    res.set_header("WWW-Authenticate", "Bearer");
    sendError(res, 401, "unauthenticated", "Perangkat atau petugas belum masuk, atau aksesnya sudah berakhir.",
              "No valid credential: the device is not registered, or the session has ended.");
    return std::nullopt;
  }
  if (roles.size() && std::find(roles.begin(), roles.end(), actor->role) == roles.end()) {
    sendError(res, core::makeError("forbidden_role", "Perangkat atau peran ini tidak berwenang.",
                                   "This device or role is not allowed to do that."));
    return std::nullopt;
  }
  return actor;
}

QueueServer::~QueueServer() {
  stop();
  if (m_watcher.joinable()) m_watcher.join();
  m_access.onCredentialEnded({});
  m_commit.reset();
  m_fanout.reset();
}

void QueueServer::asWrite(const std::function<void()>& handler, httplib::Response& res) {
  if (!m_commit) {
    handler();
    m_hub->publish(m_store.lastSeq());
    return;
  }
  // The group committer publishes after each durable COMMIT.
  m_commit->run(
      [&] {
        handler();
        // An error answer keeps nothing of what the handler did.
        return res.status < 400;
      },
      [&](const core::Error& e) { sendError(res, e); });
}

std::int64_t QueueServer::nowMs() const { return m_options.clock(); }

int QueueServer::bind(const std::string& host, int port) {
  const int bound = port == 0 ? m_http->bind_to_any_port(host.c_str())
                              : (m_http->bind_to_port(host.c_str(), port) ? port : -1);
  // Debian's httplib listens with a backlog of 5 (built in): when more
  // clients connect at once (twenty kiosks after a restart, or after their
  // idle connections closed), the kernel drops the SYNs beyond that and
  // each such client waits its 1 s SYN retry, which is exactly the client's
  // connect timeout: "cannot be reached". listen() again widens the queue.
  if (bound > 0 && m_listenSocket >= 0) ::listen(m_listenSocket, SOMAXCONN);
  return bound;
}

void QueueServer::run() {
  m_watcher = std::thread([this] { watchExternalWriters(); });
  m_http->listen_after_bind();
}

void QueueServer::stop() {
  if (m_stopping.exchange(true)) return;
  m_hub->shutdown();
  if (m_fanout) m_fanout->stop();
  m_http->stop();
}

// Another process (the admin CLI, a second server in a test) may append to
// the same database or end a credential (`lpse device revoke`); check
// both often so streams still wake, and close, at once. It also runs the
// retention purge (no cron job needed) and logs the chain's head, hourly.
void QueueServer::watchExternalWriters() {
  constexpr std::int64_t kHourlyMs = 3600'000;
  std::int64_t lastHourlyMs = 0, lastMinuteMs = 0;
  std::string credentials = m_access.credentialMark();
  while (!m_stopping) {
    m_hub->publish(m_store.lastSeq());
    if (auto mark = m_access.credentialMark(); mark != credentials) {
      credentials = mark;
      m_fanout->credentialsEnded();
    }
    if (nowMs() - lastMinuteMs >= 60'000) {
      endOfDaySweep();
      lastMinuteMs = nowMs();
    }
    if (lastHourlyMs == 0 || nowMs() - lastHourlyMs >= kHourlyMs) {
      if (m_options.retentionDays > 0) purgeExpiredEntries();
      logChainHead();
      lastHourlyMs = nowMs();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

// The hourly head of the hash chain in the server's log (journald keeps it
// apart from the database): `lpse db verify --anchor` checks against it.
void QueueServer::logChainHead() {
  if (m_options.log)
    m_options.log("level=info msg=\"chain head\" anchor=" + store::event_log::toString(m_store.chainHead()));
}

void QueueServer::purgeExpiredEntries() {
  const std::int64_t now = nowMs();
  auto n = m_store.purgeVisits(now - std::int64_t{m_options.retentionDays} * 86'400'000, now);
  if (!m_options.log) return;
  if (!n)
    m_options.log("level=error msg=\"retention purge failed\" error=\"" + n.error().en + "\"");
  else if (*n > 0)
    m_options.log("level=info msg=\"retention purge\" emptied=" + std::to_string(*n) +
                  " days=" + std::to_string(m_options.retentionDays));
}

}  // namespace lpse::server

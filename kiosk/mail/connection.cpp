#include "kiosk/mail/connection.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace lpse::mail {

namespace {

core::Error connectError(const Endpoint& ep, const std::string& why) {
  const std::string where = ep.host + ":" + std::to_string(ep.port);
  return core::makeError("mail_connect", "Server surat " + where + " tidak dapat dihubungi (" + why + ").",
                         "The mail server " + where + " cannot be reached (" + why + ").");
}

core::Error tlsError(const std::string& why) {
  return core::makeError("mail_tls", "Sambungan aman (TLS) ke server surat gagal: " + why,
                         "The secure (TLS) connection to the mail server failed: " + why);
}

core::Error timeoutError() {
  return core::makeError("mail_timeout", "Server surat tidak menjawab tepat waktu.",
                         "The mail server did not answer in time.");
}

core::Error closedError() {
  return core::makeError("mail_closed", "Server surat menutup sambungan.", "The mail server closed the connection.");
}

std::string sslErrors() {
  std::string out;
  while (unsigned long e = ERR_get_error()) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    out += (out.empty() ? "" : "; ") + std::string(buf);
  }
  return out.empty() ? "unknown" : out;
}

}  // namespace

std::optional<TlsMode> tlsModeFrom(std::string_view s) {
  if (s == "none") return TlsMode::None;
  if (s == "starttls") return TlsMode::StartTls;
  if (s == "tls") return TlsMode::Implicit;
  return std::nullopt;
}

struct Connection::Tls {
  SSL_CTX* ctx = nullptr;
  SSL* ssl = nullptr;
  ~Tls() {
    if (ssl) SSL_free(ssl);
    if (ctx) SSL_CTX_free(ctx);
  }
};

Connection::Connection(int fd, Endpoint ep) : m_fd(fd), m_ep(std::move(ep)) {}

Connection::~Connection() {
  if (m_tls && m_tls->ssl) SSL_shutdown(m_tls->ssl);
  m_tls.reset();
  if (m_fd >= 0) ::close(m_fd);
}

bool Connection::secure() const { return m_tls != nullptr; }

core::Result<std::unique_ptr<Connection>> Connection::open(const Endpoint& ep) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  const std::string port = std::to_string(ep.port);
  if (int rc = getaddrinfo(ep.host.c_str(), port.c_str(), &hints, &res); rc != 0)
    return connectError(ep, gai_strerror(rc));
  std::string why = "no address";
  int fd = -1;
  for (auto* a = res; a && fd < 0; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
    if (fd < 0) continue;
    int rc = ::connect(fd, a->ai_addr, a->ai_addrlen);
    if (rc != 0 && errno == EINPROGRESS) {
      pollfd p{fd, POLLOUT, 0};
      rc = ::poll(&p, 1, static_cast<int>(ep.timeout.count()));
      if (rc == 1) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
        rc = err == 0 ? 0 : -1;
        if (err) errno = err;
      } else {
        if (rc == 0) errno = ETIMEDOUT;
        rc = -1;
      }
    }
    if (rc != 0) {
      why = std::strerror(errno);
      ::close(fd);
      fd = -1;
    }
  }
  freeaddrinfo(res);
  if (fd < 0) return connectError(ep, why);
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  std::unique_ptr<Connection> c(new Connection(fd, ep));
  if (ep.tls == TlsMode::Implicit)
    if (auto ok = c->handshake(); !ok) return ok.error();
  return c;
}

core::Status Connection::handshake() {
  auto t = std::make_unique<Tls>();
  t->ctx = SSL_CTX_new(TLS_client_method());
  if (!t->ctx) return tlsError(sslErrors());
  SSL_CTX_set_min_proto_version(t->ctx, TLS1_2_VERSION);
  if (m_ep.verifyTls) {
    SSL_CTX_set_verify(t->ctx, SSL_VERIFY_PEER, nullptr);
    const int loaded = m_ep.caFile.empty() ? SSL_CTX_set_default_verify_paths(t->ctx)
                                           : SSL_CTX_load_verify_locations(t->ctx, m_ep.caFile.c_str(), nullptr);
    if (loaded != 1) return tlsError("CA " + (m_ep.caFile.empty() ? std::string("store") : m_ep.caFile) + ": " + sslErrors());
  }
  t->ssl = SSL_new(t->ctx);
  if (!t->ssl) return tlsError(sslErrors());
  in6_addr probe;
  const bool ipAddress = inet_pton(AF_INET, m_ep.host.c_str(), &probe) == 1 ||
                         inet_pton(AF_INET6, m_ep.host.c_str(), &probe) == 1;
  if (!ipAddress) SSL_set_tlsext_host_name(t->ssl, m_ep.host.c_str());  // SNI names hosts, not addresses
  if (m_ep.verifyTls) {
    // An address is matched against the certificate's IP entries, a name
    // against its DNS names.
    if (ipAddress)
      X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(t->ssl), m_ep.host.c_str());
    else
      SSL_set1_host(t->ssl, m_ep.host.c_str());
  }
  SSL_set_fd(t->ssl, m_fd);
  const auto deadline = std::chrono::steady_clock::now() + m_ep.timeout;
  while (true) {
    const int rc = SSL_connect(t->ssl);
    if (rc == 1) break;
    const int e = SSL_get_error(t->ssl, rc);
    if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
      const long verify = SSL_get_verify_result(t->ssl);
      std::string why = verify != X509_V_OK ? X509_verify_cert_error_string(verify) : sslErrors();
      return tlsError(why);
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return timeoutError();
    pollfd p{m_fd, static_cast<short>(e == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT), 0};
    ::poll(&p, 1, static_cast<int>(left.count()));
  }
  m_tls = std::move(t);
  return core::Ok{};
}

core::Status Connection::startTls() {
  m_buf.clear();  // nothing read before the upgrade may be trusted after it
  return handshake();
}

core::Status Connection::write(std::string_view data) {
  const auto deadline = std::chrono::steady_clock::now() + m_ep.timeout;
  std::size_t sent = 0;
  while (sent < data.size()) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return timeoutError();
    if (m_tls) {
      const int rc = SSL_write(m_tls->ssl, data.data() + sent, static_cast<int>(data.size() - sent));
      if (rc > 0) {
        sent += static_cast<std::size_t>(rc);
        continue;
      }
      const int e = SSL_get_error(m_tls->ssl, rc);
      if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) return closedError();
      pollfd p{m_fd, static_cast<short>(e == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT), 0};
      ::poll(&p, 1, static_cast<int>(left.count()));
      continue;
    }
    const ssize_t rc = ::send(m_fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (rc > 0) {
      sent += static_cast<std::size_t>(rc);
    } else if (rc < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
      pollfd p{m_fd, POLLOUT, 0};
      ::poll(&p, 1, static_cast<int>(left.count()));
    } else {
      return closedError();
    }
  }
  return core::Ok{};
}

core::Result<std::size_t> Connection::readSome(char* buf, std::size_t n) {
  const auto deadline = std::chrono::steady_clock::now() + m_ep.timeout;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return timeoutError();
    short want = POLLIN;
    if (m_tls) {
      const int rc = SSL_read(m_tls->ssl, buf, static_cast<int>(n));
      if (rc > 0) return static_cast<std::size_t>(rc);
      const int e = SSL_get_error(m_tls->ssl, rc);
      if (e == SSL_ERROR_WANT_WRITE) want = POLLOUT;
      else if (e != SSL_ERROR_WANT_READ) return closedError();
    } else {
      const ssize_t rc = ::recv(m_fd, buf, n, 0);
      if (rc > 0) return static_cast<std::size_t>(rc);
      if (rc == 0) return closedError();
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return closedError();
    }
    pollfd p{m_fd, want, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) == 0) return timeoutError();
  }
}

core::Result<std::string> Connection::readLine(std::size_t maxLen) {
  while (true) {
    if (auto nl = m_buf.find('\n'); nl != std::string::npos) {
      std::string line = m_buf.substr(0, nl);
      m_buf.erase(0, nl + 1);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return line;
    }
    if (m_buf.size() > maxLen)
      return core::makeError("mail_line_too_long", "Server surat mengirim baris yang terlalu panjang.",
                             "The mail server sent an over-long line.");
    char buf[8192];
    auto n = readSome(buf, sizeof buf);
    if (!n) return n.error();
    m_buf.append(buf, *n);
  }
}

core::Result<std::string> Connection::readExact(std::size_t n, std::size_t keepMax) {
  std::string out;
  while (n > 0) {
    if (m_buf.empty()) {
      char buf[16384];
      auto got = readSome(buf, sizeof buf);
      if (!got) return got.error();
      m_buf.append(buf, *got);
    }
    const std::size_t take = std::min(n, m_buf.size());
    if (out.size() < keepMax) out.append(m_buf, 0, std::min(take, keepMax - out.size()));
    m_buf.erase(0, take);
    n -= take;
  }
  return out;
}

}  // namespace lpse::mail

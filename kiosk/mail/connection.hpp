#pragma once
// A line-oriented TCP connection for the mail protocols, optionally TLS
// (implicit, or upgraded by STARTTLS), with a deadline on every read and
// write so a silent server cannot hang the caller.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/error.hpp"

namespace lpse::mail {

// How the connection is secured: none (plain, e.g. a relay on loopback),
// starttls (plain, then upgraded), tls (from the first byte).
enum class TlsMode { None, StartTls, Implicit };
std::optional<TlsMode> tlsModeFrom(std::string_view);  // "none" | "starttls" | "tls"

struct Endpoint {
  std::string host;
  int port = 0;
  TlsMode tls = TlsMode::None;
  std::string caFile;     // trust this certificate (self-signed relay); empty: the system's store
  bool verifyTls = true;  // certificate and host name checked
  std::chrono::milliseconds timeout{20'000};
};

class Connection {
 public:
  // Connects (and does the TLS handshake for Implicit). Error codes:
  // "mail_connect", "mail_tls".
  static core::Result<std::unique_ptr<Connection>> open(const Endpoint& ep);
  ~Connection();

  core::Status startTls();  // after the protocol's STARTTLS was accepted
  core::Status write(std::string_view data);
  // One line without its CRLF; "mail_closed"/"mail_timeout"/"mail_line_too_long".
  core::Result<std::string> readLine(std::size_t maxLen = 64 * 1024);
  // Consumes exactly n bytes (an IMAP literal), returns the first keepMax.
  core::Result<std::string> readExact(std::size_t n, std::size_t keepMax = SIZE_MAX);
  bool secure() const;

 private:
  Connection(int fd, Endpoint ep);
  core::Result<std::size_t> readSome(char* buf, std::size_t n);
  core::Status handshake();

  int m_fd = -1;
  Endpoint m_ep;
  struct Tls;
  std::unique_ptr<Tls> m_tls;
  std::string m_buf;  // read but not yet consumed
};

}  // namespace lpse::mail

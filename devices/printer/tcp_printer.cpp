#include "devices/printer/tcp_printer.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace lpse::printer {
namespace {

bool waitFor(int fd, short events, std::chrono::milliseconds timeout) {
  pollfd p{fd, events, 0};
  int r;
  do r = ::poll(&p, 1, static_cast<int>(timeout.count()));
  while (r < 0 && errno == EINTR);
  return r > 0 && (p.revents & (events | POLLERR | POLLHUP));
}

// True when the printer has closed its end: network printers drop a
// connection that sat idle (often after a minute or two) and lose it when
// restarted. Writing into such a socket "succeeds" and the ticket vanishes,
// so this is checked before every use. Pending reply bytes are not a close.
bool peerClosed(int fd) {
  pollfd p{fd, static_cast<short>(POLLIN | POLLRDHUP), 0};
  if (::poll(&p, 1, 0) <= 0) return false;
  if (p.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL)) return true;
  if (p.revents & POLLIN) {
    char c;
    const ssize_t n = ::recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
    return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
  }
  return false;
}

}  // namespace

TcpPrinter::TcpPrinter(std::string host, std::uint16_t port, StatusQuirks quirks, TcpTimeouts timeouts)
    : m_host(std::move(host)), m_port(port), m_quirks(quirks), m_timeouts(timeouts) {}

TcpPrinter::~TcpPrinter() { disconnect(); }

std::string TcpPrinter::describe() const { return "Printer jaringan " + m_host + ":" + std::to_string(m_port); }

void TcpPrinter::disconnect() {
  if (m_fd >= 0) ::close(m_fd);
  m_fd = -1;
}

std::optional<PrinterStatus> TcpPrinter::ensureConnected() {
  if (m_fd >= 0 && !peerClosed(m_fd)) return std::nullopt;
  disconnect();
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  const std::string port = std::to_string(m_port);
  if (::getaddrinfo(m_host.c_str(), port.c_str(), &hints, &res) != 0 || !res)
    return PrinterStatus{PrinterState::NotFound, "Alamat printer " + m_host + " tidak dikenal."};
  std::string lastError = "tidak ada alamat";
  for (addrinfo* a = res; a && m_fd < 0; a = a->ai_next) {
    const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
    if (fd < 0) continue;
    int r = ::connect(fd, a->ai_addr, a->ai_addrlen);
    if (r < 0 && errno == EINPROGRESS) {
      if (waitFor(fd, POLLOUT, m_timeouts.connect)) {
        int err = 0;
        socklen_t len = sizeof err;
        ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
        r = err ? -1 : 0;
        errno = err;
      } else {
        errno = ETIMEDOUT;
      }
    }
    if (r == 0) {
      m_fd = fd;
    } else {
      lastError = std::strerror(errno);
      ::close(fd);
    }
  }
  ::freeaddrinfo(res);
  if (m_fd < 0)
    return PrinterStatus{PrinterState::NotFound,
                         "Printer jaringan " + m_host + ":" + port + " tidak dapat dihubungi (" + lastError + ")."};
  return std::nullopt;
}

bool TcpPrinter::sendAll(const std::uint8_t* data, std::size_t len, std::size_t& sent) {
  sent = 0;
  while (sent < len) {
    const ssize_t n = ::send(m_fd, data + sent, len - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!waitFor(m_fd, POLLOUT, m_timeouts.send)) return false;
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return false;
    }
  }
  return true;
}

std::optional<std::uint8_t> TcpPrinter::ask(const std::vector<std::uint8_t>& request, bool& lost) {
  std::size_t sent = 0;
  if (!sendAll(request.data(), request.size(), sent)) {
    lost = true;
    return std::nullopt;
  }
  if (!waitFor(m_fd, POLLIN, m_timeouts.statusReply)) return std::nullopt;
  std::uint8_t buf[64];
  const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
  if (n <= 0) {
    lost = true;  // the printer closed the connection
    return std::nullopt;
  }
  return buf[n - 1];
}

PrinterStatus TcpPrinter::status() {
  std::lock_guard lock(m_mutex);
  if (auto failed = ensureConnected()) return *failed;
  if (!m_quirks.answersStatus) return {PrinterState::Ready, {}};
  bool lost = false;
  const auto paper = ask(kStatusRequestPaper, lost);
  const auto offline = lost ? std::nullopt : ask(kStatusRequestOffline, lost);
  if (lost) {
    disconnect();
    return {PrinterState::Offline, "Sambungan ke printer jaringan terputus."};
  }
  return decodeStatus(paper, offline, m_quirks);
}

PrintResult TcpPrinter::print(const std::vector<std::uint8_t>& escpos) {
  std::lock_guard lock(m_mutex);
  if (auto failed = ensureConnected()) return {false, failed->detail, {}};
  std::size_t sent = 0;
  if (!sendAll(escpos.data(), escpos.size(), sent)) {
    disconnect();
    return {false,
            "Printer jaringan terputus saat mencetak (" + std::to_string(sent) + " dari " +
                std::to_string(escpos.size()) + " byte terkirim).",
            {}};
  }
  return {true, {}, {}};
}

}  // namespace lpse::printer

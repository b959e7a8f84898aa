#pragma once
// A TCP proxy on 127.0.0.1 in front of a real server that, for the first
// `drops` connections, passes the request on, lets the server answer, and
// then closes the client's side without the answer: the "lost reply" of a
// flaky LAN, where the server did the work and the client never heard.
// Later connections are relayed both ways. For tests of retry safety.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace lpse::testsupport {

class ReplyDroppingProxy {
 public:
  ReplyDroppingProxy(int upstreamPort, int drops) : m_upstream(upstreamPort), m_drops(drops) {
    m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(m_listen, 16) != 0)
      throw std::runtime_error("proxy: cannot listen");
    socklen_t len = sizeof a;
    ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &len);
    m_port = ntohs(a.sin_port);
    m_thread = std::thread([this] { acceptLoop(); });
  }
  ~ReplyDroppingProxy() {
    m_stop = true;
    ::shutdown(m_listen, SHUT_RDWR);
    ::close(m_listen);
    m_thread.join();
    for (auto& t : m_relays) t.join();
  }
  ReplyDroppingProxy(const ReplyDroppingProxy&) = delete;
  ReplyDroppingProxy& operator=(const ReplyDroppingProxy&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
  int dropped() const { return m_dropped; }

 private:
  void acceptLoop() {
    while (!m_stop) {
      pollfd p{m_listen, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      int client = ::accept(m_listen, nullptr, nullptr);
      if (client < 0) continue;
      int server = ::socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in a{};
      a.sin_family = AF_INET;
      a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      a.sin_port = htons(static_cast<uint16_t>(m_upstream));
      if (::connect(server, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(client);
        ::close(server);
        continue;
      }
      const bool drop = m_dropped < m_drops;
      if (drop) ++m_dropped;
      m_relays.emplace_back([this, client, server, drop] { relay(client, server, drop); });
    }
  }

  // Copies bytes both ways until either side closes. Dropping: the first
  // bytes back from the server are swallowed and the client is cut off.
  void relay(int client, int server, bool drop) {
    char buf[16384];
    pollfd p[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
    while (!m_stop) {
      if (::poll(p, 2, 50) <= 0) continue;
      if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
        const ssize_t n = ::read(client, buf, sizeof buf);
        if (n <= 0 || ::write(server, buf, static_cast<size_t>(n)) != n) break;
      }
      if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
        const ssize_t n = ::read(server, buf, sizeof buf);
        if (n <= 0 || drop || ::write(client, buf, static_cast<size_t>(n)) != n) break;
      }
    }
    ::close(client);
    ::close(server);
  }

  int m_upstream, m_drops, m_listen = -1, m_port = 0;
  std::atomic<int> m_dropped{0};
  std::atomic<bool> m_stop{false};
  std::thread m_thread;
  std::vector<std::thread> m_relays;  // touched by the accept thread only, joined after it
};

}  // namespace lpse::testsupport

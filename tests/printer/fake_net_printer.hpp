#pragma once
// A network receipt printer on a loopback port, for tests of the raw TCP
// transport: real sockets, one connection.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace lpse::printer::testing {

// A fake network printer: answers DLE EOT 4 with paperReply and any other
// DLE EOT n with offlineReply; keeps every other byte, across connections.
// One connection at a time, like a real port 9100.
class FakeNetPrinter {
 public:
  explicit FakeNetPrinter(std::uint8_t paperReply, std::uint8_t offlineReply = 0x12)
      : m_reply(paperReply), m_offline(offlineReply) {
    m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::listen(m_listen, 1);
    socklen_t len = sizeof a;
    ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &len);
    m_port = ntohs(a.sin_port);
    m_thread = std::thread([this] { serve(); });
  }
  ~FakeNetPrinter() {
    {
      std::lock_guard lock(m_mutex);
      m_stopping = true;
      if (m_client >= 0) ::shutdown(m_client, SHUT_RDWR);
    }
    ::shutdown(m_listen, SHUT_RDWR);
    m_thread.join();
    ::close(m_listen);
  }
  std::uint16_t port() const { return m_port; }
  std::vector<std::uint8_t> waitForData(std::size_t n) {
    for (int i = 0; i < 500 && dataSize() < n; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::lock_guard lock(m_mutex);
    return m_data;
  }
  // The printer closes the connection (idle timeout, restart) and waits for
  // the next one; returns once the close has happened.
  void dropConnection() {
    {
      std::lock_guard lock(m_mutex);
      if (m_client >= 0) ::shutdown(m_client, SHUT_RDWR);
    }
    for (int i = 0; i < 500 && clientOpen(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  int connections() {
    std::lock_guard lock(m_mutex);
    return m_connections;
  }

 private:
  std::size_t dataSize() {
    std::lock_guard lock(m_mutex);
    return m_data.size();
  }
  bool clientOpen() {
    std::lock_guard lock(m_mutex);
    return m_client >= 0;
  }
  void serve() {
    for (;;) {
      const int fd = ::accept(m_listen, nullptr, nullptr);
      if (fd < 0) return;
      {
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
          ::close(fd);
          return;
        }
        m_client = fd;
        ++m_connections;
      }
      serveOne(fd);
      std::lock_guard lock(m_mutex);
      ::close(fd);
      m_client = -1;
    }
  }
  void serveOne(int fd) {
    std::uint8_t buf[4096];
    std::vector<std::uint8_t> pending;
    for (;;) {
      const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      pending.insert(pending.end(), buf, buf + n);
      // Status requests arrive alone before a job: answer them, keep the rest.
      while (pending.size() >= 3 && pending[0] == 0x10 && pending[1] == 0x04) {
        const std::uint8_t r = pending[2] == 4 ? m_reply : m_offline;
        ::send(fd, &r, 1, MSG_NOSIGNAL);
        pending.erase(pending.begin(), pending.begin() + 3);
      }
      std::lock_guard lock(m_mutex);
      m_data.insert(m_data.end(), pending.begin(), pending.end());
      pending.clear();
    }
  }
  std::uint8_t m_reply, m_offline;
  int m_listen = -1;
  std::uint16_t m_port = 0;
  std::mutex m_mutex;
  std::vector<std::uint8_t> m_data;
  int m_client = -1;
  int m_connections = 0;
  bool m_stopping = false;
  std::thread m_thread;
};

}  // namespace lpse::printer::testing

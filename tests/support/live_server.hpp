#pragma once
// The real queue server on 127.0.0.1 (a free port) over a fresh SQLite file
// in a temp dir, serving on its own thread; stopped and the dir removed on
// destruction. For tests that talk HTTP to it.
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "kiosk/client/api_client.hpp"
#include "kiosk/server/queue_server.hpp"
#include "kiosk/store/access_store.hpp"
#include "kiosk/store/store.hpp"

namespace lpse::testsupport {

class LiveServer {
 public:
  // `prepare` runs on the store before the server starts (data the server
  // should find at start-up, e.g. for its retention purge).
  explicit LiveServer(server::ServerOptions options = {}, const std::function<void(store::Store&)>& prepare = {}) {
    char tmpl[] = "/tmp/lpse-server-test-XXXXXX";
    m_dir = mkdtemp(tmpl);
    auto s = store::Store::open(db());
    if (!s) throw std::runtime_error(s.error().en);
    m_store = std::move(*s);
    auto a = store::AccessStore::open(db());
    if (!a) throw std::runtime_error(a.error().en);
    m_access = std::move(*a);
    if (prepare) prepare(*m_store);
    m_server = std::make_unique<server::QueueServer>(*m_store, *m_access, std::move(options));
    const int port = m_server->bind("127.0.0.1", 0);
    if (port <= 0) throw std::runtime_error("cannot bind a loopback port");
    m_thread = std::thread([this] { m_server->run(); });
    m_port = port;
    m_url = "http://127.0.0.1:" + std::to_string(port);
    client::ApiClient probe(m_url, {});
    for (int i = 0; i < 100 && !probe.health().ok(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ~LiveServer() {
    m_server->stop();
    if (m_thread.joinable()) m_thread.join();
    m_server.reset();
    m_access.reset();
    m_store.reset();
    std::filesystem::remove_all(m_dir);
  }
  LiveServer(const LiveServer&) = delete;
  LiveServer& operator=(const LiveServer&) = delete;

  const std::string& url() const { return m_url; }
  const std::string& dir() const { return m_dir; }
  int port() const { return m_port; }
  std::string db() const { return m_dir + "/q.db"; }
  store::Store& store() { return *m_store; }
  store::AccessStore& access() { return *m_access; }

 private:
  std::string m_dir, m_url;
  int m_port = 0;
  std::unique_ptr<store::Store> m_store;
  std::unique_ptr<store::AccessStore> m_access;
  std::unique_ptr<server::QueueServer> m_server;
  std::thread m_thread;
};

}  // namespace lpse::testsupport

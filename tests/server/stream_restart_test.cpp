// The push stream never loses a call: the real lpse-server is stopped
// (SIGTERM and SIGKILL, alternately) and started again many times while
// tickets are issued and called, and clients listen throughout. Every
// client must end with exactly the whole event log, in order, once.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <mutex>
#include <random>
#include <thread>

#include "kiosk/client/api_client.hpp"
#include "kiosk/client/event_stream.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/test_access.hpp"

using namespace lpse;
using namespace std::chrono_literals;

namespace {

int freePort() {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
  close(s);
  return ntohs(a.sin_port);
}

core::Visit visit() {
  core::Visit v;
  v.service = "reset";
  v.name = "Budi Santoso";
  v.role = core::VisitorRole::Ppk;
  v.agency = "Dinas PU";
  v.phone = "081234567890";
  v.consent = true;
  return v;
}

struct Listener {
  std::mutex mu;
  std::vector<std::int64_t> seqs;
  std::unique_ptr<client::EventStream> stream;
};

int envInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

}  // namespace

TEST(StreamRestart, EveryClientGetsEveryEventOnceInOrderAcrossRestarts) {
  const int restarts = envInt("LPSE_RESTART_ROUNDS", 12);
  const int operations = envInt("LPSE_RESTART_OPERATIONS", 160);
  char tmpl[] = "/tmp/lpse-restart-XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  const int port = freePort();
  const std::string url = "http://127.0.0.1:" + std::to_string(port);
  const std::vector<std::string> argv = {std::string(LPSE_BIN_DIR) + "/lpse-server",
                                         "--config",
                                         std::string(LPSE_SOURCE_DIR) + "/config/lpse.toml",
                                         "--database",
                                         dir + "/q.db",
                                         "--port",
                                         std::to_string(port)};
  // Credentials live in the database: they survive every restart below.
  auto as = [&](const std::string& id, core::ActorRole role) { return testsupport::credentialFor(dir + "/q.db", id, role); };
  auto start = [&] {
    auto c = std::make_unique<testutil::Child>(argv);
    EXPECT_TRUE(c->waitFor("listening", 20000)) << c->output();
    return c;
  };
  auto server = start();

  std::vector<std::unique_ptr<Listener>> listeners;
  for (int i = 0; i < 5; ++i) {
    auto l = std::make_unique<Listener>();
    Listener* raw = l.get();
    l->stream = std::make_unique<client::EventStream>(
        url, as("display-" + std::to_string(i), core::ActorRole::Display), 0,
        client::EventStream::Callbacks{[raw](const api::StreamEvent& e) {
                                         std::lock_guard lock(raw->mu);
                                         raw->seqs.push_back(e.seq);
                                       },
                                       {}});
    listeners.push_back(std::move(l));
  }

  // Writer: tickets and calls, retried while the server is away.
  std::atomic<bool> done{false};
  std::atomic<int> committed{0};
  std::thread writer([&] {
    client::ApiClient kiosk(url, as("kiosk-1", core::ActorRole::Kiosk));
    client::ApiClient desk(url, as("desk-1", core::ActorRole::Helpdesk));
    for (int i = 0; i < operations; ++i) {
      // Retried while the server is away; any other refusal (a credential
      // the server rejects, a bad request) would never pass: fail, not hang.
      for (const auto giveUp = std::chrono::steady_clock::now() + 60s;;) {
        core::Error err;
        if (i % 3 == 2) {
          auto r = desk.callNext("helpdesk", "Loket 1");
          if (r) break;
          err = r.error();
        } else {
          auto r = kiosk.issueTicket(visit());
          if (r) break;
          err = r.error();
        }
        if ((err.code != "offline" && err.code != "storage_error") || std::chrono::steady_clock::now() > giveUp) {
          ADD_FAILURE() << "operation " << i << " refused: " << err.code << " " << err.en;
          done = true;
          return;
        }
        std::this_thread::sleep_for(20ms);
      }
      ++committed;
    }
    done = true;
  });

  std::mt19937 rng(7);
  for (int r = 0; r < restarts && !done; ++r) {
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(50, 250)(rng)));
    if (r % 2 == 0) kill(server->pid(), SIGTERM);
    else server->kill9();
    server->wait();
    server = start();
  }
  writer.join();

  // The log's end, as the server sees it.
  client::ApiClient probe(url, as("probe-display", core::ActorRole::Display));
  auto board = probe.board();
  ASSERT_TRUE(board.ok());
  const std::int64_t last = board->seq;
  EXPECT_GE(last, operations);  // each operation appended at least one event

  for (auto& l : listeners) {
    for (int i = 0; i < 300; ++i) {
      if (l->stream->lastSeq() >= last) break;
      std::this_thread::sleep_for(50ms);
    }
    l->stream->stop();
    std::lock_guard lock(l->mu);
    ASSERT_EQ(static_cast<std::int64_t>(l->seqs.size()), last) << "a client lost or doubled events";
    for (std::int64_t i = 0; i < last; ++i) ASSERT_EQ(l->seqs[i], i + 1) << "out of order at " << i;
  }
  kill(server->pid(), SIGTERM);
  EXPECT_EQ(WEXITSTATUS(server->wait()), 0);  // a clean stop on SIGTERM
  std::filesystem::remove_all(dir);
}

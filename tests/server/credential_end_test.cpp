// Credentials that end when they are ended: revoking a device, disabling an
// account, changing a password and logging out close every open push stream
// of that credential at once, while events keep flowing on it (a busy
// stream, which used to re-check only when idle). The keep-alive is left
// at its 10 s default, so a cut within a second is not the keep-alive's.
// Streams of other credentials stay open and keep receiving. Also: the
// request log never shows a ticket's QR token, nor routine health checks.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/client/api_client.hpp"
#include "kiosk/server/request_log.hpp"
#include "tests/support/live_server.hpp"
#include "tests/support/test_access.hpp"

using namespace lpse;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

core::Visit visit() {
  core::Visit v;
  v.service = "reset";
  v.name = "Budi Santoso";
  v.role = core::VisitorRole::Ppk;
  v.agency = "Dinas Pekerjaan Umum";
  v.phone = "081234567890";
  v.consent = true;
  v.documents = {core::Document::RequestForm, core::Document::SkPenunjukan};
  return v;
}

// One open GET /api/events, read on its own thread until the server ends it.
class OpenStream {
 public:
  OpenStream(const std::string& url, const std::string& token) : m_client(url) {
    m_client.set_read_timeout(30, 0);
    m_thread = std::thread([this, token] {
      m_client.Get("/api/events", {{"Authorization", "Bearer " + token}}, [this](const char* data, size_t n) {
        std::string_view chunk(data, n);
        for (std::size_t p = chunk.find("event: ticket_issued"); p != std::string_view::npos;
             p = chunk.find("event: ticket_issued", p + 1))
          ++m_events;
        return true;
      });
      m_endedAt = Clock::now();
      m_ended = true;
    });
  }
  ~OpenStream() {
    m_client.stop();
    if (m_thread.joinable()) m_thread.join();
  }
  bool ended() const { return m_ended; }
  int events() const { return m_events; }
  Clock::time_point endedAt() const { return m_endedAt; }
  // Waits until this stream has received `n` more ticket events.
  bool receives(int n, Clock::duration timeout = 5s) {
    const int target = m_events + n;
    for (auto end = Clock::now() + timeout; Clock::now() < end; std::this_thread::sleep_for(10ms))
      if (m_events >= target) return true;
    return false;
  }
  bool endsWithin(Clock::duration timeout) {
    for (auto end = Clock::now() + timeout; Clock::now() < end; std::this_thread::sleep_for(5ms))
      if (m_ended) return true;
    return m_ended;
  }

 private:
  httplib::Client m_client;
  std::atomic<int> m_events{0};
  std::atomic<bool> m_ended{false};
  Clock::time_point m_endedAt;
  std::thread m_thread;
};

class CredentialEnd : public ::testing::Test {
 protected:
  void SetUp() override {
    server::ServerOptions o;
    o.log = [this](const std::string& line) {
      std::lock_guard l(m_logMu);
      m_log.push_back(line);
    };
    m_live = std::make_unique<testsupport::LiveServer>(o);
    ASSERT_EQ(o.keepAlive, 10s);
  }
  void TearDown() override {
    stopEvents();
    m_live.reset();
  }

  std::string token(const std::string& id, core::ActorRole role) {
    return testsupport::credentialFor(m_live->db(), id, role).token;
  }

  // A kiosk issuing a ticket every ~20 ms: every open stream is busy.
  void startEvents() {
    m_kiosk = std::make_unique<client::ApiClient>(m_live->url(), client::Credential{token("kiosk-1", core::ActorRole::Kiosk)});
    m_events = std::thread([this] {
      while (!m_stop) {
        (void)m_kiosk->issueTicket(visit());
        std::this_thread::sleep_for(20ms);
      }
    });
  }
  void stopEvents() {
    m_stop = true;
    if (m_events.joinable()) m_events.join();
  }

  // Opens two streams of `victim` and one of `bystander`, lets events
  // flow, ends the credential with `end`, and checks the cut.
  void expectCutAtOnce(const std::string& victim, const std::string& bystander, const std::function<void()>& end) {
    startEvents();
    OpenStream a(m_live->url(), victim), b(m_live->url(), victim), other(m_live->url(), bystander);
    ASSERT_TRUE(a.receives(5)) << "the stream is not busy";
    ASSERT_TRUE(b.receives(5));
    ASSERT_TRUE(other.receives(5));
    const auto ended = Clock::now();
    end();
    EXPECT_TRUE(a.endsWithin(3s));
    EXPECT_TRUE(b.endsWithin(3s));
    if (a.ended()) {
      EXPECT_LT(a.endedAt() - ended, 1s) << "not at once";
    }
    if (b.ended()) {
      EXPECT_LT(b.endedAt() - ended, 1s) << "not at once";
    }
    // Events were flowing the whole time, and still flow to the others.
    EXPECT_TRUE(other.receives(5)) << "a bystander's stream was cut too";
    EXPECT_FALSE(other.ended());
    // And the ended credential cannot open a new one.
    httplib::Client c(m_live->url());
    int status = 0;
    c.Get(
        "/api/events?after=0", {{"Authorization", "Bearer " + victim}},
        [&](const httplib::Response& r) {
          status = r.status;
          return false;  // the head is enough
        },
        [](const char*, size_t) { return false; });
    EXPECT_EQ(status, 401);
  }

  std::unique_ptr<testsupport::LiveServer> m_live;
  std::unique_ptr<client::ApiClient> m_kiosk;
  std::thread m_events;
  std::atomic<bool> m_stop{false};
  std::mutex m_logMu;
  std::vector<std::string> m_log;
};

TEST_F(CredentialEnd, RevokingADeviceClosesItsBusyStreamsAtOnce) {
  const std::string display = token("display-1", core::ActorRole::Display);
  const std::string other = token("display-2", core::ActorRole::Display);
  expectCutAtOnce(display, other, [&] {
    // As `lpse device revoke` does it: another connection (another process).
    auto cli = store::AccessStore::open(m_live->db(), testsupport::cheapHashing());
    ASSERT_TRUE(cli.ok());
    ASSERT_TRUE((*cli)->revokeDevice("display-1", testsupport::wallMs()).ok());
  });
}

TEST_F(CredentialEnd, DisablingAnAccountClosesItsBusyStreamsAtOnce) {
  const std::string desk = token("helpdesk-1", core::ActorRole::Helpdesk);
  const std::string other = token("helpdesk-2", core::ActorRole::Helpdesk);
  const std::string admin = token("admin-1", core::ActorRole::Admin);
  expectCutAtOnce(desk, other, [&] {
    httplib::Client c(m_live->url());
    auto r = c.Post("/api/staff/helpdesk-1/disable", {{"Authorization", "Bearer " + admin}}, "", "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
  });
}

TEST_F(CredentialEnd, ChangingAPasswordClosesItsBusyStreamsAtOnce) {
  const std::string desk = token("helpdesk-1", core::ActorRole::Helpdesk);
  const std::string other = token("helpdesk-2", core::ActorRole::Helpdesk);
  expectCutAtOnce(desk, other, [&] {
    // As `lpse staff passwd` does it, from another process.
    auto cli = store::AccessStore::open(m_live->db(), testsupport::cheapHashing());
    ASSERT_TRUE(cli.ok());
    ASSERT_TRUE((*cli)->setStaffSecret("helpdesk-1", "97531086", testsupport::wallMs()).ok());
  });
}

TEST_F(CredentialEnd, LoggingOutClosesThatSessionsBusyStreamsAtOnce) {
  const std::string session = token("helpdesk-1", core::ActorRole::Helpdesk);
  // The same person signed in at a second desk: that session stays.
  const std::string secondDesk = token("helpdesk-1", core::ActorRole::Helpdesk);
  expectCutAtOnce(session, secondDesk, [&] {
    httplib::Client c(m_live->url());
    auto r = c.Post("/api/logout", {{"Authorization", "Bearer " + session}}, "{}", "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
  });
}

TEST_F(CredentialEnd, TheRequestLogNeverShowsATicketTokenNorHealthChecks) {
  const std::string kiosk = token("kiosk-1", core::ActorRole::Kiosk);
  client::ApiClient k(m_live->url(), client::Credential{kiosk});
  auto t = k.issueTicket(visit());
  ASSERT_TRUE(t.ok()) << t.error().en;
  const std::string secret = t->kase.token;
  ASSERT_GE(secret.size(), 16u);
  httplib::Client c(m_live->url());
  const httplib::Headers h{{"Authorization", "Bearer " + kiosk}};
  for (const std::string& path : {"/api/tickets/" + secret, "/api/tickets/" + secret + "/entry",
                                 "/api/tickets/" + secret.substr(0, 12) + "/entry"}) {
    auto r = c.Get(path.c_str(), h);
    ASSERT_TRUE(r);
  }
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(c.Get("/api/health"));
  // The logger runs after the answer is sent.
  bool sawEntry = false;
  for (int i = 0; i < 100 && !sawEntry; ++i) {
    std::this_thread::sleep_for(10ms);
    std::lock_guard l(m_logMu);
    for (const auto& line : m_log) sawEntry = sawEntry || line.find("/api/tickets/•••/entry") != std::string::npos;
  }
  EXPECT_TRUE(sawEntry);
  std::lock_guard l(m_logMu);
  for (const auto& line : m_log) {
    EXPECT_EQ(line.find(secret.substr(0, 12)), std::string::npos) << line;
    EXPECT_EQ(line.find("/api/health"), std::string::npos) << line;
  }
}

TEST(RequestLog, TicketTokensAreRedactedWhereverTheyAppear) {
  using server::redactPath;
  EXPECT_EQ(redactPath("/api/tickets/0123456789abcdef01234567"), "/api/tickets/•••");
  EXPECT_EQ(redactPath("/api/tickets/0123456789abcdef01234567/entry"), "/api/tickets/•••/entry");
  // Short or not hex: still the ticket's place, still hidden.
  EXPECT_EQ(redactPath("/api/tickets/zz/entry"), "/api/tickets/•••/entry");
  // A token under another route.
  EXPECT_EQ(redactPath("/api/forms/ABCDEF0123456789abcd/x"), "/api/forms/•••/x");
  // Nothing secret: unchanged.
  EXPECT_EQ(redactPath("/api/tickets"), "/api/tickets");
  EXPECT_EQ(redactPath("/api/cases/12/actions"), "/api/cases/12/actions");
  EXPECT_EQ(redactPath("/"), "/");
  EXPECT_EQ(redactPath(""), "");
}

TEST(RequestLog, HealthChecksOnlyWhenVerboseAndErrorsAtErrorLevel) {
  using server::requestLogLine;
  EXPECT_FALSE(requestLogLine("GET", "/api/health", 200, "127.0.0.1", false));
  auto debug = requestLogLine("GET", "/api/health", 200, "127.0.0.1", true);
  ASSERT_TRUE(debug);
  EXPECT_EQ(debug->rfind("level=debug", 0), 0u) << *debug;
  auto info = requestLogLine("POST", "/api/tickets", 201, "10.0.0.5", false);
  ASSERT_TRUE(info);
  EXPECT_EQ(*info, "level=info msg=\"request\" method=POST path=\"/api/tickets\" status=201 remote=10.0.0.5");
  auto error = requestLogLine("GET", "/api/board", 503, "10.0.0.5", false);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->rfind("level=error", 0), 0u);
}

}  // namespace

// The server over real HTTP on loopback with a real SQLite file.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <thread>

#include "kiosk/api/wire.hpp"
#include "kiosk/client/api_client.hpp"
#include "kiosk/client/event_stream.hpp"
#include "kiosk/server/queue_server.hpp"
#include "kiosk/store/store.hpp"

using namespace lpse;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

class ServerFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/lpse-server-test-XXXXXX";
    m_dir = mkdtemp(tmpl);
    auto s = store::Store::open(m_dir + "/q.db");
    ASSERT_TRUE(s.ok());
    m_store = std::move(*s);
    m_server = std::make_unique<server::QueueServer>(*m_store, server::ServerOptions{},
                                                     server::makeHeaderAuthenticator());
    m_port = m_server->bind("127.0.0.1", 0);
    ASSERT_GT(m_port, 0);
    m_thread = std::thread([this] { m_server->run(); });
    m_url = "http://127.0.0.1:" + std::to_string(m_port);
    client::ApiClient probe(m_url, {"probe", core::ActorRole::Kiosk});
    for (int i = 0; i < 100 && !probe.health().ok(); ++i) std::this_thread::sleep_for(10ms);
  }
  void TearDown() override {
    m_server->stop();
    if (m_thread.joinable()) m_thread.join();
    m_server.reset();
    m_store.reset();
    std::filesystem::remove_all(m_dir);
  }

  static core::Visit visit(const std::string& service = "reset") {
    core::Visit v;
    v.service = service;
    v.name = "Budi Santoso";
    v.nip = "198503302010121002";
    v.role = core::VisitorRole::Ppk;
    v.agency = "Dinas Pekerjaan Umum";
    v.phone = "081234567890";
    v.email = "budi@example.go.id";
    v.consent = true;
    v.documents = {core::Document::RequestForm, core::Document::SkPenunjukan};
    return v;
  }

  httplib::Result raw(const std::string& method, const std::string& path, const std::string& body,
                      const std::string& role = "kiosk") {
    httplib::Client c(m_url);
    httplib::Headers h;
    if (!role.empty()) h = {{"X-Lpse-Device", "t-1"}, {"X-Lpse-Role", role}};
    if (method == "GET") return c.Get(path.c_str(), h);
    return c.Post(path.c_str(), h, body, "application/json");
  }

  std::string m_dir, m_url;
  int m_port = 0;
  std::unique_ptr<store::Store> m_store;
  std::unique_ptr<server::QueueServer> m_server;
  std::thread m_thread;
};

}  // namespace

TEST_F(ServerFixture, KioskIssuesDeskCallsStreamDelivers) {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<api::StreamEvent> got;
  client::EventStream stream(m_url, {"display-1", core::ActorRole::Display}, 0,
                             {[&](const api::StreamEvent& e) {
                                std::lock_guard l(mu);
                                got.push_back(e);
                                cv.notify_all();
                              },
                              {}});
  client::ApiClient kiosk(m_url, {"kiosk-1", core::ActorRole::Kiosk});
  client::ApiClient desk(m_url, {"desk-1", core::ActorRole::Helpdesk});

  auto t = kiosk.issueTicket(visit());
  ASSERT_TRUE(t.ok()) << t.error().en;
  EXPECT_EQ(t->kase.ticket, "R-001");
  EXPECT_EQ(t->ahead, 0);
  auto called = desk.callNext("helpdesk", "Loket 1");
  ASSERT_TRUE(called.ok()) << called.error().en;
  ASSERT_TRUE(called->has_value());
  EXPECT_EQ((*called)->ticket, "R-001");

  std::unique_lock l(mu);
  ASSERT_TRUE(cv.wait_for(l, 5s, [&] { return got.size() >= 2; }));
  EXPECT_EQ(got[0].kind, "ticket_issued");
  EXPECT_EQ(got[1].kind, "call");
  EXPECT_EQ(got[1].ticket, "R-001");
  EXPECT_EQ(got[1].counter, "Loket 1");
  EXPECT_LT(got[0].seq, got[1].seq);
}

TEST_F(ServerFixture, ReconnectReplaysFromTheLogWithoutDoubles) {
  client::ApiClient kiosk(m_url, {"kiosk-1", core::ActorRole::Kiosk});
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(kiosk.issueTicket(visit()).ok());
  // A client that saw up to seq 2 resumes and gets 3, 4, 5 exactly once.
  std::mutex mu;
  std::vector<std::int64_t> seqs;
  {
    client::EventStream s(m_url, {"d", core::ActorRole::Display}, 2, {[&](const api::StreamEvent& e) {
                            std::lock_guard l(mu);
                            seqs.push_back(e.seq);
                          }, {}});
    for (int i = 0; i < 200; ++i) {
      {
        std::lock_guard l(mu);
        if (seqs.size() >= 3) break;
      }
      std::this_thread::sleep_for(10ms);
    }
  }
  EXPECT_EQ(seqs, (std::vector<std::int64_t>{3, 4, 5}));
}

TEST_F(ServerFixture, TwoDesksNeverGetTheSameTicket) {
  client::ApiClient kiosk(m_url, {"kiosk-1", core::ActorRole::Kiosk});
  for (int i = 0; i < 40; ++i) ASSERT_TRUE(kiosk.issueTicket(visit(i % 2 ? "reset" : "userid")).ok());
  std::vector<std::string> a, b;
  auto drain = [&](const std::string& counter, std::vector<std::string>& out) {
    client::ApiClient desk(m_url, {counter, core::ActorRole::Helpdesk});
    for (;;) {
      auto c = desk.callNext("helpdesk", counter);
      ASSERT_TRUE(c.ok());
      if (!c->has_value()) return;
      out.push_back((*c)->ticket);
    }
  };
  std::thread t1([&] { drain("Loket 1", a); });
  std::thread t2([&] { drain("Loket 2", b); });
  t1.join();
  t2.join();
  std::set<std::string> all(a.begin(), a.end());
  all.insert(b.begin(), b.end());
  EXPECT_EQ(a.size() + b.size(), 40u);
  EXPECT_EQ(all.size(), 40u);
}

TEST_F(ServerFixture, BadRequestsGetJsonErrorsNever500) {
  struct Case {
    std::string method, path, body, role;
    int status;
    std::string code;
  } cases[] = {
      {"POST", "/api/tickets", "{not json", "kiosk", 400, "malformed_json"},
      {"POST", "/api/tickets", "[]", "kiosk", 400, "not_object"},
      {"POST", "/api/tickets", R"({"service":"reset","name":1,"role":"ppk"})", "kiosk", 400, "wrong_type"},
      {"POST", "/api/tickets", R"({"service":"reset","name":"Budi Santoso","role":"ppk","x":1})", "kiosk", 400,
       "unknown_field"},
      {"POST", "/api/tickets",
       R"({"service":"reset","name":"Budi'; DROP TABLE cases;--","role":"ppk","agency":"X Y","phone":"081234567890","consent":true})",
       "kiosk", 422, "name_characters"},
      {"POST", "/api/tickets",
       R"({"service":"reset","name":"Budi Santoso","role":"ppk","agency":"Dinas","phone":"081234567890"})", "kiosk",
       422, "consent_required"},
      {"POST", "/api/tickets", R"({"service":"reset","name":"Budi Santoso","role":"ppk"})", "", 401,
       "unauthenticated"},
      {"POST", "/api/tickets", R"({"service":"reset","name":"Budi Santoso","role":"ppk"})", "display", 403,
       "forbidden_role"},
      {"POST", "/api/queues/helpdesk/next", R"({"counter":"Loket 1"})", "kiosk", 403, "forbidden_role"},
      {"POST", "/api/queues/helpdesk/next", "{}", "helpdesk", 400, "missing_field"},
      {"POST", "/api/cases/999/actions", R"({"action":"call","counter":"L1"})", "helpdesk", 404, "case_not_found"},
      {"POST", "/api/cases/1/actions", R"({"action":"fly"})", "helpdesk", 400, "bad_value"},
      {"GET", "/api/cases/1", "", "kiosk", 403, "forbidden_role"},
      {"GET", "/api/../../etc/passwd", "", "kiosk", 404, "not_found"},
      {"GET", "/api/tickets/zzzz", "", "kiosk", 404, "not_found"},
      {"POST", "/api/tickets", std::string(100 * 1024, 'x'), "kiosk", 413, "too_large"},
  };
  for (const auto& c : cases) {
    auto r = raw(c.method, c.path, c.body, c.role);
    ASSERT_TRUE(r) << c.path;
    EXPECT_EQ(r->status, c.status) << c.method << " " << c.path << " " << c.body.substr(0, 80) << " -> " << r->body;
    auto j = api::parseJson(r->body);
    ASSERT_TRUE(j.ok()) << r->body;
    EXPECT_EQ(api::errorFromJson(*j).code, c.code) << r->body;
    EXPECT_FALSE(api::errorFromJson(*j).id.empty());
  }
  // Nothing above wrote anything.
  EXPECT_EQ(m_store->lastSeq(), 0);
  EXPECT_TRUE(m_store->verifyChain().ok());
}

TEST_F(ServerFixture, PublicBoardAndStreamCarryNoPersonalData) {
  client::ApiClient kiosk(m_url, {"kiosk-1", core::ActorRole::Kiosk});
  client::ApiClient desk(m_url, {"desk-1", core::ActorRole::Helpdesk});
  ASSERT_TRUE(kiosk.issueTicket(visit()).ok());
  ASSERT_TRUE(desk.callNext("helpdesk", "Loket 1").ok());
  auto board = raw("GET", "/api/board", "", "display");
  ASSERT_TRUE(board);
  EXPECT_NE(board->body.find("R-001"), std::string::npos);
  httplib::Client c(m_url);
  std::string streamed;
  c.set_read_timeout(1, 0);
  c.Get("/api/events?after=0", [&](const char* d, size_t n) {
    streamed.append(d, n);
    return streamed.find("\"call\"") == std::string::npos;
  });
  EXPECT_NE(streamed.find("R-001"), std::string::npos);
  for (const char* secret : {"Budi", "Santoso", "081234567890", "198503302010121002", "example.go.id",
                                    "Dinas"}) {
    EXPECT_EQ(board->body.find(secret), std::string::npos) << secret;
    EXPECT_EQ(streamed.find(secret), std::string::npos) << secret;
  }
}

TEST_F(ServerFixture, KioskPrinterProblemsReachStaffNotDisplays) {
  client::ApiClient kiosk(m_url, {"kiosk-1", core::ActorRole::Kiosk});
  client::ApiClient desk(m_url, {"desk-1", core::ActorRole::Helpdesk});
  core::DeviceStatus d;
  d.part = "printer";
  d.ok = false;
  d.state = "paper_out";
  d.detail = "Kertas printer habis.";
  ASSERT_TRUE(kiosk.reportDevice(d).ok());
  d.ok = true;
  d.state = "ready";
  d.detail = "";
  auto later = d;
  auto devices = desk.devices();
  ASSERT_TRUE(devices.ok()) << devices.error().en;
  ASSERT_EQ(devices->size(), 1u);
  EXPECT_EQ((*devices)[0].device, "kiosk-1");
  EXPECT_FALSE((*devices)[0].ok);
  EXPECT_EQ((*devices)[0].state, "paper_out");
  ASSERT_TRUE(kiosk.reportDevice(later).ok());
  devices = desk.devices();
  ASSERT_TRUE(devices.ok());
  ASSERT_EQ(devices->size(), 1u);
  EXPECT_TRUE((*devices)[0].ok);  // the latest report wins
  // Only staff read device reports; a display cannot, a desk cannot post one.
  client::ApiClient display(m_url, {"display-1", core::ActorRole::Display});
  EXPECT_EQ(display.devices().error().code, "forbidden_role");
  EXPECT_EQ(desk.reportDevice(d).error().code, "forbidden_role");
  // A bad report is refused whole.
  EXPECT_EQ(raw("POST", "/api/devices/status", R"({"part":"toaster"})")->status, 400);
  // Reports are in the chained log but belong to no case: the projection rebuilds.
  EXPECT_TRUE(m_store->verifyChain().ok());
  EXPECT_TRUE(m_store->rebuildProjection().ok());
  EXPECT_TRUE(m_store->openCases().empty());
}

// The server over real HTTP on loopback with a real SQLite file.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "kiosk/api/wire.hpp"
#include "kiosk/client/api_client.hpp"
#include "kiosk/client/event_stream.hpp"
#include "kiosk/server/queue_server.hpp"
#include "kiosk/store/store.hpp"
#include "tests/support/live_server.hpp"
#include "tests/support/test_access.hpp"

using namespace lpse;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

class ServerFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    m_live = std::make_unique<testsupport::LiveServer>(options());
    m_dir = m_live->dir();
    m_url = m_live->url();
    m_store = &m_live->store();
    m_access = &m_live->access();
  }
  void TearDown() override { m_live.reset(); }

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

  virtual server::ServerOptions options() { return {}; }

  // A credential for `id` in `role`, made in the server's database.
  client::Credential as(const std::string& id, core::ActorRole role) {
    return testsupport::credentialFor(m_dir + "/q.db", id, role);
  }
  httplib::Headers auth(const std::string& role) {
    if (role.empty()) return {};
    auto r = core::actorRoleFrom(role);
    if (!r) return {{"Authorization", "Bearer " + role}};  // a made-up token
    if (!m_tokens.count(role)) m_tokens[role] = as("t-" + role, *r).token;
    return {{"Authorization", "Bearer " + m_tokens[role]}};
  }

  // role: a role name (a credential of that role), "" (none) or any other
  // text (sent as a bogus token).
  httplib::Result raw(const std::string& method, const std::string& path, const std::string& body,
                      const std::string& role = "kiosk") {
    httplib::Client c(m_url);
    auto h = auth(role);
    if (method == "GET") return c.Get(path.c_str(), h);
    return c.Post(path.c_str(), h, body, "application/json");
  }

  std::unique_ptr<testsupport::LiveServer> m_live;
  std::string m_dir, m_url;
  store::Store* m_store = nullptr;
  store::AccessStore* m_access = nullptr;
  std::map<std::string, std::string> m_tokens;
};

}  // namespace

TEST_F(ServerFixture, KioskIssuesDeskCallsStreamDelivers) {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<api::StreamEvent> got;
  client::EventStream stream(m_url, as("display-1", core::ActorRole::Display), 0,
                             {[&](const api::StreamEvent& e) {
                                std::lock_guard l(mu);
                                got.push_back(e);
                                cv.notify_all();
                              },
                              {}});
  client::ApiClient kiosk(m_url, as("kiosk-1", core::ActorRole::Kiosk));
  client::ApiClient desk(m_url, as("desk-1", core::ActorRole::Helpdesk));

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
  client::ApiClient kiosk(m_url, as("kiosk-1", core::ActorRole::Kiosk));
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(kiosk.issueTicket(visit()).ok());
  // A client that saw up to seq 2 resumes and gets 3, 4, 5 exactly once.
  std::mutex mu;
  std::vector<std::int64_t> seqs;
  {
    client::EventStream s(m_url, as("display-2", core::ActorRole::Display), 2, {[&](const api::StreamEvent& e) {
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
  client::ApiClient kiosk(m_url, as("kiosk-1", core::ActorRole::Kiosk));
  for (int i = 0; i < 40; ++i) ASSERT_TRUE(kiosk.issueTicket(visit(i % 2 ? "reset" : "userid")).ok());
  std::vector<std::string> a, b;
  auto drain = [&](const std::string& counter, std::vector<std::string>& out) {
    client::ApiClient desk(m_url, as(counter == "Loket 1" ? "desk-1" : "desk-2", core::ActorRole::Helpdesk));
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
      {"POST", "/api/tickets", "{\"service\":\"reset\",\"name\":\"Bud\xff\xfe\",\"role\":\"ppk\"}", "kiosk", 400,
       "malformed_json"},
      {"POST", "/api/cases/1/actions", R"({"action":"call","counter":"L1","priority":1e400})", "helpdesk", 400,
       "malformed_json"},
      {"POST", "/api/cases/99999999999999999999/actions", R"({"action":"call"})", "helpdesk", 404, "not_found"},
      {"POST", "/api/queues/helpdesk/next", R"({"counter":18446744073709551616})", "helpdesk", 400, "missing_field"},
      {"POST", "/api/tickets", R"({"name":"Budi Santoso","role":"ppk"})", "kiosk", 400, "missing_field"},
      {"GET", "/api/cases/1", "", "lpses_' OR '1'='1", 401, "unauthenticated"},
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
  // A header over httplib's limit is refused before any handler runs.
  {
    httplib::Client c(m_url);
    auto r = c.Get("/api/board", {{"Authorization", "Bearer " + std::string(64 * 1024, 'a')}});
    EXPECT_TRUE(!r || r->status >= 400) << (r ? r->body : "");
    if (r) {
      EXPECT_LT(r->status, 500);
    }
  }
  // Nothing above wrote anything.
  EXPECT_EQ(m_store->lastSeq(), 0);
  EXPECT_TRUE(m_store->verifyChain().ok());
}

TEST_F(ServerFixture, PublicBoardAndStreamCarryNoPersonalData) {
  client::ApiClient kiosk(m_url, as("kiosk-1", core::ActorRole::Kiosk));
  client::ApiClient desk(m_url, as("desk-1", core::ActorRole::Helpdesk));
  ASSERT_TRUE(kiosk.issueTicket(visit()).ok());
  ASSERT_TRUE(desk.callNext("helpdesk", "Loket 1").ok());
  auto board = raw("GET", "/api/board", "", "display");
  ASSERT_TRUE(board);
  EXPECT_NE(board->body.find("R-001"), std::string::npos);
  httplib::Client c(m_url);
  std::string streamed;
  c.set_read_timeout(1, 0);
  c.Get("/api/events?after=0", auth("display"), [&](const char* d, size_t n) {
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
  client::ApiClient kiosk(m_url, as("kiosk-1", core::ActorRole::Kiosk));
  client::ApiClient desk(m_url, as("desk-1", core::ActorRole::Helpdesk));
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
  client::ApiClient display(m_url, as("display-1", core::ActorRole::Display));
  EXPECT_EQ(display.devices().error().code, "forbidden_role");
  EXPECT_EQ(desk.reportDevice(d).error().code, "forbidden_role");
  // A bad report is refused whole.
  EXPECT_EQ(raw("POST", "/api/devices/status", R"({"part":"toaster"})")->status, 400);
  // Reports are in the chained log but belong to no case: the projection rebuilds.
  EXPECT_TRUE(m_store->verifyChain().ok());
  EXPECT_TRUE(m_store->rebuildProjection().ok());
  EXPECT_TRUE(m_store->openCases().empty());
}

namespace {
class SmallReplayServer : public ServerFixture {
 protected:
  server::ServerOptions options() override {
    server::ServerOptions o;
    o.maxReplay = 5;
    return o;
  }
};
}  // namespace

TEST_F(SmallReplayServer, AClientTooFarBehindGetsASnapshotThenLiveEvents) {
  client::ApiClient kiosk(m_url, as("kiosk-1", core::ActorRole::Kiosk));
  for (int i = 0; i < 8; ++i) ASSERT_TRUE(kiosk.issueTicket(visit()).ok());
  std::mutex mu;
  std::condition_variable cv;
  std::vector<api::StreamEvent> got;
  // Behind by 7 (> 5): no replay, one snapshot at the end of the log.
  client::EventStream s(m_url, as("display-1", core::ActorRole::Display), 1,
                        {[&](const api::StreamEvent& e) {
                           std::lock_guard l(mu);
                           got.push_back(e);
                           cv.notify_all();
                         },
                         {}});
  {
    std::unique_lock l(mu);
    ASSERT_TRUE(cv.wait_for(l, 5s, [&] { return !got.empty(); }));
    EXPECT_EQ(got[0].kind, "snapshot");
    EXPECT_EQ(got[0].seq, 8);
  }
  ASSERT_TRUE(kiosk.issueTicket(visit()).ok());
  std::unique_lock l(mu);
  ASSERT_TRUE(cv.wait_for(l, 5s, [&] { return got.size() >= 2; }));
  EXPECT_EQ(got[1].kind, "ticket_issued");
  EXPECT_EQ(got[1].seq, 9);
  EXPECT_EQ(got.size(), 2u);  // nothing from before the snapshot
  // A client within the limit still gets a full replay.
  std::vector<std::int64_t> seqs;
  client::EventStream near(m_url, as("display-2", core::ActorRole::Display), 5,
                           {[&](const api::StreamEvent& e) {
                              std::lock_guard l2(mu);
                              seqs.push_back(e.seq);
                              cv.notify_all();
                            },
                            {}});
  ASSERT_TRUE(cv.wait_for(l, 5s, [&] { return seqs.size() >= 4; }));
  EXPECT_EQ(seqs, (std::vector<std::int64_t>{6, 7, 8, 9}));
}

TEST_F(ServerFixture, TwoCallsAtTheSameInstantBothReachEveryDisplay) {
  client::ApiClient kiosk(m_url, as("kiosk-1", core::ActorRole::Kiosk));
  for (int i = 0; i < 2; ++i) ASSERT_TRUE(kiosk.issueTicket(visit()).ok());
  std::mutex mu;
  std::condition_variable cv;
  std::map<int, std::vector<std::string>> calls;  // display -> tickets called, in order received
  std::vector<std::unique_ptr<client::EventStream>> displays;
  for (int d = 0; d < 3; ++d)
    displays.push_back(std::make_unique<client::EventStream>(
        m_url, as("display-" + std::to_string(d + 1), core::ActorRole::Display), 0,
        client::EventStream::Callbacks{[&, d](const api::StreamEvent& e) {
                                         if (e.kind != "call") return;
                                         std::lock_guard l(mu);
                                         calls[d].push_back(e.ticket + "@" + e.counter);
                                         cv.notify_all();
                                       },
                                       {}}));
  client::ApiClient desk1(m_url, as("desk-1", core::ActorRole::Helpdesk));
  client::ApiClient desk2(m_url, as("desk-2", core::ActorRole::Helpdesk));
  // Both desks press "next" together (released by one flag).
  std::atomic<bool> go{false};
  auto press = [&](client::ApiClient& desk, const char* counter) {
    while (!go) std::this_thread::yield();
    auto c = desk.callNext("helpdesk", counter);
    EXPECT_TRUE(c.ok() && c->has_value());
  };
  std::thread a(press, std::ref(desk1), "Loket 1"), b(press, std::ref(desk2), "Loket 2");
  go = true;
  a.join();
  b.join();
  std::unique_lock l(mu);
  ASSERT_TRUE(cv.wait_for(l, 5s, [&] {
    return calls.size() == 3 && std::all_of(calls.begin(), calls.end(), [](auto& kv) { return kv.second.size() == 2; });
  }));
  for (auto& [d, got] : calls) {
    std::set<std::string> tickets;
    for (auto& g : got) tickets.insert(g.substr(0, g.find('@')));
    EXPECT_EQ(tickets, (std::set<std::string>{"R-001", "R-002"})) << "display " << d;
    EXPECT_EQ(got, calls[0]) << "every display hears the calls in the same order";
  }
}

// The guest book over real HTTP on loopback: POST /api/tickets with an
// Idempotency-Key (a repeat answers 200 with the first ticket; a reply lost
// on the wire is retried by the client and still gives one number), a
// kiosk recalling a returning visitor's entry by their old ticket, and the
// retention period (told by /api/health, purged by the server on its own).
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <memory>
#include <thread>

#include <nlohmann/json.hpp>

#include "kiosk/api/wire.hpp"
#include "kiosk/client/api_client.hpp"
#include "kiosk/store/store.hpp"
#include "tests/support/live_server.hpp"
#include "tests/support/reply_dropping_proxy.hpp"
#include "tests/support/test_access.hpp"

using namespace lpse;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

constexpr const char* kKey = "kiosk-1-0123456789abcdef";
constexpr std::int64_t kDay = 86'400'000;

core::Visit visit(const std::string& name = "Budi Santoso") {
  core::Visit v;
  v.service = "reset";
  v.name = name;
  v.nip = "198503302010121002";
  v.role = core::VisitorRole::Ppk;
  v.agency = "Dinas Pekerjaan Umum";
  v.phone = "081234567890";
  v.email = "budi@example.go.id";
  v.purpose = "Lupa kata sandi";
  v.consent = true;
  v.documents = {core::Document::RequestForm, core::Document::SkPenunjukan};
  return v;
}

class GuestBookApi : public ::testing::Test {
 protected:
  void start(server::ServerOptions o = {}, const std::function<void(store::Store&)>& prepare = {}) {
    m_live = std::make_unique<testsupport::LiveServer>(std::move(o), prepare);
  }
  void SetUp() override { start(); }
  client::Credential as(const std::string& id, core::ActorRole role) {
    return testsupport::credentialFor(m_live->db(), id, role);
  }
  httplib::Result post(const std::string& token, const std::string& key, const core::Visit& v) {
    httplib::Client c(m_live->url());
    httplib::Headers h{{"Authorization", "Bearer " + token}};
    if (!key.empty()) h.emplace("Idempotency-Key", key);
    return c.Post("/api/tickets", h, api::toJson(v).dump(), "application/json");
  }
  httplib::Result get(const std::string& token, const std::string& path) {
    httplib::Client c(m_live->url());
    return c.Get(path.c_str(), httplib::Headers{{"Authorization", "Bearer " + token}});
  }

  std::unique_ptr<testsupport::LiveServer> m_live;
};

TEST_F(GuestBookApi, ARepeatedRequestAnswersTheFirstTicket) {
  const auto kiosk = as("kiosk-1", core::ActorRole::Kiosk).token;
  auto a = post(kiosk, kKey, visit());
  ASSERT_TRUE(a);
  ASSERT_EQ(a->status, 201) << a->body;
  const auto seq = m_live->store().lastSeq();
  auto b = post(kiosk, kKey, visit());
  ASSERT_TRUE(b);
  ASSERT_EQ(b->status, 200) << b->body;
  const json ja = json::parse(a->body), jb = json::parse(b->body);
  EXPECT_EQ(jb["case"]["ticket"], ja["case"]["ticket"]);
  EXPECT_EQ(jb["case"]["token"], ja["case"]["token"]);
  EXPECT_EQ(jb["replayed"], true);
  EXPECT_FALSE(ja.contains("replayed"));
  EXPECT_EQ(m_live->store().lastSeq(), seq);

  // The same key for someone else: a client bug, named, nothing written.
  auto c = post(kiosk, kKey, visit("Siti Aminah"));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, 422);
  EXPECT_EQ(json::parse(c->body)["error"]["code"], "idempotency_conflict") << c->body;
  auto bad = post(kiosk, "no spaces allowed in keys", visit());
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400) << bad->body;
  EXPECT_EQ(m_live->store().lastSeq(), seq);
  EXPECT_EQ(m_live->store().openCases().size(), 1u);
}

TEST_F(GuestBookApi, AReplyLostOnTheWireStillGivesOneNumber) {
  const auto cred = as("kiosk-1", core::ActorRole::Kiosk);
  testsupport::ReplyDroppingProxy lossy(m_live->port(), 1);
  client::ApiClient kiosk(lossy.url(), cred);
  auto t = kiosk.issueTicket(visit(), "0123456789abcdef0123456789abcdef");
  ASSERT_TRUE(t.ok()) << t.error().en;
  EXPECT_EQ(lossy.dropped(), 1) << "the proxy did not drop the first reply";
  EXPECT_TRUE(t->replayed) << "the answer should be the first request's ticket";
  EXPECT_EQ(t->kase.ticket, "R-001");
  EXPECT_EQ(m_live->store().openCases().size(), 1u) << "the retry made a second number";

  // Without a key the client must not repeat a call that may have worked:
  // the loss is reported (the first request was recorded all the same).
  testsupport::ReplyDroppingProxy lossy2(m_live->port(), 1);
  client::ApiClient noKey(lossy2.url(), cred);
  auto u = noKey.issueTicket(visit());
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.error().code, "offline");
  EXPECT_EQ(m_live->store().openCases().size(), 2u);
}

TEST_F(GuestBookApi, AKioskRecallsAnEntryByItsTicketAndNobodyElse) {
  client::ApiClient kiosk(m_live->url(), as("kiosk-1", core::ActorRole::Kiosk));
  auto t = kiosk.issueTicket(visit());
  ASSERT_TRUE(t.ok());
  auto e = kiosk.recallEntry(t->kase.token);
  ASSERT_TRUE(e.ok()) << e.error().en;
  EXPECT_EQ(e->name, "Budi Santoso");
  EXPECT_EQ(e->phone, "081234567890");
  EXPECT_EQ(e->email, "budi@example.go.id");
  EXPECT_EQ(e->purpose, "Lupa kata sandi");
  EXPECT_FALSE(e->consent);

  const std::string path = "/api/tickets/" + t->kase.token + "/entry";
  for (auto role : {core::ActorRole::Display, core::ActorRole::Helpdesk, core::ActorRole::Supervisor}) {
    auto r = get(as(std::string("x-") + std::string(core::toString(role)), role).token, path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << core::toString(role);
    EXPECT_EQ(r->body.find("Budi"), std::string::npos);
  }
  auto unknown = kiosk.recallEntry("0123456789abcdef01234567");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "ticket_not_found");
}

TEST_F(GuestBookApi, HealthToldTheRetentionAndTheServerPurgesOnItsOwn) {
  // A visit 40 days old whose case is closed, a ticket of that day never
  // called (the server closes it as not served that day, issue #13, and
  // then purges it), and an e-mailed request still open, in the database
  // before the server starts with a 30-day retention.
  std::string oldToken, openToken, waitingToken;
  const std::int64_t now =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  server::ServerOptions o;
  o.retentionDays = 30;
  start(o, [&](store::Store& s) {
    const core::Actor kiosk{"kiosk-1", core::ActorRole::Kiosk}, spv{"spv", core::ActorRole::Supervisor};
    auto a = s.issueTicket(visit(), kiosk, now - 40 * kDay);
    core::Visit mailed = visit("Siti Aminah");
    mailed.channel = core::Channel::Email;
    auto b = s.receiveEmail(mailed, {"desk-1", core::ActorRole::Helpdesk}, now - 40 * kDay);
    auto w = s.issueTicket(visit("Rudi Hartono"), kiosk, now - 40 * kDay);
    ASSERT_TRUE(a.ok() && b.ok() && w.ok());
    waitingToken = w->kase.token;
    core::ActionInput why;
    why.reason = "withdrawn";
    ASSERT_TRUE(s.act(a->kase.id, core::Action::Cancel, why, spv, now - 40 * kDay + 1000).ok());
    oldToken = a->kase.token;
    openToken = b->token;
  });
  client::ApiClient kiosk(m_live->url(), as("kiosk-1", core::ActorRole::Kiosk));
  auto h = kiosk.health();
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->retentionDays, 30);

  core::Result<core::Visit> e = kiosk.recallEntry(oldToken);
  for (int i = 0; i < 100 && e.ok(); ++i) {
    std::this_thread::sleep_for(50ms);
    e = kiosk.recallEntry(oldToken);
  }
  ASSERT_FALSE(e.ok()) << "the server did not purge a 40-day-old closed entry";
  EXPECT_EQ(e.error().code, "entry_purged");
  auto open = kiosk.recallEntry(openToken);
  ASSERT_TRUE(open.ok()) << "an open case lost its entry: " << open.error().en;
  EXPECT_EQ(open->name, "Siti Aminah");
  auto waited = kiosk.recallEntry(waitingToken);
  ASSERT_FALSE(waited.ok()) << "a ticket left waiting 40 days ago kept its entry";
  EXPECT_EQ(waited.error().code, "entry_purged");
}

}  // namespace

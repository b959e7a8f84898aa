// Every endpoint, called by every kind of caller, over real HTTP: the
// server lets in exactly the roles the table below allows, answers 401 to
// callers without a valid credential (none, made up, expired, revoked,
// disabled), and 403 to a valid caller of the wrong role. The table is
// written here, independently of the server's code, from issue #3:
// a kiosk registers visits and reads its tickets, a display reads the
// public board, helpdesk and Admin PPE do their own SOP steps, a
// supervisor reads everything, an admin manages accounts.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "kiosk/api/wire.hpp"
#include "kiosk/api/wire_access.hpp"
#include "kiosk/client/api_client.hpp"
#include "kiosk/server/queue_server.hpp"
#include "tests/support/live_server.hpp"
#include "tests/support/test_access.hpp"

using namespace lpse;
using namespace std::chrono_literals;

namespace {

constexpr std::int64_t kHour = 3600 * 1000;

struct Endpoint {
  std::string method, path, body;
  std::set<std::string> allowed;  // role names; "*" = any valid credential; "open" = no credential needed
};

const std::string kVisit =
    R"({"service":"reset","name":"Budi Santoso","role":"ppk","agency":"Dinas PU","phone":"081234567890","consent":true})";

std::vector<Endpoint> endpoints() {
  return {
      {"GET", "/api/health", "", {"open"}},
      {"POST", "/api/tickets", kVisit, {"kiosk", "helpdesk"}},
      {"POST", "/api/emails", kVisit, {"helpdesk"}},
      {"POST", "/api/queues/helpdesk/next", R"({"counter":"Loket 1"})", {"helpdesk"}},
      {"POST", "/api/queues/admin/next", R"({"counter":"Admin"})", {"admin_ppe"}},
      {"POST", "/api/cases/999/actions", R"({"action":"cancel","note":"x"})", {"kiosk", "helpdesk", "admin_ppe", "supervisor"}},
      {"GET", "/api/cases/999", "", {"helpdesk", "admin_ppe", "supervisor"}},
      {"GET", "/api/cases", "", {"helpdesk", "admin_ppe", "supervisor"}},
      {"GET", "/api/tickets/0123456789abcdef01234567", "", {"kiosk", "helpdesk", "supervisor"}},
      {"GET", "/api/tickets/0123456789abcdef01234567/entry", "", {"kiosk"}},
      {"POST", "/api/devices/status", R"({"part":"printer","ok":false,"state":"paper_out","detail":"x"})", {"kiosk"}},
      {"GET", "/api/devices", "", {"helpdesk", "admin_ppe", "supervisor", "admin"}},
      {"GET", "/api/board", "", {"*"}},
      {"GET", "/api/events?after=0", "", {"*"}},
      {"GET", "/api/me", "", {"*"}},
      {"GET", "/api/staff", "", {"admin", "supervisor"}},
      {"POST", "/api/staff", R"({"username":"new-staff","display_name":"New","role":"helpdesk","password":"13572468"})", {"admin"}},
      {"POST", "/api/staff/t-helpdesk/enable", "", {"admin"}},
      {"GET", "/api/device-accounts", "", {"admin", "supervisor"}},
      {"POST", "/api/device-accounts", R"({"id":"kiosk-9","role":"kiosk"})", {"admin"}},
      {"POST", "/api/device-accounts/kiosk-9/revoke", "", {"admin"}},
      {"POST", "/api/logout", "{}", {"helpdesk", "admin_ppe", "supervisor", "admin"}},
  };
}

const std::vector<std::string> kRoles = {"kiosk", "display", "helpdesk", "admin_ppe", "supervisor", "admin"};

class AccessMatrix : public ::testing::Test {
 protected:
  void SetUp() override {
    server::ServerOptions options;
    options.keepAlive = 200ms;  // so a revoked stream is cut off quickly
    m_live = std::make_unique<testsupport::LiveServer>(options);
    m_dir = m_live->dir();
    m_url = m_live->url();
    m_store = &m_live->store();
    m_access = &m_live->access();
  }
  void TearDown() override { m_live.reset(); }
  std::string db() const { return m_dir + "/q.db"; }
  std::string token(const std::string& id, core::ActorRole role, std::int64_t nowMs = testsupport::wallMs()) {
    return testsupport::credentialFor(db(), id, role, nowMs).token;
  }

  // Status of one call; for the event stream only the response head is read.
  int call(const Endpoint& e, const std::string& bearer, std::string* body = nullptr) {
    httplib::Client c(m_url);
    c.set_read_timeout(5, 0);
    httplib::Headers h;
    if (!bearer.empty()) h.emplace("Authorization", "Bearer " + bearer);
    if (e.path.starts_with("/api/events")) {
      int status = 0;
      c.Get(
          e.path.c_str(), h,
          [&](const httplib::Response& r) {
            status = r.status;
            return false;  // head only: do not stay on the stream
          },
          [](const char*, size_t) { return false; });
      return status;
    }
    auto r = e.method == "GET" ? c.Get(e.path.c_str(), h) : c.Post(e.path.c_str(), h, e.body, "application/json");
    if (!r) return -1;
    if (body) *body = r->body;
    return r->status;
  }

  std::unique_ptr<testsupport::LiveServer> m_live;
  std::string m_dir, m_url;
  store::Store* m_store = nullptr;
  store::AccessStore* m_access = nullptr;
};

TEST_F(AccessMatrix, EveryEndpointWithEveryRole) {
  int checked = 0;
  for (const auto& e : endpoints()) {
    for (const auto& roleName : kRoles) {
      // A fresh credential per call: /api/logout and the account changes
      // must not spoil the callers that follow.
      const auto role = *core::actorRoleFrom(roleName);
      const std::string bearer = token("t-" + roleName, role);
      std::string body;
      const int status = call(e, bearer, &body);
      const bool allowed = e.allowed.count("open") || e.allowed.count("*") || e.allowed.count(roleName);
      SCOPED_TRACE(e.method + " " + e.path + " as " + roleName + " -> " + std::to_string(status) + " " + body);
      ASSERT_GT(status, 0);
      EXPECT_LT(status, 500);
      if (allowed) {
        EXPECT_NE(status, 401);
        EXPECT_NE(status, 403);
      } else {
        EXPECT_EQ(status, 403);
        auto j = api::parseJson(body);
        ASSERT_TRUE(j.ok());
        EXPECT_EQ(api::errorFromJson(*j).code, "forbidden_role");
        EXPECT_FALSE(api::errorFromJson(*j).id.empty());
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, static_cast<int>(endpoints().size() * kRoles.size()));
  // No refused call changed anything it was refused for: the log holds only
  // what allowed callers did, and its chain is intact.
  EXPECT_TRUE(m_store->verifyChain().ok());
}

TEST_F(AccessMatrix, CallersWithoutAValidCredentialGet401Everywhere) {
  const auto now = testsupport::wallMs();
  // Expired: a helpdesk session opened 13 hours ago (sessions last 12).
  const std::string expired = token("t-expired", core::ActorRole::Helpdesk, now - 13 * kHour);
  // Revoked: a kiosk whose token was revoked.
  const std::string revoked = token("kiosk-revoked", core::ActorRole::Kiosk);
  ASSERT_TRUE(m_access->revokeDevice("kiosk-revoked", now).ok());
  // Disabled: a supervisor signed in, then the account was disabled.
  const std::string disabled = token("t-disabled", core::ActorRole::Supervisor);
  ASSERT_TRUE(m_access->setStaffDisabled("t-disabled", true, now).ok());
  // Logged out: an admin session that was ended.
  const std::string loggedOut = token("t-out", core::ActorRole::Admin);
  ASSERT_TRUE(m_access->logout(loggedOut, now).ok());

  const std::map<std::string, std::string> callers = {
      {"none", ""},
      {"made-up", "lpsed_" + std::string(64, '7')},
      {"garbage", "not a token at all"},
      {"expired", expired},
      {"revoked", revoked},
      {"disabled", disabled},
      {"logged-out", loggedOut},
  };
  const auto seqBefore = m_store->lastSeq();
  for (const auto& e : endpoints()) {
    for (const auto& [who, bearer] : callers) {
      std::string body;
      const int status = call(e, bearer, &body);
      SCOPED_TRACE(e.method + " " + e.path + " by " + who + " -> " + body);
      if (e.allowed.count("open")) {
        EXPECT_EQ(status, 200);
        continue;
      }
      EXPECT_EQ(status, 401);
      if (!e.path.starts_with("/api/events")) {
        auto j = api::parseJson(body);
        ASSERT_TRUE(j.ok());
        EXPECT_EQ(api::errorFromJson(*j).code, "unauthenticated");
      }
    }
  }
  EXPECT_EQ(m_store->lastSeq(), seqBefore);  // nothing was written
  EXPECT_EQ(m_access->listDevices().size(), 1u);  // kiosk-9 was never made
}

TEST_F(AccessMatrix, SignInOverHttpThrottlesAndNeverEchoesTheSecret) {
  (void)token("budi", core::ActorRole::Helpdesk);  // creates the account with the test PIN
  client::ApiClient desk(m_url, {});
  auto s = desk.login("budi", testsupport::kTestPin);
  ASSERT_TRUE(s.ok()) << s.error().en;
  EXPECT_EQ(s->role, core::ActorRole::Helpdesk);
  EXPECT_FALSE(s->token.empty());
  auto me = desk.me();
  ASSERT_TRUE(me.ok());
  EXPECT_EQ(me->id, "budi");
  ASSERT_TRUE(desk.logout().ok());
  EXPECT_EQ(desk.me().error().code, "unauthenticated");

  for (int i = 0; i < 5; ++i) EXPECT_EQ(desk.login("budi", "000000").error().code, "login_failed");
  httplib::Client c(m_url);
  auto r = c.Post("/api/login", R"({"username":"budi","password":"246810"})", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 429);
  EXPECT_TRUE(r->has_header("Retry-After"));
  EXPECT_EQ(r->body.find("246810"), std::string::npos);
  // Malformed sign-in bodies are 400s, not crashes or 500s.
  for (const char* bad : {"{", "[]", R"({"username":"budi"})", R"({"username":1,"password":"x"})",
                          R"({"username":"budi","password":"x","extra":1})"}) {
    auto br = c.Post("/api/login", bad, "application/json");
    ASSERT_TRUE(br);
    EXPECT_EQ(br->status, 400) << bad;
  }
}

TEST_F(AccessMatrix, AdminManagesAccountsOverHttp) {
  const std::string admin = token("t-admin", core::ActorRole::Admin);
  httplib::Client c(m_url);
  httplib::Headers h = {{"Authorization", "Bearer " + admin}};
  auto add = c.Post("/api/device-accounts", h, R"({"id":"display-7","role":"display"})", "application/json");
  ASSERT_TRUE(add);
  ASSERT_EQ(add->status, 201) << add->body;
  auto j = api::parseJson(add->body);
  ASSERT_TRUE(j.ok());
  const std::string deviceToken = (*j)["token"].get<std::string>();
  // The new display can read the board at once...
  client::ApiClient display(m_url, {deviceToken});
  EXPECT_TRUE(display.board().ok());
  // ...and not after it is revoked.
  auto rev = c.Post("/api/device-accounts/display-7/revoke", h, "", "application/json");
  ASSERT_TRUE(rev);
  EXPECT_EQ(rev->status, 200);
  EXPECT_EQ(display.board().error().code, "unauthenticated");
  // A staff member added over HTTP can sign in; a bad one is refused by field.
  auto staff = c.Post("/api/staff", h, R"({"username":"rina","display_name":"Rina","role":"admin_ppe","password":"24681357"})",
                      "application/json");
  ASSERT_TRUE(staff);
  EXPECT_EQ(staff->status, 201) << staff->body;
  client::ApiClient rina(m_url, {});
  EXPECT_TRUE(rina.login("rina", "24681357").ok());
  auto weak = c.Post("/api/staff", h, R"({"username":"dodi","display_name":"Dodi","role":"helpdesk","password":"1"})",
                     "application/json");
  ASSERT_TRUE(weak);
  EXPECT_EQ(weak->status, 422);
  EXPECT_NE(weak->body.find("weak_secret"), std::string::npos);
  auto dup = c.Post("/api/staff", h, R"({"username":"rina","display_name":"R","role":"helpdesk","password":"24681357"})",
                    "application/json");
  ASSERT_TRUE(dup);
  EXPECT_EQ(dup->status, 409);
}

TEST_F(AccessMatrix, ARevokedDisplayIsCutOffItsOpenStream) {
  const std::string t = token("display-1", core::ActorRole::Display);
  httplib::Client c(m_url);
  c.set_read_timeout(30, 0);
  std::atomic<bool> ended{false};
  std::thread reader([&] {
    c.Get("/api/events", {{"Authorization", "Bearer " + t}}, [&](const char*, size_t) { return true; });
    ended = true;
  });
  std::this_thread::sleep_for(300ms);
  EXPECT_FALSE(ended);
  ASSERT_TRUE(m_access->revokeDevice("display-1", testsupport::wallMs()).ok());
  // The stream re-checks its credential at each keep-alive.
  for (int i = 0; i < 50 && !ended; ++i) std::this_thread::sleep_for(100ms);
  EXPECT_TRUE(ended);
  c.stop();
  reader.join();
}

}  // namespace

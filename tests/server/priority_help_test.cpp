// Issue #14 through the real server (HTTP on loopback, a real SQLite file,
// a fixed office clock): priority tickets called first under each policy,
// counted in the service report; the call for help raised by a kiosk, seen
// on two desks' push streams, answered once, cleared everywhere, one alert
// per visit however often it is pressed, and all of it kept across a restart.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "kiosk/client/api_client.hpp"
#include "kiosk/client/event_stream.hpp"
#include "kiosk/server/queue_server.hpp"
#include "kiosk/store/access_store.hpp"
#include "kiosk/store/store.hpp"
#include "kiosk/store/store_reports.hpp"
#include "tests/support/test_access.hpp"

using namespace lpse;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

const core::WorkingCalendar kCal;
// Monday 2026-11-23, 09:00 WIB: inside working hours, so no end-of-day close.
const std::int64_t kMon9 = kCal.localMidnight({2026, 11, 23}) + 9 * 3600'000LL;

template <class P>
bool waitFor(P pred, std::chrono::milliseconds limit = 5s) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (pred()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return pred();
}

// Collects what a desk's push stream delivers.
struct Listener {
  std::mutex m;
  std::vector<api::StreamEvent> events;
  std::atomic<bool> online{false};
  std::unique_ptr<client::EventStream> stream;

  Listener(const std::string& url, const client::Credential& c) {
    stream = std::make_unique<client::EventStream>(
        url, c, -1,
        client::EventStream::Callbacks{[this](const api::StreamEvent& e) {
                                         std::lock_guard lock(m);
                                         events.push_back(e);
                                       },
                                       [this](bool on) { online = on; },
                                       {}});
  }
  int count(const std::string& kind) {
    std::lock_guard lock(m);
    int n = 0;
    for (const auto& e : events) n += e.kind == kind;
    return n;
  }
  std::string counterOf(const std::string& kind) {
    std::lock_guard lock(m);
    for (const auto& e : events)
      if (e.kind == kind) return e.counter;
    return {};
  }
};

class PriorityHelp : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/lpse-priority-test-XXXXXX";
    m_dir = mkdtemp(tmpl);
    m_now = kMon9;
  }
  void TearDown() override {
    stop();
    std::filesystem::remove_all(m_dir);
  }
  std::string db() const { return m_dir + "/q.db"; }

  void start(core::PriorityPolicy policy = {}) {
    store::StoreOptions so;
    so.priority = policy;
    auto s = store::Store::open(db(), so);
    ASSERT_TRUE(s.ok()) << s.error().en;
    m_store = std::move(*s);
    auto a = store::AccessStore::open(db());
    ASSERT_TRUE(a.ok()) << a.error().en;
    m_access = std::move(*a);
    auto r = store::ReportStore::open(db(), so);
    ASSERT_TRUE(r.ok()) << r.error().en;
    m_reports = std::move(*r);
    server::ServerOptions o;
    o.clock = [this] { return m_now.load(); };
    o.reports = m_reports.get();
    m_server = std::make_unique<server::QueueServer>(*m_store, *m_access, o);
    const int port = m_server->bind("127.0.0.1", 0);
    ASSERT_GT(port, 0);
    m_thread = std::thread([this] { m_server->run(); });
    m_url = "http://127.0.0.1:" + std::to_string(port);
    client::ApiClient probe(m_url, {});
    ASSERT_TRUE(waitFor([&] { return probe.health().ok(); }));
    if (!m_kioskCred.token.empty()) return;
    m_kioskCred = testsupport::credentialFor(db(), "kiosk-1", core::ActorRole::Kiosk);
    m_kiosk2Cred = testsupport::credentialFor(db(), "kiosk-2", core::ActorRole::Kiosk);
    m_deskCred = testsupport::credentialFor(db(), "siti", core::ActorRole::Helpdesk);
    m_ppeCred = testsupport::credentialFor(db(), "rina", core::ActorRole::AdminPpe);
  }
  void stop() {
    if (!m_server) return;
    m_server->stop();
    if (m_thread.joinable()) m_thread.join();
    m_server.reset();
    m_reports.reset();
    m_access.reset();
    m_store.reset();
  }
  client::ApiClient kiosk() { return client::ApiClient(m_url, m_kioskCred); }
  client::ApiClient desk() { return client::ApiClient(m_url, m_deskCred); }
  client::ApiClient ppe() { return client::ApiClient(m_url, m_ppeCred); }

  // A walk-in ticket through POST /api/tickets, a second later than the last.
  core::IssuedTicket ticket(const std::string& service, core::PriorityCategory p = core::PriorityCategory::None) {
    m_now += 1000;
    core::Visit v;
    v.service = service;
    v.name = "Budi Santoso";
    v.role = core::VisitorRole::Ppk;
    v.agency = "Dinas Pekerjaan Umum";
    v.phone = "081234567890";
    v.consent = true;
    v.documents = {core::Document::RequestForm, core::Document::SkPenunjukan};
    v.priority = p;
    auto t = kiosk().issueTicket(v);
    EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().en);
    return t.ok() ? *t : core::IssuedTicket{};
  }
  std::vector<std::string> callAll(int n) {
    std::vector<std::string> out;
    auto d = desk();
    for (int i = 0; i < n; ++i) {
      m_now += 1000;
      auto c = d.callNext("helpdesk", "Loket 1");
      EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().en);
      if (!c.ok() || !c->has_value()) break;
      out.push_back((*c)->ticket);
    }
    return out;
  }
  httplib::Result post(const client::Credential& who, const std::string& path, const std::string& body) {
    httplib::Client c(m_url);
    return c.Post(path.c_str(), {{"Authorization", "Bearer " + who.token}}, body, "application/json");
  }
  httplib::Result get(const client::Credential& who, const std::string& path) {
    httplib::Client c(m_url);
    return c.Get(path.c_str(), {{"Authorization", "Bearer " + who.token}});
  }

  std::string m_dir, m_url;
  std::atomic<std::int64_t> m_now{0};
  std::unique_ptr<store::Store> m_store;
  std::unique_ptr<store::AccessStore> m_access;
  std::unique_ptr<store::ReportStore> m_reports;
  std::unique_ptr<server::QueueServer> m_server;
  std::thread m_thread;
  client::Credential m_kioskCred, m_kiosk2Cred, m_deskCred, m_ppeCred;
};

constexpr auto kElderly = core::PriorityCategory::Elderly;
constexpr auto kPregnant = core::PriorityCategory::Pregnant;

TEST_F(PriorityHelp, FirstPolicyCallsPriorityBeforeOrdinaryOfItsServiceOnly) {
  start();
  ticket("userid");                     // U-001 came first: its turn stays
  ticket("reset");
  ticket("reset");
  auto p = ticket("reset", kElderly);   // R-003, priority
  ticket("userid");                     // U-002
  EXPECT_EQ(p.kase.priorityCategory, kElderly);
  // Told at once: only U-001 (another service, earlier) is before it.
  EXPECT_EQ(p.ahead, 1);
  // The ticket-status view shows the mark.
  auto s = kiosk().ticketStatus(p.kase.token);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->priority, kElderly);
  EXPECT_EQ(s->ahead, 1);
  EXPECT_EQ(callAll(6), (std::vector<std::string>{"U-001", "R-003", "R-001", "R-002", "U-002"}));
}

TEST_F(PriorityHelp, OneInNPolicyInterleaves) {
  start({core::PriorityPolicyKind::OneInN, 2});
  for (int i = 0; i < 4; ++i) ticket("reset");  // R-001..R-004
  ticket("reset", kElderly);
  ticket("reset", kPregnant);
  // The first priority ticket of the day is due at once, then two ordinary.
  EXPECT_EQ(callAll(7), (std::vector<std::string>{"R-005", "R-001", "R-002", "R-006", "R-003", "R-004"}));
  // The count holds across the day: two ordinary now, then a priority one.
  ticket("reset");
  ticket("reset");
  ticket("reset", kElderly);
  ticket("reset");
  EXPECT_EQ(callAll(5), (std::vector<std::string>{"R-009", "R-007", "R-008", "R-010"}));
}

TEST_F(PriorityHelp, WithoutPriorityTicketsTheOrderIsArrival) {
  start({core::PriorityPolicyKind::OneInN, 1});
  ticket("reset");
  ticket("userid");
  ticket("reset");
  EXPECT_EQ(callAll(4), (std::vector<std::string>{"R-001", "U-001", "R-002"}));
}

TEST_F(PriorityHelp, PriorityIsWalkInOnlyAndACodeFromTheList) {
  start();
  json v = {{"service", "reset"}, {"name", "Budi"}, {"role", "ppk"}, {"agency", "Dinas"},
            {"phone", "081234567890"}, {"consent", true}, {"priority", "vip"}};
  auto r = post(m_kioskCred, "/api/tickets", v.dump());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(json::parse(r->body)["error"]["field"], "priority");
  v["priority"] = "disability";
  r = post(m_kioskCred, "/api/tickets", v.dump());
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(json::parse(r->body)["case"]["priority_category"], "disability");
  // The log holds the code, never words about the person.
  bool found = false;
  for (const auto& e : m_store->eventsAfter(0, 100))
    if (e.kind == "ticket_issued") found = found || json::parse(e.payload).value("priority_category", "") == "disability";
  EXPECT_TRUE(found);
}

TEST_F(PriorityHelp, ServiceReportCountsPriorityTickets) {
  start();
  ticket("reset");
  ticket("reset", kElderly);
  ticket("reset", kPregnant);
  ticket("userid");
  m_now += 5 * 60'000;
  callAll(4);
  // The head of office's report (supervisor).
  auto sup = testsupport::credentialFor(db(), "kepala", core::ActorRole::Supervisor);
  auto r = get(sup, "/api/reports/service?from=2026-11-23");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const auto j = json::parse(r->body);
  bool sawReset = false, sawAll = false;
  for (const auto& s : j["services"]) {
    if (s["service"] == "reset") {
      sawReset = true;
      EXPECT_EQ(s["priority"], 2);
      EXPECT_EQ(s["priority_by_category"]["elderly"], 1);
      EXPECT_EQ(s["priority_by_category"]["pregnant"], 1);
      EXPECT_EQ(s["priority_wait"]["count"], 2);
    }
    if (s["service"] == "userid") {
      EXPECT_EQ(s["priority"], 0);
    }
    if (s["service"] == "*") {
      sawAll = true;
      EXPECT_EQ(s["priority"], 2);
    }
  }
  EXPECT_TRUE(sawReset && sawAll) << r->body;
  // The register carries the mark.
  auto rows = m_reports->registerRows({kCal.localDate(kMon9), kCal.localDate(kMon9)});
  ASSERT_TRUE(rows.ok());
  int marked = 0;
  for (const auto& row : *rows) marked += !row.priority.empty();
  EXPECT_EQ(marked, 2);
}

TEST_F(PriorityHelp, HelpAlertReachesEveryDeskAndOneAnswerClearsIt) {
  start();
  Listener a(m_url, m_deskCred), b(m_url, m_ppeCred);
  ASSERT_TRUE(waitFor([&] { return a.online && b.online; }));
  const std::string visit = "visit-0123456789abcdef";
  // Twenty presses of one visitor: one alert.
  std::int64_t id = 0;
  for (int i = 0; i < 20; ++i) {
    auto r = post(m_kioskCred, "/api/help", json{{"visit", visit}}.dump());
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, i == 0 ? 201 : 200) << r->body;
    const auto alertId = json::parse(r->body)["alert"]["id"].get<std::int64_t>();
    if (i == 0) id = alertId;
    EXPECT_EQ(alertId, id);
  }
  auto open = desk().helpAlerts();
  ASSERT_TRUE(open.ok());
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ(open->front().device, "kiosk-1");
  EXPECT_FALSE(open->front().acknowledged);
  EXPECT_EQ(core::deviceLabel(open->front().device), "Kiosk 1");
  // Both desks heard of it once, naming the kiosk.
  ASSERT_TRUE(waitFor([&] { return a.count("help_requested") == 1 && b.count("help_requested") == 1; }));
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(a.count("help_requested"), 1);
  EXPECT_EQ(b.counterOf("help_requested"), "kiosk-1");

  // Nobody but staff answers; only kiosks raise; a kiosk reads only its own.
  EXPECT_EQ(post(m_kioskCred, "/api/help/" + std::to_string(id) + "/ack", "{}")->status, 403);
  EXPECT_EQ(post(m_deskCred, "/api/help", json{{"visit", visit}}.dump())->status, 403);
  EXPECT_EQ(get(m_kiosk2Cred, "/api/help/" + std::to_string(id))->status, 404);
  EXPECT_EQ(post(m_kioskCred, "/api/help", json{{"visit", "short"}}.dump())->status, 400);
  EXPECT_EQ(post(m_kioskCred, "/api/help", "{}")->status, 400);

  // The helpdesk answers; the stream tells both desks; the list is empty.
  auto ack = desk().acknowledgeHelp(id);
  ASSERT_TRUE(ack.ok()) << ack.error().en;
  EXPECT_TRUE(ack->acknowledged);
  EXPECT_EQ(ack->ackedBy, "siti");
  ASSERT_TRUE(waitFor([&] { return a.count("help_acknowledged") == 1 && b.count("help_acknowledged") == 1; }));
  EXPECT_EQ(b.counterOf("help_acknowledged"), "kiosk-1");
  open = ppe().helpAlerts();
  ASSERT_TRUE(open.ok());
  EXPECT_TRUE(open->empty());
  // The second desk answering late is told it is answered; no second event.
  auto late = ppe().acknowledgeHelp(id);
  ASSERT_TRUE(late.ok());
  EXPECT_EQ(late->ackedBy, "siti");
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(b.count("help_acknowledged"), 1);
  // The kiosk learns someone is coming.
  auto mine = kiosk().helpAlert(id);
  ASSERT_TRUE(mine.ok());
  EXPECT_TRUE(mine->acknowledged);
  // The same visitor pressing again: the same (answered) alert, no new one.
  auto again = kiosk().raiseHelp(visit);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->id, id);
  EXPECT_TRUE(again->acknowledged);
  // The next visitor raises a new one.
  auto next = kiosk().raiseHelp("visit-fedcba9876543210");
  ASSERT_TRUE(next.ok());
  EXPECT_NE(next->id, id);
  EXPECT_FALSE(next->acknowledged);
  ASSERT_TRUE(waitFor([&] { return a.count("help_requested") == 2; }));
  EXPECT_EQ(desk().acknowledgeHelp(999999).error().code, "help_not_found");
}

TEST_F(PriorityHelp, AlertsAndPriorityOrderSurviveARestart) {
  start();
  ticket("reset");
  ticket("reset", kElderly);
  auto raised = kiosk().raiseHelp("visit-restart-0000000001");
  ASSERT_TRUE(raised.ok());
  stop();
  start();
  // A desk signing in after the restart sees the unanswered call.
  auto open = desk().helpAlerts();
  ASSERT_TRUE(open.ok());
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ(open->front().id, raised->id);
  // The visitor pressing again still gets the same alert.
  auto again = kiosk().raiseHelp("visit-restart-0000000001");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->id, raised->id);
  ASSERT_TRUE(desk().acknowledgeHelp(raised->id).ok());
  // The projection rebuilt from the log says the same.
  ASSERT_TRUE(m_store->rebuildProjection().ok());
  open = desk().helpAlerts();
  ASSERT_TRUE(open.ok());
  EXPECT_TRUE(open->empty());
  auto after = kiosk().helpAlert(raised->id);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->acknowledged);
  EXPECT_EQ(callAll(3), (std::vector<std::string>{"R-002", "R-001"}));
  EXPECT_TRUE(m_store->verifyChain().ok());
}

}  // namespace

// The report and data-rights routes over real HTTP on loopback, and the
// `lpse report` / `lpse person` CLI on the same kind of file: who may ask,
// what comes back (JSON, CSV with BOM, XLSX, PDF), errors in both languages.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "../store/store_test_util.hpp"
#include "../support/test_access.hpp"
#include "kiosk/server/queue_server.hpp"
#include "scripted_day.hpp"

namespace lpse {
namespace {

using namespace lpse::testutil;
using nlohmann::json;

// The server on a scripted day, its clock fixed the next morning.
class ReportRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_db = m_dir.file("q.db");
    m_store = LPSE_OK(store::Store::open(m_db));
    m_cases = scriptDay(*m_store, m_db);
    m_access = LPSE_OK(store::AccessStore::open(m_db, testsupport::cheapHashing()));
    m_reports = LPSE_OK(store::ReportStore::open(m_db));
    server::ServerOptions o;
    o.officeName = "LPSE Kota Contoh";
    o.clock = [] { return at(9, 0, 11); };
    o.reports = m_reports.get();
    m_server = std::make_unique<server::QueueServer>(*m_store, *m_access, o);
    m_port = m_server->bind("127.0.0.1", 0);
    ASSERT_GT(m_port, 0);
    m_thread = std::thread([this] { m_server->run(); });
    for (auto [id, role] : {std::pair{"spv", core::ActorRole::Supervisor}, {"adm", core::ActorRole::Admin},
                            {"desk", core::ActorRole::Helpdesk}})
      m_tokens[id] = testsupport::credentialFor(m_db, id, role, at(8, 0, 11)).token;
  }
  void TearDown() override {
    if (m_server) m_server->stop();
    if (m_thread.joinable()) m_thread.join();
  }
  httplib::Result get(const std::string& path, const std::string& who) {
    httplib::Client c("127.0.0.1", m_port);
    httplib::Headers h;
    if (!who.empty()) h.emplace("Authorization", "Bearer " + m_tokens[who]);
    return c.Get(path.c_str(), h);
  }
  httplib::Result post(const std::string& path, const std::string& who, const std::string& body) {
    httplib::Client c("127.0.0.1", m_port);
    httplib::Headers h{{"Authorization", "Bearer " + m_tokens[who]}};
    return c.Post(path.c_str(), h, body, "application/json");
  }

  TempDir m_dir;
  std::string m_db;
  std::unique_ptr<store::Store> m_store;
  std::unique_ptr<store::AccessStore> m_access;
  std::unique_ptr<store::ReportStore> m_reports;
  std::unique_ptr<server::QueueServer> m_server;
  std::thread m_thread;
  int m_port = 0;
  std::map<std::string, std::string> m_tokens;
  DayCases m_cases;
};

TEST_F(ReportRoutesTest, SupervisorGetsEachReportInEachFormat) {
  auto r = get("/api/reports/compliance?from=2026-03-10&to=2026-03-10", "spv");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const auto j = json::parse(r->body);
  EXPECT_EQ(j["breaches"].size(), 4u);
  EXPECT_EQ(j["period"]["from"], "2026-03-10");
  auto reg = get("/api/reports/register?from=2026-03-10", "adm");
  ASSERT_EQ(reg->status, 200);
  EXPECT_EQ(json::parse(reg->body)["rows"].size(), 6u);
  auto csv = get("/api/reports/service?from=2026-03-10&format=csv", "spv");
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv->get_header_value("Content-Disposition").find("service-2026-03-10-2026-03-10.csv"), std::string::npos);
  auto xlsx = get("/api/reports/register?from=2026-03-10&format=xlsx", "spv");
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");
  auto pdf = get("/api/reports/compliance?from=2026-03-10&format=pdf", "spv");
  ASSERT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->body.substr(0, 5), "%PDF-");
}

TEST_F(ReportRoutesTest, OthersAreRefusedAndBadInputIsNamed) {
  EXPECT_EQ(get("/api/reports/register?from=2026-03-10", "desk")->status, 403);
  EXPECT_EQ(get("/api/reports/register?from=2026-03-10", "")->status, 401);
  auto bad = get("/api/reports/register?from=10-03-2026", "spv");
  ASSERT_EQ(bad->status, 400);
  const auto e = json::parse(bad->body)["error"];
  EXPECT_EQ(e["code"], "bad_date");
  EXPECT_EQ(e["field"], "from");
  EXPECT_NE(e["message"]["id"].get<std::string>().find("TTTT-BB-HH"), std::string::npos);
  EXPECT_EQ(get("/api/reports/register?from=2026-03-10&to=2026-03-01", "spv")->status, 400);
  EXPECT_EQ(get("/api/reports/register?from=2025-01-01&to=2026-12-31", "spv")->status, 400);
  EXPECT_EQ(get("/api/reports/register?from=2026-03-10&format=docx", "spv")->status, 400);
  EXPECT_EQ(post("/api/persons/erase", "spv", R"({"phone":"081234567890"})")->status, 403);
}

TEST_F(ReportRoutesTest, AdminExportsAndErasesAPerson) {
  auto ex = post("/api/persons/export", "adm", R"({"phone":"081234567890"})");
  ASSERT_EQ(ex->status, 200) << ex->body;
  const auto j = json::parse(ex->body);
  ASSERT_EQ(j["entries"].size(), 6u);  // the scripted day gave everyone that phone
  EXPECT_EQ(j["entries"][0]["entry"]["name"], "Ani Lestari");
  EXPECT_FALSE(j["entries"][0]["cases"][0].contains("token"));
  EXPECT_EQ(post("/api/persons/export", "adm", R"({"nip":"1","phone":"2"})")->status, 400);
  EXPECT_EQ(post("/api/persons/export", "adm", R"({"name":"x"})")->status, 400);
  auto er = post("/api/persons/erase", "adm", R"({"phone":"081234567890"})");
  ASSERT_EQ(er->status, 200) << er->body;
  EXPECT_EQ(json::parse(er->body)["emptied"], 6);
  EXPECT_EQ(post("/api/persons/erase", "adm", R"({"phone":"081234567890"})")->status, 404);
  EXPECT_TRUE(m_store->verifyChain().ok());
  auto wd = post("/api/cases/" + std::to_string(m_cases.e6) + "/withdraw-consent", "desk", "");
  EXPECT_EQ(wd->status, 200) << wd->body;
}

TEST_F(ReportRoutesTest, OfficeStatusFromTheWorkingCalendar) {
  auto r = get("/api/office/status", "desk");
  ASSERT_EQ(r->status, 200);
  const auto j = json::parse(r->body);
  EXPECT_TRUE(j["open"].get<bool>());  // Wednesday 09:00 WIB
  EXPECT_EQ(j["next_opening_ms"].get<std::int64_t>(), at(9, 0, 11));
  EXPECT_EQ(j["closes_at_ms"].get<std::int64_t>(), at(16, 0, 11));
}

// ---- the CLI on a file ----

std::string run(const std::string& cmd, int* status) {
  std::string out;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  char buf[4096];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  const int st = pclose(p);
  *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

TEST(ReportCli, ReportsPersonExportEraseAndTheChainStillVerifies) {
  TempDir dir;
  const std::string db = dir.file("q.db");
  {
    auto s = LPSE_OK(store::Store::open(db));
    scriptDay(*s, db);
  }
  const std::string lpse = std::string(LPSE_BIN_DIR) + "/lpse --config " + LPSE_SOURCE_DIR + "/config/lpse.toml --database " + db;
  int st = -1;
  for (const char* f : {"csv", "xlsx", "pdf"}) {
    const std::string out = dir.file(std::string("c.") + f);
    auto text = run(lpse + " report compliance --from 2026-03-10 --format " + f + " --out " + out, &st);
    EXPECT_EQ(st, 0) << text;
    EXPECT_GT(std::filesystem::file_size(out), 100u) << f;
  }
  auto json = run(lpse + " report register --from 2026-03-10 --format json", &st);
  EXPECT_EQ(st, 0);
  EXPECT_NE(json.find("\"Ani Lestari\""), std::string::npos);
  auto bad = run(lpse + " report service --from 2026-13-01 --out x.csv", &st);
  EXPECT_EQ(st, 1);
  EXPECT_NE(bad.find("YYYY-MM-DD"), std::string::npos) << bad;

  auto ex = run(lpse + " person export --phone 081234567890 --out " + dir.file("budi"), &st);
  EXPECT_EQ(st, 0) << ex;
  std::ifstream jf(dir.file("budi.json"));
  std::stringstream js;
  js << jf.rdbuf();
  EXPECT_NE(js.str().find("Citra Dewi"), std::string::npos);
  EXPECT_GT(std::filesystem::file_size(dir.file("budi.pdf")), 1000u);
  auto noConfirm = run(lpse + " person erase --phone 081234567890", &st);
  EXPECT_EQ(st, 1) << noConfirm;
  auto er = run(lpse + " person erase --phone 081234567890 --yes", &st);
  EXPECT_EQ(st, 0) << er;
  EXPECT_NE(er.find("6 guest-book entries emptied"), std::string::npos) << er;
  auto verify = run(lpse + " db verify", &st);
  EXPECT_EQ(st, 0) << verify;
  EXPECT_NE(verify.find("chain intact"), std::string::npos);
}

}  // namespace
}  // namespace lpse

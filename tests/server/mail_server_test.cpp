// The real lpse-server program with [email] turned on in its config: an
// e-mail delivered into Dovecot becomes a case the desks carry through the
// SOP over HTTP, and the hand-back reaches the sender through an aiosmtpd
// relay. Exits 77 (skip) when Dovecot or aiosmtpd is not installed.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/support/mail_servers.hpp"
#include "tests/support/test_access.hpp"

namespace lpse {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

bool g_missing = false;

TEST(MailServer, ImapToCaseToSmtpReplyThroughTheRealServer) {
  if (auto why = testutil::mailServersMissing(); !why.empty()) {
    g_missing = true;
    GTEST_SKIP() << why;
  }
  testutil::MailTempDir dir;
  testutil::Dovecot dovecot(dir.path());
  ASSERT_TRUE(dovecot.ready()) << dovecot.log();
  testutil::SmtpSink sink(dir.path(), testutil::freeLoopbackPort());
  ASSERT_TRUE(sink.start());
  const std::int64_t received = testsupport::wallMs() - 3600'000;  // an hour ago
  dovecot.deliver("From: \"Siti Rahmawati\" <siti@pokja.example.go.id>\r\n"
                  "Subject: =?UTF-8?Q?Permohonan_reset_password_=E2=80=93_Pokja?=\r\n"
                  "Message-ID: <e2e@pokja>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                  "--b\r\nContent-Type: text/plain\r\n\r\nMohon.\r\n--b\r\nContent-Type: application/pdf\r\n"
                  "Content-Disposition: attachment; filename=\"SK.pdf\"\r\n\r\nx\r\n--b--\r\n",
                  received);

  const int port = testutil::freeLoopbackPort();
  const std::string db = dir.path() + "/q.db";
  testutil::writeFile(dir.path() + "/imap.password", std::string(testutil::Dovecot::kPassword) + "\n");
  testutil::writeFile(dir.path() + "/lpse.toml",
                      "[server]\nport = " + std::to_string(port) + "\ndatabase = \"" + db +
                          "\"\n[email]\nenabled = true\nimap_host = \"127.0.0.1\"\nimap_port = " +
                          std::to_string(dovecot.port()) + "\nimap_tls = \"none\"\nimap_user = \"" +
                          testutil::Dovecot::kUser + "\"\nimap_password_file = \"" + dir.path() +
                          "/imap.password\"\npoll_seconds = 10\nsmtp_host = \"127.0.0.1\"\nsmtp_port = " +
                          std::to_string(sink.port()) +
                          "\nsmtp_tls = \"none\"\nsmtp_from = \"helpdesk@lpse.go.id\"\n");
  auto helpdesk = testsupport::credentialFor(db, "desk-1", core::ActorRole::Helpdesk);
  auto admin = testsupport::credentialFor(db, "admin-1", core::ActorRole::AdminPpe);
  testutil::Child server({std::string(LPSE_BIN_DIR) + "/lpse-server", "--config", dir.path() + "/lpse.toml"});
  ASSERT_TRUE(server.waitFor("msg=\"e-mail channel\" imap=on smtp=on", 20'000)) << server.output();
  ASSERT_TRUE(server.waitFor("msg=\"mail received\" case=1", 20'000)) << server.output();

  httplib::Client c("127.0.0.1", port);
  auto post = [&](const client::Credential& who, const std::string& path, const std::string& body) {
    auto r = c.Post(path.c_str(), httplib::Headers{{"Authorization", "Bearer " + who.token}}, body, "application/json");
    return r ? std::make_pair(r->status, json::parse(r->body, nullptr, false)) : std::make_pair(0, json());
  };
  auto get = c.Get("/api/cases/1", httplib::Headers{{"Authorization", "Bearer " + helpdesk.token}});
  ASSERT_TRUE(get);
  ASSERT_EQ(get->status, 200) << get->body;
  const auto kase = json::parse(get->body);
  EXPECT_EQ(kase["case"]["channel"], "email");
  EXPECT_EQ(kase["case"]["state"], "email_received");
  EXPECT_EQ(kase["case"]["created_ms"].get<std::int64_t>(), received / 1000 * 1000);  // the Maildir file time

  auto act = [&](const client::Credential& who, const std::string& body) {
    const auto [status, j] = post(who, "/api/cases/1/actions", body);
    EXPECT_EQ(status, 200) << body << " -> " << j.dump();
    return status;
  };
  act(helpdesk, R"({"action":"open_email"})");
  act(helpdesk, R"({"action":"forward_to_admin"})");
  EXPECT_EQ(post(admin, "/api/queues/admin/next", R"({"counter":"Admin PPE"})").first, 200);
  act(admin, R"({"action":"mark_valid","basis":"spse_data"})");
  act(admin, R"({"action":"record_result","outcome":"password_reset"})");
  act(admin, R"({"action":"notify_result"})");
  act(helpdesk, R"({"action":"deliver"})");  // step 14 is not held up by the archive (step 13)
  ASSERT_TRUE(sink.waitMessages(1, 15'000)) << server.output();
  const auto m = sink.messages()[0];
  EXPECT_EQ(m["rcpt_tos"], json::array({"siti@pokja.example.go.id"}));
  EXPECT_NE(m["subject"].get<std::string>().find("(E-1)"), std::string::npos);
  EXPECT_NE(m["body"].get<std::string>().find("Yth. Siti Rahmawati"), std::string::npos);
  EXPECT_TRUE(server.waitFor("msg=\"mail reply sent\" case=1", 10'000)) << server.output();
}

}  // namespace
}  // namespace lpse

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  const int rc = RUN_ALL_TESTS();
  if (rc == 0 && lpse::g_missing) return 77;
  return rc;
}

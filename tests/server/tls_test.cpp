// HTTPS: the server with a certificate made the way docs/API.md says, a
// client that trusts it, and clients that must not get through.
#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "kiosk/client/api_client.hpp"
#include "kiosk/client/credential.hpp"
#include "kiosk/server/queue_server.hpp"
#include "tests/support/test_access.hpp"

using namespace lpse;
using namespace std::chrono_literals;

TEST(Tls, OnlyAClientThatTrustsTheCertificateGetsThrough) {
  char tmpl[] = "/tmp/lpse-tls-XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  const std::string crt = dir + "/server.crt", key = dir + "/server.key";
  const std::string cmd = "openssl req -x509 -newkey rsa:2048 -sha256 -days 2 -nodes -keyout " + key + " -out " +
                          crt + " -subj /CN=lpse-test -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0) GTEST_SKIP() << "openssl cannot make a certificate here";

  auto store = store::Store::open(dir + "/q.db");
  ASSERT_TRUE(store.ok());
  auto access = store::AccessStore::open(dir + "/q.db");
  ASSERT_TRUE(access.ok());
  server::ServerOptions o;
  o.tlsCert = crt;
  o.tlsKey = key;
  server::QueueServer srv(**store, **access, o);
  ASSERT_TRUE(srv.ready().ok());
  const int port = srv.bind("127.0.0.1", 0);
  ASSERT_GT(port, 0);
  std::thread t([&] { srv.run(); });
  const std::string https = "https://127.0.0.1:" + std::to_string(port);
  const auto display = testsupport::credentialFor(dir + "/q.db", "display-1", core::ActorRole::Display);

  // Not trusted (no CA given: the system store does not know it): refused.
  client::trustCertificate("");
  EXPECT_EQ(client::ApiClient(https, display).health().error().code, "offline");
  // Plain HTTP to the TLS port gets no answer.
  EXPECT_EQ(client::ApiClient("http://127.0.0.1:" + std::to_string(port), display).health().error().code, "offline");
  // Trusted: health, and an authenticated call with the device's token.
  client::trustCertificate(crt);
  client::ApiClient trusted(https, display);
  bool up = false;
  for (int i = 0; i < 50 && !(up = trusted.health().ok()); ++i) std::this_thread::sleep_for(20ms);
  EXPECT_TRUE(up);
  auto board = trusted.board();
  EXPECT_TRUE(board.ok()) << (board.ok() ? "" : board.error().en);
  client::trustCertificate("");

  srv.stop();
  t.join();
  std::filesystem::remove_all(dir);
}

TEST(Tls, AMissingCertificateIsReportedNotIgnored) {
  char tmpl[] = "/tmp/lpse-tls-XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  auto store = store::Store::open(dir + "/q.db");
  ASSERT_TRUE(store.ok());
  auto access = store::AccessStore::open(dir + "/q.db");
  ASSERT_TRUE(access.ok());
  server::ServerOptions o;
  o.tlsCert = dir + "/missing.crt";
  o.tlsKey = dir + "/missing.key";
  server::QueueServer srv(**store, **access, o);
  auto ready = srv.ready();
  ASSERT_FALSE(ready.ok());
  EXPECT_EQ(ready.error().code, "tls_files");
  std::filesystem::remove_all(dir);
}

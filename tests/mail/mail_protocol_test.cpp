// The IMAP and SMTP clients against real servers on loopback: Dovecot with
// a Maildir the test delivers into, and an aiosmtpd sink that decodes what
// it receives with Python's email package. No protocol is mocked. Exits 77
// (skip) when the servers are not installed.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "kiosk/mail/imap_inbox.hpp"
#include "kiosk/mail/smtp_relay.hpp"
#include "tests/support/mail_servers.hpp"

namespace lpse::mail {
namespace {

using testutil::Dovecot;
using testutil::MailTempDir;
using testutil::SmtpSink;

bool g_missing = false;

std::int64_t utcMs(int y, unsigned mo, unsigned d, int h, int mi) {
  using namespace std::chrono;
  const sys_days day{year{y} / month{mo} / std::chrono::day{d}};
  return duration_cast<milliseconds>(day.time_since_epoch() + hours{h} + minutes{mi}).count();
}

std::string multipartWithAttachments(int n) {
  std::string m =
      "From: Budi <budi@lpse.go.id>\r\nSubject: banyak lampiran\r\nMessage-ID: <many@lpse.go.id>\r\n"
      "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
      "--b\r\nContent-Type: text/plain\r\n\r\nlihat lampiran\r\n";
  for (int i = 0; i < n; ++i)
    m += "--b\r\nContent-Type: application/pdf; name=\"f" + std::to_string(i) +
         ".pdf\"\r\nContent-Disposition: attachment; filename=\"f" + std::to_string(i) +
         ".pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n";
  return m + "--b--\r\n";
}

class MailProtocol : public ::testing::Test {
 protected:
  void SetUp() override {
    if (auto why = testutil::mailServersMissing(); !why.empty()) {
      g_missing = true;
      GTEST_SKIP() << why;
    }
    dovecot = std::make_unique<Dovecot>(dir.path());
    ASSERT_TRUE(dovecot->ready()) << dovecot->log();
  }
  ImapInbox inbox() {
    ImapSettings s;
    s.server = {"127.0.0.1", dovecot->port(), TlsMode::None};
    s.user = Dovecot::kUser;
    s.password = Dovecot::kPassword;
    return ImapInbox(s);
  }
  MailTempDir dir;
  std::unique_ptr<Dovecot> dovecot;
};

TEST_F(MailProtocol, FetchesSenderSubjectTimesAndAttachmentNamesIncludingMalformedMessages) {
  const auto t1 = utcMs(2026, 12, 4, 1, 15), t2 = utcMs(2026, 12, 4, 2, 30), t3 = utcMs(2026, 12, 4, 3, 0),
             t4 = utcMs(2026, 12, 4, 3, 45);
  dovecot->deliver(
      "From: =?UTF-8?B?U2l0aSBSYWhtYXdhdGk=?= <Siti@Pokja.Example.go.id>\r\n"
      "To: helpdesk@lpse.go.id\r\n"
      "Subject: =?UTF-8?Q?Permohonan_reset_kata_sandi_=E2=80=93_Pokja?= =?ISO-8859-1?Q?_caf=E9?=\r\n"
      "Date: Fri, 4 Dec 2026 08:10:00 +0700\r\nMessage-ID: <req-1@pokja.example.go.id>\r\n"
      "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"xx\"\r\n\r\n"
      "--xx\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nMohon reset.\r\n"
      "--xx\r\nContent-Type: application/pdf; name=\"Formulir.pdf\"\r\n"
      "Content-Disposition: attachment; filename=\"Formulir.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n"
      "--xx\r\nContent-Type: application/pdf\r\n"
      "Content-Disposition: attachment; filename*=utf-8''SK%20Penunjukan%20%E2%80%93%20Pokja.pdf\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--xx--\r\n",
      t1);
  // No sender, raw Latin-1 bytes in the subject, no Date, no Message-ID.
  dovecot->deliver("To: helpdesk@lpse.go.id\r\nSubject: tolong caf\xE9 \xFF\r\n\r\nisi\r\n", t2);
  dovecot->deliver(multipartWithAttachments(300), t3);
  // Broken encoded-words and an unknown charset.
  dovecot->deliver(
      "From: \"Rusak, Nama\" <rusak@example.org>\r\nSubject: =?utf-8?B?!!!?= =?x-unknown-cs?Q?abc?= ok\r\n"
      "Message-ID: <broken@example.org>\r\n\r\nx\r\n",
      t4);

  auto b = inbox().fetchNew({}, 100);
  ASSERT_TRUE(b) << b.error().en << "\n" << dovecot->log();
  ASSERT_EQ(b->messages.size(), 4u);
  EXPECT_FALSE(b->more);
  EXPECT_NE(b->cursor.uidValidity, 0u);
  EXPECT_EQ(b->cursor.lastUid, b->messages.back().uid);

  const auto& m1 = b->messages[0];
  EXPECT_EQ(m1.fromEmail, "Siti@pokja.example.go.id");
  EXPECT_EQ(m1.fromName, "Siti Rahmawati");
  EXPECT_EQ(m1.subject, "Permohonan reset kata sandi \u2013 Pokja caf\u00e9");
  EXPECT_EQ(m1.messageId, "<req-1@pokja.example.go.id>");
  EXPECT_EQ(m1.receivedMs, t1);  // INTERNALDATE, not the Date header
  ASSERT_EQ(m1.attachments.size(), 2u);
  EXPECT_EQ(m1.attachments[0], "Formulir.pdf");
  EXPECT_EQ(m1.attachments[1], "SK Penunjukan \u2013 Pokja.pdf");
  EXPECT_TRUE(m1.problems.empty());

  const auto& m2 = b->messages[1];
  EXPECT_TRUE(m2.fromEmail.empty());
  EXPECT_NE(std::find(m2.problems.begin(), m2.problems.end(), "no_sender"), m2.problems.end());
  EXPECT_NE(std::find(m2.problems.begin(), m2.problems.end(), "bad_encoding"), m2.problems.end());
  EXPECT_EQ(m2.subject, "tolong caf\u00e9 \u00ff");  // read as Windows-1252
  EXPECT_EQ(m2.receivedMs, t2);
  EXPECT_EQ(m2.key.size(), 69u);  // "mail-" + SHA-256 of the header block

  const auto& m3 = b->messages[2];
  EXPECT_EQ(m3.attachmentCount, 300u);
  EXPECT_EQ(m3.attachments.size(), 50u);
  EXPECT_EQ(m3.attachments[49], "f49.pdf");

  const auto& m4 = b->messages[3];
  EXPECT_EQ(m4.fromName, "Rusak, Nama");
  EXPECT_NE(m4.subject.find("ok"), std::string::npos);
  EXPECT_NE(m4.subject.find("abc"), std::string::npos);  // unknown charset: the bytes, marked
}

TEST_F(MailProtocol, HugeAttachmentListsAndTooDeepMimeStillYieldTheMessage) {
  dovecot->deliver(multipartWithAttachments(3000), utcMs(2026, 12, 4, 1, 0));  // a ~400 KB BODYSTRUCTURE line
  std::string deep = "From: Dalam <dalam@x.go.id>\r\nSubject: bersarang\r\nMessage-ID: <deep@x>\r\nMIME-Version: 1.0\r\n";
  for (int i = 0; i < 60; ++i)
    deep += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(i) + "\"\r\n\r\n--b" + std::to_string(i) + "\r\n";
  deep += "Content-Type: text/plain\r\n\r\nisi\r\n";
  for (int i = 59; i >= 0; --i) deep += "--b" + std::to_string(i) + "--\r\n";
  dovecot->deliver(deep, utcMs(2026, 12, 4, 1, 1));
  dovecot->deliver("From: biasa@x.go.id\r\nSubject: biasa\r\nMessage-ID: <plain@x>\r\n\r\nx\r\n", utcMs(2026, 12, 4, 1, 2));
  auto b = inbox().fetchNew({}, 10);
  ASSERT_TRUE(b) << b.error().en;
  ASSERT_EQ(b->messages.size(), 3u);
  EXPECT_EQ(b->messages[0].attachmentCount, 3000u);
  EXPECT_EQ(b->messages[0].attachments.size(), 50u);
  EXPECT_EQ(b->messages[1].fromEmail, "dalam@x.go.id");
  EXPECT_EQ(b->messages[1].subject, "bersarang");
  EXPECT_EQ(b->messages[1].receivedMs, utcMs(2026, 12, 4, 1, 1));
  EXPECT_NE(std::find(b->messages[1].problems.begin(), b->messages[1].problems.end(), "structure_unreadable"),
            b->messages[1].problems.end());
  EXPECT_EQ(b->messages[2].subject, "biasa");
}

TEST_F(MailProtocol, CursorReturnsOnlyNewMessagesAndBatchesLargeBacklogs) {
  for (int i = 0; i < 5; ++i)
    dovecot->deliver("From: a@b.go.id\r\nSubject: m" + std::to_string(i) + "\r\nMessage-ID: <m" + std::to_string(i) +
                         "@b>\r\n\r\nx\r\n",
                     utcMs(2026, 12, 4, 2, i));
  auto first = inbox().fetchNew({}, 3);
  ASSERT_TRUE(first) << first.error().en;
  ASSERT_EQ(first->messages.size(), 3u);
  EXPECT_TRUE(first->more);
  auto second = inbox().fetchNew(first->cursor, 3);
  ASSERT_TRUE(second);
  ASSERT_EQ(second->messages.size(), 2u);
  EXPECT_EQ(second->messages[0].subject, "m3");
  auto none = inbox().fetchNew(second->cursor, 3);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->messages.empty());
  EXPECT_EQ(none->cursor, second->cursor);
  // A cursor from another UIDVALIDITY starts again from the first message.
  auto renumbered = inbox().fetchNew({second->cursor.uidValidity + 1, 99}, 10);
  ASSERT_TRUE(renumbered);
  EXPECT_EQ(renumbered->messages.size(), 5u);
}

TEST_F(MailProtocol, WrongPasswordAndClosedPortAreClearErrors) {
  ImapSettings s;
  s.server = {"127.0.0.1", dovecot->port(), TlsMode::None};
  s.user = Dovecot::kUser;
  s.password = "salah";
  auto r = ImapInbox(s).fetchNew({}, 10);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "imap_login");
  s.server.port = testutil::freeLoopbackPort();
  r = ImapInbox(s).fetchNew({}, 10);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "mail_connect");
  EXPECT_NE(r.error().id.find("tidak dapat dihubungi"), std::string::npos);
}

// A self-signed certificate for 127.0.0.1 made by the openssl CLI.
bool makeCertificate(const std::string& crt, const std::string& key) {
  const std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext "
                          "subjectAltName=IP:127.0.0.1 -keyout " + key + " -out " + crt + " >/dev/null 2>&1";
  return std::system(cmd.c_str()) == 0;
}

TEST(MailTls, ImapOverImplicitTlsAndStartTlsWithTheServersCertificateTrusted) {
  if (auto why = testutil::mailServersMissing(); !why.empty()) {
    g_missing = true;
    GTEST_SKIP() << why;
  }
  MailTempDir dir;
  const std::string crt = dir.path() + "/imap.crt", key = dir.path() + "/imap.key";
  ASSERT_TRUE(makeCertificate(crt, key));
  Dovecot dovecot(dir.path(), crt, key);
  ASSERT_TRUE(dovecot.ready()) << dovecot.log();
  ASSERT_TRUE(testutil::waitPort(dovecot.tlsPort(), 5000));
  dovecot.deliver("From: a@x.go.id\r\nSubject: lewat TLS\r\nMessage-ID: <t@x>\r\n\r\nx\r\n", utcMs(2026, 12, 4, 1, 0));
  ImapSettings s;
  s.user = Dovecot::kUser;
  s.password = Dovecot::kPassword;
  s.server = {"127.0.0.1", dovecot.tlsPort(), TlsMode::Implicit, crt};
  auto implicit = ImapInbox(s).fetchNew({}, 10);
  ASSERT_TRUE(implicit) << implicit.error().en << "\n" << dovecot.log();
  ASSERT_EQ(implicit->messages.size(), 1u);
  EXPECT_EQ(implicit->messages[0].subject, "lewat TLS");
  s.server = {"127.0.0.1", dovecot.port(), TlsMode::StartTls, crt};
  auto upgraded = ImapInbox(s).fetchNew({}, 10);
  ASSERT_TRUE(upgraded) << upgraded.error().en;
  EXPECT_EQ(upgraded->messages.size(), 1u);
  // Trusted, but issued to 127.0.0.1, not to the name asked for: refused.
  s.server = {"localhost", dovecot.tlsPort(), TlsMode::Implicit, crt};
  auto wrongName = ImapInbox(s).fetchNew({}, 10);
  ASSERT_FALSE(wrongName);
  EXPECT_EQ(wrongName.error().code, "mail_tls");
  // The system's store does not know this certificate: refused, clearly.
  s.server = {"127.0.0.1", dovecot.tlsPort(), TlsMode::Implicit};
  auto untrusted = ImapInbox(s).fetchNew({}, 10);
  ASSERT_FALSE(untrusted);
  EXPECT_EQ(untrusted.error().code, "mail_tls");
  EXPECT_NE(untrusted.error().en.find("certificate"), std::string::npos) << untrusted.error().en;
}

class SmtpProtocol : public ::testing::Test {
 protected:
  void SetUp() override {
    if (auto why = testutil::mailServersMissing(); !why.empty()) {
      g_missing = true;
      GTEST_SKIP() << why;
    }
  }
  MailTempDir dir;
};

OutgoingMail sampleReply() {
  OutgoingMail m;
  m.to = "siti@pokja.example.go.id";
  m.toName = "Siti Rahmawati";
  m.subject = "[LPSE] Hasil permohonan \u2013 reset (E-7)";
  m.text = "Yth. Siti,\n\nUser ID SPSE: siti.pokja\nTerima kasih \u2013 \u00e9\u00e8.\n.\nbaris titik\n";
  m.inReplyTo = "<req-1@pokja.example.go.id>";
  return m;
}

TEST_F(SmtpProtocol, SendsUtf8PlainTextWithRecipientAndSubjectIntact) {
  SmtpSink sink(dir.path(), testutil::freeLoopbackPort());
  ASSERT_TRUE(sink.start());
  SmtpSettings s;
  s.server = {"127.0.0.1", sink.port(), TlsMode::None};
  s.from = "helpdesk@lpse.go.id";
  s.fromName = "Helpdesk LPSE";
  SmtpRelay relay(s);
  auto ok = relay.send(sampleReply());
  ASSERT_TRUE(ok) << ok.error().en;
  ASSERT_TRUE(sink.waitMessages(1, 5000));
  const auto m = sink.messages().at(0);
  EXPECT_EQ(m["mail_from"], "helpdesk@lpse.go.id");
  EXPECT_EQ(m["rcpt_tos"], nlohmann::json::array({"siti@pokja.example.go.id"}));
  EXPECT_EQ(m["to"], "Siti Rahmawati <siti@pokja.example.go.id>");
  EXPECT_EQ(m["from"], "Helpdesk LPSE <helpdesk@lpse.go.id>");
  EXPECT_EQ(m["subject"], "[LPSE] Hasil permohonan \u2013 reset (E-7)");
  EXPECT_EQ(m["charset"], "utf-8");
  EXPECT_EQ(m["in_reply_to"], "<req-1@pokja.example.go.id>");
  // Python reads CRLF line ends back as "\r\n" from base64: compare lines.
  std::string body = m["body"].get<std::string>();
  body.erase(std::remove(body.begin(), body.end(), '\r'), body.end());
  EXPECT_EQ(body, sampleReply().text);
}

TEST_F(SmtpProtocol, StartTlsAndAuthAgainstARelayThatRequiresBoth) {
  if (std::system("command -v openssl >/dev/null 2>&1") != 0) GTEST_SKIP() << "openssl CLI absent";
  const std::string crt = dir.path() + "/relay.crt", key = dir.path() + "/relay.key";
  ASSERT_TRUE(makeCertificate(crt, key));
  SmtpSink sink(dir.path(), testutil::freeLoopbackPort(), {"relayuser", "relay-pass", crt, key});
  ASSERT_TRUE(sink.start());
  SmtpSettings s;
  s.server = {"127.0.0.1", sink.port(), TlsMode::StartTls, crt};
  s.from = "helpdesk@lpse.go.id";
  s.user = "relayuser";
  s.password = "wrong";
  auto bad = SmtpRelay(s).send(sampleReply());
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "smtp_auth");
  s.password = "relay-pass";
  auto ok = SmtpRelay(s).send(sampleReply());
  ASSERT_TRUE(ok) << ok.error().en;
  ASSERT_TRUE(sink.waitMessages(1, 5000));
  EXPECT_TRUE(sink.messages()[0]["tls"].get<bool>());
  EXPECT_TRUE(sink.messages()[0]["authenticated"].get<bool>());
  // Without the relay's certificate trusted, the handshake is refused.
  s.server.caFile = dir.path() + "/none.crt";
  std::FILE* f = std::fopen(s.server.caFile.c_str(), "w");
  std::fclose(f);
  auto untrusted = SmtpRelay(s).send(sampleReply());
  ASSERT_FALSE(untrusted);
  EXPECT_EQ(untrusted.error().code, "mail_tls");
}

TEST_F(SmtpProtocol, RelayDownIsARetryableError) {
  SmtpSettings s;
  s.server = {"127.0.0.1", testutil::freeLoopbackPort(), TlsMode::None};
  s.from = "helpdesk@lpse.go.id";
  auto r = SmtpRelay(s).send(sampleReply());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "mail_connect");
  EXPECT_TRUE(retryable(r.error()));
  // A recipient that could inject a command is refused before connecting.
  OutgoingMail evil = sampleReply();
  evil.to = "a@b.c>\r\nRCPT TO:<x@y.z";
  auto e = SmtpRelay(s).send(evil);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, "smtp_recipient");
  EXPECT_FALSE(retryable(e.error()));
}

}  // namespace
}  // namespace lpse::mail

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  const int rc = RUN_ALL_TESTS();
  if (rc == 0 && lpse::mail::g_missing) return 77;  // CTest: skipped, not passed
  return rc;
}

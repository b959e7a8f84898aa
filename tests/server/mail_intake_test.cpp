// The e-mail channel's bookkeeping with the mailbox and relay faked (the
// protocols have their own tests against real servers): a message becomes a
// guest-book entry, a re-read or renumbered mailbox repeats nothing, a
// storage failure moves no cursor, a refused address is not retried, and
// POST /api/emails honours Idempotency-Key over real HTTP.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "kiosk/core/validation.hpp"
#include "kiosk/mail/mail_fakes.hpp"
#include "kiosk/mail/mime.hpp"
#include "kiosk/server/mail_intake.hpp"
#include "kiosk/server/mail_outbox.hpp"
#include "tests/support/live_server.hpp"
#include "tests/support/test_access.hpp"

namespace lpse::server {
namespace {

mail::MailSummary message(const std::string& from, const std::string& subject, const std::string& id,
                          std::int64_t receivedMs) {
  mail::MailSummary m;
  m.fromEmail = from;
  m.fromName = "Budi Santoso";
  m.subject = subject;
  m.messageId = id;
  m.key = "mail-" + mail::sha256Hex("message-id " + id);  // as summarizeFetch makes it
  m.receivedMs = receivedMs;
  return m;
}

class Intake : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/lpse-intake-XXXXXX";
    dir = mkdtemp(tmpl);
    store = std::move(*store::Store::open(dir + "/q.db"));
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
  MailIntakeOptions options() {
    MailIntakeOptions o;
    o.cursorFile = dir + "/cursor";
    o.clock = [] { return std::int64_t{1'796'346'600'000}; };
    return o;
  }
  int cases() {
    int n = 0;
    for (const auto& e : store->eventsAfter(0, 1000)) n += e.kind == "email_received";
    return n;
  }
  std::string dir;
  std::unique_ptr<store::Store> store;
  mail::FakeInbox inbox;
};

TEST(VisitFromMail, ServiceFromSubjectValidNameOnlyPurposeWithAttachments) {
  mail::MailSummary m;
  m.fromEmail = "a@b.go.id";
  m.fromName = "admin123";
  m.subject = "Permohonan informasi User ID";
  m.attachments = {"Formulir.pdf", "SK.pdf"};
  m.attachmentCount = 7;
  auto v = visitFromMail(m, "reset");
  EXPECT_EQ(v.service, "userid");
  EXPECT_EQ(v.name, "");  // not a person's name
  EXPECT_EQ(v.purpose, "Permohonan informasi User ID | Lampiran/Attachments (7): Formulir.pdf, SK.pdf");
  EXPECT_EQ(v.channel, core::Channel::Email);
  m.subject = "Reset Password dan Informasi User ID";
  m.fromName = "Siti Rahmawati";
  v = visitFromMail(m, "reset");
  EXPECT_EQ(v.service, "reset");
  EXPECT_EQ(v.name, "Siti Rahmawati");
  m.subject = std::string(1000, 'x');
  EXPECT_EQ(visitFromMail(m, "reset").purpose.size(), 300u);
  EXPECT_TRUE(core::validateVisit(visitFromMail(m, "reset")).empty());
}

TEST_F(Intake, RenumberedMailboxRepeatsNothingAndUnknownServiceIsSkippedNotLooped) {
  inbox.deliver(message("a@x.go.id", "reset", "<1@x>", 1'796'340'000'000));
  inbox.deliver(message("b@x.go.id", "reset", "<2@x>", 1'796'340'100'000));
  MailIntake intake(*store, inbox, options());
  EXPECT_EQ(intake.pollOnce().opened, 2);
  inbox.renumber();
  const auto r = intake.pollOnce();
  EXPECT_EQ(r.fetched, 2);
  EXPECT_EQ(r.replayed, 2);
  EXPECT_EQ(cases(), 2);

  MailIntakeOptions o = options();
  o.defaultService = "no_such_service";  // a config mistake: every message refused
  MailIntake wrong(*store, inbox, o);
  inbox.deliver(message("c@x.go.id", "tolong", "<3@x>", 1'796'340'200'000));
  const auto w = wrong.pollOnce();
  EXPECT_EQ(w.skipped, 1);
  EXPECT_FALSE(w.error);
  EXPECT_EQ(wrong.cursor().lastUid, 3u);  // moved on: the message stays in the mailbox for staff
}

TEST_F(Intake, MailboxErrorMovesNoCursorAndTheNextPollCatchesUp) {
  MailIntake intake(*store, inbox, options());
  inbox.deliver(message("a@x.go.id", "reset", "<1@x>", 1'796'340'000'000));
  inbox.failWith(core::makeError("mail_connect", "x", "y"));
  const auto r = intake.pollOnce();
  ASSERT_TRUE(r.error);
  EXPECT_EQ(intake.cursor().lastUid, 0u);
  inbox.failWith(std::nullopt);
  EXPECT_EQ(intake.pollOnce().opened, 1);
  // A received time in the future (a sender's wrong clock) is taken as now.
  inbox.deliver(message("f@x.go.id", "reset", "<f@x>", 1'896'340'000'000));
  EXPECT_EQ(intake.pollOnce().opened, 1);
  EXPECT_EQ(store->getCase(2)->createdMs, 1'796'346'600'000);
}

TEST_F(Intake, StoreRequestKeyReplaysAndRefusesAnotherSender) {
  core::Visit v;
  v.channel = core::Channel::Email;
  v.service = "reset";
  v.email = "a@x.go.id";
  v.consent = true;
  const core::Actor mailActor{"mail", core::ActorRole::Helpdesk};
  bool replayed = true;
  auto first = store->receiveEmail(v, mailActor, 1000, "key-0123456789abcdef", &replayed);
  ASSERT_TRUE(first) << first.error().en;
  EXPECT_FALSE(replayed);
  auto again = store->receiveEmail(v, mailActor, 2000, "key-0123456789abcdef", &replayed);
  ASSERT_TRUE(again);
  EXPECT_TRUE(replayed);
  EXPECT_EQ(again->id, first->id);
  EXPECT_EQ(again->createdMs, 1000);
  // Scoped per caller: another desk's same key is its own request.
  auto other = store->receiveEmail(v, {"desk-2", core::ActorRole::Helpdesk}, 3000, "key-0123456789abcdef", &replayed);
  ASSERT_TRUE(other);
  EXPECT_NE(other->id, first->id);
  v.email = "b@x.go.id";
  auto conflict = store->receiveEmail(v, mailActor, 4000, "key-0123456789abcdef");
  ASSERT_FALSE(conflict);
  EXPECT_EQ(conflict.error().code, "idempotency_conflict");
  auto bad = store->receiveEmail(v, mailActor, 4000, "short");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "bad_value");
}

TEST_F(Intake, RefusedAddressIsRecordedAsFailedAndNotRetried) {
  inbox.deliver(message("a@x.go.id", "reset", "<1@x>", 1'796'340'000'000));
  MailIntake intake(*store, inbox, options());
  ASSERT_EQ(intake.pollOnce().opened, 1);
  const core::Actor help{"desk-1", core::ActorRole::Helpdesk}, admin{"admin-1", core::ActorRole::AdminPpe};
  const std::int64_t now = 1'796'346'600'000;
  core::ActionInput in;
  ASSERT_TRUE(store->act(1, core::Action::OpenEmail, in, help, now));
  ASSERT_TRUE(store->act(1, core::Action::ForwardToAdmin, in, help, now));
  ASSERT_TRUE(store->act(1, core::Action::StartVerify, in, admin, now));
  in.reason = "sk_invalid";
  ASSERT_TRUE(store->act(1, core::Action::MarkInvalid, in, admin, now));
  ASSERT_TRUE(store->act(1, core::Action::Reject, {}, admin, now));
  ASSERT_TRUE(store->act(1, core::Action::NotifyRejection, {}, help, now));
  mail::FakeRelay relay;
  relay.failWith(core::makeError("smtp_recipient", "x", "y"));
  MailOutboxOptions o;
  o.clock = [now] { return now; };
  MailOutbox outbox(*store, relay, o);
  EXPECT_EQ(outbox.runOnce(), 1);
  EXPECT_EQ(outbox.runOnce(), 0);
  EXPECT_EQ(relay.attempts(), 1);
  const auto events = store->caseEvents(1);
  EXPECT_EQ(events.back().kind, "mail_reply");
  EXPECT_EQ(events.back().payload, R"({"code":"smtp_recipient","notice":"rejection","outcome":"failed"})");
  // Old hand-backs are not mailed when the relay is first turned on.
  mail::FakeRelay later;
  MailOutboxOptions old = o;
  old.clock = [now] { return now + 4LL * 24 * 3600 * 1000; };
  MailOutbox fresh(*store, later, old);
  EXPECT_EQ(fresh.runOnce(), 0);
}

TEST(EmailsApi, IdempotencyKeyReplaysTheCaseOverHttp) {
  testsupport::LiveServer live;
  const auto cred = testsupport::credentialFor(live.db(), "desk-1", core::ActorRole::Helpdesk);
  httplib::Client c(live.url());
  httplib::Headers h{{"Authorization", "Bearer " + cred.token}, {"Idempotency-Key", "email-0123456789abcdef"}};
  const std::string body = R"({"service":"reset","name":"","role":"ppk","email":"siti@pokja.go.id","consent":true})";
  auto first = c.Post("/api/emails", h, body, "application/json");
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 201) << first->body;
  auto again = c.Post("/api/emails", h, body, "application/json");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  const auto a = nlohmann::json::parse(first->body), b = nlohmann::json::parse(again->body);
  EXPECT_EQ(a["case"]["id"], b["case"]["id"]);
  EXPECT_TRUE(b["replayed"].get<bool>());
  auto other = c.Post("/api/emails", h, R"({"service":"reset","name":"","role":"ppk","email":"lain@pokja.go.id","consent":true})",
                      "application/json");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 422);
}

}  // namespace
}  // namespace lpse::server

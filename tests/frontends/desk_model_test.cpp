// The desk model without ImGui or a server: commands return the request to
// send (or refuse with a sentence), results feed it, time is passed in.
#include "kiosk/desk_app/desk_model.hpp"

#include <gtest/gtest.h>

#include "kiosk/desk_app/email_reply.hpp"

using namespace lpse;
using core::Action;
using core::CaseState;
using core::Document;

namespace {
const core::WorkingCalendar kCal;
// Monday 2026-11-23, 09:00 WIB: inside office hours.
const std::int64_t kMon9 = kCal.localMidnight({2026, 11, 23}) + 9 * 3600'000LL;
constexpr std::int64_t kMin = 60'000;

desk::DeskModel signedIn(core::ActorRole role, const std::string& counter = "Loket 1") {
  desk::DeskSettings s;
  s.counter = counter;
  desk::DeskModel m(s);
  m.signIn({"staff", "Staff", role, 0});
  m.setOnline(true);
  return m;
}

client::CaseDetail detail(std::int64_t id, CaseState s, std::vector<Action> allowed, std::int64_t stateMs = kMon9) {
  client::CaseDetail d;
  d.kase.id = id;
  d.kase.state = s;
  d.kase.stateMs = stateMs;
  d.kase.role = core::VisitorRole::Ppk;
  d.kase.ticket = "R-00" + std::to_string(id);
  d.kase.counter = "Loket 1";
  d.allowed = std::move(allowed);
  return d;
}

// Opens `d` the way the runtime does: the command, then the answer.
void openCase(desk::DeskModel& m, const client::CaseDetail& d) {
  auto r = m.open(d.kase.id);
  ASSERT_EQ(r.kind, desk::DeskRequest::Kind::Open);
  m.caseLoaded(d);
}
}  // namespace

TEST(DeskModel, StepTimerCountsWorkingTimeAgainstTheStandard) {
  auto m = signedIn(core::ActorRole::AdminPpe);
  openCase(m, detail(1, CaseState::Verifying, {Action::MarkValid}));
  auto t = m.timer(kMon9 + 11 * kMin);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->step, 9);
  EXPECT_EQ(t->standardMin, 15);
  EXPECT_EQ(t->level, core::TimerLevel::Ok);
  EXPECT_EQ(m.timer(kMon9 + 13 * kMin)->level, core::TimerLevel::Near);  // from 80 %
  EXPECT_TRUE(m.timer(kMon9 + 16 * kMin)->overdue());
  // Overnight the clock stops: 15:55 Monday to 08:05 Tuesday is 10 minutes.
  openCase(m, detail(2, CaseState::Verifying, {Action::MarkValid}, kMon9 + 415 * kMin));
  EXPECT_EQ(m.timer(kMon9 + (24 * 60 - 55) * kMin)->elapsedS, 10 * 60);
  EXPECT_EQ(m.queue(), "admin");
}

TEST(DeskModel, NextIsOfferedOnlyWhenTheDeskIsFreeAndNotOnBreak) {
  auto m = signedIn(core::ActorRole::Helpdesk);
  EXPECT_TRUE(m.canCallNext());
  openCase(m, detail(1, CaseState::Checking, {Action::ForwardToAdmin}));
  EXPECT_FALSE(m.canCallNext());  // a visitor is at this desk
  openCase(m, detail(1, CaseState::AtAdminQueue, {}));
  EXPECT_TRUE(m.canCallNext());  // handed on to Admin PPE
  auto r = m.callNext();
  EXPECT_EQ(r.kind, desk::DeskRequest::Kind::CallNext);
  EXPECT_EQ(r.queue, "helpdesk");
  EXPECT_EQ(r.counter, "Loket 1");
  EXPECT_FALSE(m.canCallNext());  // busy until the answer
  m.calledNext(std::nullopt);
  EXPECT_EQ(m.info(), "desk.queue_empty");
  m.startBreak("prayer", kMon9);
  EXPECT_FALSE(m.canCallNext());
  EXPECT_FALSE(m.callNext());
  m.endBreak();
  EXPECT_TRUE(m.canCallNext());
  m.startBreak("nap", kMon9);  // not a listed reason
  ASSERT_TRUE(m.error().has_value());
  EXPECT_EQ(m.error()->code, "unknown_code");
  EXPECT_FALSE(m.onBreak().has_value());
}

TEST(DeskModel, ChecklistDecidesForwardOrIncomplete) {
  auto m = signedIn(core::ActorRole::Helpdesk);
  openCase(m, detail(1, CaseState::Checking, {Action::MarkIncomplete, Action::ForwardToAdmin}));
  EXPECT_EQ(m.checklist().required, (std::vector<Document>{Document::RequestForm, Document::SkPenunjukan}));
  EXPECT_FALSE(m.ready(Action::ForwardToAdmin));
  EXPECT_FALSE(m.act(Action::ForwardToAdmin));
  EXPECT_EQ(m.error()->code, "documents_incomplete");
  m.toggleTicked(Document::RequestForm);
  ASSERT_TRUE(m.ready(Action::MarkIncomplete));
  auto r = m.act(Action::MarkIncomplete);
  ASSERT_EQ(r.kind, desk::DeskRequest::Kind::Act);
  EXPECT_EQ(r.input.missing, (std::vector<Document>{Document::SkPenunjukan}));  // chosen, not guessed
  m.requestFailed(core::makeError("invalid_transition", "x", "x"));
  m.toggleTicked(Document::SkPenunjukan);
  EXPECT_TRUE(m.checklist().complete());
  EXPECT_TRUE(m.ready(Action::ForwardToAdmin));
  EXPECT_FALSE(m.ready(Action::MarkIncomplete));  // nothing missing
}

TEST(DeskModel, AdminChoicesComeFromCoreLists) {
  auto m = signedIn(core::ActorRole::AdminPpe);
  openCase(m, detail(3, CaseState::Verifying, {Action::MarkValid, Action::MarkInvalid}));
  EXPECT_FALSE(m.ready(Action::MarkValid));
  EXPECT_FALSE(m.act(Action::MarkValid));
  EXPECT_EQ(m.error()->code, "basis_required");
  m.form().basis = "guess";
  EXPECT_FALSE(m.act(Action::MarkValid));
  EXPECT_EQ(m.error()->code, "unknown_code");
  m.form().basis = "registration_archive";
  m.form().note = "dicek dengan arsip 2019";
  auto r = m.act(Action::MarkValid);
  ASSERT_TRUE(r);
  EXPECT_EQ(r.input.basis, "registration_archive");
  EXPECT_EQ(r.input.note, "dicek dengan arsip 2019");
  EXPECT_FALSE(m.error().has_value());
  core::CaseRecord moved = m.current()->kase;
  moved.state = CaseState::Valid;
  m.actDone(moved);
  EXPECT_FALSE(m.ready(Action::RecordResult));  // nothing offered until the detail is read again
  m.caseLoaded(detail(3, CaseState::Valid, {Action::RecordResult}));
  EXPECT_TRUE(m.form().note.empty());  // a new step starts a fresh form
  m.form().outcome = "password_reset";
  EXPECT_EQ(m.act(Action::RecordResult).input.outcome, "password_reset");
  m.requestFailed(core::makeError("x", "x", "x"));
  m.caseLoaded(detail(3, CaseState::Notified, {Action::Archive}));
  EXPECT_FALSE(m.ready(Action::Archive));
  m.form().reference = "ARS/2026/11/0042";
  EXPECT_EQ(m.act(Action::Archive).input.reference, "ARS/2026/11/0042");
}

TEST(DeskModel, RecallsLeadToANoShowOffer) {
  auto m = signedIn(core::ActorRole::Helpdesk);
  auto d = detail(4, CaseState::Called, {Action::Recall, Action::NoShow, Action::StartCheck});
  d.kase.calls = 2;
  openCase(m, d);
  EXPECT_FALSE(m.noShowOffered());  // settings: 2 recalls after the first call
  d.kase.calls = 3;
  m.caseLoaded(d);
  EXPECT_TRUE(m.noShowOffered());
  auto r = m.act(Action::NoShow);
  EXPECT_EQ(r.input.reason, "not_present");
  m.requestFailed(core::makeError("x", "x", "x"));
  EXPECT_EQ(m.act(Action::Recall).input.counter, "Loket 1");
}

TEST(DeskModel, OutOfOrderCallNeedsAListedReason) {
  auto m = signedIn(core::ActorRole::Helpdesk);
  EXPECT_FALSE(m.callOutOfOrder(9, "because"));
  EXPECT_EQ(m.error()->code, "unknown_code");
  auto r = m.callOutOfOrder(9, "priority_visitor");
  ASSERT_TRUE(r);
  EXPECT_EQ(r.action, Action::Call);
  EXPECT_EQ(r.caseId, 9);
  EXPECT_EQ(r.input.reason, "priority_visitor");
  EXPECT_EQ(r.input.counter, "Loket 1");
}

TEST(DeskModel, LateAnswersAreDropped) {
  auto m = signedIn(core::ActorRole::Helpdesk);
  (void)m.open(1);
  (void)m.open(2);
  m.caseLoaded(detail(1, CaseState::Called, {}));
  EXPECT_FALSE(m.current().has_value());
  m.caseLoaded(detail(2, CaseState::Called, {}));
  ASSERT_TRUE(m.current().has_value());
  EXPECT_EQ(m.current()->kase.id, 2);
}

TEST(DeskModel, WorkListsPutEveryOpenCaseSomewhere) {
  auto m = signedIn(core::ActorRole::Helpdesk, "Loket 1");
  auto rec = [](std::int64_t id, CaseState s, std::string counter = {}, int priority = 0) {
    core::CaseRecord c;
    c.id = id;
    c.state = s;
    c.counter = std::move(counter);
    c.priority = priority;
    c.ticket = "R-" + std::to_string(id);
    c.stateMs = kMon9 + id;
    return c;
  };
  auto mail = rec(7, CaseState::EmailReceived);
  mail.channel = core::Channel::Email;
  mail.ticket.clear();
  mail.receivedMs = kMon9 - 3600'000;  // 08:00: due 16:00 the same day
  m.casesLoaded({rec(1, CaseState::Waiting), rec(2, CaseState::Waiting, "", 1), rec(3, CaseState::Called, "Loket 1"),
                 rec(4, CaseState::Checking, "Loket 2"), rec(5, CaseState::Archived, "Loket 2"),
                 rec(6, CaseState::AtAdminQueue), mail},
                kMon9 + 8 * 3600'000LL);  // 17:00: the e-mail is an hour overdue
  const auto& w = m.work();
  ASSERT_EQ(w.queue.size(), 1u);
  EXPECT_EQ(w.queue[0].kase.id, 1);
  ASSERT_EQ(w.mine.size(), 1u);
  EXPECT_EQ(w.mine[0].kase.id, 3);
  ASSERT_EQ(w.others.size(), 1u);  // Loket 2's visitor: workable here when that desk is gone
  EXPECT_EQ(w.others[0].kase.id, 4);
  ASSERT_EQ(w.waitingForMe.size(), 3u);
  EXPECT_EQ(w.waitingForMe[0].kase.id, 7);  // the e-mail first, with its deadline
  ASSERT_TRUE(w.waitingForMe[0].due.has_value());
  EXPECT_TRUE(w.waitingForMe[0].due->overdue);
  EXPECT_EQ(w.waitingForMe[0].due->leftS, -3600);
  m.setSearch("r5");
  ASSERT_EQ(m.searchResults().size(), 1u);
  EXPECT_EQ(m.searchResults()[0].id, 5);
}

TEST(DeskModel, EmailRegistrationValidatesBeforeSending) {
  auto m = signedIn(core::ActorRole::Helpdesk);
  auto& f = m.emailForm();
  f.sender = "ppk@dinas.go.id";
  f.senderName = "Budi Santoso";
  f.agency = "Dinas PU";
  f.phone = "081234567890";
  f.subject = "Reset password PPK";
  f.receivedAt = "2026-11-23 8:30";
  f.attached = {Document::RequestForm};
  auto r = m.registerEmail(kMon9);
  ASSERT_EQ(r.kind, desk::DeskRequest::Kind::RegisterEmail);
  EXPECT_EQ(r.visit.channel, core::Channel::Email);
  EXPECT_EQ(r.visit.receivedMs, kMon9 - 30 * kMin);
  EXPECT_EQ(r.visit.missingDocuments(), (std::vector<Document>{Document::SkPenunjukan}));
  m.requestFailed(core::makeError("x", "x", "x"));
  f.receivedAt = "kemarin";
  EXPECT_FALSE(m.registerEmail(kMon9));
  EXPECT_EQ(m.error()->field, "received_at");
  f.receivedAt = "2026-11-23 10:30";  // after now
  EXPECT_FALSE(m.registerEmail(kMon9));
  EXPECT_EQ(m.error()->code, "received_in_future");
  f.receivedAt.clear();
  f.sender = "not-an-address";
  EXPECT_FALSE(m.registerEmail(kMon9));
  EXPECT_EQ(m.error()->field, "email");
}

TEST(DeskModel, EmailReplyIsTheSharedNoticeAndNeverCarriesAPassword) {
  auto d = detail(8, CaseState::Notified, {Action::Deliver});
  d.kase.channel = core::Channel::Email;
  d.kase.ticket.clear();  // e-mailed requests have no queue number
  d.kase.service = "reset";
  core::Visit v;
  v.name = "Budi";
  v.email = "ppk@dinas.go.id";
  v.purpose = "Reset password";
  d.visit = v;
  auto r = desk::emailReply(d, "LPSE Kota", kCal, "id");
  EXPECT_EQ(r.to, "ppk@dinas.go.id");
  EXPECT_NE(r.subject.find("(E-8)"), std::string::npos) << r.subject;
  EXPECT_NE(r.body.find("Yth. Budi"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("segera masuk (login) ke SPSE"), std::string::npos);
  EXPECT_NE(r.body.find("LPSE Kota"), std::string::npos);
  EXPECT_NE(r.body.find("tidak dicantumkan dalam pesan ini"), std::string::npos);
  // A rejection says why, in the words of the reason list, with the staff note.
  d.kase.state = CaseState::Rejected;
  d.history.push_back({1, 0, "mark_invalid", "rina", "", "data_mismatch"});
  d.notes.push_back({1, 0, "rina", "mark_invalid", "NIP pada SK berbeda"});
  r = desk::emailReply(d, "LPSE Kota", kCal, "en");
  EXPECT_NE(r.body.find("Reason: the data in the dossier do not match SPSE"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("NIP pada SK berbeda"), std::string::npos) << r.body;
}

TEST(DeskModel, SigningOutForgetsEverythingOnScreen) {
  auto m = signedIn(core::ActorRole::Helpdesk);
  openCase(m, detail(1, CaseState::Called, {}));
  m.form().note = "rahasia";
  m.signOut("desk.session_ended");
  EXPECT_FALSE(m.signedIn());
  EXPECT_FALSE(m.current().has_value());
  EXPECT_TRUE(m.form().note.empty());
  EXPECT_EQ(m.loginError(), "desk.session_ended");
  EXPECT_EQ(m.settings().counter, "Loket 1");
}

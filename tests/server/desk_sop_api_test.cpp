// Every SOP path the desks take, through the real server over HTTP on
// loopback with a real SQLite file and a fixed office clock: the walk-in
// happy path with step 14 before the archive, incomplete -> rejoin ->
// complete, invalid -> rejection told, e-mail on time and overdue, no-show
// after recalls, an out-of-order call, transfers, a desk signing out
// mid-case and another desk finishing it. The event log is checked step by
// step and the step durations are computed from it.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <map>

#include "kiosk/api/wire.hpp"
#include "kiosk/client/api_client.hpp"
#include "kiosk/core/desk_rules.hpp"
#include "kiosk/store/store.hpp"
#include "tests/support/live_server.hpp"
#include "tests/support/test_access.hpp"

using namespace lpse;
using core::Action;
using core::CaseState;
using core::Document;
using nlohmann::json;

namespace {

const core::WorkingCalendar kCal;
// Monday 2026-11-23, 09:00 WIB.
const std::int64_t kMon9 = kCal.localMidnight({2026, 11, 23}) + 9 * 3600'000LL;
constexpr std::int64_t kMin = 60'000;

class DeskSop : public ::testing::Test {
 protected:
  void SetUp() override {
    m_now = kMon9;
    server::ServerOptions o;
    o.clock = [this] { return m_now.load(); };
    m_live = std::make_unique<testsupport::LiveServer>(o);
    kiosk = client(testsupport::credentialFor(m_live->db(), "kiosk-1", core::ActorRole::Kiosk));
    desk1 = client(testsupport::credentialFor(m_live->db(), "siti", core::ActorRole::Helpdesk));
    desk2 = client(testsupport::credentialFor(m_live->db(), "agus", core::ActorRole::Helpdesk));
    ppe = client(testsupport::credentialFor(m_live->db(), "rina", core::ActorRole::AdminPpe));
  }

  std::unique_ptr<client::ApiClient> client(const client::Credential& c) {
    return std::make_unique<client::ApiClient>(m_live->url(), c);
  }
  void advance(std::int64_t ms) { m_now += ms; }

  static core::Visit visit(const std::string& service = "reset") {
    core::Visit v;
    v.service = service;
    v.name = "Budi Santoso";
    v.role = core::VisitorRole::Ppk;
    v.agency = "Dinas Pekerjaan Umum";
    v.phone = "081234567890";
    v.consent = true;
    v.spseUserId = "budi.ppk";
    v.documents = {Document::RequestForm, Document::SkPenunjukan};
    return v;
  }
  core::CaseRecord ticket() {
    auto t = kiosk->issueTicket(visit());
    EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().en);
    return t->kase;
  }
  core::CaseRecord step(client::ApiClient& who, std::int64_t id, Action a, core::ActionInput in = {},
                        std::int64_t minutesLater = 1) {
    advance(minutesLater * kMin);
    auto r = who.act(id, a, in);
    EXPECT_TRUE(r.ok()) << core::toString(a) << ": " << (r.ok() ? "" : r.error().en);
    return r.ok() ? *r : core::CaseRecord{};
  }
  core::CaseRecord next(client::ApiClient& who, const std::string& queue, const std::string& counter) {
    advance(kMin);
    auto r = who.callNext(queue, counter);
    EXPECT_TRUE(r.ok() && r->has_value());
    return r.ok() && r->has_value() ? **r : core::CaseRecord{};
  }
  std::vector<std::string> kinds(std::int64_t id) {
    std::vector<std::string> out;
    for (const auto& e : m_live->store().caseEvents(id)) out.push_back(e.kind);
    return out;
  }
  json payload(std::int64_t id, const std::string& kind) {
    for (const auto& e : m_live->store().caseEvents(id))
      if (e.kind == kind) return json::parse(e.payload);
    return json();
  }
  // Refused with `code`, and nothing written.
  void refused(client::ApiClient& who, std::int64_t id, Action a, const core::ActionInput& in, const std::string& code) {
    const auto seq = m_live->store().lastSeq();
    auto r = who.act(id, a, in);
    ASSERT_FALSE(r.ok()) << core::toString(a);
    EXPECT_EQ(r.error().code, code) << r.error().en;
    EXPECT_FALSE(r.error().id.empty());
    EXPECT_EQ(m_live->store().lastSeq(), seq);
  }

  std::atomic<std::int64_t> m_now{0};
  std::unique_ptr<testsupport::LiveServer> m_live;
  std::unique_ptr<client::ApiClient> kiosk, desk1, desk2, ppe;
};

core::ActionInput with(std::function<void(core::ActionInput&)> f) {
  core::ActionInput in;
  f(in);
  return in;
}

// Minutes each step took, from the event log: the gap before each event,
// keyed by the SOP step the event completes.
std::map<int, std::int64_t> stepMinutes(const std::vector<store::EventRecord>& events) {
  std::map<int, std::int64_t> out;
  for (std::size_t i = 1; i < events.size(); ++i) {
    auto a = core::actionFrom(events[i].kind);
    if (!a) continue;
    for (const auto& t : core::transitions())
      if (t.action == *a && t.step > 0) {
        out[t.step] += (events[i].atMs - events[i - 1].atMs) / kMin;
        break;
      }
  }
  return out;
}

}  // namespace

TEST_F(DeskSop, WalkInHappyPathHandsBackBeforeTheArchive) {
  auto c = ticket();
  EXPECT_EQ(next(*desk1, "helpdesk", "Loket 1").id, c.id);
  step(*desk1, c.id, Action::StartCheck);
  step(*desk1, c.id, Action::ForwardToAdmin, {}, 4);
  EXPECT_EQ(next(*ppe, "admin", "Admin PPE 1").state, CaseState::Verifying);
  step(*ppe, c.id, Action::MarkValid, with([](auto& in) { in.basis = "spse_data"; }), 12);
  step(*ppe, c.id, Action::RecordResult, with([](auto& in) { in.outcome = "password_reset"; }), 8);
  EXPECT_EQ(step(*ppe, c.id, Action::NotifyResult, {}, 2).state, CaseState::Notified);
  // The visitor is called back to the counter: on the public board like a call.
  step(*desk1, c.id, Action::CallBack, with([](auto& in) { in.counter = "Loket 1"; }));
  auto board = desk1->board();
  ASSERT_TRUE(board.ok());
  ASSERT_FALSE(board->recent.empty());
  EXPECT_EQ(board->recent.front().ticket, c.ticket);
  EXPECT_EQ(board->recent.front().counter, "Loket 1");
  // Step 14 first: the archive is still to do, the case stays open for Admin PPE.
  EXPECT_EQ(step(*desk1, c.id, Action::Deliver, {}, 3).state, CaseState::HandedBack);
  auto open = desk1->openCases();
  ASSERT_TRUE(open.ok());
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ(core::sectionOf(open->front(), core::ActorRole::AdminPpe, "Admin PPE 1"), core::WorkSection::WaitingForMe);
  EXPECT_EQ(core::sectionOf(open->front(), core::ActorRole::Helpdesk, "Loket 1"), core::WorkSection::None);
  refused(*ppe, c.id, Action::Archive, {}, "reference_required");
  EXPECT_EQ(step(*ppe, c.id, Action::Archive, with([](auto& in) { in.reference = "ARS/2026/11/0001"; }), 6).state,
            CaseState::Delivered);
  EXPECT_EQ(kinds(c.id), (std::vector<std::string>{"ticket_issued", "call", "start_check", "forward_to_admin",
                                                   "start_verify", "mark_valid", "record_result", "notify_result",
                                                   "callback", "deliver", "archive"}));
  EXPECT_EQ(payload(c.id, "record_result")["outcome"], "password_reset");
  EXPECT_EQ(payload(c.id, "archive")["reference"], "ARS/2026/11/0001");
  const auto minutes = stepMinutes(m_live->store().caseEvents(c.id));
  EXPECT_EQ(minutes.at(8), 4);  // from start_check to forward
  EXPECT_EQ(minutes.at(9), 12);
  EXPECT_EQ(minutes.at(10), 8);
  EXPECT_EQ(minutes.at(12), 2);
  EXPECT_EQ(minutes.at(14), 3);
  EXPECT_EQ(minutes.at(13), 6);
  // The case detail: service and channel filled, the history with codes.
  auto d = desk1->caseDetail(c.id);
  ASSERT_TRUE(d.ok());
  ASSERT_TRUE(d->visit.has_value());
  EXPECT_EQ(d->visit->service, "reset");
  EXPECT_EQ(d->visit->channel, core::Channel::WalkIn);
  EXPECT_TRUE(d->allowed.empty());
  EXPECT_TRUE(m_live->store().verifyChain().ok());
}

TEST_F(DeskSop, IncompleteThenRejoinsWithPriorityAndCompletes) {
  auto a = ticket();
  advance(kMin);
  auto later = ticket();
  next(*desk1, "helpdesk", "Loket 1");
  step(*desk1, a.id, Action::StartCheck);
  refused(*desk1, a.id, Action::MarkIncomplete, {}, "missing_documents_required");
  step(*desk1, a.id, Action::MarkIncomplete, with([](auto& in) { in.missing = {Document::SkPenunjukan}; }));
  step(*desk1, a.id, Action::RequestCompletion);
  auto back = step(*desk1, a.id, Action::ReturnDocuments, with([](auto& in) { in.returned = {Document::SkPenunjukan}; }), 30);
  EXPECT_EQ(back.state, CaseState::Waiting);
  EXPECT_EQ(back.priority, 1);
  EXPECT_EQ(payload(a.id, "return_documents")["returned"], json::array({"sk_penunjukan"}));
  EXPECT_EQ(payload(a.id, "mark_incomplete")["missing"], json::array({"sk_penunjukan"}));
  // Back with the documents: called before the ticket that came later.
  EXPECT_EQ(next(*desk2, "helpdesk", "Loket 2").id, a.id);
  step(*desk2, a.id, Action::StartCheck);
  EXPECT_EQ(step(*desk2, a.id, Action::ForwardToAdmin).state, CaseState::AtAdminQueue);
  EXPECT_EQ(next(*desk1, "helpdesk", "Loket 1").id, later.id);
}

TEST_F(DeskSop, InvalidRejectionIsToldAndItsNoteStaysOutOfTheLog) {
  auto c = ticket();
  next(*desk1, "helpdesk", "Loket 1");
  step(*desk1, c.id, Action::StartCheck);
  step(*desk1, c.id, Action::ForwardToAdmin);
  next(*ppe, "admin", "Admin PPE 1");
  refused(*ppe, c.id, Action::MarkInvalid, with([](auto& in) { in.reason = "dia bohong"; }), "unknown_code");
  refused(*ppe, c.id, Action::MarkValid, with([](auto& in) { in.basis = "firasat"; }), "unknown_code");
  step(*ppe, c.id, Action::MarkInvalid, with([](auto& in) {
         in.reason = "data_mismatch";
         in.note = "NIP pada SK berbeda dengan data SPSE";
       }));
  EXPECT_EQ(step(*ppe, c.id, Action::Reject).state, CaseState::Rejected);
  step(*desk1, c.id, Action::CallBack, with([](auto& in) { in.counter = "Loket 1"; }));
  EXPECT_EQ(step(*desk1, c.id, Action::NotifyRejection).state, CaseState::RejectionNotified);
  // The reason is a code in the log; the free text is only with the case.
  for (const auto& e : m_live->store().caseEvents(c.id)) EXPECT_EQ(e.payload.find("NIP pada SK"), std::string::npos);
  EXPECT_EQ(payload(c.id, "mark_invalid")["reason"], "data_mismatch");
  auto d = desk1->caseDetail(c.id);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->notes.size(), 1u);
  EXPECT_EQ(d->notes[0].text, "NIP pada SK berbeda dengan data SPSE");
  EXPECT_EQ(d->notes[0].actor, "rina");
  bool seen = false;
  for (const auto& h : d->history) seen = seen || (h.kind == "mark_invalid" && h.code == "data_mismatch");
  EXPECT_TRUE(seen);
  // Retention empties the note with the guest-book entry.
  auto purged = m_live->store().purgeVisits(m_now + 1, m_now + 2);
  ASSERT_TRUE(purged.ok());
  EXPECT_EQ(*purged, 1);
  EXPECT_TRUE(m_live->store().caseNotes(c.id).empty());
}

TEST_F(DeskSop, EmailIsDueTheSameWorkingDayAndOverdueAfter) {
  advance(60 * kMin);  // 10:00
  core::Visit v = visit("userid");
  v.channel = core::Channel::Email;
  v.email = "budi@dinas.go.id";
  v.purpose = "Lupa user ID";
  v.receivedMs = kMon9 - 30 * kMin;  // arrived 08:30, registered at 10:00
  auto c = desk1->receiveEmail(v);
  ASSERT_TRUE(c.ok()) << c.error().en;
  EXPECT_EQ(c->state, CaseState::EmailReceived);
  EXPECT_EQ(c->receivedMs, kMon9 - 30 * kMin);
  auto d = desk1->caseDetail(c->id);
  ASSERT_TRUE(d.ok() && d->visit);
  EXPECT_EQ(d->visit->channel, core::Channel::Email);  // was walk_in for every case
  EXPECT_EQ(d->visit->service, "userid");               // was ""
  auto open = desk1->openCases();
  ASSERT_TRUE(open.ok());
  // 15:00: an hour left; 17:00: an hour overdue (closing is 16:00).
  auto at3 = core::buildWorkList(*open, core::ActorRole::Helpdesk, "Loket 1", kCal, kMon9 + 6 * 60 * kMin);
  ASSERT_EQ(at3.waitingForMe.size(), 1u);
  EXPECT_EQ(at3.waitingForMe[0].due->leftS, 3600);
  EXPECT_FALSE(at3.waitingForMe[0].due->overdue);
  auto at5 = core::buildWorkList(*open, core::ActorRole::Helpdesk, "Loket 1", kCal, kMon9 + 8 * 60 * kMin);
  EXPECT_TRUE(at5.waitingForMe[0].due->overdue);
  // Arriving after closing: due the next working day (Friday evening -> Monday).
  const std::int64_t fri17 = kCal.localMidnight({2026, 11, 27}) + 17 * 3600'000LL;
  EXPECT_EQ(core::emailDue(kCal, fri17, fri17).dueMs, kCal.localMidnight({2026, 11, 30}) + 16 * 3600'000LL);
  // Not called like a ticket, not called back to a counter.
  refused(*desk1, c->id, Action::Call, with([](auto& in) { in.counter = "Loket 1"; in.reason = "other"; }),
          "invalid_transition");
  step(*desk1, c->id, Action::OpenEmail);
  step(*desk1, c->id, Action::ForwardToAdmin);
  next(*ppe, "admin", "Admin PPE 1");
  step(*ppe, c->id, Action::MarkValid, with([](auto& in) { in.basis = "phone_confirmation"; }));
  step(*ppe, c->id, Action::RecordResult, with([](auto& in) { in.outcome = "user_id_given"; }));
  step(*ppe, c->id, Action::NotifyResult);
  refused(*desk1, c->id, Action::CallBack, with([](auto& in) { in.counter = "Loket 1"; }), "not_walk_in");
  step(*ppe, c->id, Action::Archive, with([](auto& in) { in.reference = "ARS-77"; }));
  EXPECT_EQ(step(*desk1, c->id, Action::Deliver).state, CaseState::Delivered);
  // A received time in the future is refused.
  v.receivedMs = m_now + 3600'000;
  auto future = desk1->receiveEmail(v);
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().code, "received_in_future");
}

TEST_F(DeskSop, NoShowIsOfferedAfterTheConfiguredRecalls) {
  auto c = ticket();
  next(*desk1, "helpdesk", "Loket 1");
  auto r1 = step(*desk1, c.id, Action::Recall);
  EXPECT_FALSE(core::noShowOffered(r1.calls, 2));
  auto r2 = step(*desk1, c.id, Action::Recall);
  EXPECT_EQ(r2.calls, 3);
  EXPECT_TRUE(core::noShowOffered(r2.calls, 2));
  refused(*desk1, c.id, Action::NoShow, with([](auto& in) { in.reason = "pergi makan"; }), "unknown_code");
  EXPECT_EQ(step(*desk1, c.id, Action::NoShow, with([](auto& in) { in.reason = "not_present"; })).state,
            CaseState::NoShow);
  EXPECT_EQ(kinds(c.id), (std::vector<std::string>{"ticket_issued", "call", "recall", "recall", "no_show"}));
}

TEST_F(DeskSop, OutOfOrderCallNeedsAReasonAndIsLogged) {
  auto first = ticket();
  auto second = ticket();
  auto third = ticket();
  refused(*desk1, third.id, Action::Call, with([](auto& in) { in.counter = "Loket 1"; }), "reason_required");
  refused(*desk1, third.id, Action::Call, with([](auto& in) { in.counter = "Loket 1"; in.reason = "kenal"; }),
          "unknown_code");
  auto called = step(*desk1, third.id, Action::Call, with([](auto& in) {
    in.counter = "Loket 1";
    in.reason = "priority_visitor";
  }));
  EXPECT_EQ(called.state, CaseState::Called);
  EXPECT_EQ(payload(third.id, "call")["reason"], "priority_visitor");
  // The queue goes on in order.
  EXPECT_EQ(next(*desk2, "helpdesk", "Loket 2").id, first.id);
  EXPECT_EQ(next(*desk2, "helpdesk", "Loket 2").id, second.id);
}

TEST_F(DeskSop, TransferToAnotherCounterOrService) {
  auto c = ticket();
  next(*desk1, "helpdesk", "Loket 1");
  refused(*desk1, c.id, Action::Transfer, with([](auto& in) { in.reason = "counter_free"; }), "transfer_target_required");
  auto moved = step(*desk1, c.id, Action::Transfer, with([](auto& in) {
    in.reason = "counter_free";
    in.counter = "Loket 2";
  }));
  EXPECT_EQ(moved.state, CaseState::Called);
  EXPECT_EQ(moved.counter, "Loket 2");
  EXPECT_EQ(core::sectionOf(moved, core::ActorRole::Helpdesk, "Loket 2"), core::WorkSection::Mine);
  refused(*desk2, c.id, Action::Transfer, with([](auto& in) { in.reason = "wrong_service"; in.service = "pizza"; }),
          "unknown_service");
  auto requeued = step(*desk2, c.id, Action::Transfer, with([](auto& in) {
    in.reason = "wrong_service";
    in.service = "userid";
  }));
  EXPECT_EQ(requeued.state, CaseState::Waiting);
  EXPECT_EQ(requeued.service, "userid");
  EXPECT_EQ(requeued.priority, 1);
  EXPECT_EQ(next(*desk2, "helpdesk", "Loket 2").id, c.id);
  auto d = desk2->caseDetail(c.id);
  ASSERT_TRUE(d.ok() && d->visit);
  EXPECT_EQ(d->visit->service, "userid");
  // The projection is what the log says, transfer included.
  const auto before = *m_live->store().getCase(c.id);
  ASSERT_TRUE(m_live->store().rebuildProjection().ok());
  const auto after = *m_live->store().getCase(c.id);
  EXPECT_EQ(after.service, before.service);
  EXPECT_EQ(after.counter, before.counter);
  EXPECT_EQ(after.priority, before.priority);
}

TEST_F(DeskSop, ADeskSignsOutMidCaseAndAnotherFinishesIt) {
  // desk1 signs in for real, so it can sign out.
  auto siti = std::make_unique<client::ApiClient>(m_live->url(), client::Credential{});
  ASSERT_TRUE(siti->login("siti", testsupport::kTestPin).ok());
  auto c = ticket();
  next(*siti, "helpdesk", "Loket 1");
  step(*siti, c.id, Action::StartCheck);
  ASSERT_TRUE(siti->logout().ok());
  auto gone = siti->act(c.id, Action::ForwardToAdmin, {});
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().code, "unauthenticated");
  // Another desk finds it in its lists ("open elsewhere") and carries on.
  auto open = desk2->openCases();
  ASSERT_TRUE(open.ok());
  auto w = core::buildWorkList(*open, core::ActorRole::Helpdesk, "Loket 2", kCal, m_now);
  ASSERT_EQ(w.others.size(), 1u);
  EXPECT_EQ(w.others[0].kase.id, c.id);
  EXPECT_EQ(step(*desk2, c.id, Action::ForwardToAdmin).state, CaseState::AtAdminQueue);
  EXPECT_EQ(m_live->store().caseEvents(c.id).back().actor, "agus");
}

TEST_F(DeskSop, AStepOnACaseAnotherDeskJustMovedIsRefusedCleanly) {
  auto c = ticket();
  next(*desk1, "helpdesk", "Loket 1");
  step(*desk2, c.id, Action::StartCheck);  // desk2 took it over
  refused(*desk1, c.id, Action::StartCheck, {}, "invalid_transition");
  // A note that is too long, or with control characters, writes nothing.
  refused(*desk1, c.id, Action::MarkIncomplete, with([](auto& in) {
    in.missing = {Document::SkPenunjukan};
    in.note = std::string(600, 'x');
  }), "too_long");
  // An unknown field in the body is still refused: only "note" was added.
  httplib::Client raw(m_live->url());
  auto token = testsupport::credentialFor(m_live->db(), "siti", core::ActorRole::Helpdesk).token;
  auto res = raw.Post(("/api/cases/" + std::to_string(c.id) + "/actions").c_str(),
                      {{"Authorization", "Bearer " + token}},
                      R"({"action":"mark_incomplete","missing":["sk_penunjukan"],"note":"SK tertinggal","colour":1})",
                      "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  res = raw.Post(("/api/cases/" + std::to_string(c.id) + "/actions").c_str(), {{"Authorization", "Bearer " + token}},
                 R"({"action":"mark_incomplete","missing":["sk_penunjukan"],"note":"SK tertinggal"})",
                 "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
}

// The SOP state machine: every path of the SOP end to end, every forbidden
// (state, action, actor) rejected with the right code, the preconditions,
// and the time standards of shared/sop/README.md.
#include "kiosk/core/sop.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace lpse::core {
namespace {

using S = CaseState;
using A = Action;
using R = ActorRole;

constexpr S kAllStates[] = {S::Waiting,      S::Called,    S::EmailReceived, S::Checking,       S::Incomplete,
                            S::AwaitingDocuments, S::AtAdminQueue, S::Verifying, S::Valid,     S::Invalid,
                            S::ResultReady,  S::Notified,  S::Archived,      S::Delivered,      S::Rejected,
                            S::RejectionNotified, S::NoShow, S::Cancelled, S::HandedBack};
constexpr A kAllActions[] = {A::IssueTicket,    A::ReceiveEmail,   A::Call,          A::Recall,
                             A::NoShow,         A::OpenEmail,      A::StartCheck,    A::MarkIncomplete,
                             A::RequestCompletion, A::ReturnDocuments, A::ForwardToAdmin, A::StartVerify,
                             A::MarkValid,      A::MarkInvalid,    A::RecordResult,  A::Reject,
                             A::NotifyResult,   A::Archive,        A::Deliver,       A::NotifyRejection,
                             A::Cancel,         A::CallBack,       A::Transfer};
constexpr R kAllActors[] = {R::Kiosk, R::Display, R::Helpdesk, R::AdminPpe, R::Supervisor, R::Admin};
constexpr Channel kChannels[] = {Channel::WalkIn, Channel::Email};

// Everything every precondition could ask for.
ActionInput fullInput() {
  ActionInput in;
  in.missing = {Document::SkPenunjukan};
  in.basis = "spse_data";
  in.reason = "other";  // in every reason list
  in.counter = "Helpdesk 1";
  in.outcome = "password_reset";
  in.reference = "ARS/2026/001";
  return in;
}

// The SOP as this test reads it from shared/sop/README.md, written out
// independently of sop.cpp: (from, action, actor) -> walk-in target.
struct Expected {
  S from;
  A action;
  R actor;
  S to;
};
std::vector<Expected> expectedTable() {
  std::vector<Expected> t = {
      {S::Waiting, A::Call, R::Helpdesk, S::Called},
      {S::Called, A::Recall, R::Helpdesk, S::Called},
      {S::Called, A::NoShow, R::Helpdesk, S::NoShow},
      {S::Called, A::StartCheck, R::Helpdesk, S::Checking},
      {S::EmailReceived, A::OpenEmail, R::Helpdesk, S::Checking},
      {S::Checking, A::MarkIncomplete, R::Helpdesk, S::Incomplete},
      {S::Checking, A::ForwardToAdmin, R::Helpdesk, S::AtAdminQueue},
      {S::Incomplete, A::RequestCompletion, R::Helpdesk, S::AwaitingDocuments},
      {S::AwaitingDocuments, A::ReturnDocuments, R::Kiosk, S::Waiting},
      {S::AwaitingDocuments, A::ReturnDocuments, R::Helpdesk, S::Waiting},
      {S::AtAdminQueue, A::StartVerify, R::AdminPpe, S::Verifying},
      {S::Verifying, A::MarkValid, R::AdminPpe, S::Valid},
      {S::Verifying, A::MarkInvalid, R::AdminPpe, S::Invalid},
      {S::Valid, A::RecordResult, R::AdminPpe, S::ResultReady},
      {S::Invalid, A::Reject, R::AdminPpe, S::Rejected},
      {S::ResultReady, A::NotifyResult, R::AdminPpe, S::Notified},
      {S::Notified, A::Archive, R::AdminPpe, S::Archived},
      {S::Archived, A::Deliver, R::Helpdesk, S::Delivered},
      // Step 14 is not held up by the archive (step 13): either comes first.
      {S::Notified, A::Deliver, R::Helpdesk, S::HandedBack},
      {S::HandedBack, A::Archive, R::AdminPpe, S::Delivered},
      {S::Rejected, A::NotifyRejection, R::Helpdesk, S::RejectionNotified},
      // Calling the visitor back for the result or the rejection.
      {S::Notified, A::CallBack, R::Helpdesk, S::Notified},
      {S::Archived, A::CallBack, R::Helpdesk, S::Archived},
      {S::Rejected, A::CallBack, R::Helpdesk, S::Rejected},
      // To another counter (fullInput names one): the state stays.
      {S::Called, A::Transfer, R::Helpdesk, S::Called},
      {S::Checking, A::Transfer, R::Helpdesk, S::Checking},
      // The supervisor reassigns a stranded case (issue #13).
      {S::Called, A::Transfer, R::Supervisor, S::Called},
      {S::Checking, A::Transfer, R::Supervisor, S::Checking},
  };
  for (S s : kAllStates)
    if (s != S::Delivered && s != S::RejectionNotified && s != S::NoShow && s != S::Cancelled)
      t.push_back({s, A::Cancel, R::Supervisor, S::Cancelled});
  return t;
}

// Walks a case through steps, asserting each one lands where expected.
class Walk {
 public:
  explicit Walk(Channel c) : m_channel(c), m_state(initialState(c)) {}
  Walk& then(A action, R actor, S expected) {
    auto r = apply(m_state, action, actor, fullInput(), m_channel);
    EXPECT_TRUE(r.ok()) << toString(m_state) << " --" << toString(action) << "--> failed: "
                        << (r.ok() ? "" : r.error().en);
    if (r.ok()) {
      EXPECT_EQ(*r, expected) << toString(m_state) << " --" << toString(action) << "--> " << toString(*r);
      m_state = *r;
    }
    return *this;
  }
  S state() const { return m_state; }

 private:
  Channel m_channel;
  S m_state;
};

TEST(SopPaths, WalkInCompleteAndValid) {
  Walk w(Channel::WalkIn);
  EXPECT_EQ(w.state(), S::Waiting);
  w.then(A::Call, R::Helpdesk, S::Called)
      .then(A::StartCheck, R::Helpdesk, S::Checking)
      .then(A::ForwardToAdmin, R::Helpdesk, S::AtAdminQueue)
      .then(A::StartVerify, R::AdminPpe, S::Verifying)
      .then(A::MarkValid, R::AdminPpe, S::Valid)
      .then(A::RecordResult, R::AdminPpe, S::ResultReady)
      .then(A::NotifyResult, R::AdminPpe, S::Notified)
      .then(A::Archive, R::AdminPpe, S::Archived)
      .then(A::Deliver, R::Helpdesk, S::Delivered);
  EXPECT_TRUE(isTerminal(w.state()));
}

TEST(SopPaths, WalkInIncompleteThenCompletedAndRechecked) {
  for (R returner : {R::Kiosk, R::Helpdesk}) {
    Walk w(Channel::WalkIn);
    w.then(A::Call, R::Helpdesk, S::Called)
        .then(A::StartCheck, R::Helpdesk, S::Checking)
        .then(A::MarkIncomplete, R::Helpdesk, S::Incomplete)
        .then(A::RequestCompletion, R::Helpdesk, S::AwaitingDocuments)
        .then(A::ReturnDocuments, returner, S::Waiting)
        .then(A::Call, R::Helpdesk, S::Called)
        .then(A::StartCheck, R::Helpdesk, S::Checking)
        .then(A::ForwardToAdmin, R::Helpdesk, S::AtAdminQueue)
        .then(A::StartVerify, R::AdminPpe, S::Verifying)
        .then(A::MarkValid, R::AdminPpe, S::Valid)
        .then(A::RecordResult, R::AdminPpe, S::ResultReady)
        .then(A::NotifyResult, R::AdminPpe, S::Notified)
        .then(A::Archive, R::AdminPpe, S::Archived)
        .then(A::Deliver, R::Helpdesk, S::Delivered);
    EXPECT_EQ(w.state(), S::Delivered);
  }
}

TEST(SopPaths, EmailChannelIncompleteReturnsToEmailReceived) {
  Walk w(Channel::Email);
  EXPECT_EQ(w.state(), S::EmailReceived);
  w.then(A::OpenEmail, R::Helpdesk, S::Checking)
      .then(A::MarkIncomplete, R::Helpdesk, S::Incomplete)
      .then(A::RequestCompletion, R::Helpdesk, S::AwaitingDocuments)
      .then(A::ReturnDocuments, R::Helpdesk, S::EmailReceived)
      .then(A::OpenEmail, R::Helpdesk, S::Checking)
      .then(A::ForwardToAdmin, R::Helpdesk, S::AtAdminQueue)
      .then(A::StartVerify, R::AdminPpe, S::Verifying)
      .then(A::MarkValid, R::AdminPpe, S::Valid)
      .then(A::RecordResult, R::AdminPpe, S::ResultReady)
      .then(A::NotifyResult, R::AdminPpe, S::Notified)
      .then(A::Archive, R::AdminPpe, S::Archived)
      .then(A::Deliver, R::Helpdesk, S::Delivered);
  EXPECT_EQ(w.state(), S::Delivered);
}

TEST(SopPaths, EmailCaseCannotBeCalledLikeATicket) {
  auto r = apply(initialState(Channel::Email), A::Call, R::Helpdesk, fullInput(), Channel::Email);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "invalid_transition");
}

TEST(SopPaths, InvalidThenRejectedThenNotified) {
  for (Channel c : kChannels) {
    Walk w(c);
    if (c == Channel::WalkIn)
      w.then(A::Call, R::Helpdesk, S::Called).then(A::StartCheck, R::Helpdesk, S::Checking);
    else
      w.then(A::OpenEmail, R::Helpdesk, S::Checking);
    w.then(A::ForwardToAdmin, R::Helpdesk, S::AtAdminQueue)
        .then(A::StartVerify, R::AdminPpe, S::Verifying)
        .then(A::MarkInvalid, R::AdminPpe, S::Invalid)
        .then(A::Reject, R::AdminPpe, S::Rejected)
        .then(A::NotifyRejection, R::Helpdesk, S::RejectionNotified);
    EXPECT_TRUE(isTerminal(w.state()));
  }
}

TEST(SopPaths, RecallThenNoShow) {
  Walk w(Channel::WalkIn);
  w.then(A::Call, R::Helpdesk, S::Called)
      .then(A::Recall, R::Helpdesk, S::Called)
      .then(A::Recall, R::Helpdesk, S::Called)
      .then(A::NoShow, R::Helpdesk, S::NoShow);
  EXPECT_TRUE(isTerminal(w.state()));
}

TEST(SopPaths, SupervisorCancelsFromEveryOpenState) {
  for (S s : kAllStates) {
    auto r = apply(s, A::Cancel, R::Supervisor, fullInput());
    if (isTerminal(s)) {
      ASSERT_FALSE(r.ok()) << toString(s);
      EXPECT_EQ(r.error().code, "invalid_transition");
    } else {
      ASSERT_TRUE(r.ok()) << toString(s);
      EXPECT_EQ(*r, S::Cancelled);
    }
  }
}

TEST(SopTable, TransitionsMatchTheSopExactly) {
  std::set<std::tuple<S, A, R, S>> actual, expected;
  for (const Transition& t : transitions()) {
    EXPECT_TRUE(actual.insert({t.from, t.action, t.actor, t.to}).second)
        << "duplicate " << toString(t.from) << " " << toString(t.action) << " " << toString(t.actor);
  }
  for (const Expected& e : expectedTable()) expected.insert({e.from, e.action, e.actor, e.to});
  EXPECT_EQ(actual, expected);
}

// All states x all actions x all actors x both channels.
TEST(SopTable, EveryCombinationAllowedOrRejectedWithTheRightCode) {
  const auto table = expectedTable();
  int allowed = 0, wrongState = 0, wrongRole = 0;
  for (Channel c : kChannels)
    for (S s : kAllStates)
      for (A a : kAllActions)
        for (R actor : kAllActors) {
          const Expected* match = nullptr;
          bool stateFits = false;
          for (const Expected& e : table) {
            if (e.from != s || e.action != a) continue;
            stateFits = true;
            if (e.actor == actor) match = &e;
          }
          const auto r = apply(s, a, actor, fullInput(), c);
          const std::string what = std::string(toString(s)) + " " + std::string(toString(a)) + " by " +
                                   std::string(toString(actor)) + " (" + std::string(toString(c)) + ")";
          const bool visitorAbsent = c == Channel::Email && (a == A::CallBack || a == A::Transfer);
          if (match && visitorAbsent) {
            ASSERT_FALSE(r.ok()) << what;
            EXPECT_EQ(r.error().code, "not_walk_in") << what;
            ++wrongRole;
          } else if (match) {
            ++allowed;
            ASSERT_TRUE(r.ok()) << what << ": " << r.error().en;
            const S want = (a == A::ReturnDocuments && c == Channel::Email) ? S::EmailReceived : match->to;
            EXPECT_EQ(*r, want) << what;
          } else {
            ASSERT_FALSE(r.ok()) << what << " was allowed";
            EXPECT_EQ(r.error().code, stateFits ? "forbidden_role" : "invalid_transition") << what;
            EXPECT_FALSE(r.error().id.empty()) << what;
            EXPECT_FALSE(r.error().en.empty()) << what;
            ++(stateFits ? wrongRole : wrongState);
          }
        }
  EXPECT_EQ(allowed + wrongRole + wrongState, 2 * 19 * 23 * 6);
  EXPECT_EQ(allowed, 2 * static_cast<int>(table.size()) - 7);  // 7 walk-in-only rows (2 supervisor reassigns)
  EXPECT_GT(wrongRole, 0);
}

TEST(SopTable, CreationActionsAreNotTransitions) {
  // A case is born in initialState(); IssueTicket and ReceiveEmail never move one.
  for (S s : kAllStates)
    for (A a : {A::IssueTicket, A::ReceiveEmail})
      for (R actor : kAllActors) EXPECT_FALSE(apply(s, a, actor, fullInput()).ok());
  EXPECT_EQ(initialState(Channel::WalkIn), S::Waiting);
  EXPECT_EQ(initialState(Channel::Email), S::EmailReceived);
}

TEST(SopTable, TerminalStatesAllowNothing) {
  int terminal = 0;
  for (S s : kAllStates) {
    if (!isTerminal(s)) continue;
    ++terminal;
    for (R actor : kAllActors) {
      EXPECT_TRUE(allowedActions(s, actor).empty()) << toString(s);
      for (A a : kAllActions) EXPECT_FALSE(apply(s, a, actor, fullInput()).ok()) << toString(s);
    }
    EXPECT_FALSE(queueOf(s).has_value());
    EXPECT_FALSE(stepInProgress(s, Channel::WalkIn).has_value());
  }
  EXPECT_EQ(terminal, 4);
}

TEST(SopTable, EveryOpenStateIsReachableAndCanFinish) {
  std::set<S> reached = {initialState(Channel::WalkIn), initialState(Channel::Email)};
  for (bool grew = true; grew;) {
    grew = false;
    for (const Transition& t : transitions())
      if (reached.contains(t.from) && reached.insert(t.to).second) grew = true;
  }
  EXPECT_EQ(reached.size(), std::size(kAllStates));
  for (S s : kAllStates) {
    std::set<S> seen = {s};
    bool finishes = isTerminal(s);
    for (bool grew = true; grew && !finishes;) {
      grew = false;
      for (const Transition& t : transitions())
        if (t.action != A::Cancel && seen.contains(t.from) && seen.insert(t.to).second) {
          grew = true;
          finishes = finishes || isTerminal(t.to);
        }
    }
    EXPECT_TRUE(finishes) << toString(s) << " cannot finish without a cancel";
  }
}

TEST(SopTable, AllowedActionsAgreeWithApply) {
  for (Channel c : kChannels)
    for (S s : kAllStates)
      for (R actor : kAllActors) {
        std::set<A> viaApply;
        for (A a : kAllActions)
          if (apply(s, a, actor, fullInput(), c).ok()) viaApply.insert(a);
        const auto list = allowedActions(s, actor, c);
        EXPECT_EQ(std::set<A>(list.begin(), list.end()), viaApply) << toString(s) << " " << toString(actor);
        EXPECT_EQ(list.size(), viaApply.size()) << "duplicates for " << toString(s);
      }
  const auto helpdeskCalled = allowedActions(S::Called, R::Helpdesk);
  EXPECT_EQ(std::set<A>(helpdeskCalled.begin(), helpdeskCalled.end()),
            (std::set<A>{A::Recall, A::NoShow, A::StartCheck, A::Transfer}));
  EXPECT_TRUE(allowedActions(S::Waiting, R::Display).empty());
}

struct PreconditionCase {
  S from;
  A action;
  R actor;
  const char* code;
  const char* field;
};

TEST(SopPreconditions, EmptyInputIsRefusedWithItsCode) {
  const PreconditionCase cases[] = {
      {S::Checking, A::MarkIncomplete, R::Helpdesk, "missing_documents_required", "missing"},
      {S::Verifying, A::MarkValid, R::AdminPpe, "basis_required", "basis"},
      {S::Verifying, A::MarkInvalid, R::AdminPpe, "reason_required", "reason"},
      {S::Waiting, A::Cancel, R::Supervisor, "reason_required", "reason"},
      {S::Verifying, A::Cancel, R::Supervisor, "reason_required", "reason"},
      {S::Waiting, A::Call, R::Helpdesk, "counter_required", "counter"},
      {S::Called, A::Recall, R::Helpdesk, "counter_required", "counter"},
      {S::Notified, A::CallBack, R::Helpdesk, "counter_required", "counter"},
      {S::Valid, A::RecordResult, R::AdminPpe, "outcome_required", "outcome"},
      {S::Notified, A::Archive, R::AdminPpe, "reference_required", "reference"},
      {S::HandedBack, A::Archive, R::AdminPpe, "reference_required", "reference"},
      {S::Called, A::Transfer, R::Helpdesk, "reason_required", "reason"},
  };
  for (const auto& pc : cases) {
    auto r = apply(pc.from, pc.action, pc.actor, ActionInput{});
    ASSERT_FALSE(r.ok()) << toString(pc.action);
    EXPECT_EQ(r.error().code, pc.code);
    EXPECT_EQ(r.error().field, pc.field);
    EXPECT_FALSE(r.error().id.empty());
    EXPECT_FALSE(r.error().en.empty());
    // The same step with its input goes through.
    EXPECT_TRUE(apply(pc.from, pc.action, pc.actor, fullInput()).ok()) << toString(pc.action);
  }
}

TEST(SopPreconditions, WrongStateIsReportedBeforeMissingInput) {
  auto r = apply(S::Waiting, A::MarkValid, R::AdminPpe, ActionInput{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "invalid_transition");
  r = apply(S::Verifying, A::MarkValid, R::Helpdesk, ActionInput{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "forbidden_role");
}

TEST(SopPreconditions, StepsWithoutPreconditionAcceptEmptyInput) {
  EXPECT_TRUE(apply(S::Called, A::StartCheck, R::Helpdesk, ActionInput{}).ok());
  EXPECT_TRUE(apply(S::Called, A::NoShow, R::Helpdesk, ActionInput{}).ok());
  EXPECT_TRUE(apply(S::Checking, A::ForwardToAdmin, R::Helpdesk, ActionInput{}).ok());
}

TEST(SopQueues, WaitingAndAdminQueue) {
  EXPECT_EQ(queueOf(S::Waiting), "helpdesk");
  EXPECT_EQ(queueOf(S::AtAdminQueue), "admin");
  for (S s : kAllStates) {
    if (s != S::Waiting && s != S::AtAdminQueue) {
      EXPECT_FALSE(queueOf(s).has_value()) << toString(s);
    }
  }
}

TEST(SopTimeStandards, DefaultsMatchTheSopTable) {
  const auto ts = TimeStandards::sopDefaults();
  const std::map<int, int> sop = {{3, 5}, {5, 5}, {6, 5}, {9, 15}, {10, 10}, {11, 5}, {12, 5}, {13, 10}, {14, 5}};
  EXPECT_EQ(ts.minutes, sop);
  for (int step = 0; step <= 15; ++step) {
    auto it = sop.find(step);
    if (it == sop.end()) {
      EXPECT_FALSE(ts.forStep(step).has_value()) << step;
    } else {
      EXPECT_EQ(ts.forStep(step), it->second) << step;
    }
  }
}

TEST(SopTimeStandards, StepInProgressFollowsTheSop) {
  EXPECT_EQ(stepInProgress(S::Waiting, Channel::WalkIn), 4);
  EXPECT_EQ(stepInProgress(S::EmailReceived, Channel::Email), 4);
  EXPECT_EQ(stepInProgress(S::Checking, Channel::WalkIn), 5);
  EXPECT_EQ(stepInProgress(S::Incomplete, Channel::WalkIn), 6);
  EXPECT_EQ(stepInProgress(S::AwaitingDocuments, Channel::WalkIn), 7);
  EXPECT_EQ(stepInProgress(S::AtAdminQueue, Channel::WalkIn), 8);
  EXPECT_EQ(stepInProgress(S::Verifying, Channel::WalkIn), 9);
  EXPECT_EQ(stepInProgress(S::Valid, Channel::WalkIn), 10);
  EXPECT_EQ(stepInProgress(S::Invalid, Channel::WalkIn), 11);
  EXPECT_EQ(stepInProgress(S::ResultReady, Channel::WalkIn), 12);
  // After step 12, steps 13 and 14 run side by side: the visitor's wait
  // (14) is timed until the hand-back, then the archive (13).
  EXPECT_EQ(stepInProgress(S::Notified, Channel::WalkIn), 14);
  EXPECT_EQ(stepInProgress(S::Archived, Channel::WalkIn), 14);
  EXPECT_EQ(stepInProgress(S::HandedBack, Channel::WalkIn), 13);
}

TEST(SopTimeStandards, TransitionStepsAreSopSteps) {
  for (const Transition& t : transitions()) {
    EXPECT_GE(t.step, 0);
    EXPECT_LE(t.step, 14);
  }
  // The step each timed action completes.
  auto stepOf = [](S from, A a) {
    for (const Transition& t : transitions())
      if (t.from == from && t.action == a) return t.step;
    return -1;
  };
  EXPECT_EQ(stepOf(S::Verifying, A::MarkValid), 9);
  EXPECT_EQ(stepOf(S::Valid, A::RecordResult), 10);
  EXPECT_EQ(stepOf(S::Notified, A::Archive), 13);
  EXPECT_EQ(stepOf(S::Archived, A::Deliver), 14);
  EXPECT_EQ(stepOf(S::Notified, A::Deliver), 14);
  EXPECT_EQ(stepOf(S::HandedBack, A::Archive), 13);
}

template <class E, class ToString, class From>
void expectRoundTrip(const E* values, std::size_t n, ToString to, From from) {
  std::set<std::string> names;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string name(to(values[i]));
    EXPECT_NE(name, "?");
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(names.insert(name).second) << "duplicate name " << name;
    EXPECT_EQ(from(name), values[i]) << name;
  }
  EXPECT_FALSE(from("").has_value());
  EXPECT_FALSE(from("no_such_name").has_value());
}

TEST(SopNames, RoundTripForAllEnums) {
  expectRoundTrip(kAllStates, std::size(kAllStates), [](S s) { return toString(s); }, caseStateFrom);
  expectRoundTrip(kAllActions, std::size(kAllActions), [](A a) { return toString(a); }, actionFrom);
  expectRoundTrip(kAllActors, std::size(kAllActors), [](R r) { return toString(r); }, actorRoleFrom);
  EXPECT_EQ(toString(S::AwaitingDocuments), "awaiting_documents");
  EXPECT_EQ(toString(A::ForwardToAdmin), "forward_to_admin");
  EXPECT_EQ(toString(R::AdminPpe), "admin_ppe");
  EXPECT_FALSE(caseStateFrom("Waiting").has_value());  // names are case-sensitive
}

TEST(SopPaths, HandBackBeforeTheArchive) {
  Walk w(Channel::WalkIn);
  w.then(A::Call, R::Helpdesk, S::Called)
      .then(A::StartCheck, R::Helpdesk, S::Checking)
      .then(A::ForwardToAdmin, R::Helpdesk, S::AtAdminQueue)
      .then(A::StartVerify, R::AdminPpe, S::Verifying)
      .then(A::MarkValid, R::AdminPpe, S::Valid)
      .then(A::RecordResult, R::AdminPpe, S::ResultReady)
      .then(A::NotifyResult, R::AdminPpe, S::Notified)
      .then(A::CallBack, R::Helpdesk, S::Notified)
      .then(A::Deliver, R::Helpdesk, S::HandedBack);
  EXPECT_FALSE(isTerminal(w.state()));  // the archive is still owed
  w.then(A::Archive, R::AdminPpe, S::Delivered);
  EXPECT_TRUE(isTerminal(w.state()));
}

TEST(SopPreconditions, CodesComeFromTheListsAndNotesAreChecked) {
  ActionInput in = fullInput();
  in.basis = "feeling";
  auto r = apply(S::Verifying, A::MarkValid, R::AdminPpe, in);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "unknown_code");
  EXPECT_EQ(r.error().field, "basis");
  EXPECT_NE(r.error().en.find("spse_data"), std::string::npos);  // says what would do
  in = fullInput();
  in.reason = "tidak suka";
  EXPECT_EQ(apply(S::Verifying, A::MarkInvalid, R::AdminPpe, in).error().code, "unknown_code");
  in = fullInput();
  in.outcome = "password_shown";
  EXPECT_EQ(apply(S::Valid, A::RecordResult, R::AdminPpe, in).error().code, "unknown_code");
  in = fullInput();
  in.reference = "ARS;DROP";
  EXPECT_EQ(apply(S::Notified, A::Archive, R::AdminPpe, in).error().code, "bad_value");
  in = fullInput();
  in.note = std::string(501, 'x');
  EXPECT_EQ(apply(S::Called, A::StartCheck, R::Helpdesk, in).error().code, "too_long");
  in.note = "baris\x01";
  in.note[5] = '\x01';
  EXPECT_EQ(apply(S::Called, A::StartCheck, R::Helpdesk, in).error().code, "bad_value");
  in.note = "dua\nbaris";
  EXPECT_TRUE(apply(S::Called, A::StartCheck, R::Helpdesk, in).ok());
  // A transfer to another service puts the visitor back in the queue.
  in = fullInput();
  in.counter.clear();
  in.service = "userid";
  EXPECT_EQ(*apply(S::Called, A::Transfer, R::Helpdesk, in), S::Waiting);
  in.service.clear();
  EXPECT_EQ(apply(S::Called, A::Transfer, R::Helpdesk, in).error().code, "transfer_target_required");
}

}  // namespace
}  // namespace lpse::core

// Each visitor's data rights: everything held about one person, erasure
// that leaves no byte of the name, NIP, phone or e-mail in the database
// file (after a checkpoint and VACUUM) while the case numbers, times and
// the hash chain stay; consent withdrawn at the desk erases at closing.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "../store/store_test_util.hpp"
#include "kiosk/store/store_reports.hpp"

namespace lpse::store {
namespace {

using namespace lpse::testutil;

constexpr const char* kOtherName = "Siti Rahmawati";

class PersonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_path = m_dir.file("queue.db");
    auto s = Store::open(m_path);
    ASSERT_TRUE(s.ok());
    m_store = std::move(*s);
    auto r = ReportStore::open(m_path);
    ASSERT_TRUE(r.ok());
    m_reports = std::move(*r);
    // Budi twice (a walk-in carried to its end, an e-mail still open), and
    // someone else whose data must stay.
    auto t = m_store->issueTicket(walkIn(), kKiosk, t0);
    ASSERT_TRUE(t.ok());
    m_walkIn = t->kase;
    ASSERT_TRUE(m_store->callNext("helpdesk", "Loket 1", kDesk, t0 + 60'000).ok());
    core::ActionInput gone;
    gone.reason = "not_present";
    ASSERT_TRUE(m_store->act(m_walkIn.id, core::Action::NoShow, gone, kDesk, t0 + 120'000).ok());
    auto e = m_store->receiveEmail(byEmail(), kDesk, t0 + 180'000);
    ASSERT_TRUE(e.ok());
    m_email = *e;
    core::Visit other = walkIn("userid");
    other.name = kOtherName;
    other.nip = "";
    other.phone = "085711112222";
    ASSERT_TRUE(m_store->issueTicket(other, kKiosk, t0 + 240'000).ok());
  }

  std::string fileBytes() {
    {
      RawDb raw(m_path);
      raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
      raw.exec("VACUUM");
      raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::string all;
    for (const std::string suffix : {"", "-wal"}) {
      std::ifstream f(m_path + suffix, std::ios::binary);
      std::stringstream s;
      s << f.rdbuf();
      all += s.str();
    }
    return all;
  }

  TempDir m_dir;
  std::string m_path;
  std::unique_ptr<Store> m_store;
  std::unique_ptr<ReportStore> m_reports;
  CaseRecord m_walkIn, m_email;
  const std::int64_t t0 = officeMorning();
};

TEST_F(PersonTest, ExportHoldsEveryEntryCaseAndStepOfThePerson) {
  auto byNip = m_reports->findPerson({kNip, ""});
  ASSERT_TRUE(byNip.ok()) << byNip.error().en;
  ASSERT_EQ(byNip->size(), 2u);
  EXPECT_EQ((*byNip)[0].visit.name, kName);
  EXPECT_EQ((*byNip)[0].cases.at(0).ticket, m_walkIn.ticket);
  EXPECT_EQ((*byNip)[0].events.size(), 3u);  // issued, called, no-show
  EXPECT_EQ((*byNip)[1].visit.email, kEmail);
  auto byPhone = m_reports->findPerson({"", "+6281234567890"});  // the same number written otherwise
  ASSERT_TRUE(byPhone.ok());
  EXPECT_EQ(byPhone->size(), 2u);
  ASSERT_TRUE(m_reports->recordPersonExport({kNip, ""}, 2, kSupervisor, t0 + 300'000).ok());
  auto ev = m_store->eventsAfter(m_store->lastSeq() - 1, 1);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].kind, "person_exported");
  EXPECT_EQ(ev[0].payload.find(kNip), std::string::npos) << "the log holds the NIP";
  // Neither key, both keys, a malformed key: a clear error.
  EXPECT_EQ(m_reports->findPerson({"", ""}).error().code, "person_key");
  EXPECT_EQ(m_reports->findPerson({kNip, kPhone}).error().code, "person_key");
  EXPECT_FALSE(m_reports->findPerson({"123", ""}).ok());
}

TEST_F(PersonTest, EraseLeavesNoTraceInTheFileAndKeepsTheChain) {
  {
    // The desk's free-text notes (issue #12 adds this table by migration;
    // made here in the same shape when this branch's schema lacks it).
    RawDb raw(m_path);
    raw.exec("CREATE TABLE IF NOT EXISTS case_notes (seq INTEGER PRIMARY KEY, case_id INTEGER NOT NULL,"
             " at_ms INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, text TEXT NOT NULL)");
    raw.exec("INSERT INTO case_notes(case_id, at_ms, actor, action, text) VALUES(" + std::to_string(m_email.id) +
             ", 1, 'desk-1', 'open_email', 'Pak Budi Santoso minta ditelepon di 081234567890')");
  }
  auto exported = m_reports->findPerson({kNip, ""});
  ASSERT_TRUE(exported.ok());
  ASSERT_EQ((*exported)[1].notes.size(), 1u);
  EXPECT_NE((*exported)[1].notes[0].text.find("minta ditelepon"), std::string::npos);
  const auto seq = m_store->lastSeq();
  ASSERT_NE(fileBytes().find(kName), std::string::npos) << "the search cannot see the data at all";
  auto n = m_reports->erasePerson({kNip, ""}, kSupervisor, t0 + 400'000);
  ASSERT_TRUE(n.ok()) << n.error().en;
  EXPECT_EQ(*n, 2);
  m_reports.reset();
  m_store.reset();
  const std::string bytes = fileBytes();
  for (const char* secret : {kName, kNip, kPhone, kEmail, "budi.santoso"})
    EXPECT_EQ(bytes.find(secret), std::string::npos) << "'" << secret << "' is still in the database file";
  EXPECT_NE(bytes.find(kOtherName), std::string::npos) << "someone else's entry was erased too";

  auto s = Store::open(m_path);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE((*s)->verifyChain().ok());
  EXPECT_EQ((*s)->lastSeq(), seq + 1);
  auto ev = (*s)->eventsAfter(seq, 1);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].kind, "person_erased");
  EXPECT_NE(ev[0].payload.find("\"nip\""), std::string::npos) << "which key was used is recorded";
  // The cases go on: numbers, states, times.
  auto c = (*s)->getCase(m_walkIn.id);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->ticket, m_walkIn.ticket);
  EXPECT_EQ(c->state, core::CaseState::NoShow);
  EXPECT_EQ((*s)->getCase(m_email.id)->state, core::CaseState::EmailReceived);
  EXPECT_TRUE((*s)->rebuildProjection().ok());
  auto r = ReportStore::open(m_path);
  ASSERT_TRUE(r.ok());
  auto again = (*r)->erasePerson({kNip, ""}, kSupervisor, t0 + 500'000);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "person_not_found");
}

TEST_F(PersonTest, ConsentWithdrawnErasesWhenTheCaseCloses) {
  ASSERT_TRUE(m_reports->withdrawConsent(m_email.id, kDesk, t0 + 400'000).ok());
  auto open = m_store->getVisit(m_email.visitId);
  ASSERT_TRUE(open.ok());
  EXPECT_EQ(open->name, kName) << "the case is still being served";
  auto none = m_reports->eraseWithdrawn(t0 + 450'000);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, 0);
  core::ActionInput why;
  why.reason = "withdrawn";
  ASSERT_TRUE(m_store->act(m_email.id, core::Action::Cancel, why, kSupervisor, t0 + 500'000).ok());
  auto n = m_reports->eraseWithdrawn(t0 + 560'000);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 1);
  EXPECT_EQ(m_store->getVisit(m_email.visitId)->email, "");
  EXPECT_EQ(m_store->getVisit(m_walkIn.visitId)->name, kName) << "the other entry was not withdrawn";
  // On a closed case it happens at once.
  ASSERT_TRUE(m_reports->withdrawConsent(m_walkIn.id, kDesk, t0 + 600'000).ok());
  EXPECT_EQ(m_store->getVisit(m_walkIn.visitId)->name, "");
  EXPECT_FALSE(m_reports->withdrawConsent(999, kDesk, t0).ok());
  EXPECT_TRUE(m_store->verifyChain().ok());
}

}  // namespace
}  // namespace lpse::store

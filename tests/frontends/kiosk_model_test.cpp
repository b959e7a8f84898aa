#include "kiosk/kiosk_app/kiosk_model.hpp"

#include <gtest/gtest.h>

using namespace lpse;
using kiosk::KioskModel;
using kiosk::Step;

namespace {
void fillValid(KioskModel& m, std::int64_t t) {
  m.start(t);
  m.setField("name", "Budi Santoso", t);
  m.setField("agency", "Dinas PU", t);
  m.setField("phone", "081234567890", t);
  m.setConsent(true, t);
}
}  // namespace

TEST(KioskModel, AnIdleFormIsWipedAndTheNextVisitorSeesNothing) {
  KioskModel m({.idleTimeoutS = 60});
  fillValid(m, 1000);
  m.setField("nip", "198503302010121002", 1000);
  EXPECT_EQ(m.idleSecondsLeft(1000), 60);
  m.tick(60'000);
  EXPECT_EQ(m.step(), Step::Form);  // 59 s untouched: still there
  EXPECT_EQ(m.idleSecondsLeft(60'000), 1);
  m.tick(61'000);
  EXPECT_EQ(m.step(), Step::Attract);
  m.start(62'000);
  EXPECT_TRUE(m.draft().name.empty());
  EXPECT_TRUE(m.draft().nip.empty());
  EXPECT_TRUE(m.draft().phone.empty());
  EXPECT_FALSE(m.draft().consent);
}

TEST(KioskModel, TouchingTheFormKeepsItAlive) {
  KioskModel m({.idleTimeoutS = 60});
  fillValid(m, 0);
  m.setField("purpose", "reset", 50'000);
  m.tick(100'000);
  EXPECT_EQ(m.step(), Step::Form);
}

TEST(KioskModel, SubmitValidatesEveryFieldAndKeepsTheData) {
  KioskModel m;
  m.start(0);
  m.setField("name", "Budi Santoso", 0);
  m.setField("phone", "12", 0);
  EXPECT_FALSE(m.submit(0));
  EXPECT_EQ(m.step(), Step::Form);
  EXPECT_TRUE(m.fieldError("phone").has_value());
  EXPECT_TRUE(m.fieldError("agency").has_value());
  EXPECT_TRUE(m.fieldError("consent").has_value());
  EXPECT_FALSE(m.fieldError("name").has_value());
  EXPECT_EQ(m.draft().name, "Budi Santoso");
}

TEST(KioskModel, AServerRefusalReturnsToTheFormWithTheDataAndTheReason) {
  KioskModel m;
  fillValid(m, 0);
  ASSERT_TRUE(m.submit(0));
  EXPECT_EQ(m.step(), Step::Submitting);
  m.ticketFailed(core::makeError("offline", "Server tidak dapat dihubungi.", "Server unreachable."));
  EXPECT_EQ(m.step(), Step::Form);
  ASSERT_TRUE(m.submitError().has_value());
  EXPECT_EQ(m.submitError()->code, "offline");
  EXPECT_EQ(m.draft().name, "Budi Santoso");
  EXPECT_FALSE(m.ticket().has_value());  // no number without the server's record
}

TEST(KioskModel, TicketScreenShowsThePrintOutcomeAndReturnsAlone) {
  KioskModel m({.ticketScreenS = 15});
  fillValid(m, 0);
  ASSERT_TRUE(m.submit(0));
  core::IssuedTicket t;
  t.kase.ticket = "R-007";
  t.ahead = 3;
  m.ticketIssued(t, 1000);
  m.printStarted();
  m.printFinished(false, "Kertas habis");
  EXPECT_EQ(m.step(), Step::Ticket);
  EXPECT_EQ(m.printState(), kiosk::PrintState::Failed);
  EXPECT_EQ(m.ticket()->kase.ticket, "R-007");  // the number stays on screen
  m.tick(15'999);
  EXPECT_EQ(m.step(), Step::Ticket);
  m.tick(16'000);
  EXPECT_EQ(m.step(), Step::Attract);
  EXPECT_FALSE(m.ticket().has_value());
}

TEST(KioskModel, MissingDocumentsFollowTheRole) {
  KioskModel m;
  m.start(0);
  m.setRole(core::VisitorRole::Auditor, 0);
  ASSERT_EQ(m.missingDocuments().size(), 1u);
  EXPECT_EQ(m.missingDocuments()[0], core::Document::SuratPerintahPemeriksaan);
  m.toggleDocument(core::Document::SuratPerintahPemeriksaan, 0);
  EXPECT_TRUE(m.missingDocuments().empty());
}

TEST(KioskModel, APrinterProblemIsToldButTheNumberIsStillGiven) {
  KioskModel m;
  EXPECT_FALSE(m.printerProblem());
  m.setPrinter({false, "status.printer_paper_out", "Kertas printer habis."});
  EXPECT_TRUE(m.printerProblem());
  fillValid(m, 0);
  EXPECT_TRUE(m.submit(0));  // the visitor may still take a number
}

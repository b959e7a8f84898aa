#include "kiosk/kiosk_app/kiosk_model.hpp"

#include <gtest/gtest.h>

using namespace lpse;
using kiosk::KioskModel;
using kiosk::QrOutcome;
using kiosk::QrReading;
using kiosk::Step;

namespace {

// The typing path up to the confirm page, as a visitor taps it.
void typeToConfirm(KioskModel& m, std::int64_t t) {
  m.start(t);
  m.chooseService("reset", t);
  ASSERT_EQ(m.step(), Step::Scan);
  m.typeInstead(t);
  ASSERT_EQ(m.step(), Step::Role);
  m.setRole(core::VisitorRole::Ppk, t);
  ASSERT_TRUE(m.next(t));
  ASSERT_EQ(m.step(), Step::Details);
  m.setField("name", "Budi Santoso", t);
  m.setField("agency", "Dinas PU", t);
  ASSERT_TRUE(m.next(t));
  ASSERT_EQ(m.step(), Step::Contact);
  m.setField("phone", "081234567890", t);
  ASSERT_TRUE(m.next(t));
  ASSERT_EQ(m.step(), Step::Confirm);
  m.setConsent(true, t);
}

core::IssuedTicket issued(const std::string& number, int ahead) {
  core::IssuedTicket t;
  t.kase.ticket = number;
  t.kase.service = "reset";
  t.ahead = ahead;
  return t;
}

// A reader that knows one form payload, as kiosk/form's classifier would.
QrReading testReader(std::string_view p) {
  QrReading r;
  if (p == "FORM-OK" || p == "FORM-BAD-PHONE") {
    r.kind = QrReading::Kind::Form;
    r.form.service = "userid";
    r.form.role = core::VisitorRole::Auditor;
    r.form.name = "Siti Aminah";
    r.form.nip = "198503302010122001";
    r.form.agency = "Inspektorat";
    r.form.phone = p == "FORM-OK" ? "081298765432" : "12";
    r.form.consent = true;  // a code never gives consent for the visitor
    return r;
  }
  if (p == "BLANK") {
    r.kind = QrReading::Kind::BlankForm;
    return r;
  }
  return kiosk::defaultQrReader(p);
}

KioskModel online(kiosk::KioskSettings s = {}) {
  KioskModel m(std::move(s));
  m.setServerOnline(true);
  return m;
}

}  // namespace

TEST(KioskModel, TheTypingPathWalksThePagesInOrder) {
  auto m = online();
  typeToConfirm(m, 0);
  EXPECT_EQ(m.pageNumber(), 4);
  EXPECT_EQ(KioskModel::pageCount(), 4);
  ASSERT_TRUE(m.submit(0));
  EXPECT_EQ(m.step(), Step::Submitting);
  EXPECT_EQ(m.draft().service, "reset");
  EXPECT_TRUE(m.draft().consent);
}

TEST(KioskModel, NextRefusesAPageWithErrorsAndNamesThem) {
  auto m = online();
  m.start(0);
  m.chooseService("reset", 0);
  m.typeInstead(0);
  ASSERT_TRUE(m.next(0));
  m.setField("name", "B", 0);
  m.setField("nip", "12345", 0);
  EXPECT_FALSE(m.next(0));
  EXPECT_EQ(m.step(), Step::Details);
  EXPECT_TRUE(m.fieldError("name").has_value());
  EXPECT_TRUE(m.fieldError("nip").has_value());
  EXPECT_TRUE(m.fieldError("agency").has_value());
  EXPECT_FALSE(m.fieldError("phone").has_value());  // not this page's business yet
  m.setField("nip", "", 0);                         // NIP is optional
  m.setField("name", "Budi", 0);
  m.setField("agency", "Dinas PU", 0);
  EXPECT_TRUE(m.next(0));
  EXPECT_EQ(m.step(), Step::Contact);
}

TEST(KioskModel, BackWalksThePagesBackKeepingTheData) {
  auto m = online();
  typeToConfirm(m, 0);
  m.back(0);
  EXPECT_EQ(m.step(), Step::Contact);
  m.back(0);
  EXPECT_EQ(m.step(), Step::Details);
  EXPECT_EQ(m.draft().name, "Budi Santoso");
  m.back(0);
  m.back(0);
  EXPECT_EQ(m.step(), Step::Scan);
  m.back(0);
  EXPECT_EQ(m.step(), Step::Service);
  m.back(0);
  EXPECT_EQ(m.step(), Step::Attract);
  EXPECT_TRUE(m.draft().name.empty());
}

TEST(KioskModel, AnIdleFormIsWipedAndTheNextVisitorSeesNothing) {
  auto m = online({.idleTimeoutS = 60});
  typeToConfirm(m, 1000);
  m.setField("nip", "198503302010121002", 1000);
  EXPECT_EQ(m.secondsLeft(1000), 60);
  m.tick(60'000);
  EXPECT_EQ(m.step(), Step::Confirm);  // 59 s untouched: still there
  EXPECT_EQ(m.secondsLeft(60'000), 1);
  m.tick(61'000);
  EXPECT_EQ(m.step(), Step::Attract);
  EXPECT_EQ(m.secondsLeft(61'000), -1);  // the attract screen stays
  m.start(62'000);
  EXPECT_TRUE(m.draft().name.empty());
  EXPECT_TRUE(m.draft().nip.empty());
  EXPECT_TRUE(m.draft().phone.empty());
  EXPECT_FALSE(m.draft().consent);
  EXPECT_FALSE(m.fieldError("name").has_value());
}

TEST(KioskModel, EveryPageOfTheFlowTimesOut) {
  for (Step target : {Step::Service, Step::Scan, Step::Role, Step::Details, Step::TicketScan}) {
    auto m = online({.idleTimeoutS = 30});
    if (target == Step::TicketScan) {
      m.haveTicket(0);
    } else {
      m.start(0);
      if (target != Step::Service) m.chooseService("reset", 0);
      if (target == Step::Role || target == Step::Details) m.typeInstead(0);
      if (target == Step::Details) m.next(0);
    }
    ASSERT_EQ(m.step(), target);
    m.tick(30'000);
    EXPECT_EQ(m.step(), Step::Attract) << static_cast<int>(target);
  }
}

TEST(KioskModel, TouchingTheFormKeepsItAlive) {
  auto m = online({.idleTimeoutS = 60});
  typeToConfirm(m, 0);
  m.setField("purpose", "reset", 50'000);
  m.tick(100'000);
  EXPECT_EQ(m.step(), Step::Confirm);
  m.touch(100'000);
  m.tick(150'000);
  EXPECT_EQ(m.step(), Step::Confirm);
}

TEST(KioskModel, SubmitValidatesEverythingAndSendsTheVisitorToTheFirstPageToFix) {
  auto m = online();
  typeToConfirm(m, 0);
  m.setConsent(false, 0);
  EXPECT_FALSE(m.submit(0));
  EXPECT_EQ(m.step(), Step::Confirm);
  EXPECT_TRUE(m.fieldError("consent").has_value());
  m.setConsent(true, 0);
  m.edit(Step::Contact, 0);
  m.setField("phone", "12", 0);
  m.edit(Step::Details, 0);  // only from the confirm page
  EXPECT_EQ(m.step(), Step::Contact);
  m.back(0);
  m.back(0);
  m.back(0);  // to the scan page, then forward again without fixing the phone
  m.typeInstead(0);
  m.next(0);
  m.next(0);
  EXPECT_FALSE(m.next(0));  // the contact page refuses the bad phone
  EXPECT_EQ(m.step(), Step::Contact);
  EXPECT_TRUE(m.fieldError("phone").has_value());
  EXPECT_EQ(m.draft().name, "Budi Santoso");
}

TEST(KioskModel, NoNumberWhileTheServerIsAwayAndTheFormIsKept) {
  auto m = online();
  typeToConfirm(m, 0);
  m.setServerOnline(false);
  EXPECT_FALSE(m.canTakeNumber());
  EXPECT_FALSE(m.submit(0));
  EXPECT_EQ(m.step(), Step::Confirm);
  ASSERT_TRUE(m.submitError().has_value());
  EXPECT_EQ(m.submitError()->code, "offline");
  EXPECT_FALSE(m.ticket().has_value());
  // It comes back on its own; the visitor's data is still there.
  m.setServerOnline(true);
  EXPECT_FALSE(m.submitError().has_value());
  EXPECT_TRUE(m.canTakeNumber());
  EXPECT_TRUE(m.submit(0));
}

TEST(KioskModel, AServerRefusalReturnsToConfirmWithTheDataAndTheReason) {
  auto m = online();
  typeToConfirm(m, 0);
  ASSERT_TRUE(m.submit(0));
  m.ticketFailed(core::makeError("offline", "Server tidak dapat dihubungi.", "Server unreachable."));
  EXPECT_EQ(m.step(), Step::Confirm);
  ASSERT_TRUE(m.submitError().has_value());
  EXPECT_EQ(m.draft().name, "Budi Santoso");
  EXPECT_FALSE(m.ticket().has_value());  // no number without the server's record
}

TEST(KioskModel, TicketScreenShowsThePrintOutcomeAndReturnsAlone) {
  auto m = online({.ticketScreenS = 15});
  typeToConfirm(m, 0);
  ASSERT_TRUE(m.submit(0));
  m.ticketIssued(issued("R-007", 3), 1000);
  m.printStarted();
  m.printFinished(false, "Kertas habis");
  EXPECT_EQ(m.step(), Step::Ticket);
  EXPECT_EQ(m.printState(), kiosk::PrintState::Failed);
  EXPECT_EQ(m.ticket()->kase.ticket, "R-007");  // the number stays on screen
  EXPECT_EQ(m.secondsLeft(1000), 15);
  m.tick(15'999);
  EXPECT_EQ(m.step(), Step::Ticket);
  m.tick(16'000);
  EXPECT_EQ(m.step(), Step::Attract);
  EXPECT_FALSE(m.ticket().has_value());
}

TEST(KioskModel, DocumentsFollowTheRole) {
  auto m = online();
  m.start(0);
  m.chooseService("reset", 0);
  m.typeInstead(0);
  m.setRole(core::VisitorRole::Ppk, 0);
  m.toggleDocument(core::Document::SkPenunjukan, 0);
  EXPECT_TRUE(m.missingDocuments().empty());
  m.setRole(core::VisitorRole::Auditor, 0);
  // The SK is not an auditor's document: dropped, and the letter is missing.
  ASSERT_EQ(m.missingDocuments().size(), 1u);
  EXPECT_EQ(m.missingDocuments()[0], core::Document::SuratPerintahPemeriksaan);
  EXPECT_EQ(m.draft().documents, std::vector<core::Document>{core::Document::RequestForm});
  m.toggleDocument(core::Document::SuratPerintahPemeriksaan, 0);
  EXPECT_TRUE(m.missingDocuments().empty());
}

TEST(KioskModel, AMissingDocumentIsToldButTheNumberMayStillBeTaken) {
  auto m = online();
  typeToConfirm(m, 0);
  EXPECT_FALSE(m.missingDocuments().empty());  // PPK without the SK
  EXPECT_TRUE(m.submit(0));
}

TEST(KioskModel, APrinterProblemIsToldButTheNumberIsStillGiven) {
  auto m = online();
  EXPECT_FALSE(m.printerProblem());
  m.setPrinter({false, "status.printer_paper_out", "Kertas printer habis."});
  EXPECT_TRUE(m.printerProblem());
  typeToConfirm(m, 0);
  EXPECT_TRUE(m.submit(0));
}

TEST(KioskModel, AScannedFormSkipsTheTypingPages) {
  auto m = online({.qrReader = testReader});
  m.start(0);
  m.chooseService("reset", 0);
  EXPECT_EQ(m.qrRead("FORM-OK", 0), QrOutcome::FormFilled);
  EXPECT_EQ(m.step(), Step::Role);  // the documents check, for the form's role
  EXPECT_TRUE(m.formScanned());
  EXPECT_EQ(m.draft().name, "Siti Aminah");
  EXPECT_EQ(m.draft().role, core::VisitorRole::Auditor);
  EXPECT_EQ(m.draft().service, "reset");  // the service chosen here wins
  EXPECT_FALSE(m.draft().consent);        // consent is given at the kiosk
  ASSERT_TRUE(m.next(0));
  EXPECT_EQ(m.step(), Step::Confirm);
  m.back(0);
  EXPECT_EQ(m.step(), Step::Role);
  m.next(0);
  m.setConsent(true, 0);
  EXPECT_TRUE(m.submit(0));
}

TEST(KioskModel, AScannedFormWithAnErrorOpensItsPage) {
  auto m = online({.qrReader = testReader});
  m.start(0);
  m.chooseService("reset", 0);
  m.qrRead("FORM-BAD-PHONE", 0);
  EXPECT_TRUE(m.fieldError("phone").has_value());  // shown at once
  ASSERT_TRUE(m.next(0));
  EXPECT_EQ(m.step(), Step::Details);
}

TEST(KioskModel, AFormShownOnTheAttractScreenStartsTheFlow) {
  auto m = online({.qrReader = testReader});
  EXPECT_EQ(m.qrRead("FORM-OK", 0), QrOutcome::FormFilled);
  // The form says which service: straight to the documents check.
  EXPECT_EQ(m.step(), Step::Role);
  EXPECT_EQ(m.draft().service, "userid");
  EXPECT_EQ(m.secondsLeft(0), 60);
}

TEST(KioskModel, ABlankOrUnknownCodeIsExplainedOnTheScanPage) {
  auto m = online({.qrReader = testReader});
  m.start(0);
  m.chooseService("reset", 0);
  EXPECT_EQ(m.qrRead("https://example.org", 0), QrOutcome::Rejected);
  EXPECT_EQ(m.step(), Step::Scan);
  ASSERT_TRUE(m.scanError().has_value());
  EXPECT_EQ(m.scanError()->code, "qr_unknown");
  EXPECT_FALSE(m.scanError()->en.empty());
  m.qrRead("BLANK", 0);  // a hand-filled form: type it in
  EXPECT_EQ(m.step(), Step::Role);
}

TEST(KioskModel, ScanningIsIgnoredWhileANumberIsIssuedOrShown) {
  auto m = online({.qrReader = testReader});
  typeToConfirm(m, 0);
  ASSERT_TRUE(m.submit(0));
  EXPECT_EQ(m.qrRead("FORM-OK", 0), QrOutcome::Ignored);
  m.ticketIssued(issued("R-001", 0), 0);
  EXPECT_EQ(m.qrRead("0123456789abcdef01234567", 0), QrOutcome::Ignored);
  EXPECT_EQ(m.step(), Step::Ticket);
}

TEST(KioskModel, PreviewFramesLiveOnlyOnScanPages) {
  auto m = online();
  auto frame = std::make_shared<kiosk::PreviewFrame>(kiosk::PreviewFrame{4, 2, std::vector<std::uint8_t>(8, 128), 1});
  m.frameArrived(frame);
  EXPECT_EQ(m.frame(), nullptr);  // attract: no preview kept
  m.start(0);
  m.chooseService("reset", 0);
  m.cameraChanged(kiosk::CameraState::Starting);
  m.frameArrived(frame);
  EXPECT_EQ(m.frame(), frame);
  EXPECT_EQ(m.camera(), kiosk::CameraState::Live);
  m.typeInstead(0);
  EXPECT_EQ(m.frame(), nullptr);  // a frame may show a face: gone with the page
  m.cameraChanged(kiosk::CameraState::Failed);
  EXPECT_EQ(m.camera(), kiosk::CameraState::Failed);
}

TEST(KioskModel, AScannedTicketShowsItsStatusAndMayRejoin) {
  auto m = online();
  m.haveTicket(0);
  EXPECT_EQ(m.step(), Step::TicketScan);
  EXPECT_EQ(m.qrRead("0123456789abcdef01234567\n", 0), QrOutcome::LookupTicket);
  EXPECT_EQ(m.step(), Step::TicketStatus);
  EXPECT_EQ(m.lookup(), kiosk::LookupState::Loading);
  EXPECT_EQ(m.lookupToken(), "0123456789abcdef01234567");
  m.statusLoaded({"R-004", core::CaseState::AwaitingDocuments, "Loket 1", 42, 0}, 0);
  EXPECT_EQ(m.lookup(), kiosk::LookupState::Found);
  EXPECT_TRUE(m.canRejoin());
  EXPECT_TRUE(m.rejoin(0));
  EXPECT_EQ(m.lookup(), kiosk::LookupState::Loading);
  m.statusLoaded({"R-004", core::CaseState::Waiting, "", 42, 2}, 0);
  EXPECT_FALSE(m.canRejoin());
  EXPECT_FALSE(m.rejoin(0));
  EXPECT_EQ(kiosk::statusKey(m.ticketStatus()->state), "kiosk.status.waiting");
  m.tick(60'000);
  EXPECT_EQ(m.step(), Step::Attract);
  EXPECT_FALSE(m.ticketStatus().has_value());
}

TEST(KioskModel, ATicketScannedOnTheAttractScreenIsLookedUpToo) {
  auto m = online();
  EXPECT_EQ(m.qrRead("0123456789abcdef01234567", 0), QrOutcome::LookupTicket);
  m.statusFailed(core::makeError("not_found", "Tiket tidak ditemukan.", "Ticket not found."), 0);
  EXPECT_EQ(m.lookup(), kiosk::LookupState::Failed);
  EXPECT_FALSE(m.canRejoin());
}

TEST(KioskModel, StatusKeysCoverEveryCaseState) {
  using S = core::CaseState;
  EXPECT_EQ(kiosk::statusKey(S::Called), "kiosk.status.called");
  EXPECT_EQ(kiosk::statusKey(S::Incomplete), "kiosk.status.awaiting_documents");
  EXPECT_EQ(kiosk::statusKey(S::Verifying), "kiosk.status.in_service");
  EXPECT_EQ(kiosk::statusKey(S::Delivered), "kiosk.status.done");
  EXPECT_EQ(kiosk::statusKey(S::NoShow), "kiosk.status.no_show");
  // Every finished state has a sentence of its own, none says "in service".
  for (S s : {S::Delivered, S::RejectionNotified, S::NoShow, S::Cancelled})
    EXPECT_NE(kiosk::statusKey(s), "kiosk.status.in_service") << core::toString(s);
}

TEST(KioskModel, EstimatedWaitFollowsTheCountsFromTheBoard) {
  auto m = online({.minutesPerVisitor = 5});
  m.setWaiting({{"reset", 3}});
  EXPECT_EQ(m.waitingFor("reset"), 3);
  EXPECT_EQ(m.estimatedWaitMin("reset"), 15);
  EXPECT_EQ(m.estimatedWaitMin("userid"), 0);
}

namespace {
core::Visit lastEntry() {
  core::Visit v;
  v.name = "Budi Santoso";
  v.role = core::VisitorRole::Ppk;
  v.agency = "Dinas PU";
  v.phone = "081234567890";
  v.email = "budi@example.go.id";
  v.consent = true;  // whatever the server says, consent is given again here
  return v;
}
constexpr const char* kOldTicket = "0123456789abcdef01234567";
}  // namespace

TEST(KioskModel, AnOldTicketOnTheScanPageRecallsTheLastEntry) {
  auto m = online();
  m.start(0);
  m.chooseService("userid", 0);
  ASSERT_EQ(m.step(), Step::Scan);
  EXPECT_EQ(m.qrRead(kOldTicket, 1000), QrOutcome::RecallEntry);
  EXPECT_EQ(m.step(), Step::Scan) << "stays on the scan page while the entry comes";
  EXPECT_EQ(m.recall(), kiosk::LookupState::Loading);
  EXPECT_EQ(m.recallToken(), kOldTicket);
  m.entryRecalled(kOldTicket, lastEntry(), 2000);
  EXPECT_EQ(m.step(), Step::Role);
  EXPECT_EQ(m.draft().name, "Budi Santoso");
  EXPECT_EQ(m.draft().phone, "081234567890");
  EXPECT_EQ(m.draft().service, "userid") << "the service chosen today stays";
  EXPECT_FALSE(m.draft().consent);
  EXPECT_TRUE(m.formScanned());
  // A valid entry skips the typing pages, as a scanned form does.
  ASSERT_TRUE(m.next(3000));
  EXPECT_EQ(m.step(), Step::Confirm);
}

TEST(KioskModel, AFailedRecallIsToldOnTheScanPageAndTypingStillWorks) {
  auto m = online();
  m.start(0);
  m.chooseService("reset", 0);
  ASSERT_EQ(m.qrRead(kOldTicket, 0), QrOutcome::RecallEntry);
  m.recallFailed(kOldTicket, core::makeError("entry_purged", "Data sudah dihapus.", "Data deleted."), 0);
  EXPECT_EQ(m.step(), Step::Scan);
  ASSERT_TRUE(m.scanError().has_value());
  EXPECT_EQ(m.scanError()->code, "entry_purged");
  EXPECT_TRUE(m.draft().name.empty());
  m.typeInstead(0);
  EXPECT_EQ(m.step(), Step::Role);
}

TEST(KioskModel, ALateRecallNeverReachesTheNextVisitor) {
  auto m = online();
  m.start(0);
  m.chooseService("reset", 0);
  ASSERT_EQ(m.qrRead(kOldTicket, 0), QrOutcome::RecallEntry);
  m.cancel();  // the visitor walked away before the answer came
  m.start(1000);
  m.chooseService("reset", 1000);
  m.entryRecalled(kOldTicket, lastEntry(), 2000);
  EXPECT_TRUE(m.draft().name.empty()) << "the previous visitor's entry reached the next one";
  EXPECT_EQ(m.step(), Step::Scan);
  // Nor does an answer for another ticket than the one asked for.
  ASSERT_EQ(m.qrRead(kOldTicket, 3000), QrOutcome::RecallEntry);
  m.entryRecalled("ffffffffffffffffffffffff", lastEntry(), 3000);
  EXPECT_TRUE(m.draft().name.empty());
}

TEST(KioskModel, AFinishedTicketOffersANewNumberWithTheSameEntry) {
  auto m = online();
  ASSERT_EQ(m.qrRead(kOldTicket, 0), QrOutcome::LookupTicket);
  m.statusLoaded({"R-004", core::CaseState::Waiting, "", 42, 3}, 0);
  EXPECT_FALSE(m.canRegisterAgain()) << "a ticket still waiting needs no new number";
  ASSERT_EQ(m.qrRead(kOldTicket, 0), QrOutcome::LookupTicket);
  m.statusLoaded({"R-004", core::CaseState::Delivered, "Loket 1", 42, 0}, 0);
  ASSERT_TRUE(m.canRegisterAgain());
  ASSERT_TRUE(m.registerAgain(1000));
  EXPECT_EQ(m.step(), Step::Service);
  EXPECT_EQ(m.recallToken(), kOldTicket);
  EXPECT_FALSE(m.ticketStatus().has_value());
  m.entryRecalled(kOldTicket, lastEntry(), 1500);
  EXPECT_EQ(m.step(), Step::Service) << "the visitor still chooses the service";
  m.chooseService("reset", 2000);
  EXPECT_EQ(m.step(), Step::Role) << "a recalled entry skips the scan page";
  EXPECT_EQ(m.draft().name, "Budi Santoso");
}

TEST(KioskModel, ARetryKeepsTheRequestKeyAndAChangeMakesANewOne) {
  auto m = online();
  typeToConfirm(m, 0);
  EXPECT_TRUE(m.requestKey().empty());
  ASSERT_TRUE(m.submit(0));
  const std::string key = m.requestKey();
  EXPECT_EQ(key.size(), 32u);
  // The reply was lost: the visitor taps again, with the same data.
  m.ticketFailed(core::makeError("offline", "Server tidak dapat dihubungi.", "Server unreachable."));
  ASSERT_TRUE(m.submit(1000));
  EXPECT_EQ(m.requestKey(), key) << "a retry must reuse the key, or it may give a second number";
  m.ticketFailed(core::makeError("offline", "Server tidak dapat dihubungi.", "Server unreachable."));
  // The visitor changes a field: another request, another key.
  m.edit(Step::Contact, 2000);
  m.setField("phone", "081298765432", 2000);
  ASSERT_TRUE(m.next(2000));
  ASSERT_TRUE(m.submit(2000));
  EXPECT_NE(m.requestKey(), key);
  EXPECT_FALSE(m.requestKey().empty());
  // The next visitor never shares a key with this one.
  const std::string second = m.requestKey();
  m.ticketIssued(issued("R-001", 0), 3000);
  m.cancel();
  typeToConfirm(m, 4000);
  ASSERT_TRUE(m.submit(4000));
  EXPECT_NE(m.requestKey(), second);
  EXPECT_NE(m.requestKey(), key);
}

TEST(KioskModel, ARecalledEntryShowsItsContactDataMasked) {
  auto m = online();
  m.start(0);
  m.chooseService("reset", 0);
  ASSERT_EQ(m.qrRead(kOldTicket, 0), QrOutcome::RecallEntry);
  core::Visit e = lastEntry();
  e.nip = "198503302010122001";
  m.entryRecalled(kOldTicket, e, 0);
  // A found ticket must not show a stranger's NIP, phone or e-mail.
  EXPECT_TRUE(m.masked("nip"));
  EXPECT_TRUE(m.masked("phone"));
  EXPECT_TRUE(m.masked("email"));
  EXPECT_FALSE(m.masked("name"));
  EXPECT_EQ(kiosk::maskedValue("081234567890"), "0812\u2022\u2022\u2022\u2022\u2022890");
  EXPECT_EQ(kiosk::maskedValue("budi@example.go.id"), "b\u2022\u2022\u2022@example.go.id");
  EXPECT_EQ(kiosk::maskedValue("198503302010122001").find("30201012"), std::string::npos);
  EXPECT_EQ(kiosk::maskedValue("12345"), "1\u2022\u2022\u2022\u2022");
  // The real values are sent: the owner took the same number in hand.
  ASSERT_TRUE(m.next(0));
  ASSERT_EQ(m.step(), Step::Confirm);
  EXPECT_EQ(m.draft().phone, "081234567890");
  // Editing the contact page puts no masked value in an input box: the
  // phone and e-mail are typed again; the NIP (another page) stays masked.
  m.edit(Step::Contact, 1000);
  EXPECT_EQ(m.step(), Step::Contact);
  EXPECT_TRUE(m.draft().phone.empty());
  EXPECT_TRUE(m.draft().email.empty());
  EXPECT_FALSE(m.masked("phone"));
  EXPECT_TRUE(m.masked("nip"));
  EXPECT_FALSE(m.fieldError("phone").has_value()) << "an error before the visitor typed anything";
  m.setField("phone", "081298765432", 1000);
  EXPECT_EQ(m.draft().phone, "081298765432");
  // A scanned form is the visitor's own paper: nothing masked.
  m.cancel();
  m.start(2000);
  m.chooseService("reset", 2000);
  kiosk::KioskSettings s;
  s.qrReader = testReader;
  auto f = online(s);
  f.start(0);
  f.chooseService("userid", 0);
  ASSERT_EQ(f.qrRead("FORM-OK", 0), QrOutcome::FormFilled);
  EXPECT_FALSE(f.masked("phone"));
  EXPECT_FALSE(m.masked("nip")) << "a wipe forgets the masks";
}

TEST(KioskModel, TheIdleWarningGivesMoreTimeAtLeastTenTimes) {
  auto m = online({.idleTimeoutS = 60});
  typeToConfirm(m, 0);
  std::int64_t t = 0;
  EXPECT_FALSE(m.moreTime(t)) << "no warning showing: nothing to extend";
  for (int i = 0; i < 10; ++i) {
    t += 46'000;  // 14 s left: the warning shows
    m.tick(t);
    ASSERT_EQ(m.step(), Step::Confirm) << i;
    ASSERT_TRUE(m.idleWarning(t)) << i;
    ASSERT_TRUE(m.moreTime(t)) << i;
    EXPECT_FALSE(m.idleWarning(t));
    EXPECT_GE(m.secondsLeft(t), 20) << i;
  }
  EXPECT_EQ(m.moreTimeUsed(), 10);
  EXPECT_TRUE(m.draft().consent) << "nothing typed is lost";
  // Left alone after that, the form is wiped as before.
  m.tick(t + 60'000);
  EXPECT_EQ(m.step(), Step::Attract);
  EXPECT_EQ(m.moreTimeUsed(), 0);
}

TEST(KioskModel, MoreTimeGivesTwentySecondsEvenWithAShortIdleTimeout) {
  auto m = online({.idleTimeoutS = 16, .warnBeforeS = 15, .moreTimeS = 30});
  m.start(0);
  EXPECT_FALSE(m.idleWarning(2'000)) << "a short idle time warns in its second half only";
  m.tick(9'000);
  ASSERT_TRUE(m.idleWarning(9'000));
  ASSERT_TRUE(m.moreTime(9'000));
  EXPECT_EQ(m.secondsLeft(9'000), 30);
  m.tick(32'000);
  EXPECT_EQ(m.step(), Step::Service);
}

TEST(KioskModel, AccessibilityChoicesLastTheVisitAndEndWithIt) {
  auto m = online();
  m.setAccess({.largeText = true, .highContrast = true});
  typeToConfirm(m, 0);  // start() wipes the draft, not the choices
  EXPECT_TRUE(m.access().largeText);
  EXPECT_TRUE(m.access().highContrast);
  // Switched mid-entry: what was typed stays.
  m.setAccess({.largeText = false, .highContrast = true});
  EXPECT_EQ(m.draft().name, "Budi Santoso");
  m.cancel();
  EXPECT_EQ(m.access(), kiosk::AccessChoices{});
  m.setAccess({.largeText = true});
  m.start(0);
  m.tick(10'000'000);  // the idle wipe ends the visit too
  EXPECT_EQ(m.step(), Step::Attract);
  EXPECT_FALSE(m.access().largeText);
}

TEST(KioskModel, TheGuestBookTableDrivesFieldsPagesAndMasking) {
  // Every row's member is the field setField writes.
  for (const auto& f : kiosk::kGuestBookFields) {
    auto m = online();
    m.setField(std::string(f.id), "x", 0);
    EXPECT_EQ(m.draft().*(f.member), "x") << f.id;
    EXPECT_EQ(kiosk::guestBookField(f.id), &f);
  }
  EXPECT_EQ(kiosk::guestBookField("password"), nullptr);
  // A recalled entry masks exactly the maskable fields that have a value.
  auto m = online();
  m.start(0);
  m.chooseService("reset", 0);
  ASSERT_EQ(m.qrRead("0123456789abcdef", 0), QrOutcome::RecallEntry);
  core::Visit v;
  v.name = "Budi";
  v.nip = "198503302010121002";
  v.agency = "Dinas PU";
  v.phone = "081234567890";
  m.entryRecalled("0123456789abcdef", v, 0);
  for (const auto& f : kiosk::kGuestBookFields)
    EXPECT_EQ(m.masked(std::string(f.id)), f.maskable && !(v.*(f.member)).empty()) << f.id;
}

TEST(KioskModel, GuidanceSaysEveryPageInBothLanguagesAndReadsTheTicket) {
  for (Step s : {Step::Attract, Step::Service, Step::Scan, Step::Role, Step::Details, Step::Contact, Step::Confirm,
                 Step::Submitting, Step::Ticket, Step::TicketScan, Step::TicketStatus}) {
    EXPECT_FALSE(kiosk::pageGuidance(s, "id").empty()) << kiosk::toString(s);
    EXPECT_FALSE(kiosk::pageGuidance(s, "en").empty()) << kiosk::toString(s);
    EXPECT_NE(kiosk::pageGuidance(s, "id"), kiosk::pageGuidance(s, "en"));
  }
  EXPECT_EQ(kiosk::ticketGuidance("R-012", "Loket 2", 3, "id"),
            "Nomor antrian Anda R, nol, satu, dua. Silakan menuju Loket 2. Ada 3 orang di depan Anda.");
  EXPECT_EQ(kiosk::ticketGuidance("U-001", "", 1, "en"),
            "Your queue number is U, zero, zero, one. Please wait to be called. 1 person is ahead of you.");
  EXPECT_NE(kiosk::idleGuidance(14, "id").find("14 detik"), std::string::npos);
}

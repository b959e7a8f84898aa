// The result slip (SOP step 14) as a real PDF read back by poppler, and
// printed through `lp`: a fake lp on PATH (the edge of the machine: a
// script that records its arguments, fails, or hangs), and the real CUPS lp
// with no scheduler to talk to. Exits 77 (skip) when poppler-utils is not
// installed; the real-lp test skips alone when cups-client is not.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "kiosk/desk_app/desk_model.hpp"
#include "kiosk/desk_app/desk_slip.hpp"
#include "kiosk/slip_pdf/slip_print.hpp"
#include "tests/support/child_process.hpp"

namespace fs = std::filesystem;
using namespace lpse;

namespace {

bool g_skipped = false;
const core::WorkingCalendar kCal;
// Monday 2026-11-23, 09:05 WIB.
const std::int64_t kMon905 = kCal.localMidnight({2026, 11, 23}) + 9 * 3600'000LL + 5 * 60'000;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool have(const char* tool) { return access((std::string("/usr/bin/") + tool).c_str(), X_OK) == 0; }

// Runs a tool and returns its stdout ("" and a test failure when it fails).
std::string run(const std::vector<std::string>& argv) {
  testutil::Child c(argv);
  c.readToEnd();
  const int st = c.wait();
  EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << argv[0] << ": " << testutil::describeStatus(st);
  return c.output();
}

core::SlipInput sample(const std::string& outcome = "password_reset") {
  core::SlipInput in;
  in.office = "LPSE Kabupaten Contoh";
  in.ticket = "R-001";
  in.name = "Siti Nur'aini, S.Kom.";
  in.spseUserId = "siti.ppk";
  in.outcome = outcome;
  in.atMs = kMon905;
  in.staff = "Rina Wulandari";
  in.counter = "Loket 1";
  return in;
}

class Slip : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have("pdftoppm") || !have("pdftotext")) {
      g_skipped = true;
      GTEST_SKIP() << "pdftoppm/pdftotext (poppler-utils) missing";
    }
    char tmpl[] = "/tmp/lpse-slip-XXXXXX";
    dir = mkdtemp(tmpl);
    oldPath = std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin";
  }
  void TearDown() override {
    setenv("PATH", oldPath.c_str(), 1);
    if (!dir.empty()) fs::remove_all(dir);
  }
  // A fake lp in dir/bin, first on PATH: the shell script `body`.
  void fakeLp(const std::string& body) {
    fs::create_directories(dir + "/bin");
    const std::string p = dir + "/bin/lp";
    std::ofstream(p) << "#!/bin/sh\n" << body;
    chmod(p.c_str(), 0755);
    setenv("PATH", (dir + "/bin:" + oldPath).c_str(), 1);
  }
  slip::SlipOptions options(const std::string& printer = "") {
    slip::SlipOptions o;
    o.dir = dir + "/slips";
    o.print.printer = printer;
    return o;
  }
  std::string text(const std::string& pdf) { return run({"/usr/bin/pdftotext", "-enc", "UTF-8", pdf, "-"}); }

  std::string dir, oldPath;
};

}  // namespace

TEST_F(Slip, PdfRendersAndHoldsTheFieldsAndABlankNeverAPassword) {
  const auto out = slip::saveAndPrint(sample(), kCal, options());
  ASSERT_FALSE(out.error) << out.error->en;
  EXPECT_FALSE(out.printed);  // no printer set: saved only
  EXPECT_EQ(out.path, dir + "/slips/slip-R-001-20261123-090500.pdf");
  ASSERT_TRUE(fs::exists(out.path));
  EXPECT_EQ(slurp(out.path).rfind("%PDF-", 0), 0u);

  // Rendered as a printer driver would: one A5 page (148 x 210 mm).
  run({"/usr/bin/pdftoppm", "-r", "72", "-png", "-singlefile", out.path, dir + "/page"});
  const std::string png = slurp(dir + "/page.png");
  ASSERT_GT(png.size(), 24u);
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
           (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
  };
  EXPECT_NEAR(be32(16), 420, 1);  // width in points at 72 dpi
  EXPECT_NEAR(be32(20), 595, 1);

  const std::string t = text(out.path);
  for (const char* want : {"LPSE Kabupaten Contoh", "R-001", "Loket 1", "TANDA TERIMA HASIL", "Siti Nur'aini, S.Kom.",
                           "siti.ppk", "23 November 2026 pukul 09.05 WIB", "Password direset", "Rina Wulandari",
                           "Segera login ke SPSE dan wajib mengganti password ini", "Log in to SPSE at once",
                           "Password sementara (ditulis tangan oleh petugas"})
    EXPECT_NE(t.find(want), std::string::npos) << want << "\n" << t;
  // The blank is a ruled box with nothing in it: after its label (in both
  // languages) the next text on the page is the instruction's heading.
  const auto blank = t.find("never stored by this system)");
  const auto next = t.find("PENTING / IMPORTANT");
  ASSERT_NE(blank, std::string::npos) << t;
  ASSERT_NE(next, std::string::npos) << t;
  EXPECT_EQ(t.substr(blank + 28, next - blank - 28).find_first_not_of(" \n\f"), std::string::npos)
      << "text inside the password blank: " << t.substr(blank, next - blank);
}

TEST_F(Slip, UserIdLookupHasNoPasswordBlankAndA4IsTheSameSlipLarger) {
  auto o = options();
  o.print.paper = slip::Paper::A4;
  const auto out = slip::saveAndPrint(sample("user_id_given"), kCal, o);
  ASSERT_FALSE(out.error) << out.error->en;
  const std::string t = text(out.path);
  EXPECT_EQ(t.find("Password sementara"), std::string::npos) << t;
  EXPECT_NE(t.find("Segera login ke SPSE dengan user ID ini"), std::string::npos) << t;
  run({"/usr/bin/pdftoppm", "-r", "72", "-png", "-singlefile", out.path, dir + "/a4"});
  const std::string png = slurp(dir + "/a4.png");
  ASSERT_GT(png.size(), 24u);
  EXPECT_NEAR(static_cast<unsigned char>(png[18]) * 256 + static_cast<unsigned char>(png[19]), 595, 1);  // A4 width
}

TEST_F(Slip, PrintsThroughLpWithTheQueueTitleMediaAndFile) {
  fakeLp("printf '%s\\n' \"$@\" > \"" + dir + "/lp-args\"\necho 'request id is helpdesk-7 (1 file(s))'\n");
  const auto out = slip::saveAndPrint(sample(), kCal, options("Helpdesk_A5"));
  ASSERT_FALSE(out.error) << out.error->en;
  EXPECT_TRUE(out.printed);
  EXPECT_EQ(out.printerAnswer, "request id is helpdesk-7 (1 file(s))");
  EXPECT_EQ(slurp(dir + "/lp-args"), "-d\nHelpdesk_A5\n-t\nSlip R-001\n-o\nmedia=A5\n" + out.path + "\n");
  EXPECT_TRUE(fs::exists(out.path));
}

TEST_F(Slip, APrinterThatFailsIsNamedInBothLanguagesAndTheSlipStays) {
  fakeLp("echo 'lp: The printer or class does not exist.' >&2\nexit 1\n");
  const auto out = slip::saveAndPrint(sample(), kCal, options("Helpdesk_A5"));
  ASSERT_TRUE(out.error);
  EXPECT_EQ(out.error->code, "slip_print_failed");
  EXPECT_EQ(out.error->id, "Printer 'Helpdesk_A5' tidak dapat mencetak slip: lp: The printer or class does not exist.");
  EXPECT_EQ(out.error->en, "Printer 'Helpdesk_A5' could not print the slip: lp: The printer or class does not exist.");
  EXPECT_FALSE(out.printed);
  EXPECT_TRUE(fs::exists(out.path));  // for printing by hand
}

TEST_F(Slip, AHungPrintSystemIsStoppedAtTheTimeoutWithWhatItStarted) {
  fakeLp("echo $$ > \"" + dir + "/lp-pid\"\nsleep 30 &\necho $! > \"" + dir + "/sleep-pid\"\nwait\n");
  auto o = options("Helpdesk_A5");
  o.print.timeoutMs = 600;
  const auto t0 = std::chrono::steady_clock::now();
  const auto out = slip::saveAndPrint(sample(), kCal, o);
  const auto took = std::chrono::steady_clock::now() - t0;
  ASSERT_TRUE(out.error);
  EXPECT_EQ(out.error->code, "slip_print_timeout");
  EXPECT_EQ(out.error->en, "Printer 'Helpdesk_A5' did not answer within 1 s.");
  EXPECT_LT(took, std::chrono::seconds(5));
  EXPECT_TRUE(fs::exists(out.path));
  // The script's own child went with it (the whole process group).
  const std::string sleeper = slurp(dir + "/sleep-pid");
  ASSERT_FALSE(sleeper.empty());
  const std::string stat = "/proc/" + std::to_string(std::stoi(sleeper)) + "/stat";
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {
    const std::string s = slurp(stat);
    gone = s.empty() || s.find(") Z") != std::string::npos;
    if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(gone) << "sleep " << sleeper << " still runs";
}

TEST_F(Slip, NoLpProgramSaysWhichPackageIsMissing) {
  auto o = options("Helpdesk_A5");
  o.print.program = "lpse-no-such-lp";
  const auto out = slip::saveAndPrint(sample(), kCal, o);
  ASSERT_TRUE(out.error);
  EXPECT_EQ(out.error->code, "slip_print_missing");
  EXPECT_NE(out.error->en.find("install the cups-client package"), std::string::npos) << out.error->en;
  EXPECT_TRUE(fs::exists(out.path));
}

TEST_F(Slip, TheRealLpWithNoPrintSchedulerIsAClearError) {
  if (!have("lp")) GTEST_SKIP() << "/usr/bin/lp (cups-client) missing";
  // A loopback port nothing listens on: the scheduler CUPS would ask.
  setenv("CUPS_SERVER", "127.0.0.1:9", 1);
  const auto out = slip::saveAndPrint(sample(), kCal, options("Helpdesk_A5"));
  unsetenv("CUPS_SERVER");
  ASSERT_TRUE(out.error);
  EXPECT_EQ(out.error->code, "slip_print_failed") << out.error->en;
  EXPECT_NE(out.error->id.find("Printer 'Helpdesk_A5' tidak dapat mencetak slip: lp:"), std::string::npos) << out.error->id;
  EXPECT_TRUE(fs::exists(out.path));
}

TEST_F(Slip, AFolderThatCannotBeWrittenIsAnErrorWithNoFile) {
  auto o = options();
  o.dir = "/proc/lpse-slips";
  const auto out = slip::saveAndPrint(sample(), kCal, o);
  ASSERT_TRUE(out.error);
  EXPECT_EQ(out.error->code, "slip_write");
  EXPECT_TRUE(out.path.empty());
}

TEST_F(Slip, OldSlipsAreDeletedWithTheGuestBook) {
  fs::create_directories(dir + "/slips");
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count();
  for (const char* f : {"slip-R-001-old.pdf", "slip-R-002-new.pdf", "notes-old.pdf"})
    std::ofstream(dir + "/slips/" + f) << "x";
  for (const char* f : {"slip-R-001-old.pdf", "notes-old.pdf"}) {
    timeval tv[2] = {{static_cast<time_t>(now / 1000 - 10 * 86400), 0}, {static_cast<time_t>(now / 1000 - 10 * 86400), 0}};
    utimes((dir + "/slips/" + f).c_str(), tv);
  }
  EXPECT_EQ(slip::purgeOldSlips(dir + "/slips", now - 7 * 86'400'000LL), 1);
  EXPECT_FALSE(fs::exists(dir + "/slips/slip-R-001-old.pdf"));
  EXPECT_TRUE(fs::exists(dir + "/slips/slip-R-002-new.pdf"));
  EXPECT_TRUE(fs::exists(dir + "/slips/notes-old.pdf"));  // not ours
  EXPECT_EQ(slip::purgeOldSlips(dir + "/no-such-folder", now), 0);
}

TEST(SlipJob, ReadsTheCaseAndDropsALateOutcomeForAnotherCase) {
  client::CaseDetail d;
  d.kase.id = 12;
  d.kase.state = core::CaseState::Notified;
  core::Visit v;
  v.name = "Budi";
  v.spseUserId = "budi.ppk";
  d.visit = v;
  core::CaseStep h;
  h.kind = "record_result";
  h.code = "reset_and_user_id";
  d.history.push_back(h);
  desk::DeskSettings s;
  s.officeName = "LPSE Kota";
  s.counter = "Loket 3";
  const auto in = desk::slipInputFor(d, s, "Agus", kMon905);
  EXPECT_EQ(in.ticket, "E-12");  // no ticket: the e-mail case's reference
  EXPECT_EQ(in.outcome, "reset_and_user_id");
  EXPECT_EQ(in.name, "Budi");
  EXPECT_EQ(in.spseUserId, "budi.ppk");
  EXPECT_EQ(in.staff, "Agus");
  EXPECT_EQ(in.counter, "Loket 3");
  EXPECT_EQ(in.office, "LPSE Kota");

  desk::SlipJob job;
  EXPECT_TRUE(job.start(12));
  EXPECT_FALSE(job.start(13));  // one at a time
  EXPECT_TRUE(job.busyFor(12));
  job.done(13, {"x.pdf", true, "", std::nullopt});  // not the job asked for: dropped
  EXPECT_TRUE(job.busy());
  job.done(12, {"slip.pdf", false, "", core::makeError("slip_print_failed", "x", "y")});
  EXPECT_FALSE(job.busy());
  ASSERT_TRUE(job.outcomeFor(12));
  EXPECT_EQ(job.outcomeFor(12)->path, "slip.pdf");
  EXPECT_FALSE(job.outcomeFor(13));  // another case shows no outcome
  EXPECT_TRUE(job.start(13));
}

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  const int rc = RUN_ALL_TESTS();
  return rc == 0 && g_skipped ? 77 : rc;
}

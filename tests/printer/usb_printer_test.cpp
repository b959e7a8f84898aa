// The real libusb transport against a printer emulated with umockdev. Runs
// under umockdev-wrapper (see CMakeLists.txt); anywhere else every test skips
// and the process exits 77 so CTest reports a skip, never a silent pass.
#include "devices/printer/usb_printer.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>

#include "devices/printer/print_spooler.hpp"
#include "devices/printer/ticket_layout.hpp"
#include "tests/printer/usb_printer_fixture.hpp"

using namespace lpse::printer;
using lpse::printer::testing::EmulatedUsbPrinter;
using namespace std::chrono_literals;

namespace {

constexpr UsbSelector kPrinterId{0x0416, 0x5011};

TicketContent sampleTicket() {
  TicketContent t;
  t.officeName = "LPSE Kabupaten Banyumas";
  t.number = "R-001";
  t.serviceName = "Reset Password";
  t.dateTimeText = "Selasa, 25 November 2025 09:41";
  t.ahead = 3;
  t.estimatedWaitMin = 15;
  t.qrPayload = "LPSE1|T|R-001|2025-11-25|a1b2c3d4e5f6";
  t.footer = "Terima kasih";
  return t;
}

// Several tickets back to back: more than one 4 KiB bulk chunk.
std::vector<std::uint8_t> bigJob() {
  std::vector<std::uint8_t> job;
  const auto one = layoutTicket(sampleTicket(), paper80());
  while (job.size() < 3 * UsbPrinter::kChunkBytes) job.insert(job.end(), one.begin(), one.end());
  return job;
}

class UsbPrinterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!EmulatedUsbPrinter::preloadActive()) GTEST_SKIP() << "not under umockdev-wrapper";
    emu = std::make_unique<EmulatedUsbPrinter>();
  }
  std::unique_ptr<EmulatedUsbPrinter> emu;
};

// Waits for one spooler result, with a timeout so a bug fails instead of hanging.
struct OneResult {
  std::mutex mutex;
  std::condition_variable cv;
  std::optional<PrintResult> result;
  PrintSpooler::Done callback() {
    return [this](const PrintResult& r) {
      std::lock_guard lock(mutex);
      result = r;
      cv.notify_all();
    };
  }
  std::optional<PrintResult> wait() {
    std::unique_lock lock(mutex);
    cv.wait_for(lock, 20s, [&] { return result.has_value(); });
    return result;
  }
};

}  // namespace

TEST_F(UsbPrinterTest, PrintsTheLaidOutTicketByteForByte) {
  UsbPrinter printer(kPrinterId);
  const PrinterStatus st = printer.status();
  EXPECT_EQ(st.state, PrinterState::Ready) << st.detail;
  EXPECT_EQ(emu->statusRequests(), 2u);  // DLE EOT 4 and DLE EOT 2

  const auto ticket = layoutTicket(sampleTicket(), paper80());
  ASSERT_GT(ticket.size(), 100u);
  const PrintResult r = printer.print(ticket);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(emu->printed(), ticket);
}

TEST_F(UsbPrinterTest, LargeJobsArriveCompleteAcrossChunks) {
  UsbPrinter printer(kPrinterId);
  const auto job = bigJob();
  const PrintResult r = printer.print(job);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(emu->printed(), job);
}

TEST_F(UsbPrinterTest, FindsTheFirstPrinterClassDeviceWithoutVidPid) {
  UsbPrinter printer(UsbSelector{});
  EXPECT_EQ(printer.status().state, PrinterState::Ready);
  const std::vector<std::uint8_t> bytes{0x1B, 0x40, 'O', 'K', 0x0A};
  ASSERT_TRUE(printer.print(bytes).ok);
  EXPECT_EQ(emu->printed(), bytes);
}

TEST_F(UsbPrinterTest, ReportsPaperNearEndCoverOpenAndSilence) {
  UsbPrinter printer(kPrinterId, {}, UsbTimeouts{5000ms, 200ms});
  emu->setPaperNearEnd(true);
  PrinterStatus st = printer.status();
  EXPECT_EQ(st.state, PrinterState::PaperNearEnd);
  EXPECT_TRUE(st.canPrint());
  EXPECT_NE(st.detail.find("hampir habis"), std::string::npos) << st.detail;

  emu->setPaperNearEnd(false);
  emu->setCoverOpen(true);
  st = printer.status();
  EXPECT_EQ(st.state, PrinterState::CoverOpen);
  EXPECT_FALSE(st.canPrint());

  emu->setCoverOpen(false);
  emu->setAnswersStatus(false);
  st = printer.status();
  EXPECT_EQ(st.state, PrinterState::Offline) << st.detail;

  emu->setAnswersStatus(true);
  EXPECT_EQ(printer.status().state, PrinterState::Ready);
}

TEST_F(UsbPrinterTest, PaperOutIsReportedAndTheSpoolerPrintsNothing) {
  emu->setPaperOut(true);
  PrintSpooler spooler(std::make_unique<UsbPrinter>(kPrinterId), 0ms);
  OneResult done;
  spooler.submit(layoutTicket(sampleTicket(), paper80()), done.callback());
  const auto r = done.wait();
  ASSERT_TRUE(r.has_value());
  EXPECT_FALSE(r->ok);
  EXPECT_NE(r->error.find("Kertas printer habis"), std::string::npos) << r->error;
  EXPECT_EQ(spooler.lastStatus().state, PrinterState::PaperOut);
  EXPECT_TRUE(emu->printed().empty());
  EXPECT_GE(emu->statusRequests(), 1u);
}

TEST_F(UsbPrinterTest, UnplugMidJobFailsCleanlyAndReplugRecovers) {
  UsbPrinter printer(kPrinterId);
  const auto job = bigJob();
  emu->disconnectAfter(UsbPrinter::kChunkBytes + 10);  // the second chunk never arrives
  PrintResult r = printer.print(job);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("terputus saat mencetak"), std::string::npos) << r.error;
  EXPECT_EQ(emu->printed().size(), UsbPrinter::kChunkBytes);

  emu->unplug();
  const PrinterStatus gone = printer.status();
  EXPECT_EQ(gone.state, PrinterState::NotFound) << gone.detail;
  EXPECT_FALSE(printer.print(job).ok);

  emu->replug();
  emu->clear();
  EXPECT_EQ(printer.status().state, PrinterState::Ready);
  r = printer.print(job);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(emu->printed(), job);
}

TEST_F(UsbPrinterTest, SpoolerReprintsAfterReplugWithoutRestart) {
  PrintSpooler spooler(std::make_unique<UsbPrinter>(kPrinterId), 0ms);
  const auto ticket = layoutTicket(sampleTicket(), paper80());
  emu->unplug();
  OneResult first;
  spooler.submit(ticket, first.callback());
  auto r = first.wait();
  ASSERT_TRUE(r.has_value());
  EXPECT_FALSE(r->ok);
  EXPECT_EQ(spooler.lastStatus().state, PrinterState::NotFound);

  emu->replug();
  OneResult again;
  spooler.submit(ticket, again.callback());
  r = again.wait();
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(r->ok) << r->error;
  EXPECT_EQ(emu->printed(), ticket);
}

TEST_F(UsbPrinterTest, WrongVidPidIsPrinterNotFound) {
  UsbPrinter printer(UsbSelector{0x04b8, 0x0e15});
  const PrinterStatus st = printer.status();
  EXPECT_EQ(st.state, PrinterState::NotFound);
  EXPECT_NE(st.detail.find("Printer tidak ditemukan (VID:PID 04b8:0e15)"), std::string::npos) << st.detail;
  const PrintResult r = printer.print({0x1B, 0x40});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, st.detail);
  EXPECT_TRUE(emu->received().empty());
}

// Unplugged and plugged back while idle (between two tickets, faster than
// the spooler's status poll): the open handle is stale. The status check
// before the next ticket must find the printer again, not fail the ticket.
TEST_F(UsbPrinterTest, ReplugBetweenTicketsIsInvisibleToTheNextTicket) {
  UsbPrinter printer(kPrinterId, {}, UsbTimeouts{5000ms, 200ms});
  ASSERT_EQ(printer.status().state, PrinterState::Ready);
  emu->unplug();
  emu->replug();
  emu->clear();
  const PrinterStatus st = printer.status();
  EXPECT_EQ(st.state, PrinterState::Ready) << st.detail;
  const auto ticket = layoutTicket(sampleTicket(), paper80());
  const PrintResult r = printer.print(ticket);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(emu->printed(), ticket);
}

// The same for a model that is never asked its status: the print itself
// meets the stale handle first. Nothing was sent yet, so it reopens and
// sends the whole job once.
TEST_F(UsbPrinterTest, ReplugBeforeAPrintWithoutStatusReopensAndPrintsOnce) {
  StatusQuirks silent;
  silent.answersStatus = false;
  UsbPrinter printer(kPrinterId, silent);
  const std::vector<std::uint8_t> first{0x1B, 0x40, '1', 0x0A};
  ASSERT_TRUE(printer.print(first).ok);
  emu->unplug();
  emu->replug();
  emu->clear();
  const auto ticket = layoutTicket(sampleTicket(), paper80());
  const PrintResult r = printer.print(ticket);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(emu->printed(), ticket);
}

// Per-model quirks (from config: printer_setup_test) change how the same
// reply bytes read, through the real transport.
TEST_F(UsbPrinterTest, StatusQuirksChangeHowRepliesRead) {
  emu->setPaperNearEnd(true);
  {
    StatusQuirks noNearEndSensor;
    noNearEndSensor.paperNearEndBits = 0;
    UsbPrinter printer(kPrinterId, noNearEndSensor);
    EXPECT_EQ(printer.status().state, PrinterState::Ready);
  }
  {
    UsbPrinter printer(kPrinterId);
    EXPECT_EQ(printer.status().state, PrinterState::PaperNearEnd);
  }
  // A model that never answers is never asked: no reply timeouts per ticket.
  emu->setAnswersStatus(false);
  emu->clear();
  StatusQuirks silent;
  silent.answersStatus = false;
  UsbPrinter quiet(kPrinterId, silent, UsbTimeouts{5000ms, 200ms});
  EXPECT_EQ(quiet.status().state, PrinterState::Ready);
  EXPECT_EQ(emu->statusRequests(), 0u);
  const std::vector<std::uint8_t> bytes{0x1B, 0x40, 'O', 'K', 0x0A};
  ASSERT_TRUE(quiet.print(bytes).ok);
  EXPECT_EQ(emu->printed(), bytes);
}

int main(int argc, char** argv) {
  EmulatedUsbPrinter::preloadActive();  // before any testbed touches the environment
  ::testing::InitGoogleTest(&argc, argv);
  const int rc = RUN_ALL_TESTS();
  if (rc == 0 && !EmulatedUsbPrinter::preloadActive()) {
    std::fprintf(stderr, "usb_printer_test: run under umockdev-wrapper; skipped\n");
    return 77;
  }
  return rc;
}

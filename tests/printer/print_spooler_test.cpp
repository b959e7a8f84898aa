#include "devices/printer/print_spooler.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

using namespace lpse::printer;
using namespace std::chrono_literals;

namespace {

// Shared with the test after the spooler takes ownership of the printer.
struct FakeState {
  std::mutex mutex;
  std::condition_variable cv;
  PrinterStatus status{PrinterState::Ready, {}};
  std::vector<std::vector<std::uint8_t>> printed;
  std::vector<std::thread::id> printThreads;
  bool gateOpen = true;  // print() waits while closed
  bool inPrint = false;
  bool throwOnPrint = false;
  std::optional<PrinterStatus> statusAfterFailedPrint;  // e.g. the cable was pulled mid-job
  int statusCalls = 0;
};

class FakePrinter : public Printer {
 public:
  explicit FakePrinter(std::shared_ptr<FakeState> s) : m_s(std::move(s)) {}
  PrinterStatus status() override {
    std::lock_guard lock(m_s->mutex);
    ++m_s->statusCalls;
    return m_s->status;
  }
  PrintResult print(const std::vector<std::uint8_t>& bytes) override {
    std::unique_lock lock(m_s->mutex);
    if (m_s->statusAfterFailedPrint) {
      m_s->status = *m_s->statusAfterFailedPrint;
      return {false, "Printer terputus saat mencetak (10 dari 441 byte terkirim).", {}};
    }
    if (m_s->throwOnPrint) throw std::runtime_error("usb write failed");
    m_s->inPrint = true;
    m_s->cv.notify_all();
    m_s->cv.wait(lock, [&] { return m_s->gateOpen; });
    m_s->inPrint = false;
    m_s->printed.push_back(bytes);
    m_s->printThreads.push_back(std::this_thread::get_id());
    return {true, {}, "job-" + std::to_string(m_s->printed.size())};
  }
  std::string describe() const override { return "fake"; }

 private:
  std::shared_ptr<FakeState> m_s;
};

// Collects callback results; waits with a timeout so a bug fails, not hangs.
struct Results {
  std::mutex mutex;
  std::condition_variable cv;
  std::vector<PrintResult> results;
  std::vector<std::thread::id> threads;

  PrintSpooler::Done callback() {
    return [this](const PrintResult& r) {
      std::lock_guard lock(mutex);
      results.push_back(r);
      threads.push_back(std::this_thread::get_id());
      cv.notify_all();
    };
  }
  bool waitFor(std::size_t n) {
    std::unique_lock lock(mutex);
    return cv.wait_for(lock, 5s, [&] { return results.size() >= n; });
  }
};

template <class Pred>
bool eventually(Pred pred) {
  for (int i = 0; i < 500; ++i) {
    if (pred()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return false;
}

}  // namespace

TEST(PrintSpooler, SubmitDoesNotWaitForTheDevice) {
  auto state = std::make_shared<FakeState>();
  state->gateOpen = false;  // the printer hangs until we say so
  Results results;
  PrintSpooler spooler(std::make_unique<FakePrinter>(state), 0ms);
  const auto start = std::chrono::steady_clock::now();
  const auto id1 = spooler.submit({1, 2, 3}, results.callback());
  const auto id2 = spooler.submit({4}, results.callback());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 500ms);
  EXPECT_EQ(id1, 1u);
  EXPECT_EQ(id2, 2u);
  {
    std::unique_lock lock(state->mutex);
    ASSERT_TRUE(state->cv.wait_for(lock, 5s, [&] { return state->inPrint; }));
    EXPECT_EQ(spooler.pendingJobs(), 1u);  // job 2 waits behind the printing job 1
    state->gateOpen = true;
  }
  state->cv.notify_all();
  ASSERT_TRUE(results.waitFor(2));
  std::lock_guard lock(results.mutex);
  EXPECT_TRUE(results.results[0].ok);
  EXPECT_EQ(results.results[0].artifact, "job-1");
  EXPECT_EQ(results.results[1].artifact, "job-2");
  EXPECT_NE(results.threads[0], std::this_thread::get_id());
  std::lock_guard slock(state->mutex);
  EXPECT_EQ(state->printed[0], (std::vector<std::uint8_t>{1, 2, 3}));
  EXPECT_NE(state->printThreads[0], std::this_thread::get_id());
}

TEST(PrintSpooler, JobsPrintInSubmissionOrder) {
  auto state = std::make_shared<FakeState>();
  Results results;
  {
    PrintSpooler spooler(std::make_unique<FakePrinter>(state), 0ms);
    for (std::uint8_t i = 0; i < 20; ++i) spooler.submit({i}, results.callback());
    ASSERT_TRUE(results.waitFor(20));
  }
  std::lock_guard lock(state->mutex);
  ASSERT_EQ(state->printed.size(), 20u);
  for (std::uint8_t i = 0; i < 20; ++i) EXPECT_EQ(state->printed[i][0], i);
}

TEST(PrintSpooler, PrinterThatCannotPrintFailsTheJobWithItsStatus) {
  auto state = std::make_shared<FakeState>();
  state->status = {PrinterState::PaperOut, "Kertas printer habis."};
  Results results;
  PrintSpooler spooler(std::make_unique<FakePrinter>(state), 0ms);
  spooler.submit({1}, results.callback());
  ASSERT_TRUE(results.waitFor(1));
  {
    std::lock_guard lock(results.mutex);
    EXPECT_FALSE(results.results[0].ok);
    EXPECT_EQ(results.results[0].error, "Kertas printer habis.");
  }
  EXPECT_EQ(spooler.lastStatus().state, PrinterState::PaperOut);
  EXPECT_EQ(spooler.lastStatus().detail, "Kertas printer habis.");
  std::lock_guard lock(state->mutex);
  EXPECT_TRUE(state->printed.empty());
}

TEST(PrintSpooler, MissingDetailGetsASentence) {
  auto state = std::make_shared<FakeState>();
  state->status = {PrinterState::CoverOpen, {}};
  Results results;
  PrintSpooler spooler(std::make_unique<FakePrinter>(state), 0ms);
  spooler.submit({1}, results.callback());
  ASSERT_TRUE(results.waitFor(1));
  std::lock_guard lock(results.mutex);
  EXPECT_FALSE(results.results[0].ok);
  EXPECT_FALSE(results.results[0].error.empty());
}

TEST(PrintSpooler, PaperNearEndStillPrints) {
  auto state = std::make_shared<FakeState>();
  state->status = {PrinterState::PaperNearEnd, "Kertas hampir habis."};
  Results results;
  PrintSpooler spooler(std::make_unique<FakePrinter>(state), 0ms);
  spooler.submit({9}, results.callback());
  ASSERT_TRUE(results.waitFor(1));
  std::lock_guard lock(results.mutex);
  EXPECT_TRUE(results.results[0].ok);
}

TEST(PrintSpooler, StatusSnapshotFollowsTheDevice) {
  auto state = std::make_shared<FakeState>();
  PrintSpooler spooler(std::make_unique<FakePrinter>(state), 0ms);
  ASSERT_TRUE(eventually([&] { return spooler.lastStatus().state == PrinterState::Ready; }));
  {
    std::lock_guard lock(state->mutex);
    state->status = {PrinterState::CoverOpen, "Tutup printer terbuka."};
  }
  spooler.requestStatus();
  ASSERT_TRUE(eventually([&] { return spooler.lastStatus().state == PrinterState::CoverOpen; }));
  EXPECT_EQ(spooler.lastStatus().detail, "Tutup printer terbuka.");
}

TEST(PrintSpooler, IdlePollingRefreshesStatus) {
  auto state = std::make_shared<FakeState>();
  PrintSpooler spooler(std::make_unique<FakePrinter>(state), 20ms);
  ASSERT_TRUE(eventually([&] { return spooler.lastStatus().state == PrinterState::Ready; }));
  {
    std::lock_guard lock(state->mutex);
    state->status = {PrinterState::Offline, "Printer tidak tersambung."};
  }
  EXPECT_TRUE(eventually([&] { return spooler.lastStatus().state == PrinterState::Offline; }));
}

TEST(PrintSpooler, NoPrinterFailsJobsAsNotFound) {
  Results results;
  PrintSpooler spooler(nullptr, 0ms);
  spooler.submit({1}, results.callback());
  ASSERT_TRUE(results.waitFor(1));
  EXPECT_EQ(spooler.lastStatus().state, PrinterState::NotFound);
  std::lock_guard lock(results.mutex);
  EXPECT_FALSE(results.results[0].ok);
  EXPECT_FALSE(results.results[0].error.empty());
}

TEST(PrintSpooler, ThrowingPrinterOrCallbackDoesNotStopTheThread) {
  auto state = std::make_shared<FakeState>();
  state->throwOnPrint = true;
  Results results;
  PrintSpooler spooler(std::make_unique<FakePrinter>(state), 0ms);
  spooler.submit({1}, [](const PrintResult&) { throw std::runtime_error("callback bug"); });
  spooler.submit({2}, results.callback());
  ASSERT_TRUE(results.waitFor(1));
  {
    std::lock_guard lock(results.mutex);
    EXPECT_FALSE(results.results[0].ok);
    EXPECT_NE(results.results[0].error.find("usb write failed"), std::string::npos);
  }
  {
    std::lock_guard lock(state->mutex);
    state->throwOnPrint = false;
  }
  spooler.submit({3}, results.callback());
  ASSERT_TRUE(results.waitFor(2));
  std::lock_guard lock(results.mutex);
  EXPECT_TRUE(results.results[1].ok);
}

TEST(PrintSpooler, ShutdownFinishesTheCurrentJobAndCancelsTheRest) {
  auto state = std::make_shared<FakeState>();
  state->gateOpen = false;
  Results results;
  auto spooler = std::make_unique<PrintSpooler>(std::make_unique<FakePrinter>(state), 0ms);
  spooler->submit({1}, results.callback());
  {
    std::unique_lock lock(state->mutex);
    ASSERT_TRUE(state->cv.wait_for(lock, 5s, [&] { return state->inPrint; }));
  }
  spooler->submit({2}, results.callback());
  spooler->submit({3}, results.callback());
  std::thread destroyer([&] { spooler.reset(); });
  std::this_thread::sleep_for(100ms);  // let the destructor ask the thread to stop
  {
    std::lock_guard lock(state->mutex);
    state->gateOpen = true;
  }
  state->cv.notify_all();
  destroyer.join();
  std::lock_guard lock(results.mutex);
  ASSERT_EQ(results.results.size(), 3u);  // every callback exactly once
  EXPECT_TRUE(results.results[0].ok);
  EXPECT_FALSE(results.results[1].ok);
  EXPECT_FALSE(results.results[2].ok);
  EXPECT_NE(results.results[1].error.find("dibatalkan"), std::string::npos);
  std::lock_guard slock(state->mutex);
  EXPECT_EQ(state->printed.size(), 1u);
}

TEST(PrinterStatus, CanPrintOnlyWhenPaperComesOut) {
  EXPECT_TRUE((PrinterStatus{PrinterState::Ready, {}}).canPrint());
  EXPECT_TRUE((PrinterStatus{PrinterState::PaperNearEnd, {}}).canPrint());
  for (auto s : {PrinterState::PaperOut, PrinterState::CoverOpen, PrinterState::Offline, PrinterState::NotFound,
                 PrinterState::Error})
    EXPECT_FALSE((PrinterStatus{s, {}}).canPrint()) << toString(s);
  EXPECT_EQ(toString(PrinterState::PaperNearEnd), "paper_near_end");
}

// The status is asked before each ticket, and again right after a ticket
// that failed: by the time the kiosk hears of the failure, lastStatus()
// already says why (here: unplugged), not the "ready" from before the job.
TEST(PrintSpooler, AFailedJobRefreshesTheStatusBeforeTheCallback) {
  auto state = std::make_shared<FakeState>();
  state->statusAfterFailedPrint = PrinterStatus{PrinterState::NotFound, "Printer tidak ditemukan."};
  std::optional<PrinterStatus> seenInCallback;
  std::mutex m;
  std::condition_variable cv;
  PrintSpooler spooler(std::make_unique<FakePrinter>(state), 0ms);
  spooler.submit({1}, [&](const PrintResult& r) {
    std::lock_guard lock(m);
    EXPECT_FALSE(r.ok);
    seenInCallback = spooler.lastStatus();
    cv.notify_all();
  });
  std::unique_lock lock(m);
  ASSERT_TRUE(cv.wait_for(lock, 5s, [&] { return seenInCallback.has_value(); }));
  EXPECT_EQ(seenInCallback->state, PrinterState::NotFound);
  EXPECT_EQ(seenInCallback->detail, "Printer tidak ditemukan.");
  std::lock_guard slock(state->mutex);
  EXPECT_GE(state->statusCalls, 2);  // before the job and after its failure
}

TEST(PrintSpooler, AGoodJobAsksTheStatusOnceBeforePrinting) {
  auto state = std::make_shared<FakeState>();
  Results results;
  PrintSpooler spooler(std::make_unique<FakePrinter>(state), 0ms);
  ASSERT_TRUE(eventually([&] { return spooler.lastStatus().state == PrinterState::Ready; }));  // the start-up check
  int before = 0;
  {
    std::lock_guard lock(state->mutex);
    before = state->statusCalls;
  }
  spooler.submit({1}, results.callback());
  ASSERT_TRUE(results.waitFor(1));
  std::lock_guard lock(state->mutex);
  EXPECT_EQ(state->statusCalls, before + 1);
}

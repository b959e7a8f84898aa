#include "devices/scanner/decode_worker.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <thread>

#include "devices/camera/image_file_source.hpp"
#include "devices/scanner/camera_scanner.hpp"
#include "tests/scanner/degraded_set.hpp"

using namespace lpse;
using namespace lpse::scanner;
using namespace std::chrono_literals;

namespace {

template <class Pred>
bool waitFor(Pred pred, std::chrono::milliseconds limit = 20s) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (pred()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return pred();
}

camera::FramePtr frame(std::uint64_t seq) {
  auto f = std::make_shared<camera::Frame>();
  f->width = f->height = 4;
  f->gray.assign(16, 0);
  f->sequence = seq;
  return f;
}

// A decoder the test holds inside decode() until it lets go: a frame that
// takes "forever" to decode, without depending on timing.
struct Gate {
  std::mutex m;
  std::condition_variable cv;
  bool open = false;
  int entered = 0;
  std::vector<std::uint64_t> decoded;
  void release() {
    std::lock_guard l(m);
    open = true;
    cv.notify_all();
  }
};

}  // namespace

TEST(DecodeWorker, SubmitNeverWaitsForADecodeAndOnlyTheLatestFrameIsDecoded) {
  Gate gate;
  DecodeWorker worker(
      [&](const camera::Frame& f) {
        std::unique_lock l(gate.m);
        ++gate.entered;
        gate.cv.notify_all();
        gate.cv.wait(l, [&] { return gate.open; });
        gate.decoded.push_back(f.sequence);
        return std::vector<QrRead>{};
      },
      {});
  worker.submit(frame(1));
  {
    std::unique_lock l(gate.m);
    ASSERT_TRUE(gate.cv.wait_for(l, 10s, [&] { return gate.entered == 1; }));
  }
  // The worker is stuck in frame 1's decode. 500 submits all return.
  for (std::uint64_t i = 2; i <= 501; ++i) worker.submit(frame(i));
  EXPECT_FALSE(worker.idle());
  auto st = worker.stats();
  EXPECT_EQ(st.submitted, 501u);
  EXPECT_EQ(st.skipped, 499u);  // 2..500 replaced by the next; 501 waits
  gate.release();
  ASSERT_TRUE(waitFor([&] { return worker.idle(); }));
  std::lock_guard l(gate.m);
  EXPECT_EQ(gate.decoded, (std::vector<std::uint64_t>{1, 501}));
}

TEST(DecodeWorker, RepeatedReadsOfOneCodeAreOneEvent) {
  std::atomic<int> wakes{0};
  DecodeWorker worker(
      [](const camera::Frame& f) {
        QrRead r;
        r.text = f.sequence < 100 ? "LPSE-T1:A" : "LPSE-T1:B";
        return std::vector<QrRead>{r};
      },
      {.mergeWindow = 60s});
  worker.setOnEvent([&] { ++wakes; });
  for (std::uint64_t i = 1; i <= 20; ++i) {
    worker.submit(frame(i));
    ASSERT_TRUE(waitFor([&] { return worker.idle(); }));
  }
  worker.submit(frame(100));
  ASSERT_TRUE(waitFor([&] { return worker.idle(); }));
  const auto events = worker.takeEvents();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].text, "LPSE-T1:A");
  EXPECT_EQ(events[0].frameSequence, 1u);
  EXPECT_EQ(events[1].text, "LPSE-T1:B");
  EXPECT_EQ(wakes.load(), 2);
  EXPECT_TRUE(worker.takeEvents().empty());  // taken once
  EXPECT_EQ(worker.stats().reads, 21u);
  EXPECT_EQ(worker.stats().events, 2u);
}

// The whole chain the kiosk uses, with real parts: image file "camera" ->
// capture thread -> decode thread (the tuned ZXing pipeline) -> one event.
TEST(CameraScanner, AFormHeldBeforeTheCameraGivesOneEvent) {
  const auto sample = scanner::testing::makeSample("clean", 5, 1);
  const std::string path = std::string(LPSE_BIN_DIR) + "/camera-scanner-test-" + std::to_string(::getpid()) + ".png";
  ASSERT_TRUE(scanner::testing::writePng(sample.frame, path));
  camera::ImageFileSource::Options o;
  o.fps = 30;
  CameraScanner scanner(std::make_unique<camera::ImageFileSource>(std::vector<std::filesystem::path>{path}, o));
  std::atomic<int> wakes{0};
  scanner.setWake([&] { ++wakes; });
  scanner.start();
  ASSERT_TRUE(waitFor([&] { return scanner.decodeStats().decoded >= 5; }));
  const auto events = scanner.takeEvents();
  ASSERT_EQ(events.size(), 1u) << "one code, many frames: one event";
  EXPECT_EQ(events[0].text, sample.payload);
  EXPECT_EQ(scanner.cameraStatus().state, camera::CameraState::Streaming);
  auto f = scanner.latestFrame();
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->width, 1280);
  EXPECT_GT(wakes.load(), 0);
  scanner.stop();
  std::filesystem::remove(path);
}

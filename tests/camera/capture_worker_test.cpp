#include "devices/camera/capture_worker.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "devices/camera/camera_list.hpp"
#include "devices/camera/image_file_source.hpp"
#include "devices/camera/v4l2_source.hpp"
#include "tests/camera/camera_test_support.hpp"

using namespace lpse::camera;
using namespace lpse::camera::testing;
using namespace std::chrono_literals;

namespace {

template <class Pred>
bool waitFor(Pred pred, std::chrono::milliseconds limit = 10s) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (pred()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return pred();
}

}  // namespace

TEST(CaptureWorker, StreamsAndKeepsTheLatestFrame) {
  TempDir dir;
  const Frame a = pattern(64, 48);
  ASSERT_TRUE(stbi_write_png(dir.file("a.png").c_str(), 64, 48, 1, a.gray.data(), 64));
  std::atomic<int> seen{0};
  std::atomic<int> states{0};
  CaptureWorker worker(std::make_unique<ImageFileSource>(std::vector<std::filesystem::path>{dir.file("a.png")},
                                                         ImageFileSource::Options{.loop = true, .fps = 200}));
  worker.setOnFrame([&](const FramePtr& f) {
    if (f && f->width == 64) ++seen;
  });
  worker.setOnStatus([&](const CameraStatus&) { ++states; });
  EXPECT_EQ(worker.latest(), nullptr);
  worker.start();
  ASSERT_TRUE(waitFor([&] { return seen >= 5; }));
  const auto st = worker.status();
  EXPECT_EQ(st.state, CameraState::Streaming);
  EXPECT_GE(st.frames, 5u);
  auto f = worker.latest();
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->gray, a.gray);
  EXPECT_GE(states.load(), 2);  // opening, streaming
  // Later frames replace it: the sequence keeps rising.
  const auto first = f->sequence;
  ASSERT_TRUE(waitFor([&] { return worker.latest()->sequence > first; }));
  worker.stop();
  EXPECT_EQ(worker.status().state, CameraState::Streaming);  // stop() is not a camera error
}

TEST(CaptureWorker, AFailingSourceIsAnErrorWithItsReasonAndIsRetriedUntilItWorks) {
  TempDir dir;
  const std::string path = dir.file("later.png");
  CaptureWorker worker(std::make_unique<ImageFileSource>(std::vector<std::filesystem::path>{path}),
                       {.grabTimeout = 100ms, .retryDelay = 20ms});
  std::atomic<int> opening{0}, errors{0};
  worker.setOnStatus([&](const CameraStatus& s) {
    if (s.state == CameraState::Opening) ++opening;
    if (s.state == CameraState::Error) ++errors;
  });
  worker.start();
  ASSERT_TRUE(waitFor([&] { return worker.status().state == CameraState::Error; }));
  const auto st = worker.status();
  EXPECT_EQ(st.reason.code, kImageLoad);
  EXPECT_FALSE(st.reason.id.empty());
  EXPECT_EQ(worker.latest(), nullptr);
  std::this_thread::sleep_for(100ms);  // several retries
  EXPECT_EQ(opening.load(), 1);        // the state does not flicker while retrying
  EXPECT_EQ(errors.load(), 1);
  // The "camera" appears: the next retry opens it.
  const Frame a = pattern(16, 16);
  ASSERT_TRUE(stbi_write_png(path.c_str(), 16, 16, 1, a.gray.data(), 16));
  ASSERT_TRUE(waitFor([&] { return worker.status().state == CameraState::Streaming; }));
  EXPECT_NE(worker.latest(), nullptr);
}

TEST(CaptureWorker, NoCameraOnTheMachineIsStateNone) {
  if (!listCameras().empty()) GTEST_SKIP() << "this machine has a camera";
  CaptureWorker worker(std::make_unique<V4l2Source>(), {.grabTimeout = 100ms, .retryDelay = 50ms});
  worker.start();
  ASSERT_TRUE(waitFor([&] { return worker.status().state == CameraState::None; }));
  EXPECT_EQ(worker.status().reason.code, kNoCamera);
}

TEST(CaptureWorker, StopReturnsWhileTheSourceWaitsToRetry) {
  CaptureWorker worker(std::make_unique<ImageFileSource>(std::vector<std::filesystem::path>{"/nonexistent/x.png"}),
                       {.grabTimeout = 100ms, .retryDelay = std::chrono::milliseconds(60 * 60 * 1000)});
  worker.start();
  ASSERT_TRUE(waitFor([&] { return worker.status().state == CameraState::Error; }));
  // The worker sleeps for an hour before it retries; stop() must wake it.
  std::atomic<bool> stopped{false};
  std::thread t([&] {
    worker.stop();
    stopped = true;
  });
  const bool returned = waitFor([&] { return stopped.load(); }, 10s);
  t.join();
  EXPECT_TRUE(returned);
}

#include "devices/audio/audio_player.hpp"

#include <gtest/gtest.h>

#include "devices/audio/fake_sink.hpp"

using namespace lpse::audio;
using namespace std::chrono_literals;

namespace {

// Clips without files: every word is espeak-ng at run time, except "chime".
struct Rig {
  std::shared_ptr<FakeSink::State> sink = std::make_shared<FakeSink::State>();
  std::shared_ptr<ClipSet> clips = std::make_shared<ClipSet>(ClipSet::Options{}, std::vector<ClipDef>{});
  std::mutex mutex;
  std::condition_variable cv;
  std::vector<PlayResult> done;
  std::vector<std::string> logs;
  std::unique_ptr<AudioPlayer> player;

  explicit Rig(std::chrono::milliseconds retry = 50ms) {
    AudioPlayer::Options o;
    o.retryEvery = retry;
    player = std::make_unique<AudioPlayer>(
        std::make_unique<FakeSink>(sink), clips, o,
        [this](const PlayResult& r) {
          std::lock_guard l(mutex);
          done.push_back(r);
          cv.notify_all();
        },
        [this](const std::string& m) {
          std::lock_guard l(mutex);
          logs.push_back(m);
        });
  }
  void waitDone(std::size_t n) {
    std::unique_lock l(mutex);
    ASSERT_TRUE(cv.wait_for(l, 20s, [&] { return done.size() >= n; })) << done.size();
  }
};

Utterance chimeOnly() { return Utterance{{}, "", 1}; }

}  // namespace

TEST(AudioPlayer, PlaysJobsInOrderEachToItsEnd) {
  Rig rig;
  auto a = rig.player->submit({{"satu"}, "", 1});
  auto b = rig.player->submit({{"dua"}, "", 1});
  rig.waitDone(2);
  ASSERT_EQ(rig.done[0].id, a);
  ASSERT_EQ(rig.done[1].id, b);
  EXPECT_TRUE(rig.done[0].spoken);
  EXPECT_EQ(rig.done[0].parts.back().name, "satu");
  std::lock_guard l(rig.sink->mutex);
  ASSERT_EQ(rig.sink->plays.size(), 2u);
  EXPECT_EQ(rig.sink->plays[0], rig.done[0].samples);
  EXPECT_EQ(rig.sink->played.size(), rig.done[0].samples + rig.done[1].samples);
}

TEST(AudioPlayer, NoDeviceIsReportedOnceAndPickedUpWhenItComesBack) {
  auto state = std::make_shared<FakeSink::State>();
  state->failOpen = true;
  Rig rig;
  rig.player.reset();
  rig.sink = state;
  AudioPlayer::Options o;
  o.retryEvery = 30ms;
  rig.player = std::make_unique<AudioPlayer>(
      std::make_unique<FakeSink>(state), rig.clips, o,
      [&](const PlayResult& r) {
        std::lock_guard l(rig.mutex);
        rig.done.push_back(r);
        rig.cv.notify_all();
      },
      [&](const std::string& m) {
        std::lock_guard l(rig.mutex);
        rig.logs.push_back(m);
      });
  rig.player->submit(chimeOnly());
  rig.player->submit(chimeOnly());
  rig.waitDone(2);
  EXPECT_FALSE(rig.done[0].spoken);
  EXPECT_FALSE(rig.done[0].error.empty());
  EXPECT_FALSE(rig.player->status().deviceOk);
  std::this_thread::sleep_for(200ms);  // several retries while idle
  {
    std::lock_guard l(rig.mutex);
    EXPECT_EQ(rig.logs.size(), 1u);  // logged once, not per retry
    std::lock_guard s(state->mutex);
    EXPECT_GE(state->opens, 3);
    state->failOpen = false;
  }
  for (int i = 0; i < 100 && !rig.player->status().deviceOk; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_TRUE(rig.player->status().deviceOk);
  rig.player->submit(chimeOnly());
  rig.waitDone(3);
  EXPECT_TRUE(rig.done[2].spoken);
  std::lock_guard l(rig.mutex);
  ASSERT_EQ(rig.logs.size(), 2u);
  EXPECT_NE(rig.logs[1].find("sound back"), std::string::npos);
}

TEST(AudioPlayer, ADeviceLostMidPlayReplaysTheWholeAnnouncement) {
  Rig rig;
  {
    std::lock_guard l(rig.sink->mutex);
    rig.sink->failNextPlay = true;
  }
  rig.player->submit(chimeOnly());
  rig.waitDone(1);
  EXPECT_TRUE(rig.done[0].spoken);
  std::lock_guard l(rig.sink->mutex);
  ASSERT_EQ(rig.sink->plays.size(), 1u);  // the failed attempt left nothing; the replay is whole
  EXPECT_EQ(rig.sink->plays[0], rig.done[0].samples);
  EXPECT_EQ(rig.sink->opens, 2);
}

TEST(AudioPlayer, VolumeScheduleAndLimiterApply) {
  Rig rig;
  rig.player.reset();
  AudioPlayer::Options o;
  o.volume = *VolumeSchedule::make(0, {});  // muted all day
  rig.player = std::make_unique<AudioPlayer>(std::make_unique<FakeSink>(rig.sink), rig.clips, o,
                                             [&](const PlayResult& r) {
                                               std::lock_guard l(rig.mutex);
                                               rig.done.push_back(r);
                                               rig.cv.notify_all();
                                             });
  rig.player->submit(chimeOnly());
  rig.waitDone(1);
  std::lock_guard l(rig.sink->mutex);
  ASSERT_FALSE(rig.sink->played.empty());
  for (auto s : rig.sink->played) ASSERT_EQ(s, 0);
}

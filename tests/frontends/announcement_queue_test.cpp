// The display's announcement queue driven as DisplayApp drives it (the
// model hands out one call at a time, the player thread plays it on a fake
// sink, its result comes back), with real clips from the build.
#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>

#include "devices/audio/audio_player.hpp"
#include "devices/audio/fake_sink.hpp"
#include "kiosk/display_app/display_model.hpp"
#include "kiosk/display_app/display_voice.hpp"

using namespace lpse;
using namespace std::chrono_literals;

namespace {

struct Rig {
  display::DisplayModel model{{.enabled = true, .maxAgeMs = 60'000}};
  std::shared_ptr<audio::FakeSink::State> sink = std::make_shared<audio::FakeSink::State>();
  std::unique_ptr<display::CallVoice> voice;
  std::unique_ptr<audio::AudioPlayer> player;
  std::mutex mutex;
  std::condition_variable cv;
  std::deque<audio::PlayResult> results;  // the "toUi" queue
  std::vector<std::pair<std::string, audio::PlayResult>> said;
  std::uint64_t key = 0, playerId = 0;
  std::string speaking;

  Rig() {
    config::DisplayVoiceConfig cfg;
    cfg.repeat = 1;
    cfg.clipsDir = LPSE_VOICE_DIR;
    cfg.recordingsDir = "";
    voice = std::make_unique<display::CallVoice>(cfg, [](const std::string&) {});
    player = std::make_unique<audio::AudioPlayer>(std::make_unique<audio::FakeSink>(sink), voice->clips(),
                                                  audio::AudioPlayer::Options{}, [this](const audio::PlayResult& r) {
                                                    std::lock_guard l(mutex);
                                                    results.push_back(r);
                                                    cv.notify_all();
                                                  });
  }
  ~Rig() {
    {
      std::lock_guard l(sink->mutex);
      sink->holdPlayback = false;
    }
    sink->changed.notify_all();
    player.reset();
  }
  void pump(std::int64_t now) {
    if (auto j = model.nextToSpeak(now)) {
      key = j->key;
      speaking = j->call.ticket;
      playerId = player->submit(voice->utterance(j->call.ticket, j->call.counter, j->call.kind));
    }
  }
  void event(api::StreamEvent e, std::int64_t now) {
    model.onEvent(e, now);
    pump(now);
  }
  // Runs the "UI thread" until n announcements are done.
  void runUntilSaid(std::size_t n, std::int64_t now) {
    while (said.size() < n) {
      std::unique_lock l(mutex);
      ASSERT_TRUE(cv.wait_for(l, 30s, [&] { return !results.empty(); }));
      auto r = results.front();
      results.pop_front();
      l.unlock();
      ASSERT_EQ(r.id, playerId);
      said.emplace_back(speaking, r);
      model.speechDone(key, r.spoken, now);
      pump(now);
    }
  }
};

api::StreamEvent ev(std::int64_t seq, std::int64_t at, std::string kind, std::string ticket, std::string counter) {
  return {seq, at, std::move(kind), seq, std::move(ticket), std::move(counter)};
}

std::size_t partsIn(const audio::PlayResult& r, const std::string& name) {
  std::size_t n = 0;
  for (const auto& p : r.parts) n += p.name == name;
  return n;
}

}  // namespace

TEST(AnnouncementQueue, TwoCallsInOneMillisecondAreBothSaidWholeInOrder) {
  Rig rig;
  rig.event(ev(1, 1000, "call", "R-012", "Loket 1"), 1000);
  rig.event(ev(2, 1000, "call", "U-003", "Loket 2"), 1000);
  rig.runUntilSaid(2, 1000);
  EXPECT_EQ(rig.said[0].first, "R-012");
  EXPECT_EQ(rig.said[1].first, "U-003");
  std::lock_guard l(rig.sink->mutex);
  ASSERT_EQ(rig.sink->plays.size(), 2u);
  EXPECT_EQ(rig.sink->plays[0], rig.said[0].second.samples);  // whole, not cut
  EXPECT_EQ(rig.sink->plays[1], rig.said[1].second.samples);
  EXPECT_EQ(partsIn(rig.said[0].second, "belas"), 1u);
  EXPECT_EQ(partsIn(rig.said[1].second, "u"), 1u);
}

TEST(AnnouncementQueue, ACallDuringPlaybackWaitsForTheEnd) {
  Rig rig;
  {
    std::lock_guard l(rig.sink->mutex);
    rig.sink->holdPlayback = true;
  }
  rig.event(ev(1, 1000, "call", "R-001", "Loket 1"), 1000);
  {
    std::unique_lock l(rig.sink->mutex);
    ASSERT_TRUE(rig.sink->changed.wait_for(l, 10s, [&] { return rig.sink->playing; }));
  }
  rig.event(ev(2, 1100, "call", "R-002", "Loket 2"), 1100);
  EXPECT_EQ(rig.model.latestCall()->ticket, "R-001");  // still saying the first
  EXPECT_EQ(rig.model.queuedToSpeak(), 1u);
  {
    std::lock_guard l(rig.sink->mutex);
    rig.sink->holdPlayback = false;
  }
  rig.sink->changed.notify_all();
  rig.runUntilSaid(2, 2000);
  EXPECT_EQ(rig.said[1].first, "R-002");
  std::lock_guard l(rig.sink->mutex);
  EXPECT_EQ(rig.sink->plays.size(), 2u);
}

TEST(AnnouncementQueue, ARecallWhileQueuedIsSaidOnceAndAStaleReplayNotAtAll) {
  Rig rig;
  {
    std::lock_guard l(rig.sink->mutex);
    rig.sink->holdPlayback = true;
  }
  const std::int64_t now = 10'000'000;
  rig.event(ev(1, now, "call", "R-001", "Loket 1"), now);
  rig.event(ev(2, now, "call", "R-002", "Loket 2"), now);
  rig.event(ev(3, now, "recall", "R-002", "Loket 2"), now);
  rig.event(ev(4, now - 600'000, "call", "R-003", "Loket 3"), now);  // replayed, ten minutes old
  EXPECT_EQ(rig.model.queuedToSpeak(), 1u);
  {
    std::lock_guard l(rig.sink->mutex);
    rig.sink->holdPlayback = false;
  }
  rig.sink->changed.notify_all();
  rig.runUntilSaid(2, now);
  std::this_thread::sleep_for(100ms);
  std::lock_guard l(rig.mutex);
  EXPECT_TRUE(rig.results.empty());  // nothing more was said
  EXPECT_EQ(rig.said[1].first, "R-002");
  EXPECT_EQ(rig.model.staleNotSpoken(), 1);
  bool shown = false;
  for (const auto& c : rig.model.board().current) shown = shown || c.ticket == "R-003";
  EXPECT_TRUE(shown);
}

TEST(AnnouncementQueue, NoSoundDeviceEveryCallIsStillShownAndTheQueueMoves) {
  Rig rig;
  {
    std::lock_guard l(rig.sink->mutex);
    rig.sink->failOpen = true;
  }
  for (int i = 1; i <= 5; ++i) rig.event(ev(i, 1000, "call", "R-00" + std::to_string(i), "Loket 1"), 1000);
  rig.runUntilSaid(5, 1000);
  for (const auto& [ticket, r] : rig.said) EXPECT_FALSE(r.spoken) << ticket;
  EXPECT_EQ(rig.model.board().current.at(0).ticket, "R-005");
  EXPECT_EQ(rig.model.latestCall()->ticket, "R-005");
  EXPECT_FALSE(rig.player->status().deviceOk);
}

// The shared reader of the event log: 20 streams waiting, events published
// one at a time; the log is read once per new event (not once per stream),
// every stream gets every frame in order, a stream older than the window
// is told to read the log itself, and a credential ending wakes them all.
#include "kiosk/server/event_fanout.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "kiosk/server/event_hub.hpp"

using namespace lpse;
using namespace std::chrono_literals;

namespace {

// An in-memory log standing in for the store; counts its reads.
struct FakeLog {
  std::mutex mu;
  std::vector<store::EventRecord> events;
  std::atomic<int> reads{0};

  std::int64_t append() {
    std::lock_guard l(mu);
    store::EventRecord e;
    e.seq = static_cast<std::int64_t>(events.size()) + 1;
    e.kind = "ticket_issued";
    events.push_back(e);
    return e.seq;
  }
  std::vector<store::EventRecord> after(std::int64_t seq, int limit) {
    ++reads;
    std::lock_guard l(mu);
    std::vector<store::EventRecord> out;
    for (const auto& e : events)
      if (e.seq > seq && static_cast<int>(out.size()) < limit) out.push_back(e);
    return out;
  }
};

std::string frame(const store::EventRecord& e) { return "id: " + std::to_string(e.seq) + "\n\n"; }

TEST(EventFanout, OneReadPerNewEventForTwentyStreams) {
  FakeLog log;
  server::EventHub hub;
  server::EventFanout fan(hub, [&](std::int64_t a, int l) { return log.after(a, l); }, frame, 0);
  constexpr int kStreams = 20, kEvents = 50;
  std::vector<std::string> got(kStreams);
  std::vector<std::thread> streams;
  std::atomic<int> ready{0};
  for (int s = 0; s < kStreams; ++s)
    streams.emplace_back([&, s] {
      std::int64_t after = 0;
      ++ready;
      while (after < kEvents) {
        auto n = fan.next(after, fan.credentialEpoch(), 2s);
        ASSERT_FALSE(n.behind);
        if (n.frames.empty()) continue;
        got[s] += n.frames;
        after = n.last;
      }
    });
  while (ready < kStreams) std::this_thread::yield();
  for (int i = 0; i < kEvents; ++i) {
    hub.publish(log.append());
    std::this_thread::sleep_for(2ms);
  }
  for (auto& t : streams) t.join();
  std::string expected;
  for (int i = 1; i <= kEvents; ++i) expected += "id: " + std::to_string(i) + "\n\n";
  for (int s = 0; s < kStreams; ++s) EXPECT_EQ(got[s], expected) << "stream " << s;
  // Per-stream reading would be >= 20 * 50; shared is at most one per event.
  EXPECT_LE(log.reads.load(), kEvents);
  EXPECT_EQ(fan.reads(), log.reads.load());
}

TEST(EventFanout, AStreamOlderThanTheWindowIsToldToReadTheLog) {
  FakeLog log;
  for (int i = 0; i < 10; ++i) log.append();
  server::EventHub hub;
  // Started at the log's end (10), keeping 4 events.
  server::EventFanout fan(hub, [&](std::int64_t a, int l) { return log.after(a, l); }, frame, 10, 4);
  EXPECT_TRUE(fan.next(3, fan.credentialEpoch(), 10ms).behind);
  for (int i = 0; i < 6; ++i) hub.publish(log.append());
  // 11..16 read; only 13..16 kept.
  for (int i = 0; i < 100 && fan.next(15, fan.credentialEpoch(), 10ms).last != 16; ++i) {
  }
  auto n = fan.next(12, fan.credentialEpoch(), 10ms);
  EXPECT_FALSE(n.behind);
  EXPECT_EQ(n.frames, "id: 13\n\nid: 14\n\nid: 15\n\nid: 16\n\n");
  EXPECT_TRUE(fan.next(11, fan.credentialEpoch(), 10ms).behind);
}

TEST(EventFanout, AnEndedCredentialWakesEveryWaitingStreamAtOnce) {
  FakeLog log;
  server::EventHub hub;
  server::EventFanout fan(hub, [&](std::int64_t a, int l) { return log.after(a, l); }, frame, 0);
  const auto epoch = fan.credentialEpoch();
  std::atomic<int> woken{0};
  std::vector<std::thread> streams;
  for (int s = 0; s < 5; ++s)
    streams.emplace_back([&] {
      auto n = fan.next(0, epoch, 10s);
      if (n.credentialsEnded) ++woken;
    });
  std::this_thread::sleep_for(50ms);
  const auto t0 = std::chrono::steady_clock::now();
  fan.credentialsEnded();
  for (auto& t : streams) t.join();
  EXPECT_EQ(woken, 5);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 1s);
}

TEST(EventFanout, StopWakesEveryone) {
  FakeLog log;
  server::EventHub hub;
  server::EventFanout fan(hub, [&](std::int64_t a, int l) { return log.after(a, l); }, frame, 0);
  std::thread waiter([&] { EXPECT_TRUE(fan.next(0, fan.credentialEpoch(), 10s).stopping); });
  std::this_thread::sleep_for(20ms);
  fan.stop();
  waiter.join();
}

}  // namespace

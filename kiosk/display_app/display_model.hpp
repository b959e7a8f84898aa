#pragma once
// What the wall display shows and says, as data: the board (numbers,
// counters, counts; never personal data), the call on the big panel, the
// queue of calls still to be spoken, and whether the server and the sound
// are there. Fed by the event stream and the player's results; time is
// passed in; no ImGui, no audio here.
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/api/wire.hpp"
#include "kiosk/core/call_speech.hpp"
#include "kiosk/core/case_record.hpp"
#include "kiosk/core/visit.hpp"

namespace lpse::display {

// One call as the display knows it.
struct Announcement {
  std::string ticket, counter;
  std::int64_t atMs = 0;      // when the display learned of it
  bool recall = false;
  core::CallKind kind = core::CallKind::Call;
  std::int64_t seq = 0;       // the stream event; 0 when not from the stream
  std::int64_t eventAtMs = 0; // when the desk called (server clock)
};

// A call handed to the voice; `key` comes back in speechDone().
struct SpeechJob {
  std::uint64_t key = 0;
  Announcement call;
};

struct VoicePolicy {
  bool enabled = true;
  std::int64_t maxAgeMs = 120'000;  // older calls (a replay after an outage) are shown, not spoken
};

class DisplayModel {
 public:
  explicit DisplayModel(VoicePolicy voice = {}) : m_voice(voice) {}

  // An event from the push stream. Returns true when the board should be
  // re-read. An event seen before (same seq) changes nothing.
  bool onEvent(const api::StreamEvent& e, std::int64_t nowMs);
  // The board from the server: what was missed while away is shown (not
  // spoken: the stream replay decides what is spoken).
  void setBoard(const core::Board& b);
  void setOnline(bool online, std::int64_t nowMs = 0);
  // False when the server refuses this display's credential (or it has none).
  void setRegistered(bool registered) { m_registered = registered; }
  void setServices(std::vector<core::ServiceDef> services) { m_services = std::move(services); }

  // The voice: the next call to say, once the previous one is done (one at
  // a time, in event order); and its end (spoken or not, e.g. no device).
  std::optional<SpeechJob> nextToSpeak(std::int64_t nowMs);
  void speechDone(std::uint64_t key, bool spoken, std::int64_t nowMs);
  void setSoundOk(bool ok) { m_soundOk = ok; }

  const core::Board& board() const { return m_board; }
  bool hasBoard() const { return m_hasBoard; }
  bool online() const { return m_online; }
  bool registered() const { return m_registered; }
  bool soundOk() const { return m_soundOk; }
  // The banner: offline for 3 s or more (a blip while reconnecting is not news).
  bool showOfflineBanner(std::int64_t nowMs) const;

  // The call on the big panel: the one being spoken, else the newest.
  std::optional<Announcement> latestCall() const;
  // Highlighted while spoken (or, without a voice, for kHighlightMs).
  bool highlighted(std::int64_t nowMs) const;
  // Blinks three times when the call starts being spoken (or shown).
  bool blinkOff(std::int64_t nowMs) const;
  bool speaking() const { return m_speaking.has_value(); }
  std::size_t queuedToSpeak() const { return m_queue.size(); }
  // The last calls for the list, newest first, without the one on the big panel.
  std::vector<core::CounterCall> recentCalls(std::size_t n) const;
  // Waiting for a service, and a guess of the wait in minutes: from the pace
  // of its calls seen here in the last hour, else 5 min (the SOP's check of
  // a dossier) per visitor spread over the counters calling that service.
  int waiting(const std::string& service) const;
  int estimatedWaitMinutes(const std::string& service, std::int64_t nowMs) const;
  // Calls not spoken because they were too old when they arrived.
  int staleNotSpoken() const { return m_stale; }

  static constexpr int kHighlightMs = 8000;
  static constexpr int kBlinkMs = 500;  // three blinks: 3 x (off + on)
  static constexpr int kOfflineBannerMs = 3000;

 private:
  void show(const Announcement& a);
  std::string serviceOfTicket(const std::string& ticket) const;

  VoicePolicy m_voice;
  core::Board m_board;
  std::vector<core::ServiceDef> m_services;
  bool m_hasBoard = false;
  bool m_online = false;
  std::int64_t m_offlineSinceMs = 0;
  bool m_registered = true;
  bool m_soundOk = true;
  std::int64_t m_lastSeq = 0;
  std::optional<Announcement> m_latest;
  std::int64_t m_highlightFromMs = 0, m_highlightUntilMs = 0;
  std::deque<SpeechJob> m_queue;
  std::optional<SpeechJob> m_speaking;
  std::uint64_t m_nextKey = 1;
  int m_stale = 0;
  std::vector<std::pair<std::string, std::int64_t>> m_callTimes;  // service, eventAtMs (last hour)
};

}  // namespace lpse::display

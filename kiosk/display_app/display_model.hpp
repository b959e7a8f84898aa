#pragma once
// What the wall display shows, as data: the board (numbers, counters,
// counts; never personal data), the call being announced, and whether the
// server is reachable. Fed by the event stream; no ImGui here.
#include <cstdint>
#include <deque>
#include <optional>
#include <string>

#include "kiosk/api/wire.hpp"
#include "kiosk/core/case_record.hpp"

namespace lpse::display {

struct Announcement {
  std::string ticket, counter;
  std::int64_t atMs = 0;   // when the display learned of it
  bool recall = false;
};

class DisplayModel {
 public:
  // An event from the push stream. Returns true when the board should be
  // re-read (anything that changes counts or calls).
  bool onEvent(const api::StreamEvent& e, std::int64_t nowMs);
  void setBoard(const core::Board& b) { m_board = b; m_hasBoard = true; }
  void setOnline(bool online) { m_online = online; }
  // False when the server refuses this display's credential (or it has none).
  void setRegistered(bool registered) { m_registered = registered; }

  const core::Board& board() const { return m_board; }
  bool hasBoard() const { return m_hasBoard; }
  bool online() const { return m_online; }
  bool registered() const { return m_registered; }
  // The call to show large: the newest one, highlighted for a while.
  std::optional<Announcement> latestCall() const;
  bool highlighted(std::int64_t nowMs) const;
  // Calls not yet announced by voice, oldest first (two calls in the same
  // millisecond are both kept and both announced).
  std::deque<Announcement>& pendingAnnouncements() { return m_pending; }

  static constexpr int kHighlightMs = 8000;

 private:
  core::Board m_board;
  bool m_hasBoard = false;
  bool m_online = false;
  bool m_registered = true;
  std::optional<Announcement> m_latest;
  std::deque<Announcement> m_pending;
};

}  // namespace lpse::display

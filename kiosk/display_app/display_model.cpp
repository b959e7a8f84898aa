#include "kiosk/display_app/display_model.hpp"

namespace lpse::display {

bool DisplayModel::onEvent(const api::StreamEvent& e, std::int64_t nowMs) {
  if (e.kind == "call" || e.kind == "recall") {
    Announcement a{e.ticket, e.counter, nowMs, e.kind == "recall"};
    m_latest = a;
    m_pending.push_back(a);
    // Show the call at once, before the board is re-read.
    core::CounterCall call{e.counter, e.ticket, "", e.atMs};
    bool replaced = false;
    for (auto& c : m_board.current)
      if (c.counter == e.counter) {
        c = call;
        replaced = true;
      }
    if (!replaced) m_board.current.push_back(call);
    m_board.recent.insert(m_board.recent.begin(), call);
  }
  return true;
}

std::optional<Announcement> DisplayModel::latestCall() const {
  if (m_latest) return m_latest;
  if (!m_board.recent.empty()) return Announcement{m_board.recent.front().ticket, m_board.recent.front().counter, 0};
  return std::nullopt;
}

bool DisplayModel::highlighted(std::int64_t nowMs) const {
  return m_latest && nowMs - m_latest->atMs < kHighlightMs;
}

}  // namespace lpse::display

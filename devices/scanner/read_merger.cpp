#include "devices/scanner/read_merger.hpp"

namespace lpse::scanner {

ReadMerger::ReadMerger(std::chrono::milliseconds window) : m_window(window) {}

bool ReadMerger::accept(const std::string& text, Clock::time_point at) {
  // Forget reads whose window has passed, so the map stays small.
  for (auto it = m_lastSeen.begin(); it != m_lastSeen.end();)
    it = at - it->second > m_window ? m_lastSeen.erase(it) : std::next(it);
  auto [it, inserted] = m_lastSeen.try_emplace(text, at);
  if (inserted) return true;
  if (at > it->second) it->second = at;
  return false;
}

void ReadMerger::reset() { m_lastSeen.clear(); }

}  // namespace lpse::scanner

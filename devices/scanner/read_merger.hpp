#pragma once
// A code held in front of the camera is read on frame after frame; the
// kiosk wants one event. Same text seen again within `window` of its last
// sighting is the same read; a code taken away and shown again after the
// window is a new one. Pure: the caller gives the times.
#include <chrono>
#include <string>
#include <unordered_map>

namespace lpse::scanner {

class ReadMerger {
 public:
  using Clock = std::chrono::steady_clock;
  explicit ReadMerger(std::chrono::milliseconds window = std::chrono::milliseconds(3000));

  // True when this sighting is a new read (report it); false when it repeats
  // one already reported. Every sighting extends that read's window.
  bool accept(const std::string& text, Clock::time_point at);
  void reset();
  std::size_t remembered() const { return m_lastSeen.size(); }

 private:
  std::chrono::milliseconds m_window;
  std::unordered_map<std::string, Clock::time_point> m_lastSeen;
};

}  // namespace lpse::scanner

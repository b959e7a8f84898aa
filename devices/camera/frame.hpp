#pragma once
// One camera (or image file) frame as 8-bit gray: all the decoder needs, and
// what the kiosk uploads as its preview texture (GL_RED, width x height).
#include <chrono>
#include <cstdint>
#include <vector>

namespace lpse::camera {

struct Frame {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> gray;  // width * height bytes, row-major, no padding
  std::uint64_t sequence = 0;      // counts up per source; gaps mean dropped frames
  std::chrono::steady_clock::time_point captured{};

  bool empty() const { return width <= 0 || height <= 0 || gray.size() < static_cast<std::size_t>(width) * height; }
  std::uint8_t at(int x, int y) const { return gray[static_cast<std::size_t>(y) * width + x]; }
};

}  // namespace lpse::camera

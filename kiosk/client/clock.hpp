#pragma once
// The wall clock the front-ends show and time steps with (ms since epoch).
#include <chrono>
#include <cstdint>

namespace lpse::client {

inline std::int64_t wallClockMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace lpse::client

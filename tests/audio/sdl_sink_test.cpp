// The real SDL2 path, through SDL's disk driver: what play() hands over is
// what ends up in the file, whole and in order.
#include "devices/audio/sdl_sink.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "devices/audio/pcm_ops.hpp"

using namespace lpse::audio;

namespace {
std::vector<std::int16_t> readRaw(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::int16_t> s(b.size() / 2);
  std::memcpy(s.data(), b.data(), s.size() * 2);
  return s;
}
}  // namespace

TEST(SdlSink, DiskDriverReceivesEverySampleInOrder) {
  const std::string file = (std::filesystem::temp_directory_path() / ("lpse-sdl-" + std::to_string(::getpid()) + ".raw")).string();
  ::setenv("SDL_AUDIODRIVER", "disk", 1);
  ::setenv("SDL_DISKAUDIOFILE", file.c_str(), 1);
  ::setenv("SDL_DISKAUDIODELAY", "1", 1);  // no real-time wait between buffers
  SdlSink sink;
  auto st = sink.open();
  if (!st) GTEST_SKIP() << st.error().en;
  EXPECT_NE(sink.describe().find("disk"), std::string::npos);
  Pcm a = builtinChime(), b = builtinChime();
  for (auto& s : b.samples) s = static_cast<std::int16_t>(s / 2);
  const auto t0 = std::chrono::steady_clock::now();
  auto pa = sink.play(a.samples);
  ASSERT_TRUE(pa) << pa.error().en;
  EXPECT_GE(pa->firstSample, t0);
  ASSERT_TRUE(sink.play(silence(300).samples));
  ASSERT_TRUE(sink.play(b.samples));
  sink.close();
  auto out = readRaw(file);
  std::filesystem::remove(file);
  // a whole, then only silence (the pause, and the device's padding of its
  // last buffer), then b whole.
  auto it = std::search(out.begin(), out.end(), a.samples.begin(), a.samples.begin() + 200);
  ASSERT_NE(it, out.end());
  const std::size_t at = static_cast<std::size_t>(it - out.begin());
  ASSERT_GE(out.size(), at + a.samples.size());
  EXPECT_TRUE(std::equal(a.samples.begin(), a.samples.end(), out.begin() + at));
  auto bIt = std::search(out.begin() + at + a.samples.size(), out.end(), b.samples.begin(), b.samples.begin() + 200);
  ASSERT_NE(bIt, out.end());
  const std::size_t bAt = static_cast<std::size_t>(bIt - out.begin());
  EXPECT_GE(bAt - (at + a.samples.size()), silence(300).samples.size());
  EXPECT_TRUE(std::all_of(out.begin() + at + a.samples.size(), bIt, [](std::int16_t s) { return s == 0; }));
  ASSERT_GE(out.size(), bAt + b.samples.size());
  EXPECT_TRUE(std::equal(b.samples.begin(), b.samples.end(), out.begin() + bAt));
}

TEST(SdlSink, NoDeviceIsAnErrorNotACrash) {
  ::setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
  SdlSink sink;
  auto st = sink.open();
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, "audio_no_device");
  EXPECT_FALSE(sink.isOpen());
  EXPECT_FALSE(sink.play(builtinChime().samples));
}

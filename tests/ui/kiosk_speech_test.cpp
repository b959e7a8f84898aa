// The kiosk's spoken guidance through the real audio path: libespeak-ng
// synthesis and SDL2 with its disk driver (the stream lands in a file this
// test reads). A sentence is heard to its end; "stop" cuts one short.
#include "kiosk/kiosk_app/kiosk_speech.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "devices/audio/sdl_sink.hpp"
#include "devices/audio/speech_synth.hpp"
#include "kiosk/kiosk_app/kiosk_model.hpp"

using namespace lpse;

namespace {

std::filesystem::path diskFile() {
  return std::filesystem::temp_directory_path() / ("lpse_kiosk_speech_" + std::to_string(::getpid()) + ".raw");
}

template <class F>
bool waitFor(F pred, double seconds) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<int>(seconds * 1000));
  while (std::chrono::steady_clock::now() < end) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

int loudest(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  int peak = 0;
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    const auto v = static_cast<std::int16_t>(static_cast<unsigned char>(bytes[i]) | (static_cast<unsigned char>(bytes[i + 1]) << 8));
    peak = std::max(peak, std::abs(static_cast<int>(v)));
  }
  return peak;
}

class KioskSpeechTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!audio::speechAvailable()) GTEST_SKIP() << "libespeak-ng has no voice data here";
    m_file = diskFile();
    ::setenv("SDL_AUDIODRIVER", "disk", 1);
    ::setenv("SDL_DISKAUDIOFILE", m_file.c_str(), 1);
  }
  void TearDown() override { std::filesystem::remove(m_file); }
  std::filesystem::path m_file;
};

}  // namespace

TEST_F(KioskSpeechTest, TheFinalTicketIsReadToTheEndThroughTheDevice) {
  const std::string text = kiosk::ticketGuidance("R-001", "", 2, "id");
  auto expected = audio::synthesize(text, {.voice = "id", .wordsPerMinute = 145});
  ASSERT_TRUE(expected.ok());
  kiosk::KioskSpeech speech(std::make_unique<audio::SdlSink>());
  speech.say(text, "id");
  ASSERT_TRUE(waitFor([&] { return speech.status().finished == 1; }, 30)) << speech.status().problem;
  const auto st = speech.status();
  EXPECT_TRUE(st.deviceOk) << st.problem;
  // (Two syntheses of one sentence differ by a few milliseconds.)
  EXPECT_NEAR(static_cast<double>(st.samples), static_cast<double>(expected->samples.size()),
              expected->samples.size() * 0.02)
      << "every sample reached the device";
  EXPECT_GT(loudest(m_file), 2000) << "the file the disk driver wrote is silent";
}

TEST_F(KioskSpeechTest, StopCutsASentenceShortAndANewOneReplacesIt) {
  const std::string longText = kiosk::pageGuidance(kiosk::Step::Confirm, "id") + " " +
                               kiosk::pageGuidance(kiosk::Step::Contact, "id");
  auto full = audio::synthesize(longText, {.voice = "id", .wordsPerMinute = 145});
  ASSERT_TRUE(full.ok());
  kiosk::KioskSpeech speech(std::make_unique<audio::SdlSink>());
  speech.say(longText, "id");
  ASSERT_TRUE(waitFor([&] { return speech.status().samples > 0 || speech.status().speaking; }, 20));
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  speech.stop();
  ASSERT_TRUE(waitFor([&] { return speech.status().cut == 1 && !speech.status().speaking; }, 5));
  EXPECT_LT(speech.status().samples, full->samples.size() / 2) << "stop did not stop it";
  // Said again and replaced by another page's words at once: one cut, one heard.
  speech.say(longText, "id");
  speech.say(kiosk::pageGuidance(kiosk::Step::Attract, "en"), "en");
  ASSERT_TRUE(waitFor([&] { return speech.status().finished == 1; }, 30)) << speech.status().problem;
}

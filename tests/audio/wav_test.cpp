#include "devices/audio/wav.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

using namespace lpse::audio;

namespace {

// A WAV of any layout, written by hand so the reader is checked against
// bytes it did not produce itself.
std::vector<std::uint8_t> wavBytes(int format, int channels, int rate, int bits, const std::vector<std::uint8_t>& data,
                                   bool extensible = false) {
  std::vector<std::uint8_t> b;
  auto put32 = [&](std::uint32_t v) { for (int i = 0; i < 4; ++i) b.push_back(static_cast<std::uint8_t>(v >> (8 * i))); };
  auto put16 = [&](std::uint16_t v) { b.push_back(v & 0xff); b.push_back(v >> 8); };
  auto tag = [&](const char* t) { b.insert(b.end(), t, t + 4); };
  const std::uint32_t fmtLen = extensible ? 40 : 16;
  tag("RIFF");
  put32(4 + 8 + fmtLen + 8 + 4 + 8 + static_cast<std::uint32_t>(data.size()));
  tag("WAVE");
  tag("LIST");  // a chunk the reader must skip
  put32(4);
  tag("INFO");
  tag("fmt ");
  put32(fmtLen);
  put16(extensible ? 0xFFFE : format);
  put16(channels);
  put32(rate);
  put32(rate * channels * bits / 8);
  put16(channels * bits / 8);
  put16(bits);
  if (extensible) {
    put16(22);
    put16(bits);
    put32(0);
    put16(format);
    for (int i = 0; i < 14; ++i) b.push_back(0);
  }
  tag("data");
  put32(static_cast<std::uint32_t>(data.size()));
  b.insert(b.end(), data.begin(), data.end());
  return b;
}

}  // namespace

TEST(Wav, RoundTripsTheDeviceFormat) {
  Pcm p{kSampleRate, {0, 1000, -1000, 32767, -32768}};
  auto back = decodeWav(encodeWav(p), "x.wav");
  ASSERT_TRUE(back) << back.error().en;
  EXPECT_EQ(back->samples, p.samples);
  EXPECT_EQ(back->rate, kSampleRate);
}

TEST(Wav, StereoFortyFourKilohertzIsMixedAndResampled) {
  std::vector<std::uint8_t> data;
  for (int i = 0; i < 44100; ++i) {  // one second, left 8000, right 4000
    for (std::int16_t v : {std::int16_t(8000), std::int16_t(4000)}) {
      data.push_back(static_cast<std::uint8_t>(v & 0xff));
      data.push_back(static_cast<std::uint8_t>((v >> 8) & 0xff));
    }
  }
  auto p = decodeWav(wavBytes(1, 2, 44100, 16, data), "stereo.wav");
  ASSERT_TRUE(p) << p.error().en;
  EXPECT_NEAR(static_cast<double>(p->samples.size()), kSampleRate, 2);
  EXPECT_NEAR(p->samples[100], 6000, 2);
}

TEST(Wav, EightBitTwentyFourBitFloatAndExtensibleAreRead) {
  auto u8 = decodeWav(wavBytes(1, 1, 22050, 8, {128, 192, 64}), "u8.wav");
  ASSERT_TRUE(u8) << u8.error().en;
  EXPECT_EQ(u8->samples[0], 0);
  EXPECT_NEAR(u8->samples[1], 16384, 2);
  auto s24 = decodeWav(wavBytes(1, 1, 22050, 24, {0, 0, 0x40}), "s24.wav");
  ASSERT_TRUE(s24) << s24.error().en;
  EXPECT_NEAR(s24->samples[0], 16384, 2);
  float half = -0.5f;
  std::vector<std::uint8_t> f(4);
  std::memcpy(f.data(), &half, 4);
  auto fl = decodeWav(wavBytes(3, 1, 22050, 32, f, true), "float.wav");
  ASSERT_TRUE(fl) << fl.error().en;
  EXPECT_NEAR(fl->samples[0], -16384, 2);
}

TEST(Wav, BadFilesAreRefusedNamingTheFile) {
  auto empty = decodeWav({}, "kosong.wav");
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().id.find("kosong.wav"), std::string::npos);
  EXPECT_NE(empty.error().en.find("empty"), std::string::npos);
  const std::string text = "this is not a wav file at all";
  auto notWav = decodeWav({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()}, "teks.wav");
  ASSERT_FALSE(notWav);
  EXPECT_NE(notWav.error().en.find("RIFF"), std::string::npos);
  auto alaw = decodeWav(wavBytes(6, 1, 8000, 8, {1, 2, 3}), "alaw.wav");  // A-law: another sample format
  ASSERT_FALSE(alaw);
  EXPECT_NE(alaw.error().en.find("16-bit PCM"), std::string::npos);
  auto noData = decodeWav(wavBytes(1, 1, 22050, 16, {}), "hening.wav");
  ASSERT_FALSE(noData);
  std::vector<std::uint8_t> minutes(22050 * 2 * 120);  // two minutes
  auto longOne = decodeWav(wavBytes(1, 1, 22050, 16, minutes), "pidato.wav");
  ASSERT_FALSE(longOne);
  EXPECT_NE(longOne.error().en.find("too long (120 s"), std::string::npos);
  auto badRate = decodeWav(wavBytes(1, 1, 1000, 16, {0, 0}), "lambat.wav");
  ASSERT_FALSE(badRate);
  // Truncated by a recorder killed mid-write: what is there is used.
  auto full = wavBytes(1, 1, 22050, 16, std::vector<std::uint8_t>(2000, 0x10));
  full.resize(full.size() - 1000);
  auto cut = decodeWav(full, "putus.wav");
  ASSERT_TRUE(cut) << cut.error().en;
  EXPECT_EQ(cut->samples.size(), 500u);
}

TEST(Wav, MissingFileIsAnError) {
  auto r = readWav("/nonexistent/dir/x.wav");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "wav_missing");
}

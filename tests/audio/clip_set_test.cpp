#include "devices/audio/clip_set.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "devices/audio/announcement.hpp"
#include "devices/audio/pcm_ops.hpp"
#include "devices/audio/wav.hpp"

using namespace lpse::audio;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("lpse-clips-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::vector<ClipDef> shippedList() {
  auto defs = readClipList(std::string(LPSE_SOURCE_DIR) + "/assets/voice/clips.tsv");
  EXPECT_TRUE(defs) << defs.error().en;
  return defs ? *defs : std::vector<ClipDef>{};
}

}  // namespace

TEST(ClipSet, EveryShippedClipWasGeneratedAtBuildTime) {
  ClipSet clips({.generatedDir = LPSE_VOICE_DIR, .synthesize = false}, shippedList());
  auto all = clips.listAll();
  ASSERT_GT(all.size(), 50u);
  EXPECT_EQ(all[0].name, "chime");
  EXPECT_EQ(all[0].source, ClipSource::Builtin);
  for (std::size_t i = 1; i < all.size(); ++i) {
    EXPECT_EQ(all[i].source, ClipSource::Generated) << all[i].name;
    EXPECT_GT(all[i].seconds, 0.1) << all[i].name;
    EXPECT_LT(all[i].seconds, 2.5) << all[i].name;
  }
}

TEST(ClipSet, ARecordingReplacesTheGeneratedClip) {
  TempDir rec;
  Pcm mine{kSampleRate, std::vector<std::int16_t>(kSampleRate / 2, 0)};
  for (std::size_t i = 0; i < mine.samples.size(); ++i) mine.samples[i] = static_cast<std::int16_t>((i % 50) * 200 - 5000);
  ASSERT_TRUE(writeWav((rec.path / "nomor_antrian.wav").string(), mine));
  ClipSet clips({.recordingsDir = rec.path.string(), .generatedDir = LPSE_VOICE_DIR}, shippedList());
  auto info = clips.info("nomor antrian");
  EXPECT_EQ(info.source, ClipSource::Recorded);
  EXPECT_EQ(info.path, (rec.path / "nomor_antrian.wav").string());
  EXPECT_NEAR(info.seconds, 0.5, 0.02);
  EXPECT_EQ(clips.info("satu").source, ClipSource::Generated);
}

TEST(ClipSet, ACorruptRecordingIsReportedOnceAndTheWordStillSpoken) {
  TempDir rec;
  std::ofstream(rec.path / "satu.wav") << "corrupt";
  std::ofstream(rec.path / "dua.wav");  // empty
  std::vector<std::string> logged;
  ClipSet clips({.recordingsDir = rec.path.string(), .generatedDir = LPSE_VOICE_DIR}, shippedList(),
                [&](const std::string& m) { logged.push_back(m); });
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(clips.get("satu").empty());
  EXPECT_EQ(clips.info("satu").source, ClipSource::Generated);
  EXPECT_FALSE(clips.info("satu").problem.empty());
  EXPECT_FALSE(clips.get("dua").empty());
  ASSERT_EQ(logged.size(), 2u);
  EXPECT_NE(logged[0].find("satu.wav"), std::string::npos);
  EXPECT_NE(logged[1].find("dua.wav"), std::string::npos);
  EXPECT_NE(logged[1].find("empty"), std::string::npos);
}

TEST(ClipSet, AMissingWordIsSynthesizedAtRunTime) {
  ClipSet clips({.generatedDir = LPSE_VOICE_DIR}, shippedList());
  auto info = clips.info("verifikasi");
  EXPECT_EQ(info.source, ClipSource::Synthesized);
  EXPECT_GT(info.seconds, 0.3);
  ClipSet noSynth({.generatedDir = LPSE_VOICE_DIR, .synthesize = false}, shippedList());
  EXPECT_EQ(noSynth.info("verifikasi").source, ClipSource::Missing);
}

TEST(ClipSet, ClipListErrorsNameTheLine) {
  auto bad = parseClipList("satu\n../etc/passwd\tx\n", "clips.tsv");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().en.find("clips.tsv:2"), std::string::npos);
  auto ok = parseClipList("# comment\nbelas\t[[b@l'as]]\nsatu\n", "clips.tsv");
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->size(), 2u);
  EXPECT_EQ((*ok)[0].say, "[[b@l'as]]");
  EXPECT_EQ((*ok)[1].say, "satu");
  EXPECT_EQ(clipFileName("silakan kembali ke"), "silakan_kembali_ke.wav");
}

TEST(Announcement, ChimeThenWordsThenRepeat) {
  ClipSet clips({.generatedDir = LPSE_VOICE_DIR}, shippedList());
  Utterance u{{"nomor antrian", ",", "er", ",", "dua", "belas", "."}, "", 2};
  auto r = render(u, clips);
  ASSERT_FALSE(r.parts.empty());
  EXPECT_EQ(r.parts[0].name, "chime");
  std::size_t total = 0, words = 0;
  for (const auto& p : r.parts) {
    total += p.samples;
    if (p.name == "belas") ++words;
  }
  EXPECT_EQ(total, r.pcm.samples.size());
  EXPECT_EQ(words, 2u);  // said twice
  // The chime and the two sayings are separate sounds in the output.
  auto spans = soundSpans(r.pcm.samples, kSampleRate, 300);
  EXPECT_GE(spans.size(), 3u);
}

// The quick held-out check of the decoder on the wild set
// (tests/scanner/wild_set.py: qrencode + PIL/numpy, nothing shared with the
// decoder or with its own degraded set): the first frame of every kind of
// the "heldout" split, a split the passes were never tuned on. The full
// figures are scan_bench's (docs/PERFORMANCE.md); this holds a floor and
// the order against ZXing-cpp at its best in a few seconds.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "devices/camera/image_file_source.hpp"
#include "devices/scanner/qr_decoder.hpp"
#include "tests/scanner/wild_set.hpp"

using namespace lpse;
using namespace lpse::scanner;
using namespace lpse::scanner::testing;

namespace {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "lpse-qr-wild-XXXXXX").string();
    if (mkdtemp(tmpl.data())) path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

bool reads(const QrDecoder& dec, const camera::Frame& f, const std::string& payload) {
  for (const auto& r : dec.decode(f))
    if (r.text == payload) return true;
  return false;
}

}  // namespace

TEST(QrWildHeldOut, ReadsAFloorOfTheHeldOutShotsAndNoFewerThanZxingAtItsBest) {
  const std::string missing = wildSetMissingTools();
  if (!missing.empty()) {
    // config/packages-debian.txt installs them; a machine without cannot check.
    std::fprintf(stderr, "%s missing: skipped\n", missing.c_str());
    std::exit(77);
  }
  TempDir dir;
  ASSERT_FALSE(dir.path.empty());
  WildOptions opt;
  opt.perKind = 1;
  opt.splits = "heldout";
  const auto set = makeWildSet(dir.path, opt);
  ASSERT_TRUE(set.has_value());
  ASSERT_GE(set->size(), 15u);

  const QrDecoder ours, best(zxingBestConfig());
  int withCode = 0, oursOk = 0, bestOk = 0, falseReads = 0;
  std::map<std::string, bool> oursByKind;
  for (const auto& s : *set) {
    const auto frame = camera::loadGrayImage(s.file);
    ASSERT_TRUE(static_cast<bool>(frame)) << s.file;
    if (s.payload.empty()) {
      falseReads += !ours.decode(*frame).empty();
      continue;
    }
    ++withCode;
    const bool o = reads(ours, *frame, s.payload), b = reads(best, *frame, s.payload);
    oursOk += o;
    bestOk += b;
    oursByKind[s.kind] = o;
    std::printf("  %-13s ours %s  ZXing best %s\n", s.kind.c_str(), o ? "read" : "-   ", b ? "read" : "-");
  }
  std::printf("  ours %d/%d, ZXing-cpp at its best %d/%d\n", oursOk, withCode, bestOk, withCode);
  EXPECT_EQ(falseReads, 0);
  // Light on dark, printed and on a phone in dark mode: the reason for the
  // inverted retry.
  EXPECT_TRUE(oursByKind["inverted"]);
  EXPECT_TRUE(oursByKind["screen_dark"]);
  EXPECT_TRUE(oursByKind["low_contrast"]);
  EXPECT_GE(oursOk, bestOk);
  // Measured 12/16 (ZXing-cpp at its best 10/16) on this split's first
  // frames: a thumb over a finder pattern, a glare spot, a screen and a
  // noisy shot are lost to both; one frame of slack.
  EXPECT_GE(oursOk, withCode - 5);
}

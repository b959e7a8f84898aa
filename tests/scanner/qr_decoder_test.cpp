// The tuned pipeline on the generated degraded set (degraded_set.cpp): the
// success rate it must hold, against ZXing with default settings on the
// same frames, and the sizes a webcam or a phone gives.
#include "devices/scanner/qr_decoder.hpp"

#include <gtest/gtest.h>

#include <time.h>

#include <algorithm>
#include <map>

#include "devices/scanner/image_ops.hpp"
#include "tests/scanner/degraded_set.hpp"

using namespace lpse;
using namespace lpse::scanner;
using namespace lpse::scanner::testing;

namespace {

// Generated once for the whole file: the frames take a moment to make.
const std::vector<Sample>& set() {
  // A seed the pipeline was not tuned on (tuning used 20261126 and 7).
  static const std::vector<Sample> s = makeDegradedSet(424242, 6);
  return s;
}

struct Score {
  std::map<std::string, std::pair<int, int>> perCategory;
  int ok = 0, total = 0, falseReads = 0;
  double rate() const { return total ? double(ok) / total : 0; }
  double rate(const std::string& c) const {
    auto it = perCategory.find(c);
    return it == perCategory.end() || !it->second.second ? 0 : double(it->second.first) / it->second.second;
  }
};

Score score(const QrDecoder& dec) {
  Score s;
  for (const auto& sample : set()) {
    const auto reads = dec.decode(sample.frame);
    if (sample.payload.empty()) {
      s.falseReads += !reads.empty();
      continue;
    }
    const bool ok = !reads.empty() && reads.front().text == sample.payload;
    auto& c = s.perCategory[sample.category];
    ++c.second;
    ++s.total;
    if (ok) ++c.first, ++s.ok;
  }
  return s;
}

}  // namespace

// One test, so the set is generated once (CTest runs each test in its own process).
TEST(QrDecoder, HoldsItsSuccessRateOnTheDegradedSetAndBeatsZxingDefaults) {
  const Score ours = score(QrDecoder());
  for (const auto& [cat, r] : ours.perCategory) std::printf("  %-13s %d/%d\n", cat.c_str(), r.first, r.second);
  std::printf("  overall %.1f %%\n", 100 * ours.rate());
  // Measured 76 % on this seed and 85 % on the tuning seed
  // (docs/PERFORMANCE.md); the floor allows two frames of spread, not a
  // regression. (82 % before the passes were re-chosen on the wild set: the
  // centre 2/3 upscale that read four more of these frames cost 29-60 ms
  // on the wild set's frames with no code, over the 33 ms budget.)
  EXPECT_GE(ours.rate(), 0.73);
  for (const char* easy : {"clean", "rotation", "perspective", "jpeg"}) EXPECT_EQ(ours.rate(easy), 1.0) << easy;
  EXPECT_GE(ours.rate("low_contrast"), 0.8);
  EXPECT_GE(ours.rate("uneven_light"), 0.8);
  EXPECT_EQ(ours.falseReads, 0);

  // ZXing-cpp out of the box on the same frames: ours reads at least what it
  // reads in every category, and 12 points more overall (measured: 15).
  const Score base = score(QrDecoder(zxingDefaultConfig()));
  std::printf("  ours %.1f %%, ZXing defaults %.1f %%\n", 100 * ours.rate(), 100 * base.rate());
  EXPECT_GE(ours.rate(), base.rate() + 0.12);
  for (const auto& [cat, r] : base.perCategory)
    EXPECT_GE(ours.perCategory.count(cat) ? ours.perCategory.at(cat).first : 0, r.first) << cat;
}

TEST(QrDecoder, CornersAreWhereTheCodeIs) {
  const Sample s = makeSample("clean", 11, 0);
  const auto reads = QrDecoder().decode(s.frame);
  ASSERT_EQ(reads.size(), 1u);
  float minX = 1e9f, maxX = -1e9f;
  for (const auto& p : reads[0].corners) {
    EXPECT_GE(p.x, 0);
    EXPECT_LT(p.x, s.frame.width);
    EXPECT_GE(p.y, 0);
    EXPECT_LT(p.y, s.frame.height);
    minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
  }
  EXPECT_GT(maxX - minX, 40);  // a real quadrilateral, not a point
}

TEST(QrDecoder, ReadsWebcamAndPhoneSizes) {
  const QrDecoder dec;
  // A VGA webcam.
  const Sample vga = makeSample("clean", 12, 1, 640, 480);
  auto r = dec.decode(vga.frame);
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0].text, vga.payload);
  // A 12 MP phone photo (the 720p frame blown up 3x): the big-frame path
  // downscales first, and the corners come back in the photo's pixels.
  const Sample hd = makeSample("rotation", 12, 2);
  const GrayImage big = resize(hd.frame.gray.data(), hd.frame.width, hd.frame.height, hd.frame.width * 3, hd.frame.height * 3);
  r = dec.decode(big.pixels.data(), big.width, big.height);
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0].text, hd.payload);
  for (const auto& p : r[0].corners) EXPECT_LT(p.x, big.width);
  float maxX = 0;
  for (const auto& p : r[0].corners) maxX = std::max(maxX, p.x);
  EXPECT_GT(maxX, hd.frame.width);  // photo coordinates, not the downscaled image's
}

TEST(QrDecoder, EmptyAndTinyImagesReadNothing) {
  const QrDecoder dec;
  EXPECT_TRUE(dec.decode(camera::Frame{}).empty());
  std::vector<std::uint8_t> white(10 * 10, 255);
  EXPECT_TRUE(dec.decode(white.data(), 10, 10).empty());
  EXPECT_TRUE(dec.decode(nullptr, 100, 100).empty());
}

// A phone in dark mode or an inverted print: light modules on a dark ground.
// ZXing's finder search only sees dark-on-light, so this needs the pipeline's
// inverted retry.
TEST(QrDecoder, ReadsALightOnDarkCode) {
  const char* kinds[] = {"clean", "rotation", "perspective"};
  for (int i = 0; i < 3; ++i) {
    const Sample s = makeSample(kinds[i], 31, i);
    const GrayImage negative = invert(s.frame.gray.data(), s.frame.width, s.frame.height);
    const auto r = QrDecoder().decode(negative.pixels.data(), negative.width, negative.height);
    ASSERT_FALSE(r.empty()) << i;
    EXPECT_EQ(r[0].text, s.payload) << i;
    // The plain pass alone (no inversion) does not: the test checks the retry.
    DecoderConfig plainOnly;
    plainOnly.passes = {QrDecoder().config().passes.front()};
    plainOnly.passes[0].invertRetry = false;
    EXPECT_TRUE(QrDecoder(plainOnly).decode(negative.pixels.data(), negative.width, negative.height).empty()) << i;
  }
}

namespace {

double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// The median of a few runs of decoding every frame: CPU time of this thread.
template <class Dec>
double medianCpuMs(const Dec& dec, const std::vector<Sample>& frames) {
  std::vector<double> runs;
  for (int k = 0; k < 3; ++k) {
    const double t0 = threadCpuMs();
    for (const auto& s : frames) EXPECT_TRUE(dec.decode(s.frame).empty()) << s.name;
    runs.push_back(threadCpuMs() - t0);
  }
  std::sort(runs.begin(), runs.end());
  return runs[runs.size() / 2];
}

}  // namespace

// What a webcam mostly sees is a frame with no code, where every pass runs:
// that must stay cheap. No absolute timing: ours against ZXing-cpp at its
// best (its fallbacks and an inverted retry, two ZXing calls) on the same
// frames in the same run.
TEST(QrDecoder, AFrameWithNoCodeStaysCheapAgainstZxingAtItsBest) {
  std::vector<Sample> none;
  for (int i = 0; i < 2; ++i) none.push_back(makeSample("none", 77, i));
  const QrDecoder ours, best(zxingBestConfig());
  ours.decode(none[0].frame);  // warm-up
  const double oursMs = medianCpuMs(ours, none), bestMs = medianCpuMs(best, none);
  std::printf("  no-code frames: ours %.1f ms, ZXing-cpp at its best %.1f ms (x%.1f)\n", oursMs / none.size(),
              bestMs / none.size(), oursMs / bestMs);
  // Measured x5.0 on these frames under ASan (our image operations are
  // instrumented, the system ZXing is not), x5 on the wild set's no-code
  // frames in a release build (docs/PERFORMANCE.md).
  EXPECT_LT(oursMs, 8 * bestMs);
}

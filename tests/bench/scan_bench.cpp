// QR decoding on camera-like frames: the degraded set of tests/scanner
// (1280x720 frames of a QR on a busy synthetic form, one degradation pushed
// hard per category, plus frames with no code), decoded by
//   - our pipeline (scanner::QrDecoder, tunedConfig()),
//   - ZXing-cpp with default hints (one ReadBarcode, all formats),
//   - zbar (zbarimg from zbar-tools, one invocation over the set's PNG files,
//     its wall time divided by the number of files),
// all in the same run: success rate per category, time per frame, the ratio
// of our success rate to the best of the other two, and our time per frame
// against the 33 ms budget of 30 fps on one core. With --variants it also
// measures every candidate pass on its own (how tunedConfig() was chosen).
// A plain harness printing markdown on stdout (progress on stderr);
// run_scan_bench.sh adds the machine.
//   scan_bench [--seed N] [--per-category N] [--variants] [--no-zbar]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "devices/camera/image_file_source.hpp"
#include "devices/scanner/qr_decoder.hpp"
#include "tests/bench/bench_support.hpp"
#include "tests/bench/scan_bench_common.hpp"
#include "tests/scanner/degraded_set.hpp"

namespace {

using namespace lpse;
using namespace lpse::bench::scan;
using scanner::testing::Sample;

template <class Fn>
Outcome run(const std::vector<Sample>& set, Fn decode) {
  Outcome o;
  for (const auto& s : set) {
    const auto t0 = Clock::now();
    const double c0 = threadCpuMs();
    const std::vector<std::string> found = decode(s);
    const double cpu = threadCpuMs() - c0;
    o.time(s.payload.empty(), std::chrono::duration<double, std::milli>(Clock::now() - t0).count(), cpu);
    o.score(s.category, s.payload, found);
  }
  return o;
}

void score(Outcome& o, const Sample& s, const std::vector<std::string>& found) { o.score(s.category, s.payload, found); }

}  // namespace

namespace lpse::bench::scan {

namespace {

std::string runCapture(const std::string& cmd) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  return out;
}

}  // namespace

ZbarRun runZbar(const std::vector<std::string>& files, const std::string& tinyFile) {
  ZbarRun z;
  if (!std::filesystem::exists("/usr/bin/zbarimg")) return z;
  z.available = true;
  std::string cmd = "/usr/bin/zbarimg --xml -q";
  for (const auto& f : files) cmd += " '" + f + "'";
  cmd += " 2>/dev/null";
  const auto t0 = Clock::now();
  const std::string xml = runCapture(cmd);
  z.wallMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  const auto t1 = Clock::now();
  runCapture("/usr/bin/zbarimg --xml -q '" + tinyFile + "' 2>/dev/null");
  z.startupMs = std::chrono::duration<double, std::milli>(Clock::now() - t1).count();
  // <source href='FILE'> ... <symbol ...><data><![CDATA[TEXT]]></data> ... </source>
  std::size_t pos = 0;
  while ((pos = xml.find("<source href='", pos)) != std::string::npos) {
    pos += 14;
    const std::size_t end = xml.find('\'', pos);
    const std::string file = xml.substr(pos, end - pos);
    const std::size_t stop = xml.find("</source>", end);
    std::size_t d = end;
    auto& list = z.byFile[file];
    while ((d = xml.find("<![CDATA[", d)) != std::string::npos && d < stop) {
      d += 9;
      const std::size_t e = xml.find("]]>", d);
      list.push_back(xml.substr(d, e - d));
      d = e;
    }
    pos = stop == std::string::npos ? xml.size() : stop;
  }
  return z;
}

}  // namespace lpse::bench::scan

namespace {

void runDegradedBench(unsigned seed, int perCategory, bool variants, bool zbar) {
  std::fprintf(stderr, "generating %d frames per category (seed %u)...\n", perCategory, seed);
  const auto set = scanner::testing::makeDegradedSet(seed, perCategory);
  std::vector<std::string> cats;
  for (const auto& c : scanner::testing::categories())
    if (c != "none") cats.push_back(c);

  auto header = [&](const char* first) { printHeader(first, cats); };

  if (variants) {
    // Every candidate pass alone, then the shipped pipeline.
    std::vector<scanner::DecodePass> candidates = {
        {.name = "LocalAverage"},
        {.name = "LocalAverage, no tryHarder", .tryHarder = false},
        {.name = "GlobalHistogram", .binarizer = scanner::Binarizer::GlobalHistogram},
        {.name = "FixedThreshold", .binarizer = scanner::Binarizer::FixedThreshold},
        {.name = "downscale /2", .workSide = 640},
        {.name = "local normalize", .prep = scanner::Prep::Normalize},
        {.name = "3x3 smooth + local normalize", .prep = scanner::Prep::SmoothNormalize},
        {.name = "sharpen", .prep = scanner::Prep::Sharpen},
        {.name = "inverted", .prep = scanner::Prep::Invert},
        {.name = "upscale x2", .workSide = 2560},
        {.name = "centre 2/3, upscale x2", .workSide = 1720, .roi = 0.67},
        {.name = "centre 2/3, upscale x2, normalize", .workSide = 1720, .roi = 0.67, .prep = scanner::Prep::Normalize},
        {.name = "centre 2/3, upscale x2, sharpen", .workSide = 1720, .roi = 0.67, .prep = scanner::Prep::Sharpen},
        {.name = "2x2 tiles", .tiles = 2},
    };
    std::printf("### Each candidate pass alone (seed %u, %zu frames)\n\n", seed, set.size());
    header("pass");
    std::vector<std::pair<std::string, Outcome>> results;
    for (const auto& pass : candidates) {
      std::fprintf(stderr, "  %s\n", pass.name.c_str());
      scanner::DecoderConfig cfg;
      cfg.passes = {pass};
      const scanner::QrDecoder dec(cfg);
      results.push_back({pass.name, run(set, [&](const Sample& s) { return texts(dec.decode(s.frame)); })});
      printRow(pass.name.c_str(), results.back().second, cats);
    }
    std::printf("\n| pass | CPU ms/frame mean | p95 | no-code frame p50 |\n|---|---:|---:|---:|\n");
    for (const auto& [name, o] : results)
      std::printf("| %s | %.1f | %.1f | %.1f |\n", name.c_str(), o.meanCpu(), pct(o.cpuMs, 95),
                  pct(o.cpuMsNoCode, 50));
    // Cumulative: the shipped passes one by one.
    std::printf("\n### The shipped pipeline, pass by pass (cumulative)\n\n");
    header("passes");
    const auto tuned = scanner::tunedConfig();
    scanner::DecoderConfig cum;
    for (const auto& pass : tuned.passes) {
      cum.passes.push_back(pass);
      const scanner::QrDecoder dec(cum);
      const Outcome o = run(set, [&](const Sample& s) { return texts(dec.decode(s.frame)); });
      std::string name = "+ " + pass.name;
      printRow(name.c_str(), o, cats);
    }
    std::printf("\n");
  }

  std::fprintf(stderr, "our pipeline...\n");
  const scanner::QrDecoder ours;
  const Outcome o = run(set, [&](const Sample& s) { return texts(ours.decode(s.frame)); });
  std::fprintf(stderr, "zxing default...\n");
  const scanner::QrDecoder zxDefault(scanner::zxingDefaultConfig());
  const Outcome zx = run(set, [&](const Sample& s) { return texts(zxDefault.decode(s.frame)); });

  // The same frames as PNG files for zbar, and our pipeline from those files
  // too (PNG decoding included, as zbar's time includes it).
  ZbarRun zb;
  Outcome oFiles;
  bench::BenchDir dir("lpse-scan-bench");
  std::vector<std::string> files;
  for (const auto& s : set) {
    files.push_back(dir.file((s.name + ".png").c_str()));
    scanner::testing::writePng(s.frame, files.back());
  }
  {
    std::size_t k = 0;
    oFiles = run(set, [&](const Sample&) {
      auto f = camera::loadGrayImage(files[k++]);
      return f ? texts(ours.decode(*f)) : std::vector<std::string>{};
    });
  }
  Outcome zbo;
  if (zbar) {
    std::fprintf(stderr, "zbar...\n");
    camera::Frame tiny;
    tiny.width = tiny.height = 8;
    tiny.gray.assign(64, 255);
    const std::string tinyFile = dir.file("tiny.png");
    scanner::testing::writePng(tiny, tinyFile);
    zb = runZbar(files, tinyFile);
    if (zb.available) {
      std::size_t k = 0;
      for (const auto& s : set) score(zbo, s, zb.byFile[files[k++]]);
    }
  }

  std::printf("### Success per category (%zu frames of 1280x720, %d per category, seed %u)\n\n", set.size(),
              perCategory, seed);
  header("decoder");
  printRow("ours (QrDecoder, tunedConfig)", o, cats);
  printRow("ZXing-cpp 1.4, default hints", zx, cats);
  if (zb.available) printRow("zbar 0.23 (zbarimg)", zbo, cats);
  const double best = std::max(zx.rate(), zb.available ? zbo.rate() : 0.0);
  std::printf("\n| decoder | success | CPU ms/frame mean | p50 | p95 | max | no-code frame CPU ms p50 | wall ms/frame mean |\n"
              "|---|---:|---:|---:|---:|---:|---:|---:|\n");
  auto timeRow = [&](const char* name, const Outcome& x) {
    std::printf("| %s | %.1f %% | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |\n", name, 100 * x.rate(), x.meanCpu(),
                pct(x.cpuMs, 50), pct(x.cpuMs, 95), pct(x.cpuMs, 100), pct(x.cpuMsNoCode, 50), x.meanWall());
  };
  timeRow("ours, frames in memory", o);
  timeRow("ours, from PNG files (stb decode included)", oFiles);
  timeRow("ZXing-cpp default, frames in memory", zx);
  if (zb.available) {
    const double per = zb.wallMs / set.size();
    const double perNet = (zb.wallMs - zb.startupMs) / set.size();
    std::printf("| zbar (zbarimg, PNG files, one process; wall time / files) | %.1f %% | - | - | - | - | - | %.1f |\n",
                100 * zbo.rate(), per);
    std::printf("\nzbarimg: %.0f ms for %zu files in one process (%.1f ms/file; %.1f ms/file without its %.0f ms start-up).\n",
                zb.wallMs, set.size(), per, perNet, zb.startupMs);
  }
  std::printf("\n- ratio of our success rate to the best of the others: **%.2f** (ours %.1f %%, best other %.1f %%)\n",
              best > 0 ? o.rate() / best : 0.0, 100 * o.rate(), 100 * best);
  std::printf("- our time per frame against the 30 fps budget (33.3 ms of one core), in thread CPU time: mean %.1f ms "
              "= %.0f %% of it, p95 %.1f ms, worst %.1f ms; a frame with no code (what a webcam mostly sees, all "
              "passes run) p50 %.1f ms = %.0f %%\n",
              o.meanCpu(), 100 * o.meanCpu() / 33.3, pct(o.cpuMs, 95), pct(o.cpuMs, 100), pct(o.cpuMsNoCode, 50),
              100 * pct(o.cpuMsNoCode, 50) / 33.3);
  std::printf("- false reads (a payload from a frame with no code): ours %d, ZXing default %d%s\n", o.falseReads,
              zx.falseReads, zb.available ? (", zbar " + std::to_string(zbo.falseReads)).c_str() : "");
}

}  // namespace

int main(int argc, char** argv) {
  unsigned seed = 20261126;
  int perCategory = 16;
  bool variants = false, zbar = true, degraded = true;
  WildArgs wild;
  wild.perKind = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--seed" && i + 1 < argc) seed = static_cast<unsigned>(std::atoi(argv[++i]));
    else if (a == "--per-category" && i + 1 < argc) perCategory = std::atoi(argv[++i]);
    else if (a == "--variants") variants = true;
    else if (a == "--no-zbar") zbar = false;
    else if (a == "--no-degraded") degraded = false;
    else if (a == "--wild-per-kind" && i + 1 < argc) wild.perKind = std::atoi(argv[++i]);
    else if (a == "--wild-seed" && i + 1 < argc) wild.seed = static_cast<unsigned>(std::atoi(argv[++i]));
    else if (a == "--wild-splits" && i + 1 < argc) wild.splits = argv[++i];
    else if (a == "--wild-dir" && i + 1 < argc) wild.dir = argv[++i];
    else if (a == "--wild-kinds" && i + 1 < argc) wild.kinds = argv[++i];
    else if (a == "--wild-pipelines") wild.pipelinesOnly = true;
    else {
      std::fprintf(stderr,
                   "usage: %s [--seed N] [--per-category N] [--variants] [--no-zbar] [--no-degraded]\n"
                   "          [--wild-per-kind N] [--wild-seed N] [--wild-splits tune,heldout] [--wild-dir DIR]\n"
                   "          [--wild-kinds a,b] [--wild-pipelines]\n",
                   argv[0]);
      return 64;
    }
  }
  if (degraded) runDegradedBench(seed, perCategory, variants, zbar);
  if (wild.perKind > 0) {
    wild.variants = variants;
    wild.zbar = zbar;
    runWildBench(wild);
  }
  return 0;
}

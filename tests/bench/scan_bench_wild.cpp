// scan_bench's second set: the "wild" shots of tests/scanner/wild_set.py
// (qrencode + PIL/numpy, nothing shared with our decoder or its degraded
// set), both splits reported apart: "tune" (passes chosen on it) and
// "heldout" (never tuned on). Ours vs ZXing-cpp defaults vs ZXing-cpp at its
// best (QR only, tryHarder, tryRotate, tryDownscale, inverted retry) vs
// zbarimg, per kind of damage, with thread CPU time per frame (mean, p99)
// and the cost of a frame with no code. With --variants, every candidate
// pass alone on the tune split only.
#include <cstdio>
#include <memory>

#include "devices/camera/image_file_source.hpp"
#include "tests/bench/bench_support.hpp"
#include "tests/bench/scan_bench_common.hpp"
#include "tests/scanner/wild_set.hpp"

namespace lpse::bench::scan {

namespace {

using scanner::testing::WildSample;

struct Loaded {
  WildSample sample;
  camera::Frame frame;
};

// Times kept apart: the 1280x720 frames (the budget's size) with a code,
// those with none, and the 1920x1080 "far" frames.
struct WildOutcome {
  Outcome all;
  std::vector<double> cpuCode720, cpuNone, cpuBig;
};

WildOutcome runOn(const std::vector<const Loaded*>& set, const scanner::QrDecoder& dec) {
  WildOutcome w;
  for (const Loaded* l : set) {
    const auto t0 = Clock::now();
    const double c0 = threadCpuMs();
    const auto found = texts(dec.decode(l->frame));
    const double cpu = threadCpuMs() - c0;
    const bool none = l->sample.payload.empty();
    w.all.time(none, std::chrono::duration<double, std::milli>(Clock::now() - t0).count(), cpu);
    w.all.score(l->sample.kind, l->sample.payload, found);
    if (none)
      w.cpuNone.push_back(cpu);
    else if (l->frame.width <= 1280)
      w.cpuCode720.push_back(cpu);
    else
      w.cpuBig.push_back(cpu);
  }
  return w;
}

void timeRow(const char* name, const WildOutcome& w) {
  std::printf("| %s | %.1f %% | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |\n", name, 100 * w.all.rate(),
              mean(w.cpuCode720), pct(w.cpuCode720, 99), mean(w.cpuNone), pct(w.cpuNone, 99), mean(w.cpuBig),
              pct(w.cpuBig, 99));
}

std::vector<scanner::DecodePass> candidates() {
  using scanner::Prep;
  return {
      {.name = "plain (LocalAverage, QR only, tryHarder)", .workSide = 1920},
      {.name = "plain + inverted retry", .workSide = 1920, .invertRetry = true},
      {.name = "plain, no ZXing downscale, + inverted retry", .workSide = 1920, .zxingDownscale = false,
       .invertRetry = true},
      {.name = "normalize", .workSide = 1280, .prep = Prep::Normalize},
      {.name = "normalize, floor 10, + inverted retry", .workSide = 1920, .prep = Prep::Normalize,
       .invertRetry = true, .normalizeFloor = 10},
      {.name = "fine: centre 2/3, x2, normalize (floor 4)", .workSide = 1720, .roi = 0.67, .prep = Prep::Normalize},
      {.name = "fine, floor 8", .workSide = 1720, .roi = 0.67, .prep = Prep::Normalize, .normalizeFloor = 8},
      {.name = "fine, floor 12", .workSide = 1720, .roi = 0.67, .prep = Prep::Normalize, .normalizeFloor = 12},
      {.name = "fine, floor 8, no ZXing downscale", .workSide = 1720, .roi = 0.67, .prep = Prep::Normalize,
       .zxingDownscale = false, .normalizeFloor = 8},
      {.name = "fine, floor 8, no tryHarder", .workSide = 1720, .roi = 0.67, .prep = Prep::Normalize,
       .tryHarder = false, .normalizeFloor = 8},
      {.name = "fine, floor 8, no ZXing downscale, + inverted retry", .workSide = 1720, .roi = 0.67,
       .prep = Prep::Normalize, .zxingDownscale = false, .invertRetry = true, .normalizeFloor = 8},
      {.name = "centre 2/3, x2, + inverted retry", .workSide = 1720, .roi = 0.67, .zxingDownscale = false,
       .invertRetry = true},
      {.name = "centre 1/2, x2, normalize", .workSide = 1280, .roi = 0.5, .prep = Prep::Normalize,
       .zxingDownscale = false},
      {.name = "centre 1/2, x2", .workSide = 1280, .roi = 0.5, .zxingDownscale = false},
  };
}

// Whole pipelines (passes in order, first read wins), for the cumulative
// choice: success and the cost of a frame with no code, where all run.
std::vector<std::pair<std::string, scanner::DecoderConfig>> pipelines() {
  using scanner::Prep;
  const scanner::DecodePass plainInv{.name = "plain+inv", .workSide = 1920, .invertRetry = true};
  const scanner::DecodePass norm{.name = "normalize+inv", .workSide = 1280, .prep = Prep::Normalize,
                                 .invertRetry = true, .normalizeFloor = 10};
  const scanner::DecodePass fine67{.name = "fine 2/3", .workSide = 1720, .roi = 0.67, .prep = Prep::Normalize,
                                   .zxingDownscale = false, .normalizeFloor = 8};
  const scanner::DecodePass fine50{.name = "fine 1/2", .workSide = 1280, .roi = 0.5, .prep = Prep::Normalize,
                                   .zxingDownscale = false, .normalizeFloor = 8};
  const scanner::DecodePass fine50inv{.name = "fine 1/2", .workSide = 1280, .roi = 0.5, .prep = Prep::Normalize,
                                      .zxingDownscale = false, .invertRetry = true, .normalizeFloor = 8};
  const scanner::DecodePass up50{.name = "up 1/2", .workSide = 1280, .roi = 0.5, .zxingDownscale = false};
  const scanner::DecodePass fine60{.name = "fine 0.6", .workSide = 1536, .roi = 0.6, .prep = Prep::Normalize,
                                   .zxingDownscale = false, .normalizeFloor = 8};
  auto cfg = [](std::vector<scanner::DecodePass> p) {
    scanner::DecoderConfig c;
    c.passes = std::move(p);
    return c;
  };
  return {
      {"shipped before (plain, fine 2/3, normalize)", cfg({{.name = "plain", .workSide = 1920},
                                                           {.name = "fine", .workSide = 1720, .roi = 0.67,
                                                            .prep = Prep::Normalize},
                                                           {.name = "normalize", .workSide = 1280,
                                                            .prep = Prep::Normalize}})},
      {"plain+inv, fine 2/3, normalize+inv", cfg({plainInv, fine67, norm})},
      {"plain+inv, normalize+inv, fine 1/2 (shipped before this change)", cfg({plainInv, norm, fine50})},
      {"plain+inv, normalize+inv, up 1/2", cfg({plainInv, norm, up50})},
      {"plain+inv, normalize+inv, fine 2/3", cfg({plainInv, norm, fine67})},
      {"plain+inv, normalize+inv, fine 0.6", cfg({plainInv, norm, fine60})},
      {"plain (no inverted retry), normalize+inv, fine 1/2", cfg({{.name = "plain", .workSide = 1920}, norm, fine50})},
      {"plain+inv, fine 1/2 (no whole-frame normalize)", cfg({plainInv, fine50})},
      {"plain+inv, fine 1/2 + inv (no whole-frame normalize)", cfg({plainInv, fine50inv})},
      {"plain+inv, normalize (no inv), fine 1/2",
       cfg({plainInv, {.name = "normalize", .workSide = 1280, .prep = Prep::Normalize, .normalizeFloor = 10},
            fine50})},
      {"normalize 1920+inv, fine 1/2 (no plain)",
       cfg({{.name = "normalize", .workSide = 1920, .prep = Prep::Normalize, .invertRetry = true,
             .normalizeFloor = 10},
            fine50})},
      {"tuned (shipped)", scanner::tunedConfig()},
  };
}

// Every pipeline of pipelines() on the given frames (the tune split):
// success per kind and thread CPU time per frame.
void runPipelines(const std::vector<const Loaded*>& tune, const std::vector<std::string>& kinds) {
  std::printf("\n### Whole pipelines, tune split (%zu frames)\n\n", tune.size());
  printHeader("pipeline", kinds);
  std::vector<std::pair<std::string, WildOutcome>> pres;
  for (const auto& [name, cfg] : pipelines()) {
    std::fprintf(stderr, "  %s\n", name.c_str());
    pres.push_back({name, runOn(tune, scanner::QrDecoder(cfg))});
    printRow(name.c_str(), pres.back().second.all, kinds);
  }
  std::printf("\n| pipeline | CPU ms mean (720p, code) | p99 | no-code mean | no-code p99 |\n|---|---:|---:|---:|---:|\n");
  for (const auto& [name, w] : pres)
    std::printf("| %s | %.1f | %.1f | %.1f | %.1f |\n", name.c_str(), mean(w.cpuCode720), pct(w.cpuCode720, 99),
                mean(w.cpuNone), pct(w.cpuNone, 99));
}

}  // namespace

void runWildBench(const WildArgs& args) {
  const std::string missing = scanner::testing::wildSetMissingTools();
  if (!missing.empty()) {
    std::printf("\n(wild set skipped: %s missing)\n", missing.c_str());
    return;
  }
  BenchDir dir("lpse-scan-wild");
  scanner::testing::WildOptions opt;
  opt.seed = args.seed;
  opt.perKind = args.perKind;
  opt.splits = args.splits;
  opt.reuse = !args.dir.empty();
  std::fprintf(stderr, "generating the wild set (%d per kind and split, seed %u)...\n", args.perKind, args.seed);
  const auto t0 = Clock::now();
  const auto samples = scanner::testing::makeWildSet(args.dir.empty() ? dir.file("wild") : args.dir, opt);
  if (!samples) {
    std::printf("\n(wild set generation failed)\n");
    return;
  }
  const double genS = std::chrono::duration<double>(Clock::now() - t0).count();
  std::vector<std::unique_ptr<Loaded>> loaded;
  for (const auto& s : *samples) {
    auto f = camera::loadGrayImage(s.file);
    if (!f) continue;
    loaded.push_back(std::make_unique<Loaded>(Loaded{s, std::move(*f)}));
  }
  if (!args.kinds.empty()) {
    const std::string list = "," + args.kinds + ",";
    std::erase_if(loaded, [&](const auto& l) { return list.find("," + l->sample.kind + ",") == std::string::npos; });
  }
  std::vector<std::string> kinds;
  for (const auto& k : scanner::testing::wildKinds(*samples))
    if (k != "none") kinds.push_back(k);

  if (args.pipelinesOnly) {
    std::vector<const Loaded*> tune;
    for (const auto& l : loaded)
      if (l->sample.split == "tune") tune.push_back(l.get());
    runPipelines(tune, kinds);
    return;
  }
  const scanner::QrDecoder ours, zxDefault(scanner::zxingDefaultConfig()), zxBest(scanner::zxingBestConfig());
  std::vector<std::string> splits;
  for (const auto& s : *samples)
    if (std::find(splits.begin(), splits.end(), s.split) == splits.end()) splits.push_back(s.split);

  std::printf("\n## The wild set: %zu frames from tests/scanner/wild_set.py (seed %u, %d per kind and split, "
              "generated in %.0f s)\n",
              loaded.size(), args.seed, args.perKind, genS);
  for (const auto& split : splits) {
    std::vector<const Loaded*> set;
    std::vector<std::string> files;
    for (const auto& l : loaded)
      if (l->sample.split == split) set.push_back(l.get()), files.push_back(l->sample.file);
    std::fprintf(stderr, "  %s: ours, ZXing default, ZXing best...\n", split.c_str());
    const WildOutcome o = runOn(set, ours), zd = runOn(set, zxDefault), zb = runOn(set, zxBest);
    Outcome zbo;
    bool haveZbar = false;
    if (args.zbar) {
      const ZbarRun z = runZbar(files, files.front());
      if ((haveZbar = z.available))
        for (const Loaded* l : set)
          zbo.score(l->sample.kind, l->sample.payload, z.byFile.count(l->sample.file) ? z.byFile.at(l->sample.file)
                                                                                       : std::vector<std::string>{});
    }
    std::printf("\n### Split \"%s\"%s: success per kind of damage (%zu frames)\n\n", split.c_str(),
                split == "heldout" ? " (never tuned on)" : " (passes chosen on it)", set.size());
    printHeader("decoder", kinds);
    printRow("ours (QrDecoder, tunedConfig)", o.all, kinds);
    printRow("ZXing-cpp 1.4, default hints", zd.all, kinds);
    printRow("ZXing-cpp 1.4 at its best (+ inverted retry)", zb.all, kinds);
    if (haveZbar) printRow("zbar 0.23 (zbarimg)", zbo, kinds);
    int behind = 0;
    for (const auto& k : kinds) behind += o.all.okIn(k) < zb.all.okIn(k);
    std::printf("\n| decoder | success | CPU ms/frame 1280x720 with a code: mean | p99 | no code: mean | p99 | "
                "1920x1080 (far): mean | p99 |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
    timeRow("ours", o);
    timeRow("ZXing-cpp default", zd);
    timeRow("ZXing-cpp at its best", zb);
    std::printf("\n- ours %.1f %% against ZXing-cpp at its best %.1f %% (ratio **%.2f**); kinds where ours reads "
                "fewer: %d of %zu; false reads ours %d, ZXing best %d\n",
                100 * o.all.rate(), 100 * zb.all.rate(), zb.all.rate() > 0 ? o.all.rate() / zb.all.rate() : 0.0,
                behind, kinds.size(), o.all.falseReads, zb.all.falseReads);
  }

  if (args.variants) {
    std::vector<const Loaded*> tune;
    for (const auto& l : loaded)
      if (l->sample.split == "tune") tune.push_back(l.get());
    if (tune.empty()) return;
    std::printf("\n### Each candidate pass alone, tune split only (%zu frames)\n\n", tune.size());
    printHeader("pass", kinds);
    std::vector<std::pair<std::string, WildOutcome>> results;
    for (const auto& pass : candidates()) {
      std::fprintf(stderr, "  %s\n", pass.name.c_str());
      scanner::DecoderConfig cfg;
      cfg.passes = {pass};
      results.push_back({pass.name, runOn(tune, scanner::QrDecoder(cfg))});
      printRow(pass.name.c_str(), results.back().second.all, kinds);
    }
    std::printf("\n| pass | CPU ms mean (720p, code) | no-code mean | no-code p99 |\n|---|---:|---:|---:|\n");
    for (const auto& [name, w] : results)
      std::printf("| %s | %.1f | %.1f | %.1f |\n", name.c_str(), mean(w.cpuCode720), mean(w.cpuNone),
                  pct(w.cpuNone, 99));
    runPipelines(tune, kinds);
    std::printf("\n### The shipped pipeline pass by pass (cumulative), tune split\n\n");
    printHeader("passes", kinds);
    scanner::DecoderConfig cum;
    for (const auto& pass : scanner::tunedConfig().passes) {
      cum.passes.push_back(pass);
      const WildOutcome w = runOn(tune, scanner::QrDecoder(cum));
      printRow(("+ " + pass.name).c_str(), w.all, kinds);
    }
  }
}

}  // namespace lpse::bench::scan

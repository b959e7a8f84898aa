#pragma once
// What scan_bench's two sets share: scoring per category, time per frame
// (thread CPU and wall), percentiles, zbar over files, markdown rows.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "devices/scanner/qr_decoder.hpp"

namespace lpse::bench::scan {

using Clock = std::chrono::steady_clock;

inline double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

inline double pct(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p / 100.0 * v.size()));
  return v[i];
}

inline double mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? 0 : s / v.size();
}

struct Outcome {
  std::map<std::string, std::pair<int, int>> perCategory;  // category -> (ok, total)
  int ok = 0, total = 0, falseReads = 0, noCodeFrames = 0;
  std::vector<double> wallMs, cpuMs, wallMsNoCode, cpuMsNoCode;
  double rate() const { return total ? static_cast<double>(ok) / total : 0; }
  double meanWall() const { return mean(wallMs); }
  double meanCpu() const { return mean(cpuMs); }
  int okIn(const std::string& c) const {
    auto it = perCategory.find(c);
    return it == perCategory.end() ? 0 : it->second.first;
  }

  void score(const std::string& category, const std::string& payload, const std::vector<std::string>& texts) {
    if (payload.empty()) {
      ++noCodeFrames;
      if (!texts.empty()) ++falseReads;
      return;
    }
    const bool hit = std::find(texts.begin(), texts.end(), payload) != texts.end();
    auto& c = perCategory[category];
    c.second++;
    total++;
    if (hit) c.first++, ok++;
  }
  void time(bool noCode, double wall, double cpu) {
    wallMs.push_back(wall);
    cpuMs.push_back(cpu);
    if (noCode) wallMsNoCode.push_back(wall), cpuMsNoCode.push_back(cpu);
  }
};

inline std::vector<std::string> texts(const std::vector<scanner::QrRead>& reads) {
  std::vector<std::string> t;
  for (const auto& r : reads) t.push_back(r.text);
  return t;
}

// zbarimg --xml over all files in one process: per-file results from the
// <source href=...> elements, wall time for the whole invocation.
struct ZbarRun {
  bool available = false;
  std::map<std::string, std::vector<std::string>> byFile;
  double wallMs = 0;
  double startupMs = 0;  // one invocation on one small file
};

ZbarRun runZbar(const std::vector<std::string>& files, const std::string& tinyFile);

inline void printHeader(const char* first, const std::vector<std::string>& cats) {
  std::printf("| %s |", first);
  for (const auto& c : cats) std::printf(" %s |", c.c_str());
  std::printf(" all | false reads |\n|---|");
  for (std::size_t i = 0; i < cats.size() + 2; ++i) std::printf("---:|");
  std::printf("\n");
}

inline void printRow(const char* name, const Outcome& o, const std::vector<std::string>& cats) {
  std::printf("| %s |", name);
  for (const auto& c : cats) {
    auto it = o.perCategory.find(c);
    if (it == o.perCategory.end())
      std::printf(" - |");
    else
      std::printf(" %d/%d |", it->second.first, it->second.second);
  }
  std::printf(" **%.0f %%** | %d/%d |\n", 100 * o.rate(), o.falseReads, o.noCodeFrames);
}

struct WildArgs {
  unsigned seed = 20261204;
  int perKind = 12;
  std::string splits = "tune,heldout";
  bool variants = false, zbar = true;
  std::string dir;  // keep the generated set here and reuse it on the next run (tuning)
  std::string kinds;           // non-empty: only these kinds (comma-separated), e.g. "none" to profile
  bool pipelinesOnly = false;  // tuning: only pipelines() on the tune split, no baselines
};

// The wild set's section (scan_bench_wild.cpp).
void runWildBench(const WildArgs& args);

}  // namespace lpse::bench::scan

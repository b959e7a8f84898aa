#include "tests/scanner/wild_set.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace lpse::scanner::testing {

namespace {

const char* kPython = "/usr/bin/python3";  // Debian's, where python3-numpy and python3-pil install

std::string quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string script() { return std::string(LPSE_SOURCE_DIR) + "/tests/scanner/wild_set.py"; }

}  // namespace

std::string wildSetMissingTools() {
  if (access(kPython, X_OK) != 0) return "python3";
  if (std::system((std::string(kPython) + " -c 'import numpy, PIL' 2>/dev/null").c_str()) != 0)
    return "python3-numpy or python3-pil";
  if (access("/usr/bin/qrencode", X_OK) != 0) return "qrencode";
  return "";
}

std::optional<std::vector<WildSample>> makeWildSet(const std::filesystem::path& dir, const WildOptions& o) {
  std::filesystem::create_directories(dir);
  std::string cmd = std::string(kPython) + " " + quoted(script()) + " " + quoted(dir.string()) + " --seed " +
                    std::to_string(o.seed) + " --per-kind " + std::to_string(o.perKind) + " --splits " +
                    quoted(o.splits);
  if (!o.kinds.empty()) cmd += " --kinds " + quoted(o.kinds);
  const bool have = o.reuse && std::filesystem::exists(dir / "manifest.tsv");
  const int rc = have ? 0 : std::system(cmd.c_str());
  if (rc != 0) {
    std::fprintf(stderr, "wild_set.py failed (status %d): %s\n", rc, cmd.c_str());
    return std::nullopt;
  }
  std::ifstream in(dir / "manifest.tsv");
  std::vector<WildSample> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> f;
    std::size_t start = 0;
    for (int i = 0; i < 5; ++i) {
      const std::size_t tab = line.find('\t', start);
      if (tab == std::string::npos) return std::nullopt;
      f.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    WildSample s;
    s.split = f[0];
    s.kind = f[1];
    s.file = (dir / f[2]).string();
    s.width = std::atoi(f[3].c_str());
    s.height = std::atoi(f[4].c_str());
    s.payload = line.substr(start);  // the payload may hold anything but a tab or a line break
    out.push_back(std::move(s));
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::vector<std::string> wildKinds(const std::vector<WildSample>& samples) {
  std::vector<std::string> kinds;
  for (const auto& s : samples)
    if (std::find(kinds.begin(), kinds.end(), s.kind) == kinds.end()) kinds.push_back(s.kind);
  return kinds;
}

}  // namespace lpse::scanner::testing

#pragma once
// The "wild" QR set (tests/scanner/wild_set.py): camera shots and phone
// photos made by other tools than the decoder's own (qrencode, PIL, numpy),
// in two splits, "tune" and "heldout" (never tuned on). Generated at test or
// bench time into a directory, deterministic for a seed; this side runs the
// generator and reads its manifest. Shared by qr_wild_test and scan_bench.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "devices/camera/frame.hpp"

namespace lpse::scanner::testing {

struct WildSample {
  std::string split;    // "tune" or "heldout"
  std::string kind;     // "inverted", "screen", ...; "none": no code
  std::string file;     // full path
  std::string payload;  // empty for a frame with no code
  int width = 0, height = 0;
};

struct WildOptions {
  unsigned seed = 20261204;
  int perKind = 12;
  std::string splits = "tune,heldout";
  std::string kinds;  // empty: every kind
  bool reuse = false; // a manifest already in the directory is read as it is (tuning runs)
};

// What the generator needs and this machine lacks ("" when all is there):
// /usr/bin/python3 with numpy and PIL, and qrencode.
std::string wildSetMissingTools();

// Runs the generator into dir (created); the samples in manifest order, or
// nullopt with the generator's exit status on stderr.
std::optional<std::vector<WildSample>> makeWildSet(const std::filesystem::path& dir, const WildOptions& options);

// The kinds in the generator's order (from the manifest, first seen first).
std::vector<std::string> wildKinds(const std::vector<WildSample>& samples);

}  // namespace lpse::scanner::testing

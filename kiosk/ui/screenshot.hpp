#pragma once
// Saving what the window shows to a PNG (for --screenshot and bug reports).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lpse::ui {

// Reads the current GL context's back buffer (call after rendering, before
// swapping) and writes it as an RGB PNG, top row first.
std::optional<std::string> saveBackBufferPng(int width, int height, const std::filesystem::path& path);

// Writes tightly packed RGB rows (top row first) as a PNG.
std::optional<std::string> writeRgbPng(const std::filesystem::path& path, int width, int height,
                                       const std::vector<std::uint8_t>& rgb);

}  // namespace lpse::ui

#pragma once
// Small helpers the camera tests share: a temp dir, test patterns, and
// JPEG/PNG encoders (stb_image_write, the encoder a test controls).
#include <stb_image_write.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "devices/camera/frame.hpp"

namespace lpse::camera::testing {

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    m_path = std::filesystem::temp_directory_path() /
             ("lpse-camera-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(m_path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  std::string file(const std::string& name) const { return (m_path / name).string(); }

 private:
  std::filesystem::path m_path;
};

// A gray pattern with edges, gradients and texture: JPEG artefacts and
// off-by-one conversions both show on it.
inline Frame pattern(int w, int h, unsigned seed = 1) {
  Frame f;
  f.width = w;
  f.height = h;
  f.gray.resize(static_cast<std::size_t>(w) * h);
  std::mt19937 rng(seed);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int v = (x * 255) / std::max(1, w - 1);
      if (((x / 16) + (y / 16)) % 2) v = 255 - v;
      if (x > w / 3 && x < w / 2 && y > h / 3 && y < h / 2) v = 20;
      f.gray[static_cast<std::size_t>(y) * w + x] = static_cast<std::uint8_t>(v);
    }
  (void)rng;
  return f;
}

inline void appendBytes(void* ctx, void* data, int size) {
  auto* v = static_cast<std::vector<std::uint8_t>*>(ctx);
  v->insert(v->end(), static_cast<std::uint8_t*>(data), static_cast<std::uint8_t*>(data) + size);
}

// comp 1: gray JPEG; comp 3: the gray replicated to RGB (a colour JPEG with
// YCbCr 4:2:0, like a webcam's MJPEG).
inline std::vector<std::uint8_t> jpegOf(const Frame& f, int quality, int comp = 3) {
  std::vector<std::uint8_t> src;
  if (comp == 3) {
    src.reserve(f.gray.size() * 3);
    for (auto v : f.gray) src.insert(src.end(), {v, v, v});
  } else {
    src = f.gray;
  }
  std::vector<std::uint8_t> out;
  stbi_write_jpg_to_func(appendBytes, &out, f.width, f.height, comp, src.data(), quality);
  return out;
}

inline double meanAbsDiff(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
  if (a.size() != b.size() || a.empty()) return 1e9;
  double s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += std::abs(int(a[i]) - int(b[i]));
  return s / a.size();
}

}  // namespace lpse::camera::testing

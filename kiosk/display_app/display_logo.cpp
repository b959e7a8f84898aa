#include "kiosk/display_app/display_logo.hpp"

#include <stb_image.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>

namespace lpse::display {
namespace {

core::Error logoError(const std::string& id, const std::string& en) {
  return core::makeError("display_logo", id, en, "display.logo");
}

// PNG or JPEG by the first bytes: stb would also take GIF, BMP, PSD ...,
// which a logo file never should be, and a wrong name must not matter.
enum class Kind { Png, Jpeg, Other, Unreadable };
Kind kindOf(const std::filesystem::path& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Kind::Unreadable;
  unsigned char head[8] = {};
  const std::size_t n = std::fread(head, 1, sizeof head, f);
  std::fclose(f);
  static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (n == 8 && std::memcmp(head, png, 8) == 0) return Kind::Png;
  if (n >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return Kind::Jpeg;
  return Kind::Other;
}

// For each output pixel of a row (or column) of `outN`, the input pixels it
// covers and by how much (area averaging; also right when enlarging).
struct Tap {
  int src;
  float weight;
};
std::vector<std::vector<Tap>> taps(int inN, int outN) {
  std::vector<std::vector<Tap>> out(static_cast<std::size_t>(outN));
  const double step = static_cast<double>(inN) / outN;
  for (int i = 0; i < outN; ++i) {
    const double a = i * step, b = (i + 1) * step;
    double sum = 0;
    for (int j = static_cast<int>(std::floor(a)); j < inN && j < b; ++j) {
      const double w = std::min(b, j + 1.0) - std::max(a, static_cast<double>(j));
      if (w <= 0) continue;
      out[static_cast<std::size_t>(i)].push_back({j, static_cast<float>(w)});
      sum += w;
    }
    for (auto& t : out[static_cast<std::size_t>(i)]) t.weight = static_cast<float>(t.weight / sum);
  }
  return out;
}

}  // namespace

LogoSize fitLogo(int logoW, int logoH, float maxW, float maxH) {
  if (logoW <= 0 || logoH <= 0 || maxW < 1 || maxH < 1) return {};
  const float scale = std::min(maxW / static_cast<float>(logoW), maxH / static_cast<float>(logoH));
  LogoSize s{static_cast<int>(std::floor(logoW * scale)), static_cast<int>(std::floor(logoH * scale))};
  if (s.width < 1 || s.height < 1) return {};
  return s;
}

LogoImage resample(const LogoImage& from, int width, int height) {
  LogoImage out;
  if (from.empty() || width <= 0 || height <= 0) return out;
  if (width == from.width && height == from.height) return from;
  const auto tx = taps(from.width, width), ty = taps(from.height, height);
  // Rows first, in premultiplied light: a transparent pixel adds nothing.
  std::vector<float> rows(static_cast<std::size_t>(width) * from.height * 4);
  std::vector<float> line(static_cast<std::size_t>(from.width) * 4);
  for (int y = 0; y < from.height; ++y) {
    const std::uint8_t* src = from.rgba.data() + static_cast<std::size_t>(y) * from.width * 4;
    for (int x = 0; x < from.width; ++x) {
      const float a = src[x * 4 + 3] / 255.0f;
      for (int c = 0; c < 3; ++c) line[x * 4 + c] = src[x * 4 + c] * a;
      line[x * 4 + 3] = a;
    }
    float* dst = rows.data() + static_cast<std::size_t>(y) * width * 4;
    for (int x = 0; x < width; ++x)
      for (const Tap& t : tx[static_cast<std::size_t>(x)])
        for (int c = 0; c < 4; ++c) dst[x * 4 + c] += line[t.src * 4 + c] * t.weight;
  }
  out.width = width;
  out.height = height;
  out.rgba.assign(static_cast<std::size_t>(width) * height * 4, 0);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      float p[4] = {0, 0, 0, 0};
      for (const Tap& t : ty[static_cast<std::size_t>(y)]) {
        const float* s = rows.data() + (static_cast<std::size_t>(t.src) * width + x) * 4;
        for (int c = 0; c < 4; ++c) p[c] += s[c] * t.weight;
      }
      std::uint8_t* d = out.rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4;
      if (p[3] <= 0) continue;  // fully transparent: stays 0,0,0,0
      for (int c = 0; c < 3; ++c) d[c] = static_cast<std::uint8_t>(std::clamp(p[c] / p[3] + 0.5f, 0.0f, 255.0f));
      d[3] = static_cast<std::uint8_t>(std::clamp(p[3] * 255.0f + 0.5f, 0.0f, 255.0f));
    }
  return out;
}

LogoLoad loadLogo(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return {{}, logoError("Berkas logo layar tidak ditemukan: " + name + ".", "Display logo file not found: " + name + ".")};
  const Kind kind = kindOf(path);
  if (kind == Kind::Unreadable)
    return {{}, logoError("Berkas logo layar tidak dapat dibuka: " + name + ".", "Cannot open the display logo file: " + name + ".")};
  if (kind == Kind::Other)
    return {{}, logoError("Berkas logo layar bukan gambar PNG atau JPEG: " + name + ".",
                          "The display logo file is not a PNG or JPEG picture: " + name + ".")};
  auto reason = [] { return std::string(stbi_failure_reason() ? stbi_failure_reason() : "?"); };
  int w = 0, h = 0, channels = 0;
  if (!stbi_info(path.c_str(), &w, &h, &channels))
    return {{}, logoError("Berkas logo layar rusak (" + name + "): " + reason() + ".",
                          "The display logo file is damaged (" + name + "): " + reason() + ".")};
  if (w > kMaxLogoFileSide || h > kMaxLogoFileSide) {
    const std::string dims = std::to_string(w) + "x" + std::to_string(h);
    const std::string max = std::to_string(kMaxLogoFileSide);
    return {{}, logoError("Gambar logo layar terlalu besar (" + dims + " piksel, maks. " + max + "): " + name + ".",
                          "The display logo is too large (" + dims + " pixels, at most " + max + "): " + name + ".")};
  }
  std::unique_ptr<stbi_uc, void (*)(void*)> data(stbi_load(path.c_str(), &w, &h, &channels, 4), stbi_image_free);
  if (!data || w < 1 || h < 1)
    return {{}, logoError("Berkas logo layar rusak (" + name + "): " + reason() + ".",
                          "The display logo file is damaged (" + name + "): " + reason() + ".")};
  LogoImage image;
  image.width = w;
  image.height = h;
  image.rgba.assign(data.get(), data.get() + static_cast<std::size_t>(w) * h * 4);
  data.reset();
  bool visible = false;
  for (std::size_t i = 3; i < image.rgba.size() && !visible; i += 4) visible = image.rgba[i] != 0;
  if (!visible)
    return {{}, logoError("Logo layar kosong (seluruhnya transparan): " + name + ".",
                          "The display logo is empty (fully transparent): " + name + ".")};
  if (w > kLogoSourceSide || h > kLogoSourceSide) {
    // A sliver (4096x3) keeps at least one pixel across.
    const double scale = static_cast<double>(kLogoSourceSide) / std::max(w, h);
    image = resample(image, std::max(1, static_cast<int>(std::lround(w * scale))),
                     std::max(1, static_cast<int>(std::lround(h * scale))));
  }
  return {std::move(image), std::nullopt};
}

}  // namespace lpse::display

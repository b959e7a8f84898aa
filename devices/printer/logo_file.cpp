#include "devices/printer/logo_file.hpp"

#include <stb_image.h>

#include <memory>
#include <system_error>

namespace lpse::printer {

Bitmap prepareLogo(const GrayImage& picture, const LogoOptions& o) {
  const GrayImage fitted = scaleToFit(picture, o.maxWidth, o.maxHeight);
  if (fitted.width == 0) return {};
  return centerOnPaper(trimBlankRows(toDots(fitted, o.dither, o.threshold)), o.maxWidth);
}

LogoLoad loadLogo(const std::filesystem::path& path, const LogoOptions& o) {
  const std::string name = path.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return {{}, "Berkas logo tiket tidak ditemukan: " + name + "."};
  int w = 0, h = 0, channels = 0;
  if (!stbi_info(path.c_str(), &w, &h, &channels))
    return {{}, "Berkas logo tiket tidak dapat dibaca sebagai gambar (" + name + "): " +
                    (stbi_failure_reason() ? stbi_failure_reason() : "format tidak dikenal") + "."};
  if (w > kMaxLogoSourceSide || h > kMaxLogoSourceSide)
    return {{}, "Gambar logo tiket terlalu besar (" + std::to_string(w) + "x" + std::to_string(h) + " piksel, maks. " +
                    std::to_string(kMaxLogoSourceSide) + "): " + name + "."};
  // Grey + alpha: stb converts colour to luma itself.
  std::unique_ptr<stbi_uc, void (*)(void*)> data(stbi_load(path.c_str(), &w, &h, &channels, 2), stbi_image_free);
  if (!data || w < 1 || h < 1)
    return {{}, "Berkas logo tiket rusak (" + name + "): " +
                    (stbi_failure_reason() ? stbi_failure_reason() : "tidak dapat diurai") + "."};
  GrayImage picture(w, h);
  for (std::size_t i = 0; i < picture.light.size(); ++i) {
    const int grey = data.get()[2 * i], alpha = data.get()[2 * i + 1];
    // Transparent parts are paper, not black (stb leaves their grey at 0).
    picture.light[i] = static_cast<std::uint8_t>((grey * alpha + 255 * (255 - alpha) + 127) / 255);
  }
  LogoLoad out{prepareLogo(picture, o), {}};
  if (out.image.empty()) out.error = "Logo tiket kosong (seluruhnya putih/transparan): " + name + ".";
  return out;
}

}  // namespace lpse::printer

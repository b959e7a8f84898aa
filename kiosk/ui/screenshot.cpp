#include "kiosk/ui/screenshot.hpp"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <cstring>

namespace lpse::ui {

std::optional<std::string> writeRgbPng(const std::filesystem::path& path, int width, int height,
                                       const std::vector<std::uint8_t>& rgb) {
  if (width <= 0 || height <= 0 || rgb.size() != static_cast<std::size_t>(width) * height * 3)
    return "Screenshot has no pixels to save.";
  if (!stbi_write_png(path.c_str(), width, height, 3, rgb.data(), width * 3))
    return "Cannot write the screenshot " + path.string() + ".";
  return std::nullopt;
}

std::optional<std::string> saveBackBufferPng(int width, int height, const std::filesystem::path& path) {
  if (width <= 0 || height <= 0) return "The window has no pixels to capture.";
  const auto w = static_cast<std::size_t>(width), h = static_cast<std::size_t>(height);
  std::vector<std::uint8_t> rgba(w * h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  if (GLenum err = glGetError(); err != GL_NO_ERROR)
    return "Reading the window's pixels failed (GL error " + std::to_string(err) + ").";
  // GL's origin is bottom-left; PNG rows go top-down. Alpha is dropped:
  // blending leaves it below 1 in places, which viewers show as holes.
  std::vector<std::uint8_t> rgb(w * h * 3);
  for (std::size_t y = 0; y < h; ++y) {
    const std::uint8_t* src = &rgba[(h - 1 - y) * w * 4];
    std::uint8_t* dst = &rgb[y * w * 3];
    for (std::size_t x = 0; x < w; ++x) std::memcpy(dst + x * 3, src + x * 4, 3);
  }
  return writeRgbPng(path, width, height, rgb);
}

}  // namespace lpse::ui

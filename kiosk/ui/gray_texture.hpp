#pragma once
// A GL texture holding an 8-bit gray image (a camera preview frame), drawn
// with ImGui::Image. UI thread only, with the window's GL context current;
// destroy it before the window.
#include <imgui.h>

#include <cstdint>
#include <vector>

namespace lpse::ui {

class GrayTexture {
 public:
  GrayTexture() = default;
  ~GrayTexture();
  GrayTexture(const GrayTexture&) = delete;
  GrayTexture& operator=(const GrayTexture&) = delete;

  // Uploads `gray` (width*height bytes, row-major) unless `sequence` is the
  // one already uploaded. False when the image is empty or malformed.
  bool update(const std::uint8_t* gray, int width, int height, std::uint64_t sequence);
  bool valid() const { return m_id != 0 && m_width > 0; }
  ImTextureID id() const;
  int width() const { return m_width; }
  int height() const { return m_height; }
  void reset();  // frees the texture (e.g. when the preview closes)

 private:
  unsigned m_id = 0;
  int m_width = 0, m_height = 0;
  std::uint64_t m_sequence = ~0ull;
  std::vector<std::uint8_t> m_rgba;  // core profile has no LUMINANCE: expand once here
};

}  // namespace lpse::ui

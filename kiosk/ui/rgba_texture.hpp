#pragma once
// A GL texture holding an RGBA picture (e.g. the office logo on the wall
// display), drawn with ImGui AddImage at its own pixel size. UI thread only,
// with the window's GL context current; destroy it before the window.
#include <imgui.h>

#include <cstdint>

namespace lpse::ui {

class RgbaTexture {
 public:
  RgbaTexture() = default;
  ~RgbaTexture();
  RgbaTexture(const RgbaTexture&) = delete;
  RgbaTexture& operator=(const RgbaTexture&) = delete;

  // Uploads width*height straight-alpha RGBA pixels, replacing what the
  // texture held. False (and nothing uploaded) when the picture is empty or
  // larger than 8192 a side.
  bool upload(const std::uint8_t* rgba, int width, int height);
  bool valid() const { return m_id != 0 && m_width > 0; }
  ImTextureID id() const;
  int width() const { return m_width; }
  int height() const { return m_height; }
  void reset();

 private:
  unsigned m_id = 0;
  int m_width = 0, m_height = 0;
};

}  // namespace lpse::ui

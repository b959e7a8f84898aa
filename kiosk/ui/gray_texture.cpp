#include "kiosk/ui/gray_texture.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>

#include <cstdint>

#include "kiosk/ui/gl_driver_scope.hpp"

namespace lpse::ui {

GrayTexture::~GrayTexture() { reset(); }

void GrayTexture::reset() {
  if (m_id != 0) {
    GlDriverScope driver;
    GLuint id = m_id;
    glDeleteTextures(1, &id);
  }
  m_id = 0;
  m_width = m_height = 0;
  m_sequence = ~0ull;
  m_rgba.clear();
  m_rgba.shrink_to_fit();
}

ImTextureID GrayTexture::id() const {
  return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(m_id));
}

bool GrayTexture::update(const std::uint8_t* gray, int width, int height, std::uint64_t sequence) {
  if (!gray || width <= 0 || height <= 0 || width > 8192 || height > 8192) return false;
  if (m_id != 0 && sequence == m_sequence && width == m_width && height == m_height) return true;
  const std::size_t n = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
  m_rgba.resize(n * 4);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t v = gray[i];
    m_rgba[i * 4 + 0] = v;
    m_rgba[i * 4 + 1] = v;
    m_rgba[i * 4 + 2] = v;
    m_rgba[i * 4 + 3] = 255;
  }
  GlDriverScope driver;
  if (m_id == 0) {
    GLuint id = 0;
    glGenTextures(1, &id);
    m_id = id;
  }
  glBindTexture(GL_TEXTURE_2D, m_id);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  if (width == m_width && height == m_height)
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, m_rgba.data());
  else
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, m_rgba.data());
  m_width = width;
  m_height = height;
  m_sequence = sequence;
  return true;
}

}  // namespace lpse::ui

#include "kiosk/ui/rgba_texture.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>

#include "kiosk/ui/gl_driver_scope.hpp"

namespace lpse::ui {

RgbaTexture::~RgbaTexture() { reset(); }

void RgbaTexture::reset() {
  if (m_id != 0) {
    GlDriverScope driver;
    GLuint id = m_id;
    glDeleteTextures(1, &id);
  }
  m_id = 0;
  m_width = m_height = 0;
}

ImTextureID RgbaTexture::id() const { return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(m_id)); }

bool RgbaTexture::upload(const std::uint8_t* rgba, int width, int height) {
  if (!rgba || width <= 0 || height <= 0 || width > 8192 || height > 8192) return false;
  GlDriverScope driver;
  if (m_id == 0) {
    GLuint id = 0;
    glGenTextures(1, &id);
    m_id = id;
  }
  glBindTexture(GL_TEXTURE_2D, m_id);
  // Drawn 1:1 at whole pixels: linear filtering only smooths a resize
  // caught between two uploads.
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  m_width = width;
  m_height = height;
  return true;
}

}  // namespace lpse::ui

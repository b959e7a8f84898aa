#include "devices/camera/image_file_source.hpp"

#include <stb_image.h>

#include <thread>

namespace lpse::camera {

namespace {

core::Error loadError(const std::string& what, const char* why) {
  const std::string reason = why ? why : "unknown";
  return core::makeError(kImageLoad, "Gambar tidak bisa dibaca: " + what + " (" + reason + ")",
                         "Cannot read image: " + what + " (" + reason + ")");
}

core::Result<Frame> fromStb(unsigned char* pixels, int w, int h, const std::string& what) {
  if (!pixels) return loadError(what, stbi_failure_reason());
  Frame f;
  f.width = w;
  f.height = h;
  f.gray.assign(pixels, pixels + static_cast<std::size_t>(w) * h);
  stbi_image_free(pixels);
  f.captured = std::chrono::steady_clock::now();
  return f;
}

}  // namespace

core::Result<Frame> loadGrayImage(const std::filesystem::path& path) {
  int w = 0, h = 0, channels = 0;
  // stb reads EXIF-less files only; phone photos are stored upright by most
  // camera apps, and the QR decoder does not care about rotation anyway.
  unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &channels, 1);
  return fromStb(pixels, w, h, path.string());
}

core::Result<Frame> decodeGrayImage(const std::uint8_t* data, std::size_t size) {
  int w = 0, h = 0, channels = 0;
  unsigned char* pixels = stbi_load_from_memory(data, static_cast<int>(size), &w, &h, &channels, 1);
  return fromStb(pixels, w, h, "memory");
}

ImageFileSource::ImageFileSource(std::vector<std::filesystem::path> files)
    : ImageFileSource(std::move(files), Options{}) {}

ImageFileSource::ImageFileSource(std::vector<std::filesystem::path> files, Options options)
    : m_files(std::move(files)), m_options(options) {}

core::Status ImageFileSource::open() {
  if (!m_frames.empty()) return core::Ok{};
  core::Error last = core::makeError(kNoCamera, "Tidak ada berkas gambar", "No image files");
  for (const auto& file : m_files) {
    auto f = loadGrayImage(file);
    if (f)
      m_frames.push_back(std::move(*f));
    else
      last = f.error();
  }
  if (m_frames.empty()) return last;
  m_next = 0;
  m_due = std::chrono::steady_clock::now();
  return core::Ok{};
}

core::Result<Frame> ImageFileSource::grab(std::chrono::milliseconds timeout) {
  if (m_frames.empty())
    return core::makeError(kCameraOpen, "Sumber gambar belum dibuka", "Image source is not open");
  if (m_next >= m_frames.size()) {
    if (!m_options.loop) return core::makeError(kCameraLost, "Gambar sudah habis", "No more images");
    m_next = 0;
  }
  if (m_options.fps > 0) {
    const auto now = std::chrono::steady_clock::now();
    if (m_due > now + timeout) {
      std::this_thread::sleep_for(timeout);
      return core::makeError(kCameraTimeout, "Menunggu gambar", "Waiting for a frame");
    }
    if (m_due > now) std::this_thread::sleep_until(m_due);
    m_due = std::max(m_due, now) +
            std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(1.0 / m_options.fps));
  }
  Frame f = m_frames[m_next++];
  f.sequence = ++m_sequence;
  f.captured = std::chrono::steady_clock::now();
  return f;
}

void ImageFileSource::close() { m_frames.clear(); }

std::string ImageFileSource::describe() const {
  if (m_files.size() == 1) return "image " + m_files.front().string();
  return "images (" + std::to_string(m_files.size()) + " files)";
}

}  // namespace lpse::camera

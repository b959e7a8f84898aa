#pragma once
// Frames from image files (PNG, JPEG, BMP...: whatever stb_image reads), as
// gray. For tests, the demo mode and `lpse scan`.
#include <filesystem>
#include <string>
#include <vector>

#include "devices/camera/frame_source.hpp"

namespace lpse::camera {

// One image file as a gray frame; kImageLoad with the reason when unreadable.
core::Result<Frame> loadGrayImage(const std::filesystem::path& path);
// The same from bytes in memory (an encoded PNG/JPEG).
core::Result<Frame> decodeGrayImage(const std::uint8_t* data, std::size_t size);

class ImageFileSource : public FrameSource {
 public:
  struct Options {
    bool loop = true;    // after the last file, start again; else kCameraLost
    double fps = 0;      // > 0: grab() paces frames like a camera would
  };
  explicit ImageFileSource(std::vector<std::filesystem::path> files);
  ImageFileSource(std::vector<std::filesystem::path> files, Options options);

  core::Status open() override;  // loads every file; fails if none loads
  core::Result<Frame> grab(std::chrono::milliseconds timeout) override;
  void close() override;
  std::string describe() const override;

 private:
  std::vector<std::filesystem::path> m_files;
  Options m_options;
  std::vector<Frame> m_frames;
  std::size_t m_next = 0;
  std::uint64_t m_sequence = 0;
  std::chrono::steady_clock::time_point m_due{};
};

}  // namespace lpse::camera

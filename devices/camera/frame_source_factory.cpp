#include "devices/camera/frame_source_factory.hpp"

#include "devices/camera/image_file_source.hpp"
#include "devices/camera/v4l2_source.hpp"

namespace lpse::camera {

std::unique_ptr<FrameSource> makeFrameSource(const std::string& spec, int width, int height) {
  if (spec == "none") return nullptr;
  if (spec.empty() || spec == "auto" || spec.rfind("/dev/", 0) == 0) {
    V4l2Source::Options o;
    if (spec.rfind("/dev/", 0) == 0) o.device = spec;
    o.width = width;
    o.height = height;
    return std::make_unique<V4l2Source>(o);
  }
  std::vector<std::filesystem::path> files;
  std::size_t start = 0;
  while (start <= spec.size()) {
    const std::size_t comma = spec.find(',', start);
    const std::string one = spec.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!one.empty()) files.emplace_back(one);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  ImageFileSource::Options o;
  o.fps = 5;
  return std::make_unique<ImageFileSource>(std::move(files), o);
}

}  // namespace lpse::camera

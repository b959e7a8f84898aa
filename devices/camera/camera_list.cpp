#include "devices/camera/camera_list.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace lpse::camera {

namespace {

std::string text(const __u8* s, std::size_t n) {
  const auto* c = reinterpret_cast<const char*>(s);
  return std::string(c, strnlen(c, n));
}

int nodeNumber(const std::string& name) { return std::atoi(name.c_str() + 5); }  // "videoN"

}  // namespace

std::vector<CameraInfo> listCameras() {
  std::vector<std::pair<int, CameraInfo>> found;
  // opendir() itself, not std::filesystem: umockdev redirects opendir in tests.
  DIR* dir = ::opendir("/dev");
  if (!dir) return {};
  while (const dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (name.rfind("video", 0) != 0 || name.size() == 5 ||
        name.find_first_not_of("0123456789", 5) != std::string::npos)
      continue;
    const std::string path = "/dev/" + name;
    const int fd = ::open(path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) continue;
    v4l2_capability cap{};
    int rc;
    do rc = ::ioctl(fd, VIDIOC_QUERYCAP, &cap);
    while (rc < 0 && errno == EINTR);
    ::close(fd);
    if (rc < 0) continue;
    const __u32 caps = (cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities;
    if (!(caps & V4L2_CAP_VIDEO_CAPTURE)) continue;
    found.push_back({nodeNumber(name), CameraInfo{path, text(cap.card, sizeof cap.card),
                                                  text(cap.driver, sizeof cap.driver),
                                                  text(cap.bus_info, sizeof cap.bus_info)}});
  }
  ::closedir(dir);
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<CameraInfo> out;
  for (auto& f : found) out.push_back(std::move(f.second));
  return out;
}

}  // namespace lpse::camera

#pragma once
// A frame source from one config string (camera.device in lpse.toml, or a
// command-line flag):
//   "" or "auto"      the first V4L2 capture device (listCameras)
//   "/dev/videoN"     that device
//   "none"            no camera (nullptr: the kiosk offers typing)
//   anything else     image files, comma-separated, shown as a camera at
//                     a few frames per second (the demo and tests)
#include <memory>
#include <string>

#include "devices/camera/frame_source.hpp"

namespace lpse::camera {

std::unique_ptr<FrameSource> makeFrameSource(const std::string& spec, int width = 1280, int height = 720);

}  // namespace lpse::camera

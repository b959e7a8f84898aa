#pragma once
// The video capture devices on this machine: /dev/video* nodes whose
// VIDIOC_QUERYCAP says they capture video (a UVC webcam also makes a
// metadata node, which is left out).
#include <string>
#include <vector>

namespace lpse::camera {

struct CameraInfo {
  std::string path;    // /dev/video0
  std::string card;    // "HD Webcam C270"
  std::string driver;  // "uvcvideo"
  std::string bus;     // "usb-0000:00:14.0-2"
};

// Sorted by node number. Nodes that cannot be opened (permissions, busy)
// are left out: the kiosk cannot use them either.
std::vector<CameraInfo> listCameras();

}  // namespace lpse::camera

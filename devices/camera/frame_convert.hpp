#pragma once
// Camera pixel formats -> 8-bit gray. Every format a webcam sends carries
// luma on its own (YUYV/UYVY bytes, the Y plane of NV12/YU12, the Y
// component of a JPEG), so no colour conversion is ever done.
#include <cstddef>
#include <cstdint>
#include <string>

#include "devices/camera/frame.hpp"
#include "kiosk/core/error.hpp"

namespace lpse::camera {

// Packed 4:2:2, Y0 U Y1 V (YUYV) or U Y0 V Y1 (UYVY). stride: bytes per row
// (>= width * 2; 0 means width * 2).
core::Result<Frame> yuyvToGray(const std::uint8_t* data, std::size_t size, int width, int height, int stride = 0);
core::Result<Frame> uyvyToGray(const std::uint8_t* data, std::size_t size, int width, int height, int stride = 0);

// GREY, or any planar format whose first plane is Y (NV12, NV21, YU12, YV12).
core::Result<Frame> lumaPlaneToGray(const std::uint8_t* data, std::size_t size, int width, int height,
                                    int stride = 0);

// Motion JPEG from a UVC camera, decoded by libjpeg-turbo straight to gray
// (the chroma components are never decoded). Many cameras leave out the
// Huffman tables; libjpeg-turbo supplies the standard ones. Recoverable
// corruption (a truncated frame) still gives a frame; expectWidth/Height,
// when > 0, reject a frame of another size.
core::Result<Frame> mjpegToGray(const std::uint8_t* data, std::size_t size, int expectWidth = 0,
                                int expectHeight = 0);

}  // namespace lpse::camera

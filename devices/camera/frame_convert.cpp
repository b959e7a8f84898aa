#include "devices/camera/frame_convert.hpp"

#include <turbojpeg.h>

#include <cstring>
#include <memory>

namespace lpse::camera {

namespace {

core::Error badFrame(const std::string& why) {
  return core::makeError("camera_frame", "Gambar dari kamera rusak: " + why, "Bad camera frame: " + why);
}

core::Result<Frame> takeEveryOther(const std::uint8_t* data, std::size_t size, int width, int height, int stride,
                                   int first) {
  if (width <= 0 || height <= 0) return badFrame("size");
  if (stride == 0) stride = width * 2;
  if (stride < width * 2) return badFrame("stride");
  // The last row needs only width * 2 bytes: some drivers trim the padding.
  if (size < static_cast<std::size_t>(stride) * (height - 1) + static_cast<std::size_t>(width) * 2)
    return badFrame("short");
  Frame f;
  f.width = width;
  f.height = height;
  f.gray.resize(static_cast<std::size_t>(width) * height);
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* src = data + static_cast<std::size_t>(y) * stride + first;
    std::uint8_t* dst = f.gray.data() + static_cast<std::size_t>(y) * width;
    for (int x = 0; x < width; ++x) dst[x] = src[2 * x];
  }
  return f;
}

struct TjFree {
  void operator()(void* h) const { tjDestroy(h); }
};

}  // namespace

core::Result<Frame> yuyvToGray(const std::uint8_t* data, std::size_t size, int width, int height, int stride) {
  return takeEveryOther(data, size, width, height, stride, 0);
}

core::Result<Frame> uyvyToGray(const std::uint8_t* data, std::size_t size, int width, int height, int stride) {
  return takeEveryOther(data, size, width, height, stride, 1);
}

core::Result<Frame> lumaPlaneToGray(const std::uint8_t* data, std::size_t size, int width, int height, int stride) {
  if (width <= 0 || height <= 0) return badFrame("size");
  if (stride == 0) stride = width;
  if (stride < width) return badFrame("stride");
  if (size < static_cast<std::size_t>(stride) * (height - 1) + static_cast<std::size_t>(width)) return badFrame("short");
  Frame f;
  f.width = width;
  f.height = height;
  f.gray.resize(static_cast<std::size_t>(width) * height);
  for (int y = 0; y < height; ++y)
    std::memcpy(f.gray.data() + static_cast<std::size_t>(y) * width, data + static_cast<std::size_t>(y) * stride,
                width);
  return f;
}

core::Result<Frame> mjpegToGray(const std::uint8_t* data, std::size_t size, int expectWidth, int expectHeight) {
  if (!data || size < 4 || data[0] != 0xFF || data[1] != 0xD8) return badFrame("not a JPEG");
  // One decompressor per thread: creating one costs more than a small frame.
  thread_local std::unique_ptr<void, TjFree> tj(tjInitDecompress());
  if (!tj) return badFrame("turbojpeg");
  int w = 0, h = 0, subsamp = 0, colorspace = 0;
  auto* src = const_cast<unsigned char*>(data);
  const auto len = static_cast<unsigned long>(size);
  if (tjDecompressHeader3(tj.get(), src, len, &w, &h, &subsamp, &colorspace) != 0)
    return badFrame(tjGetErrorStr2(tj.get()));
  if (w <= 0 || h <= 0 || w > 16384 || h > 16384) return badFrame("size");
  if ((expectWidth > 0 && w != expectWidth) || (expectHeight > 0 && h != expectHeight)) return badFrame("size");
  Frame f;
  f.width = w;
  f.height = h;
  f.gray.resize(static_cast<std::size_t>(w) * h);
  // FASTDCT: the decoder binarizes anyway; the IDCT's last bit is noise.
  if (tjDecompress2(tj.get(), src, len, f.gray.data(), w, 0, h, TJPF_GRAY, TJFLAG_FASTDCT) != 0 &&
      tjGetErrorCode(tj.get()) != TJERR_WARNING)
    return badFrame(tjGetErrorStr2(tj.get()));
  return f;
}

}  // namespace lpse::camera

// `lpse scan FILE...`: the LPSE IT person's check of camera shots and phone
// photos of forms. Decodes each image file with the kiosk's own pipeline
// and prints one line per file: the payload (control characters escaped, so
// a payload with a line break is still one line), or an empty line when no
// code was found (exit 0 only if every file gave one). --cameras lists the
// cameras; --camera DEV decodes a live camera for a few seconds. No config
// file needed.
#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include "devices/camera/camera_list.hpp"
#include "devices/camera/image_file_source.hpp"
#include "devices/camera/v4l2_source.hpp"
#include "devices/scanner/camera_scanner.hpp"
#include "devices/scanner/qr_decoder.hpp"
#include "kiosk/apps/cli_command.hpp"

namespace lpse::apps {

namespace {

struct ScanArgs {
  std::vector<std::string> files;
  bool verbose = false, listCameras = false;
  std::string camera;
  double seconds = 10;
};

// A QR code may hold any bytes, a line break too: escaped, a payload is
// always exactly one output line, and \\ keeps the escaping reversible.
// Bytes from 0x80 up pass as they are (UTF-8 names).
std::string oneLine(std::string_view payload) {
  std::string out;
  out.reserve(payload.size());
  for (const char ch : payload) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          static constexpr char kHex[] = "0123456789abcdef";
          out += "\\x";
          out += kHex[c >> 4];
          out += kHex[c & 0xf];
        } else {
          out += ch;
        }
    }
  }
  return out;
}

int listCameras() {
  const auto cams = camera::listCameras();
  for (const auto& c : cams) std::printf("%s  %s  (%s, %s)\n", c.path.c_str(), c.card.c_str(), c.driver.c_str(), c.bus.c_str());
  if (cams.empty()) std::printf("no camera found\n");
  return 0;
}

// Live: every new payload on its own line, for `seconds`; 0 if any was read.
int scanCamera(const ScanArgs& a) {
  camera::V4l2Source::Options o;
  if (a.camera != "auto") o.device = a.camera;
  scanner::CameraScanner scanner(std::make_unique<camera::V4l2Source>(o));
  scanner.start();
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(a.seconds);
  int reads = 0;
  camera::CameraState last = camera::CameraState::Opening;
  while (std::chrono::steady_clock::now() < end) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const auto st = scanner.cameraStatus();
    if (a.verbose && st.state != last) {
      std::fprintf(stderr, "camera: %s %s%s\n", std::string(camera::toString(st.state)).c_str(),
                   st.description.c_str(), st.reason.en.empty() ? "" : (" - " + st.reason.en).c_str());
      last = st.state;
    }
    for (const auto& e : scanner.takeEvents()) {
      std::printf("%s\n", oneLine(e.text).c_str());
      std::fflush(stdout);
      ++reads;
    }
  }
  const auto st = scanner.cameraStatus();
  scanner.stop();
  if (st.state == camera::CameraState::None || (st.state == camera::CameraState::Error && st.frames == 0))
    return fail(st.reason);
  if (a.verbose) {
    const auto s = scanner.decodeStats();
    std::fprintf(stderr, "frames: %llu captured, %llu decoded, %llu skipped while busy\n",
                 static_cast<unsigned long long>(st.frames), static_cast<unsigned long long>(s.decoded),
                 static_cast<unsigned long long>(s.skipped));
  }
  return reads > 0 ? 0 : 1;
}

int scanFiles(const ScanArgs& a) {
  const scanner::QrDecoder decoder;
  int missed = 0;
  for (const auto& file : a.files) {
    const auto t0 = std::chrono::steady_clock::now();
    auto frame = camera::loadGrayImage(file);
    const auto t1 = std::chrono::steady_clock::now();
    std::vector<scanner::QrRead> reads;
    if (frame) reads = decoder.decode(*frame);
    const auto t2 = std::chrono::steady_clock::now();
    // One line per file, so a script can pair lines with its arguments.
    std::printf("%s\n", reads.empty() ? "" : oneLine(reads.front().text).c_str());
    if (reads.empty()) ++missed;
    if (a.verbose) {
      using ms = std::chrono::duration<double, std::milli>;
      if (!frame)
        std::fprintf(stderr, "%s: %s\n", file.c_str(), frame.error().en.c_str());
      else
        std::fprintf(stderr, "%s: %dx%d, load %.1f ms, decode %.1f ms, %s\n", file.c_str(), frame->width,
                     frame->height, ms(t1 - t0).count(), ms(t2 - t1).count(),
                     reads.empty() ? "no code" : ("pass " + reads.front().pass).c_str());
    }
  }
  std::fflush(stdout);
  return missed == 0 ? 0 : 1;
}

}  // namespace

void registerScanCommand(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<ScanArgs>();
  auto* cmd = app.add_subcommand("scan",
                                 "Read the QR code in image files (PNG, JPEG), one output line per file. Control "
                                 "characters in a payload are escaped (\\n, \\r, \\t, \\xNN; a backslash as \\\\) "
                                 "so that one line is always one payload");
  cmd->add_option("files", args->files, "Image files (camera shots, phone photos)");
  cmd->add_flag("-v,--verbose", args->verbose, "Size and time per file on stderr");
  cmd->add_flag("--cameras", args->listCameras, "List the cameras");
  cmd->add_option("--camera", args->camera, "Read from a live camera instead (/dev/videoN or auto)");
  cmd->add_option("--seconds", args->seconds, "How long to read the live camera")->capture_default_str();
  cmd->final_callback([&ctx, args] {
    if (args->listCameras)
      ctx.exitCode = listCameras();
    else if (!args->camera.empty())
      ctx.exitCode = scanCamera(*args);
    else if (args->files.empty())
      ctx.exitCode = fail(core::makeError("usage", "Sebutkan berkas gambar", "Name at least one image file"));
    else
      ctx.exitCode = scanFiles(*args);
  });
}

}  // namespace lpse::apps

#pragma once
// Connects the camera scanner (devices/camera + devices/scanner) and the
// QR formats (kiosk/form) to the kiosk's scanner seam (kiosk_scan.hpp).
// The kiosk's flow knows neither V4L2 nor ZXing nor the payload grammar:
// it gets camera states, preview frames and classified readings.
#include <memory>
#include <string>

#include "kiosk/kiosk_app/kiosk_app.hpp"

namespace lpse::scanner {
class CameraScanner;
}

namespace lpse::apps {

// form::classifyQr in the kiosk's terms.
kiosk::QrReading readKioskQr(std::string_view payload);

class KioskScanning {
 public:
  // spec: kiosk.camera ("auto", "none", "/dev/videoN", or image files).
  KioskScanning(const std::string& spec, kiosk::KioskApp& app);
  ~KioskScanning();  // stops the capture and decode threads first

 private:
  void pump();  // on a scanner thread: hand what is new to the kiosk

  kiosk::KioskApp& m_app;
  std::unique_ptr<scanner::CameraScanner> m_scanner;
  std::mutex m_mutex;
  std::uint64_t m_lastFrame = 0;
  int m_lastState = -1;
};

}  // namespace lpse::apps

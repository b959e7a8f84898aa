#include "devices/scanner/camera_scanner.hpp"

namespace lpse::scanner {

CameraScanner::CameraScanner(std::unique_ptr<camera::FrameSource> source)
    : CameraScanner(std::move(source), Options{}) {}

CameraScanner::CameraScanner(std::unique_ptr<camera::FrameSource> source, Options options)
    : CameraScanner(std::move(source),
                    [decoder = QrDecoder()](const camera::Frame& f) { return decoder.decode(f); }, options) {}

CameraScanner::CameraScanner(std::unique_ptr<camera::FrameSource> source, DecodeWorker::DecodeFn decode,
                             Options options)
    : m_decoder(std::move(decode), options.decode), m_capture(std::move(source), options.capture) {}

CameraScanner::~CameraScanner() { stop(); }

void CameraScanner::setWake(std::function<void()> wake) { m_wake = std::move(wake); }

void CameraScanner::start() {
  m_decoder.setOnEvent([this] {
    if (m_wake) m_wake();
  });
  m_capture.setOnFrame([this](const camera::FramePtr& f) {
    m_decoder.submit(f);
    if (m_wake) m_wake();  // a new preview frame
  });
  m_capture.setOnStatus([this](const camera::CameraStatus&) {
    if (m_wake) m_wake();
  });
  m_capture.start();
}

void CameraScanner::stop() {
  m_capture.stop();  // no more frames into the decoder
  m_decoder.stop();
}

camera::FramePtr CameraScanner::latestFrame() const { return m_capture.latest(); }
camera::CameraStatus CameraScanner::cameraStatus() const { return m_capture.status(); }
std::vector<ScanEvent> CameraScanner::takeEvents() { return m_decoder.takeEvents(); }
DecodeWorker::Stats CameraScanner::decodeStats() const { return m_decoder.stats(); }

}  // namespace lpse::scanner

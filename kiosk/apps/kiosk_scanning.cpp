#include "kiosk/apps/kiosk_scanning.hpp"

#include <cstdio>

#include "devices/camera/frame_source_factory.hpp"
#include "devices/scanner/camera_scanner.hpp"
#include "kiosk/form/scanned_qr.hpp"

namespace lpse::apps {

kiosk::QrReading readKioskQr(std::string_view payload) {
  const auto s = form::classifyQr(payload);
  kiosk::QrReading r;
  switch (s.kind) {
    case form::ScannedQr::Kind::Form:
      r.kind = kiosk::QrReading::Kind::Form;
      r.form = form::toVisit(s.form);
      break;
    case form::ScannedQr::Kind::BlankForm:
      r.kind = kiosk::QrReading::Kind::BlankForm;
      break;
    case form::ScannedQr::Kind::Ticket:
      r.kind = kiosk::QrReading::Kind::Ticket;
      r.token = s.token;
      break;
    case form::ScannedQr::Kind::Invalid:
    case form::ScannedQr::Kind::Unknown:
      r.kind = kiosk::QrReading::Kind::Invalid;
      r.error = s.error;
      break;
  }
  return r;
}

namespace {
kiosk::CameraState kioskState(camera::CameraState s) {
  switch (s) {
    case camera::CameraState::None: return kiosk::CameraState::Absent;
    case camera::CameraState::Opening: return kiosk::CameraState::Starting;
    case camera::CameraState::Streaming: return kiosk::CameraState::Live;
    case camera::CameraState::Error: return kiosk::CameraState::Failed;
  }
  return kiosk::CameraState::Failed;
}
}  // namespace

KioskScanning::KioskScanning(const std::string& spec, kiosk::KioskApp& app) : m_app(app) {
  m_app.setQrReader(readKioskQr);
  auto source = camera::makeFrameSource(spec);
  if (!source) {
    m_app.cameraState(kiosk::CameraState::Absent);
    return;
  }
  m_scanner = std::make_unique<scanner::CameraScanner>(std::move(source));
  m_scanner->setWake([this] { pump(); });
  m_scanner->start();
}

KioskScanning::~KioskScanning() {
  if (m_scanner) m_scanner->stop();
}

void KioskScanning::pump() {
  std::lock_guard lock(m_mutex);
  const auto status = m_scanner->cameraStatus();
  if (static_cast<int>(status.state) != m_lastState) {
    m_lastState = static_cast<int>(status.state);
    if (status.state == camera::CameraState::Error || status.state == camera::CameraState::None)
      std::fprintf(stderr, "level=warn msg=\"camera\" state=%s reason=\"%s\"\n",
                   std::string(camera::toString(status.state)).c_str(), status.reason.en.c_str());
    m_app.cameraState(kioskState(status.state));
  }
  if (auto f = m_scanner->latestFrame(); f && f->sequence != m_lastFrame) {
    m_lastFrame = f->sequence;
    auto p = std::make_shared<kiosk::PreviewFrame>();
    p->width = f->width;
    p->height = f->height;
    p->gray = f->gray;
    p->sequence = f->sequence;
    m_app.previewFrame(std::move(p));
  }
  for (auto& e : m_scanner->takeEvents()) m_app.qrPayload(std::move(e.text));
}

}  // namespace lpse::apps

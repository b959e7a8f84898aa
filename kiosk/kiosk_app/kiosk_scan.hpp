#pragma once
// The seam between the kiosk's flow and the scanning parts (camera frames,
// the QR decoder, a keyboard-wedge scanner, the form-QR format). The kiosk
// takes three inputs and needs one function:
//   - a QR payload was read            -> KioskModel::qrRead / KioskApp::qrPayload
//   - the camera's state changed       -> KioskModel::cameraChanged / KioskApp::cameraState
//   - a preview frame (8-bit gray w*h) -> KioskModel::frameArrived / KioskApp::previewFrame
//   - QrReader: payload -> form fields, ticket token, or why neither
//     (kiosk/form's classifyQr in the real program).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/error.hpp"
#include "kiosk/core/visit.hpp"

namespace lpse::kiosk {

enum class CameraState {
  Absent,    // none configured or found: the visitor types
  Starting,  // opening, no frame yet
  Live,      // frames arrive
  Failed,    // was there, stopped (unplugged): the visitor types
};

// One preview frame, 8-bit gray, row-major, width*height bytes.
struct PreviewFrame {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> gray;
  std::uint64_t sequence = 0;
};

// What a payload turned out to be.
struct QrReading {
  enum class Kind {
    Form,       // `form` holds the applicant's fields (service, role, name, ...)
    BlankForm,  // the request form with nothing in its QR: type the data
    Ticket,     // `token` is the case token for GET /api/tickets/<token>
    Invalid,    // not usable: `error` says why, in both languages
  };
  Kind kind = Kind::Invalid;
  core::Visit form;
  std::string token;
  core::Error error;
};

using QrReader = std::function<QrReading(std::string_view payload)>;

// Until the form format is wired in: a bare ticket token (8-64 lower-case
// hex, what tickets print today) is a ticket, anything else is refused.
QrReading defaultQrReader(std::string_view payload);

}  // namespace lpse::kiosk

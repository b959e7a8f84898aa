#include "kiosk/form/scanned_qr.hpp"

#include "kiosk/form/form_errors.hpp"
#include "kiosk/form/form_qr.hpp"
#include "kiosk/form/ticket_qr.hpp"

namespace lpse::form {
namespace {

// A code that is not ours (or too long to be) is "unknown"; one of ours
// that fails its checks is "invalid".
ScannedQr::Kind failedKind(const core::Error& e) {
  return e.code == "qr_not_lpse" || e.code == "qr_too_long" ? ScannedQr::Kind::Unknown : ScannedQr::Kind::Invalid;
}

}  // namespace

ScannedQr classifyQr(std::string_view text) {
  if (text.ends_with("\r\n")) text.remove_suffix(2);
  else if (text.ends_with('\n') || text.ends_with('\r')) text.remove_suffix(1);
  ScannedQr out;
  if (isLegacyTicketToken(text)) {
    out.kind = ScannedQr::Kind::Ticket;
    out.token = std::string(text);
    out.legacyTicket = true;
    return out;
  }
  if (text.starts_with("LPSE-T")) {
    auto t = parseTicketQr(text);
    if (t) {
      out.kind = ScannedQr::Kind::Ticket;
      out.token = std::move(*t);
    } else {
      out.kind = failedKind(t.error());
      out.error = t.error();
    }
    return out;
  }
  if (isBlankFormQr(text)) {
    out.kind = ScannedQr::Kind::BlankForm;
    return out;
  }
  auto f = parseFormQr(text);
  if (f) {
    out.kind = ScannedQr::Kind::Form;
    out.form = std::move(*f);
    return out;
  }
  out.error = f.error();
  out.kind = failedKind(out.error);
  return out;
}

}  // namespace lpse::form

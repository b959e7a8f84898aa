#pragma once
// The request form's QR payload, version 1 (docs/FORM-QR.md):
//   LPSE-F1:<service>:<role>:<name>:<nip>:<agency>:<phone>:<email>:<user id>:<YYYYMMDD>:<CRC-32>
// and the blank form's: LPSE-F1:BLANK:<CRC-32>.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/error.hpp"
#include "kiosk/form/form_data.hpp"

namespace lpse::form {

inline constexpr std::string_view kFormQrHeader = "LPSE-F1";
// Longest payload we print or accept: the byte capacity of QR version 20 at
// error level M, which holds any all-ASCII form the kiosk accepts (637 at
// the kiosk's field limits). Realistic forms need version 8-10; see the
// measured budget in docs/FORM-QR.md. Only long non-ASCII text can go past
// this, and such a form is refused with the field to shorten.
inline constexpr std::size_t kMaxFormQrLength = 666;

// The payload for a form, or the first problem with its data (the field
// named). The data is made canonical first (canonicalForm).
core::Result<std::string> encodeFormQr(const FormData& d);

// The blank form's payload: it only says "this is the request form".
std::string encodeBlankFormQr();
bool isBlankFormQr(std::string_view payload);

// Strict: any damage, edit, truncation, unknown version, non-canonical
// spelling or data the kiosk would refuse is an Error naming the field
// ("checksum", "version", "qr" for the code as a whole, or the data field:
// "name", "nip", ...). A blank form's code is the error "form_qr_blank".
// Never throws, never reads past the input.
core::Result<FormData> parseFormQr(std::string_view payload);

// The short codes the payload uses for roles ("PPK", "AUD", ...).
std::string_view roleCode(core::VisitorRole);
std::optional<core::VisitorRole> roleFromCode(std::string_view);

}  // namespace lpse::form

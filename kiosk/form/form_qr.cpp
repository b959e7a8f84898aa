#include "kiosk/form/form_qr.hpp"

#include <array>
#include <cstdio>
#include <utility>

#include "kiosk/core/validation.hpp"
#include "kiosk/form/crc32.hpp"
#include "kiosk/form/field_codec.hpp"
#include "kiosk/form/form_errors.hpp"

namespace lpse::form {
namespace {

constexpr std::array<std::pair<core::VisitorRole, std::string_view>, 6> kRoleCodes{{
    {core::VisitorRole::AdminAgency, "ADM"},
    {core::VisitorRole::Helpdesk, "HD"},
    {core::VisitorRole::Verifikator, "VER"},
    {core::VisitorRole::Ppk, "PPK"},
    {core::VisitorRole::Panitia, "PAN"},
    {core::VisitorRole::Auditor, "AUD"},
}};

constexpr std::string_view kBlankMarker = "BLANK";
constexpr std::size_t kFieldCount = 11;  // header .. date, checksum
constexpr std::size_t kChecksumDigits = 8;

// Field order in the payload; index 0 is the header, the last the checksum.
enum Index { kHeader, kService, kRole, kName, kNip, kAgency, kPhone, kEmail, kUserId, kDate, kChecksum };

std::string seal(std::string body) {
  const std::uint32_t c = crc32(body);
  body.push_back(kFieldSeparator);
  body += hexUpper(c, kChecksumDigits);
  return body;
}

// YYYYMMDD; the date is validated (2000-2099) before it is written.
std::string dateText(const core::LocalDate& d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  return buf;
}

bool allDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool isUpperHex(std::string_view s) {
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) return false;
  return true;
}

int number(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

const char* fieldName(Index i) {
  switch (i) {
    case kName: return "name";
    case kNip: return "nip";
    case kAgency: return "agency";
    case kPhone: return "phone";
    case kEmail: return "email";
    case kUserId: return "spse_user_id";
    default: return "qr";
  }
}

// The data field at index i (kName..kUserId) and its escaped text.
struct EncodedField {
  const char* name;
  std::string text;
};

}  // namespace

std::string_view roleCode(core::VisitorRole r) {
  for (const auto& [role, code] : kRoleCodes)
    if (role == r) return code;
  return "?";
}

std::optional<core::VisitorRole> roleFromCode(std::string_view s) {
  for (const auto& [role, code] : kRoleCodes)
    if (code == s) return role;
  return std::nullopt;
}

core::Result<std::string> encodeFormQr(const FormData& input) {
  const FormData d = canonicalForm(input);
  auto errors = validateForm(d);
  if (!errors.empty()) return std::move(errors.front());
  const std::array<EncodedField, 6> fields{{{"name", escapeField(d.name)},
                                            {"nip", escapeField(d.nip)},
                                            {"agency", escapeField(d.agency)},
                                            {"phone", escapeField(d.phone)},
                                            {"email", escapeField(d.email)},
                                            {"spse_user_id", escapeField(d.spseUserId)}}};
  std::string body(kFormQrHeader);
  body += kFieldSeparator;
  body += d.service == FormService::Reset ? 'R' : 'U';
  body += kFieldSeparator;
  body += roleCode(d.role);
  for (const auto& f : fields) {
    body += kFieldSeparator;
    body += f.text;
  }
  body += kFieldSeparator;
  body += dateText(d.date);
  std::string payload = seal(std::move(body));
  if (payload.size() > kMaxFormQrLength) {
    const EncodedField* longest = &fields[0];
    for (const auto& f : fields)
      if (f.text.size() > longest->text.size()) longest = &f;
    return detail::tooLong(longest->name, payload.size());
  }
  return payload;
}

std::string encodeBlankFormQr() { return seal(std::string(kFormQrHeader) + kFieldSeparator + std::string(kBlankMarker)); }

bool isBlankFormQr(std::string_view payload) { return payload == encodeBlankFormQr(); }

core::Result<FormData> parseFormQr(std::string_view payload) {
  using namespace detail;
  if (payload.size() > kMaxFormQrLength) return inputTooLong();
  const std::string_view header = payload.substr(0, payload.find(kFieldSeparator));
  if (auto e = checkHeader(header, 'F', kFormQrHeader)) return std::move(*e);
  if (!isPrintableAscii(payload)) return damaged();
  const auto lastSep = payload.rfind(kFieldSeparator);
  const std::string_view checksum = lastSep == std::string_view::npos ? std::string_view{} : payload.substr(lastSep + 1);
  if (lastSep == std::string_view::npos || checksum.size() != kChecksumDigits || !isUpperHex(checksum))
    return truncated();
  if (hexUpper(crc32(payload.substr(0, lastSep)), kChecksumDigits) != checksum) return checksumMismatch();

  const auto f = splitFields(payload);
  if (f.size() == 3 && f[1] == kBlankMarker) return blankForm();
  if (f.size() != kFieldCount) return fieldCount(f.size());

  FormData d;
  if (f[kService] == "R") d.service = FormService::Reset;
  else if (f[kService] == "U") d.service = FormService::UserId;
  else return badField("service", "form_qr_service");
  if (auto r = roleFromCode(f[kRole])) d.role = *r;
  else return badField("role", "form_qr_role");

  // Text fields: strict unescaping, then the canonical spelling (what
  // canonicalForm makes), then the kiosk's own rules below.
  const std::array<std::pair<Index, std::string*>, 6> texts{{{kName, &d.name},
                                                            {kNip, &d.nip},
                                                            {kAgency, &d.agency},
                                                            {kPhone, &d.phone},
                                                            {kEmail, &d.email},
                                                            {kUserId, &d.spseUserId}}};
  for (const auto& [index, out] : texts) {
    const char* name = fieldName(index);
    UnescapeError why = UnescapeError::None;
    auto text = unescapeField(f[static_cast<std::size_t>(index)], &why);
    if (!text) return badEscape(name, why == UnescapeError::NeedlessEscape);
    if (!text->empty() && (text->front() == ' ' || text->back() == ' ')) return notCanonical(name);
    *out = std::move(*text);
  }
  if (!d.nip.empty() && (d.nip.size() != 18 || !allDigits(d.nip))) {
    if (auto e = core::validateNip(d.nip)) return std::move(*e);  // names what is wrong with it
    return notCanonical("nip");                                    // valid, but spelled with spaces or dots
  }
  if (!d.phone.empty() && (core::normalizePhone(d.phone) != d.phone || !allDigits(d.phone))) {
    if (auto e = core::validatePhone(d.phone)) return std::move(*e);
    return notCanonical("phone");
  }

  const std::string_view date = f[kDate];
  if (date.size() != 8 || !allDigits(date)) return badField("date", "form_date");
  d.date = {number(date.substr(0, 4)), number(date.substr(4, 2)), number(date.substr(6, 2))};

  auto errors = validateForm(d);
  if (!errors.empty()) return std::move(errors.front());
  return d;
}

}  // namespace lpse::form

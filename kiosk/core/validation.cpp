#include "kiosk/core/validation.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace lpse::core {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAsciiAlnum(char c) { return isDigit(c) || isAsciiAlpha(c); }

int num(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int daysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// The year today (UTC is close enough for a bound on years).
int currentYear() {
  using namespace std::chrono;
  const year_month_day ymd{floor<days>(system_clock::now())};
  return static_cast<int>(ymd.year());
}

std::string_view trimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
// Returns the code point at s[i] and advances i, or nullopt.
std::optional<char32_t> decodeAt(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len;
  char32_t cp;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) len = 2, cp = b0 & 0x1F, min = 0x80;
  else if ((b0 & 0xF0) == 0xE0) len = 3, cp = b0 & 0x0F, min = 0x800;
  else if ((b0 & 0xF8) == 0xF0) len = 4, cp = b0 & 0x07, min = 0x10000;
  else return std::nullopt;
  if (i + len > s.size()) return std::nullopt;
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  i += len;
  return cp;
}

std::optional<std::u32string> decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    auto cp = decodeAt(s, i);
    if (!cp) return std::nullopt;
    out.push_back(*cp);
  }
  return out;
}

bool inRange(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// Control and invisible formatting characters that must not reach a
// ticket, a display or a report: C0 (tab and newline too), DEL, C1, line
// and paragraph separators, bidirectional overrides (text spoofing), BOM.
bool isControl(char32_t c) {
  return c < 0x20 || inRange(c, 0x7F, 0x9F) || inRange(c, 0x200B, 0x200F) || inRange(c, 0x2028, 0x202E) ||
         inRange(c, 0x2060, 0x206F) || c == 0xFEFF;
}

// Decimal digits of scripts a visitor might plausibly type.
bool isDigitCp(char32_t c) {
  return inRange(c, '0', '9') || inRange(c, 0x0660, 0x0669) || inRange(c, 0x06F0, 0x06F9) ||
         inRange(c, 0x0966, 0x096F) || inRange(c, 0xFF10, 0xFF19);
}

enum class NameChar { Letter, Mark, Digit, Space, Punct, Other };

// What a code point is inside a name. Without a Unicode database we treat
// every code point from U+00C0 up as a letter unless it falls in a block of
// punctuation, symbols, controls, private use or emoji: this covers Latin-1,
// Latin Extended-A/B, IPA, Greek, Cyrillic, Arabic, Javanese and the rest
// of the world's letters. Combining marks (U+0300-036F) are allowed so
// that decomposed "Dédé" passes, but do not count as letters.
NameChar classifyNameChar(char32_t c) {
  if (c < 0x80) {
    if (isAsciiAlpha(static_cast<char>(c))) return NameChar::Letter;
    if (isDigit(static_cast<char>(c))) return NameChar::Digit;
    if (c == ' ') return NameChar::Space;
    if (c == '.' || c == ',' || c == '\'' || c == '-') return NameChar::Punct;
    return NameChar::Other;
  }
  if (c == 0x2019) return NameChar::Punct;  // the apostrophe phones type: Nur’aini
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return NameChar::Other;
  if (isDigitCp(c)) return NameChar::Digit;
  if (inRange(c, 0x0300, 0x036F)) return NameChar::Mark;
  if (inRange(c, 0x2000, 0x2BFF) ||   // punctuation, symbols, arrows, math, shapes, dingbats
      inRange(c, 0x2E00, 0x2E7F) ||   // supplemental punctuation
      inRange(c, 0x3000, 0x303F) ||   // CJK symbols and punctuation
      inRange(c, 0xD800, 0xF8FF) ||   // surrogates, private use
      inRange(c, 0xFDD0, 0xFDEF) ||   // non-characters
      inRange(c, 0xFE00, 0xFE6F) ||   // variation selectors, small and vertical forms
      inRange(c, 0xFF00, 0xFF20) || inRange(c, 0xFF3B, 0xFF40) || inRange(c, 0xFF5B, 0xFF65) ||
      inRange(c, 0xFFF0, 0xFFFF) ||   // specials
      inRange(c, 0x1F000, 0x1FFFF) ||  // emoji and pictographs
      c >= 0xE0000)                    // tags, private use planes
    return NameChar::Other;
  return NameChar::Letter;
}

Error nipError(std::string code, std::string id, std::string en) {
  return makeError(std::move(code), std::move(id), std::move(en), "nip");
}

// How a field is called in a message.
std::pair<std::string, std::string> fieldLabel(std::string_view field) {
  if (field == "name") return {"Nama", "Name"};
  if (field == "agency") return {"Instansi", "Agency"};
  if (field == "purpose") return {"Keperluan", "Purpose"};
  if (field == "spse_user_id") return {"User ID SPSE", "SPSE user ID"};
  return {"Isian", "This field"};
}

}  // namespace

bool isValidUtf8(std::string_view s) { return decode(s).has_value(); }

std::size_t utf8Length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string normalizeNip(std::string_view nip) {
  std::string out;
  for (char c : nip)
    if (c != ' ' && c != '.') out.push_back(c);
  return out;
}

// Rules beyond "18 digits":
// - birth date YYYYMMDD is a real calendar date, born 1940 or later and at
//   least 17 years before this year (so the bound never goes stale);
// - appointment YYYYMM is a real month, no earlier than the year the person
//   turned 17 (compared by year: lenient by up to a year on purpose, a
//   false rejection at the kiosk costs more than a false acceptance), and
//   no later than next year (a decree can date the appointment ahead), and
//   never after 2100;
// - digit 15 is the sex digit, 1 or 2; the last three digits are not 000.
std::optional<Error> validateNip(std::string_view raw) {
  const std::string nip = normalizeNip(raw);
  for (char c : nip)
    if (!isDigit(c))
      return nipError("nip_digits", "NIP hanya boleh berisi angka.", "The NIP may contain digits only.");
  if (nip.size() != 18)
    return nipError("nip_length", "NIP harus 18 digit (saat ini " + std::to_string(nip.size()) + " digit).",
                    "The NIP must have 18 digits (it has " + std::to_string(nip.size()) + ").");
  const int thisYear = currentYear();
  const int by = num(nip.substr(0, 4)), bm = num(nip.substr(4, 2)), bd = num(nip.substr(6, 2));
  if (bm < 1 || bm > 12 || bd < 1 || bd > daysInMonth(by, bm) || by < 1940 || by > thisYear - 17)
    return nipError("nip_birth_date",
                    "8 digit pertama NIP (tanggal lahir TTTTBBHH) bukan tanggal lahir yang mungkin.",
                    "The first 8 digits of the NIP (birth date YYYYMMDD) are not a possible birth date.");
  const int ay = num(nip.substr(8, 4)), am = num(nip.substr(12, 2));
  if (am < 1 || am > 12 || ay > 2100 || ay > thisYear + 1)
    return nipError("nip_appointment", "Digit 9-14 NIP (TMT pengangkatan TTTTBB) bukan bulan yang mungkin.",
                    "Digits 9-14 of the NIP (appointment YYYYMM) are not a possible month.");
  if (ay < by + 17)
    return nipError("nip_appointment",
                    "Tahun pengangkatan pada NIP terlalu dekat dengan tahun lahir (minimal 17 tahun).",
                    "The appointment year in the NIP is too close to the birth year (at least 17 years).");
  if (nip[14] != '1' && nip[14] != '2')
    return nipError("nip_sex_digit", "Digit ke-15 NIP (jenis kelamin) harus 1 atau 2.",
                    "Digit 15 of the NIP (sex) must be 1 or 2.");
  if (nip.substr(15) == "000")
    return nipError("nip_sequence", "3 digit terakhir NIP (nomor urut) tidak boleh 000.",
                    "The last 3 digits of the NIP (sequence number) cannot be 000.");
  return std::nullopt;
}

std::string normalizePhone(std::string_view input) {
  const std::string_view phone = trimSpaces(input);
  std::string digits;
  bool plus = false;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    const char c = phone[i];
    if (isDigit(c)) digits.push_back(c);
    else if (c == '+' && i == 0) plus = true;
    else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') return std::string(input);
  }
  if (digits.starts_with("62")) {
    digits.erase(0, 2);
    if (digits.starts_with("0")) digits.erase(0, 1);  // "+62 (0)812...": the trunk zero written anyway
    return "0" + digits;
  }
  if (plus || !digits.starts_with("0")) return std::string(input);
  return digits;
}

std::optional<Error> validatePhone(std::string_view phone) {
  auto err = [](std::string code, std::string id, std::string en) {
    return makeError(std::move(code), std::move(id), std::move(en), "phone");
  };
  if (trimSpaces(phone).empty())
    return err("phone_required", "Nomor HP wajib diisi.", "A mobile number is required.");
  const std::string_view t = trimSpaces(phone);
  bool hasDigit = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (isDigit(c)) hasDigit = true;
    else if (!(c == '+' && i == 0) && c != ' ' && c != '-' && c != '.' && c != '(' && c != ')')
      return err("phone_format", "Nomor HP hanya boleh berisi angka, spasi, tanda +, -, . dan ( ).",
                 "A mobile number may contain only digits, spaces, +, -, . and ( ).");
  }
  if (!hasDigit) return err("phone_format", "Nomor HP tidak berisi angka.", "The mobile number has no digits.");
  const std::string n = normalizePhone(t);
  // "+1 555...": another country; "+0812...": a typo, reported below as format.
  if (t.front() == '+' && !n.starts_with("0") && t[t.find_first_of("0123456789")] != '0')
    return err("phone_country", "Hanya nomor HP Indonesia (+62) yang diterima.",
               "Only Indonesian mobile numbers (+62) are accepted.");
  if (!n.starts_with("0"))
    return err("phone_format", "Nomor HP harus diawali 08 atau +62.", "A mobile number starts with 08 or +62.");
  if (n.size() < 3 || n[1] != '8' || n[2] == '0')
    return err("phone_not_mobile", "Masukkan nomor HP (08xx), bukan nomor telepon kantor atau rumah.",
               "Enter a mobile number (08xx), not an office or home landline.");
  if (n.size() < 10 || n.size() > 13)
    return err("phone_length", "Nomor HP harus 10 sampai 13 digit (diawali 08).",
               "A mobile number has 10 to 13 digits (starting with 08).");
  return std::nullopt;
}

// Pragmatic, not RFC 5322: what real mail systems accept and what people
// mistype. Quoted local parts, IP literals and non-ASCII addresses are
// rejected on purpose.
std::optional<Error> validateEmail(std::string_view email) {
  auto err = [](std::string code, std::string id, std::string en) {
    return makeError(std::move(code), std::move(id), std::move(en), "email");
  };
  auto bad = [&] {
    return err("email_format", "Alamat e-mail tidak valid (contoh: nama@instansi.go.id).",
               "The e-mail address is not valid (example: name@agency.go.id).");
  };
  if (email.empty()) return err("email_required", "Alamat e-mail wajib diisi.", "An e-mail address is required.");
  if (email.size() > 254)
    return err("email_length", "Alamat e-mail terlalu panjang (maksimal 254 karakter).",
               "The e-mail address is too long (at most 254 characters).");
  const auto at = email.find('@');
  if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) return bad();
  const std::string_view local = email.substr(0, at), domain = email.substr(at + 1);
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos)
    return bad();
  constexpr std::string_view kLocalSpecials = "!#$%&'*+/=?^_`{|}~-.";
  for (char c : local)
    if (!isAsciiAlnum(c) && kLocalSpecials.find(c) == std::string_view::npos) return bad();
  if (domain.empty() || domain.size() > 253) return bad();
  std::size_t labels = 0, start = 0;
  std::string_view last;
  while (true) {
    const auto dot = domain.find('.', start);
    const std::string_view label = domain.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return bad();
    for (char c : label)
      if (!isAsciiAlnum(c) && c != '-') return bad();
    ++labels;
    last = label;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (labels < 2 || last.size() < 2) return bad();
  for (char c : last)
    if (!isAsciiAlpha(c)) return bad();
  return std::nullopt;
}

std::optional<Error> validateName(std::string_view name, std::string_view field) {
  const auto label = fieldLabel(field);  // not a structured binding: clang < 16 cannot capture one
  auto err = [&](std::string code, std::string id, std::string en) {
    return makeError(std::move(code), label.first + " " + id, label.second + " " + en, std::string(field));
  };
  const std::string_view t = trimSpaces(name);
  if (t.empty()) return err("name_required", "wajib diisi.", "is required.");
  const auto cps = decode(t);
  if (!cps) return err("name_encoding", "berisi karakter yang rusak.", "contains broken characters.");
  if (cps->size() < 2 || cps->size() > 100)
    return err("name_length", "harus 2 sampai 100 karakter.", "must be 2 to 100 characters long.");
  int letters = 0;
  bool other = false;
  for (char32_t c : *cps) {
    switch (classifyNameChar(c)) {
      case NameChar::Digit:
        return err("name_digits", "tidak boleh berisi angka.", "cannot contain digits.");
      case NameChar::Letter: ++letters; break;
      case NameChar::Other: other = true; break;
      default: break;
    }
  }
  if (other)
    return err("name_characters", "hanya boleh berisi huruf, spasi, dan tanda . , ' -",
               "may contain only letters, spaces and . , ' -");
  if (letters < 2) return err("name_letters", "harus berisi minimal dua huruf.", "must contain at least two letters.");
  return std::nullopt;
}

std::optional<Error> validateText(std::string_view text, std::string_view field, std::size_t minLen,
                                  std::size_t maxLen) {
  const auto label = fieldLabel(field);  // not a structured binding: clang < 16 cannot capture one
  auto err = [&](std::string code, std::string id, std::string en) {
    return makeError(std::move(code), label.first + " " + id, label.second + " " + en, std::string(field));
  };
  const std::string_view t = trimSpaces(text);
  if (minLen > 0 && t.empty()) return err("text_required", "wajib diisi.", "is required.");
  const auto cps = decode(text);
  if (!cps) return err("text_encoding", "berisi karakter yang rusak.", "contains broken characters.");
  for (char32_t c : *cps)
    if (isControl(c))
      return err("text_control", "tidak boleh berisi tab, baris baru, atau karakter kendali.",
                 "cannot contain tabs, line breaks or control characters.");
  const std::size_t n = utf8Length(t);
  if (n < minLen || n > maxLen) {
    const std::string range = std::to_string(minLen) + " sampai " + std::to_string(maxLen);
    const std::string rangeEn = std::to_string(minLen) + " to " + std::to_string(maxLen);
    if (minLen == 0)
      return err("text_length", "maksimal " + std::to_string(maxLen) + " karakter.",
                 "must be at most " + std::to_string(maxLen) + " characters long.");
    return err("text_length", "harus " + range + " karakter.", "must be " + rangeEn + " characters long.");
  }
  return std::nullopt;
}

std::vector<Error> validateVisit(const Visit& v) {
  std::vector<Error> out;
  auto add = [&](std::optional<Error> e) {
    if (e) out.push_back(std::move(*e));
  };
  if (trimSpaces(v.service).empty())
    out.push_back(makeError("service_required", "Pilih layanan.", "Choose a service.", "service"));
  // An e-mailed request arrives with an address, not a filled-in guest
  // book: name, agency and phone are checked when given (the staff complete
  // them from the dossier), required only at the counter.
  const bool email = v.channel == Channel::Email;
  if (!email || !trimSpaces(v.name).empty()) add(validateName(v.name));
  if (!trimSpaces(v.nip).empty()) add(validateNip(v.nip));
  if (!email || !trimSpaces(v.agency).empty()) add(validateText(v.agency, "agency", 2, 150));
  if (!email || !trimSpaces(v.phone).empty()) add(validatePhone(v.phone));
  // An e-mailed request is answered by e-mail, so the address is required then.
  if (!v.email.empty() || v.channel == Channel::Email) {
    if (v.email.empty())
      out.push_back(makeError("email_required", "Alamat e-mail wajib diisi untuk permohonan melalui e-mail.",
                              "An e-mail address is required for a request sent by e-mail.", "email"));
    else
      add(validateEmail(v.email));
  }
  add(validateText(v.purpose, "purpose", 0, 300));
  if (!v.spseUserId.empty()) {
    auto e = validateText(v.spseUserId, "spse_user_id", 1, 64);
    if (!e && v.spseUserId.find(' ') != std::string::npos)
      e = makeError("spse_user_id_format", "User ID SPSE tidak boleh berisi spasi.",
                    "The SPSE user ID cannot contain spaces.", "spse_user_id");
    add(std::move(e));
  }
  if (!v.consent)
    out.push_back(makeError("consent_required",
                            "Anda perlu menyetujui pemberitahuan penggunaan data pribadi untuk melanjutkan.",
                            "You need to accept the personal data notice to continue.", "consent"));
  return out;
}

}  // namespace lpse::core

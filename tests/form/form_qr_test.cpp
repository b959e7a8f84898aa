// The request form's QR payload: round trips of realistic Indonesian data,
// and a strict parser that names the field at fault.
#include "kiosk/form/form_qr.hpp"

#include <gtest/gtest.h>

#include "kiosk/form/crc32.hpp"
#include "kiosk/form/field_codec.hpp"
#include "tests/form/form_samples.hpp"

namespace lpse::form {
namespace {

using test::sealed;

std::string encodeOk(const FormData& d) {
  auto r = encodeFormQr(d);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().field + ": " + r.error().en);
  return r.ok() ? *r : std::string();
}

// The field a payload is refused for ("" when it parses).
std::string refusedField(const std::string& payload) {
  auto r = parseFormQr(payload);
  return r.ok() ? std::string() : r.error().field;
}

// Siti's form as a body with one field replaced (index as in the payload).
std::string sitiBodyWith(std::size_t index, const std::string& value) {
  const std::string p = encodeOk(test::sitiForm());
  auto fields = splitFields(p);
  fields.pop_back();  // the checksum
  std::string body;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) body += ':';
    body += i == index ? value : std::string(fields[i]);
  }
  return body;
}

TEST(Crc32, MatchesTheStandardCheckValue) {
  EXPECT_EQ(crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(crc32(""), 0u);
  EXPECT_EQ(hexUpper(0xCBF43926u, 8), "CBF43926");
  EXPECT_EQ(hexUpper(0x1Fu, 4), "001F");
}

TEST(FieldCodec, EveryByteRoundTripsAndTheSpellingIsPrintableAscii) {
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  const std::string escaped = escapeField(all);
  EXPECT_TRUE(isPrintableAscii(escaped));
  EXPECT_EQ(escaped.find(':'), std::string::npos);
  auto back = unescapeField(escaped);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, all);
  EXPECT_EQ(escapeField("Nur'aini, S.T."), "Nur'aini, S.T.");
  EXPECT_EQ(escapeField("a:b%c\xC3\xA9"), "a%3Ab%25c%C3%A9");
}

TEST(FieldCodec, RefusesMalformedAndNeedlessEscapes) {
  UnescapeError why{};
  EXPECT_FALSE(unescapeField("ab%4", &why));
  EXPECT_EQ(why, UnescapeError::BadEscape);
  EXPECT_FALSE(unescapeField("%", &why));
  EXPECT_FALSE(unescapeField("%c3%a9", &why));  // lower case is not the canonical spelling
  EXPECT_EQ(why, UnescapeError::BadEscape);
  EXPECT_FALSE(unescapeField("%41", &why));  // 'A' needs no escape
  EXPECT_EQ(why, UnescapeError::NeedlessEscape);
  EXPECT_TRUE(unescapeField("%3A%25"));
  EXPECT_FALSE(unescapeField("a:b", &why));  // a separator inside a field
  EXPECT_EQ(why, UnescapeError::BadCharacter);
  EXPECT_FALSE(unescapeField("a\tb", &why));
  EXPECT_EQ(why, UnescapeError::BadCharacter);
}

TEST(FormQr, RealisticFormsRoundTripToTheirCanonicalForm) {
  for (const FormData& d : test::realisticForms()) {
    const std::string p = encodeOk(d);
    EXPECT_TRUE(p.starts_with("LPSE-F1:")) << p;
    EXPECT_TRUE(isPrintableAscii(p)) << p;
    EXPECT_LE(p.size(), 230u) << p;  // realistic data stays far inside the budget
    auto back = parseFormQr(p);
    ASSERT_TRUE(back.ok()) << p << " -> " << back.error().field << ": " << back.error().en;
    EXPECT_EQ(*back, canonicalForm(d)) << p;
    EXPECT_EQ(encodeOk(*back), p);  // one form, one spelling
  }
}

TEST(FormQr, SitisPayloadIsTheDocumentedOne) {
  const std::string p = encodeOk(test::sitiForm());
  EXPECT_EQ(p.substr(0, p.size() - 8),
            "LPSE-F1:R:PPK:Dr. Ir. Hj. Siti Nur'aini, S.T., M.Eng.:198503152010012003:"
            "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sleman:081234567890:"
            "siti.nuraini@slemankab.go.id:siti.nuraini85:20261126:");
  auto back = parseFormQr(p);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->nip, "198503152010012003");  // spaces people type are gone
  EXPECT_EQ(back->phone, "081234567890");       // +62 becomes the national form
  EXPECT_EQ(back->name, "Dr. Ir. Hj. Siti Nur'aini, S.T., M.Eng.");
}

TEST(FormQr, NonAsciiAndSeparatorsInsideFieldsSurvive) {
  const FormData d = test::unicodeForm();
  const std::string p = encodeOk(d);
  EXPECT_NE(p.find("D%C3%A9d%C3%A9"), std::string::npos) << p;
  EXPECT_NE(p.find("Inspektorat%3A"), std::string::npos) << p;
  EXPECT_NE(p.find("100%25"), std::string::npos) << p;
  auto back = parseFormQr(p);
  ASSERT_TRUE(back.ok()) << back.error().en;
  EXPECT_EQ(back->name, d.name);
  EXPECT_EQ(back->agency, d.agency);
  EXPECT_EQ(back->nip, "");
  EXPECT_EQ(back->email, "");
  EXPECT_EQ(back->spseUserId, "");
  EXPECT_EQ(back->role, core::VisitorRole::Auditor);
  EXPECT_EQ(back->service, FormService::UserId);
  EXPECT_EQ(back->date, (core::LocalDate{2028, 2, 29}));
}

TEST(FormQr, EveryRoleAndServiceRoundTrips) {
  for (core::VisitorRole role : core::kAllVisitorRoles)
    for (FormService s : {FormService::Reset, FormService::UserId}) {
      FormData d = test::sitiForm();
      d.role = role;
      d.service = s;
      auto back = parseFormQr(encodeOk(d));
      ASSERT_TRUE(back.ok());
      EXPECT_EQ(back->role, role);
      EXPECT_EQ(back->service, s);
    }
}

TEST(FormQr, EncodeRefusesWhatTheKioskRefusesNamingTheField) {
  struct Case {
    const char* field;
    void (*spoil)(FormData&);
  };
  const Case cases[] = {
      {"name", [](FormData& d) { d.name = "B0b"; }},
      {"name", [](FormData& d) { d.name = ""; }},
      {"nip", [](FormData& d) { d.nip = "198513152010012003"; }},  // month 13
      {"agency", [](FormData& d) { d.agency = "  "; }},
      {"agency", [](FormData& d) { d.agency = "Dinas\nPU"; }},
      {"phone", [](FormData& d) { d.phone = "0274 555 123"; }},  // a landline
      {"email", [](FormData& d) { d.email = "siti@slemankab"; }},
      {"spse_user_id", [](FormData& d) { d.spseUserId = "siti nuraini"; }},
      {"date", [](FormData& d) { d.date = {2026, 2, 29}; }},
      {"date", [](FormData& d) { d.date = {1999, 12, 31}; }},
  };
  for (const auto& c : cases) {
    FormData d = test::sitiForm();
    c.spoil(d);
    auto r = encodeFormQr(d);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.error().field, c.field);
    EXPECT_FALSE(r.error().id.empty());
    EXPECT_FALSE(r.error().en.empty());
  }
}

TEST(FormQr, TooMuchDataForTheQrNamesTheLongestField) {
  FormData d = test::sitiForm();
  d.agency.clear();
  for (int i = 0; i < 150; ++i) d.agency += "\u0101";  // ā: 2 bytes, 6 characters escaped
  auto r = encodeFormQr(d);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "form_qr_too_long");
  EXPECT_EQ(r.error().field, "agency");
}

TEST(FormQr, ParserNamesEveryWrongField) {
  using I = std::size_t;
  struct Case {
    I index;
    std::string value;
    const char* field;
  };
  const Case cases[] = {
      {1, "X", "service"},
      {1, "", "service"},
      {2, "ppk", "role"},
      {2, "KPA", "role"},
      {3, "B0b", "name"},
      {3, " Siti", "name"},        // not the canonical (trimmed) spelling
      {3, "Siti%4", "name"},       // cut escape
      {3, "Sit%69", "name"},       // needless escape of 'i'
      {3, "D%c3%a9d%c3%a9", "name"},  // lower-case escape
      {3, "Sit%C3%28", "name"},    // broken UTF-8
      {3, "Siti %E2%80%AE", "name"},  // a bidi override
      {4, "12345", "nip"},
      {4, "19850315 201001 2 003", "nip"},  // valid, but not canonical
      {4, "198503152010013003", "nip"},     // sex digit 3
      {5, "", "agency"},
      {5, "Dinas%0APU", "agency"},
      {6, "", "phone"},
      {6, "+6281234567890", "phone"},  // valid, but not canonical
      {6, "0274555123", "phone"},
      {7, "siti@", "email"},
      {7, "siti%40slemankab.go.id", "email"},  // '@' needs no escape
      {8, "siti nur", "spse_user_id"},
      {9, "20261131", "date"},
      {9, "2026113", "date"},
      {9, "2026-11-26", "date"},
      {9, "19991231", "date"},
  };
  for (const auto& c : cases) {
    const std::string p = sealed(sitiBodyWith(c.index, c.value));
    auto r = parseFormQr(p);
    ASSERT_FALSE(r.ok()) << p;
    EXPECT_EQ(r.error().field, c.field) << p << " -> " << r.error().code << ": " << r.error().en;
    EXPECT_FALSE(r.error().id.empty());
  }
}

TEST(FormQr, DamageAndHandEditsFailTheChecksum) {
  const std::string p = encodeOk(test::sitiForm());
  std::string edited = p;
  edited[20] = edited[20] == 'S' ? 'Z' : 'S';
  auto r = parseFormQr(edited);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "qr_checksum");
  EXPECT_EQ(r.error().field, "checksum");

  std::string badSum = p;
  badSum.back() = badSum.back() == '0' ? '1' : '0';
  EXPECT_EQ(refusedField(badSum), "checksum");

  std::string lowerSum = p;
  for (std::size_t i = p.size() - 8; i < p.size(); ++i)
    if (lowerSum[i] >= 'A' && lowerSum[i] <= 'F') lowerSum[i] = static_cast<char>(lowerSum[i] - 'A' + 'a');
  if (lowerSum != p) {
    EXPECT_EQ(refusedField(lowerSum), "checksum");
  }

  // Every single-character change anywhere is caught.
  for (std::size_t i = 0; i < p.size(); ++i) {
    std::string q = p;
    q[i] = q[i] == 'x' ? 'y' : 'x';
    EXPECT_FALSE(parseFormQr(q).ok()) << i;
  }
}

TEST(FormQr, EveryTruncationIsRefused) {
  const std::string p = encodeOk(test::sitiForm());
  for (std::size_t n = 0; n < p.size(); ++n) {
    auto r = parseFormQr(p.substr(0, n));
    ASSERT_FALSE(r.ok()) << n;
    EXPECT_FALSE(r.error().field.empty()) << n;
  }
  auto mid = parseFormQr(p.substr(0, p.size() / 2));
  ASSERT_FALSE(mid.ok());
  EXPECT_EQ(mid.error().code, "qr_truncated");
  EXPECT_EQ(mid.error().field, "checksum");
}

TEST(FormQr, OtherVersionsKindsAndStrangersAreToldApart) {
  const std::string p = encodeOk(test::sitiForm());
  const std::string v2 = sealed("LPSE-F2" + p.substr(7, p.size() - 7 - 9));
  auto r = parseFormQr(v2);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "qr_version");
  EXPECT_EQ(r.error().field, "version");
  EXPECT_NE(r.error().en.find("version 2"), std::string::npos);

  auto ticket = parseFormQr("LPSE-T1:0123456789ABCDEF01234567:ABCD");
  ASSERT_FALSE(ticket.ok());
  EXPECT_EQ(ticket.error().code, "qr_is_ticket");

  for (const char* s : {"", "hello", "https://lpse.slemankab.go.id/eproc4", "LPSE", "LPSE-", "LPSE-X1:a:b",
                        "lpse-f1:R", "LPSE-F:R:PPK"}) {
    auto o = parseFormQr(s);
    ASSERT_FALSE(o.ok()) << s;
    EXPECT_EQ(o.error().code, "qr_not_lpse") << s;
    EXPECT_EQ(o.error().field, "qr") << s;
  }
}

TEST(FormQr, StructuralDamageIsNamed) {
  std::string p = encodeOk(test::sitiForm());
  p[15] = '\t';
  EXPECT_EQ(parseFormQr(p).error().code, "qr_damaged");
  EXPECT_EQ(parseFormQr(std::string(kMaxFormQrLength + 1, 'A')).error().code, "qr_too_long");
  auto fewer = parseFormQr(sealed("LPSE-F1:R:PPK:Siti Nur:198503152010012003"));
  ASSERT_FALSE(fewer.ok());
  EXPECT_EQ(fewer.error().code, "form_qr_fields");
  EXPECT_EQ(fewer.error().field, "qr");
}

TEST(FormQr, TheBlankFormHasItsOwnCode) {
  const std::string blank = encodeBlankFormQr();
  EXPECT_EQ(blank, sealed("LPSE-F1:BLANK"));
  EXPECT_TRUE(isBlankFormQr(blank));
  EXPECT_FALSE(isBlankFormQr(encodeOk(test::sitiForm())));
  auto r = parseFormQr(blank);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "form_qr_blank");
}

TEST(FormData, ToVisitPrefillsTheGuestBookButNotTheConsent) {
  const FormData d = canonicalForm(test::sitiForm());
  const core::Visit v = toVisit(d);
  EXPECT_EQ(v.service, "reset");
  EXPECT_EQ(v.name, d.name);
  EXPECT_EQ(v.nip, "198503152010012003");
  EXPECT_EQ(v.role, core::VisitorRole::Ppk);
  EXPECT_EQ(v.agency, d.agency);
  EXPECT_EQ(v.phone, "081234567890");
  EXPECT_EQ(v.email, d.email);
  EXPECT_EQ(v.spseUserId, d.spseUserId);
  EXPECT_FALSE(v.consent);
  ASSERT_EQ(v.documents.size(), 1u);
  EXPECT_EQ(v.documents[0], core::Document::RequestForm);
  EXPECT_EQ(v.missingDocuments(), std::vector<core::Document>{core::Document::SkPenunjukan});
  EXPECT_EQ(serviceCode(FormService::UserId), "userid");
  EXPECT_EQ(formServiceFrom("userid"), FormService::UserId);
  EXPECT_FALSE(formServiceFrom("other"));
}

}  // namespace
}  // namespace lpse::form

// Guest-book validation: NIP structure, Indonesian mobiles, e-mail, names
// with titles and Unicode, free text, and a whole visit (one error per field).
#include "kiosk/core/validation.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace lpse::core {
namespace {

std::string codeOf(const std::optional<Error>& e) { return e ? e->code : "ok"; }

void expectWellFormed(const Error& e, std::string_view field) {
  EXPECT_EQ(e.field, field) << e.code;
  EXPECT_FALSE(e.id.empty()) << e.code;
  EXPECT_FALSE(e.en.empty()) << e.code;
  EXPECT_NE(e.id, e.en) << e.code;
  EXPECT_EQ(e.message("en"), e.en);
  EXPECT_EQ(e.message("id"), e.id);
}

// ---- NIP -------------------------------------------------------------

TEST(Nip, ValidNumbers) {
  for (const char* nip : {
           "198503302010121002",      // born 1985-03-30, appointed 2010-12, male, #002
           "199001012015032001",      // female
           "200002292022011001",      // 29 February of a leap year (2000 is divisible by 400)
           "196412311990031999",      // last day of the year, sequence 999
           "198503302002121002",      // appointed exactly 17 years after birth year
           "19850330 201012 1 002",   // groups typed with spaces
           "19850330.201012.1.002",   // ... or dots
           " 198503302010121002 ",
       })
    EXPECT_EQ(codeOf(validateNip(nip)), "ok") << nip;
}

TEST(Nip, Normalize) {
  EXPECT_EQ(normalizeNip("19850330 201012 1 002"), "198503302010121002");
  EXPECT_EQ(normalizeNip("19850330.201012.1.002"), "198503302010121002");
  EXPECT_EQ(normalizeNip("1985-0330"), "1985-0330");  // only spaces and dots are separators
}

TEST(Nip, EachStructuralFaultHasItsCode) {
  struct Case {
    const char* nip;
    const char* code;
  };
  const Case cases[] = {
      {"", "nip_length"},
      {"19850330201012100", "nip_length"},    // 17 digits
      {"1985033020101210021", "nip_length"},  // 19 digits
      {"19850330201012100A", "nip_digits"},
      {"NIP198503302010121", "nip_digits"},
      {"19850330-201012-1-002", "nip_digits"},  // dashes are not separators
      {"１９８５０３３０２０１０１２１００２", "nip_digits"},  // full-width digits
      {"198502302010121002", "nip_birth_date"},  // 30 February
      {"199902292020121002", "nip_birth_date"},  // 29 February of a common year
      {"198513302010121002", "nip_birth_date"},  // month 13
      {"198500302010121002", "nip_birth_date"},  // month 00
      {"198503002010121002", "nip_birth_date"},  // day 00
      {"198504312010121002", "nip_birth_date"},  // 31 April
      {"193912312010121002", "nip_birth_date"},  // before 1940
      {"209001012099121002", "nip_birth_date"},  // born in the future
      {"198503302010131002", "nip_appointment"},  // month 13
      {"198503302010001002", "nip_appointment"},  // month 00
      {"198503302001121002", "nip_appointment"},  // appointed at 16
      {"198503301980121002", "nip_appointment"},  // appointed before birth
      {"198503302101121002", "nip_appointment"},  // after 2100
      {"198503302095121002", "nip_appointment"},  // far future
      {"198503302010123002", "nip_sex_digit"},
      {"198503302010120002", "nip_sex_digit"},
      {"198503302010129002", "nip_sex_digit"},
      {"198503302010121000", "nip_sequence"},
  };
  for (const auto& c : cases) {
    const auto e = validateNip(c.nip);
    EXPECT_EQ(codeOf(e), c.code) << c.nip;
    if (e) expectWellFormed(*e, "nip");
  }
}

TEST(Nip, LengthMessageSaysHowManyDigits) {
  const auto e = validateNip("12345");
  ASSERT_TRUE(e);
  EXPECT_NE(e->en.find('5'), std::string::npos) << e->en;
  EXPECT_NE(e->id.find("18"), std::string::npos) << e->id;
}

// ---- Phone -----------------------------------------------------------

TEST(Phone, AcceptedFormsNormalizeToNational) {
  struct Case {
    const char* in;
    const char* national;
  };
  const Case cases[] = {
      {"081234567890", "081234567890"},
      {"0812-3456-7890", "081234567890"},
      {"0812 3456 7890", "081234567890"},
      {"0812.3456.7890", "081234567890"},
      {"(0812) 3456-7890", "081234567890"},
      {"+62 812 3456 7890", "081234567890"},
      {"+62-812-3456-7890", "081234567890"},
      {"+6281234567890", "081234567890"},
      {"6281234567890", "081234567890"},
      {"+62 (0)812 3456 7890", "081234567890"},
      {" 0812 3456 7890 ", "081234567890"},
      {"0811234567", "0811234567"},        // 10 digits
      {"0812345678901", "0812345678901"},  // 13 digits
      {"0895-1234-5678", "089512345678"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(codeOf(validatePhone(c.in)), "ok") << c.in;
    EXPECT_EQ(normalizePhone(c.in), c.national) << c.in;
  }
}

TEST(Phone, NotAPhoneIsLeftUnchanged) {
  EXPECT_EQ(normalizePhone("budi"), "budi");
  EXPECT_EQ(normalizePhone("+1 415 555 0100"), "+1 415 555 0100");
  EXPECT_EQ(normalizePhone("812345678"), "812345678");
}

TEST(Phone, Rejections) {
  struct Case {
    const char* in;
    const char* code;
  };
  const Case cases[] = {
      {"", "phone_required"},
      {"   ", "phone_required"},
      {"021-5551234", "phone_not_mobile"},     // Jakarta landline
      {"(022) 7654321", "phone_not_mobile"},   // Bandung landline
      {"+62 21 5551234", "phone_not_mobile"},
      {"0800123456", "phone_not_mobile"},      // 08 followed by 0
      {"08123456", "phone_length"},             // 8 digits
      {"081234567", "phone_length"},            // 9 digits
      {"08123456789012", "phone_length"},       // 14 digits
      {"+62 812 345", "phone_length"},
      {"+1 415 555 0100", "phone_country"},
      {"+60 12 345 6789", "phone_country"},     // Malaysia
      {"0812-3456-789a", "phone_format"},
      {"0812/3456/7890", "phone_format"},
      {"0812+34567890", "phone_format"},       // a plus inside
      {"812-3456-7890", "phone_format"},       // the leading 0 forgotten
      {"+0812 3456 7890", "phone_format"},
      {"---", "phone_format"},
  };
  for (const auto& c : cases) {
    const auto e = validatePhone(c.in);
    EXPECT_EQ(codeOf(e), c.code) << c.in;
    if (e) expectWellFormed(*e, "phone");
  }
}

// ---- E-mail ----------------------------------------------------------

TEST(Email, Valid) {
  for (const char* e : {"budi@lpse.go.id", "siti.nur-aini+spse@example.co.id", "o'brien@mail.com", "a@b.co",
                        "USER@EXAMPLE.COM", "x_y@sub-domain.example.org", "ppk.2024@kemenkeu.go.id"})
    EXPECT_EQ(codeOf(validateEmail(e)), "ok") << e;
  // Longest local part and a long but legal address.
  EXPECT_EQ(codeOf(validateEmail(std::string(64, 'a') + "@lpse.go.id")), "ok");
}

TEST(Email, Invalid) {
  const std::string longLabel(63, 'a');
  const std::string tooLong = std::string(64, 'u') + "@" + longLabel + "." + longLabel + "." + longLabel + ".com";
  ASSERT_GT(tooLong.size(), 254u);
  struct Case {
    std::string in;
    const char* code;
  };
  const Case cases[] = {
      {"", "email_required"},
      {tooLong, "email_length"},
      {"budi", "email_format"},
      {"budi@", "email_format"},
      {"@lpse.go.id", "email_format"},
      {"budi@@lpse.go.id", "email_format"},
      {"a@b@lpse.go.id", "email_format"},
      {"budi@lpse", "email_format"},             // no dot in the domain
      {"budi @lpse.go.id", "email_format"},      // space
      {"budi@lpse.go.id ", "email_format"},
      {"budi@lpse..go.id", "email_format"},
      {"budi..santoso@lpse.go.id", "email_format"},
      {".budi@lpse.go.id", "email_format"},
      {"budi.@lpse.go.id", "email_format"},
      {"budi@.lpse.go.id", "email_format"},
      {"budi@lpse.go.id.", "email_format"},
      {"budi@-lpse.go.id", "email_format"},
      {"budi@lpse-.go.id", "email_format"},
      {"budi@lpse.go.i", "email_format"},        // one-letter TLD
      {"budi@lpse.go.1d", "email_format"},       // digit in TLD
      {"budi@lpse_x.go.id", "email_format"},
      {"budi(at)lpse.go.id", "email_format"},
      {"b\xC3\xBC" "di@lpse.go.id", "email_format"},  // non-ASCII
      {std::string(65, 'a') + "@lpse.go.id", "email_format"},
      {"budi@" + std::string(64, 'a') + ".com", "email_format"},  // label over 63
  };
  for (const auto& c : cases) {
    const auto e = validateEmail(c.in);
    EXPECT_EQ(codeOf(e), c.code) << c.in;
    if (e) expectWellFormed(*e, "email");
  }
}

// ---- Names -----------------------------------------------------------

TEST(Name, IndonesianNamesTitlesAndUnicodePass) {
  for (const char* n : {
           "Budi",
           "Al",
           "Dr. Ir. Hj. Siti Nur'aini, S.Kom., M.T.",
           "Nur\xE2\x80\x99" "aini",  // typographic apostrophe from a phone keyboard
           "I Gusti Ngurah Rai",
           "Jean-Pierre O'Neil",
           "R.A. Kartini",
           "D\xC3\xA9" "d\xC3\xA9 \xC3\x91" "o\xC3\xB1" "o",   // Dédé Ñoño (precomposed)
           "De\xCC\x81" "de\xCC\x81",                            // Dédé with combining accents
           "\xC5\x81" "ukasz \xC5\xBB\xC3\xB3\xC5\x82w",          // Łukasz Żółw (Latin Extended-A)
           "\xD0\x92\xD0\xBB\xD0\xB0\xD0\xB4",                   // Влад (Cyrillic)
           "\xEA\xA6\xA0\xEA\xA6\xB6",                           // Javanese script letters
       })
    EXPECT_EQ(codeOf(validateName(n)), "ok") << n;
}

TEST(Name, Rejections) {
  struct Case {
    std::string in;
    const char* code;
  };
  const Case cases[] = {
      {"", "name_required"},
      {"    ", "name_required"},
      {"A", "name_length"},
      {" A ", "name_length"},
      {std::string(101, 'a'), "name_length"},
      {"A.", "name_letters"},
      {"--", "name_letters"},
      {"Budi 2", "name_digits"},
      {"Budi Santoso3", "name_digits"},
      {"Budi \xD9\xA3", "name_digits"},  // Arabic-Indic three
      {"Budi\tSantoso", "name_characters"},
      {"Budi\nSantoso", "name_characters"},
      {"Budi\x7FSantoso", "name_characters"},
      {"Budi@Santoso", "name_characters"},
      {"Budi_Santoso", "name_characters"},
      {"Budi \xF0\x9F\x98\x80", "name_characters"},  // emoji
      {"Budi \xE2\x84\xA2", "name_characters"},       // trade mark sign
      {"Budi\xC2\xA0Santoso", "name_characters"},     // no-break space
      {"Bu\xC3\x28" "di", "name_encoding"},           // bad continuation byte
      {"Bud\xC3", "name_encoding"},                   // truncated sequence
      {"Bu\xC0\xAF" "di", "name_encoding"},           // overlong '/'
      {"Bu\xED\xA0\x80" "di", "name_encoding"},       // UTF-16 surrogate
      {"Bu\xF4\x90\x80\x80" "di", "name_encoding"},   // above U+10FFFF
  };
  for (const auto& c : cases) {
    const auto e = validateName(c.in);
    EXPECT_EQ(codeOf(e), c.code) << c.in;
    if (e) expectWellFormed(*e, "name");
  }
}

TEST(Name, LengthCountsCodePointsNotBytes) {
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "\xC3\xA9";  // é: 2 bytes each
  EXPECT_EQ(codeOf(validateName(hundred)), "ok");
  EXPECT_EQ(codeOf(validateName(hundred + "\xC3\xA9")), "name_length");
}

TEST(Name, FieldIsReportedAsGiven) {
  const auto e = validateName("", "signer_name");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "signer_name");
}

// ---- UTF-8 helpers and free text --------------------------------------

TEST(Utf8, ValidityAndLength) {
  EXPECT_TRUE(isValidUtf8(""));
  EXPECT_TRUE(isValidUtf8("D\xC3\xA9" "d\xC3\xA9"));
  EXPECT_TRUE(isValidUtf8("\xF0\x9F\x98\x80"));
  EXPECT_TRUE(isValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80"));
  EXPECT_FALSE(isValidUtf8("\x80"));
  EXPECT_FALSE(isValidUtf8("\xE0\x80\x80"));  // overlong NUL
  EXPECT_FALSE(isValidUtf8("\xFF"));
  EXPECT_EQ(utf8Length(""), 0u);
  EXPECT_EQ(utf8Length("Budi"), 4u);
  EXPECT_EQ(utf8Length("D\xC3\xA9" "d\xC3\xA9"), 4u);
  EXPECT_EQ(utf8Length("\xF0\x9F\x98\x80"), 1u);
}

TEST(Text, Rules) {
  struct Case {
    std::string in;
    std::size_t min, max;
    const char* code;
  };
  const Case cases[] = {
      {"Dinas PUPR Kota Bandung", 2, 150, "ok"},
      {"", 0, 300, "ok"},
      {"", 2, 150, "text_required"},
      {"   ", 2, 150, "text_required"},
      {"A", 2, 150, "text_length"},
      {std::string(151, 'x'), 2, 150, "text_length"},
      {std::string(150, 'x'), 2, 150, "ok"},
      {"a\tb", 0, 300, "text_control"},
      {"a\nb", 0, 300, "text_control"},
      {"a\rb", 0, 300, "text_control"},
      {"a\x7F" "b", 0, 300, "text_control"},
      {"a\xC2\x85" "b", 0, 300, "text_control"},      // NEL (C1)
      {"a\xE2\x80\xAE" "b", 0, 300, "text_control"},  // right-to-left override
      {"a\xE2\x80\xA8" "b", 0, 300, "text_control"},  // line separator
      {"a\xC3\x28", 0, 300, "text_encoding"},
      {"Kab. Gunungkidul \xE2\x80\x94 D.I. Yogyakarta", 2, 150, "ok"},  // em dash is fine in text
  };
  for (const auto& c : cases) {
    const auto e = validateText(c.in, "agency", c.min, c.max);
    EXPECT_EQ(codeOf(e), c.code) << c.in;
    if (e) expectWellFormed(*e, "agency");
  }
  std::string multibyte;
  for (int i = 0; i < 150; ++i) multibyte += "\xC3\xA9";
  EXPECT_EQ(codeOf(validateText(multibyte, "agency", 2, 150)), "ok");
}

// ---- A whole visit ------------------------------------------------------

Visit goodVisit() {
  Visit v;
  v.service = "reset";
  v.name = "Dr. Ir. Hj. Siti Nur'aini, S.Kom., M.T.";
  v.nip = "198503302010121002";
  v.role = VisitorRole::Ppk;
  v.agency = "Dinas Pekerjaan Umum Kota Bandung";
  v.phone = "0812-3456-7890";
  v.email = "siti@bandung.go.id";
  v.purpose = "Lupa password SPSE";
  v.spseUserId = "siti.ppk";
  v.consent = true;
  return v;
}

TEST(Visit, GoodVisitHasNoErrors) {
  EXPECT_TRUE(validateVisit(goodVisit()).empty());
  Visit v = goodVisit();
  v.nip.clear();  // NIP, e-mail, purpose and SPSE user ID are optional for a walk-in
  v.email.clear();
  v.purpose.clear();
  v.spseUserId.clear();
  EXPECT_TRUE(validateVisit(v).empty());
  v.nip = "   ";
  EXPECT_TRUE(validateVisit(v).empty());
}

TEST(Visit, EveryFieldWrongGivesOneErrorPerField) {
  Visit v;
  v.service = "";
  v.name = "1";           // wrong twice over: too short and a digit
  v.nip = "12345ABC";     // letters and the wrong length
  v.agency = "";
  v.phone = "021-555";    // landline and too short
  v.email = "x @y";
  v.purpose = "baris\nbaru";
  v.spseUserId = "user name";
  v.consent = false;
  const auto errors = validateVisit(v);
  std::set<std::string> fields;
  for (const auto& e : errors) {
    EXPECT_TRUE(fields.insert(e.field).second) << "two errors for " << e.field;
    EXPECT_FALSE(e.id.empty()) << e.code;
    EXPECT_FALSE(e.en.empty()) << e.code;
    EXPECT_FALSE(e.code.empty());
  }
  EXPECT_EQ(fields, (std::set<std::string>{"service", "name", "nip", "agency", "phone", "email", "purpose",
                                           "spse_user_id", "consent"}));
  EXPECT_EQ(errors.size(), 9u);
}

TEST(Visit, ConsentIsRequired) {
  Visit v = goodVisit();
  v.consent = false;
  const auto errors = validateVisit(v);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "consent_required");
  expectWellFormed(errors[0], "consent");
}

TEST(Visit, EmailChannelRequiresEmail) {
  Visit v = goodVisit();
  v.channel = Channel::Email;
  EXPECT_TRUE(validateVisit(v).empty());
  v.email.clear();
  auto errors = validateVisit(v);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "email_required");
  expectWellFormed(errors[0], "email");

  v.channel = Channel::WalkIn;
  EXPECT_TRUE(validateVisit(v).empty());
  v.email = "siti@bandung";
  errors = validateVisit(v);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "email_format");
}

TEST(Visit, EmailChannelNeedsOnlyTheAddressButChecksWhatIsGiven) {
  Visit v = goodVisit();
  v.channel = Channel::Email;
  v.name.clear();
  v.agency.clear();
  v.phone.clear();
  EXPECT_TRUE(validateVisit(v).empty());
  v.phone = "12345";
  auto errors = validateVisit(v);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "phone");
  v.channel = Channel::WalkIn;  // at the counter they are required
  v.phone.clear();
  EXPECT_EQ(validateVisit(v).size(), 3u);
}

TEST(Visit, FieldRulesApply) {
  auto only = [](const Visit& v) {
    auto errors = validateVisit(v);
    return errors.size() == 1 ? errors[0].code + "/" + errors[0].field : std::to_string(errors.size()) + " errors";
  };
  Visit v = goodVisit();
  v.nip = "198502302010121002";
  EXPECT_EQ(only(v), "nip_birth_date/nip");
  v = goodVisit();
  v.agency = "X";
  EXPECT_EQ(only(v), "text_length/agency");
  v = goodVisit();
  v.purpose = std::string(301, 'p');
  EXPECT_EQ(only(v), "text_length/purpose");
  v.purpose = std::string(300, 'p');
  EXPECT_TRUE(validateVisit(v).empty());
  v = goodVisit();
  v.spseUserId = std::string(65, 'u');
  EXPECT_EQ(only(v), "text_length/spse_user_id");
  v.spseUserId = "user\x01";
  EXPECT_EQ(only(v), "text_control/spse_user_id");
  v.spseUserId = "user name";
  EXPECT_EQ(only(v), "spse_user_id_format/spse_user_id");
  v = goodVisit();
  v.phone = "";
  EXPECT_EQ(only(v), "phone_required/phone");
  v = goodVisit();
  v.name = "  ";
  EXPECT_EQ(only(v), "name_required/name");
  v = goodVisit();
  v.service = " ";
  EXPECT_EQ(only(v), "service_required/service");
}

}  // namespace
}  // namespace lpse::core

// Decoding what arrives in the mailbox: headers, encoded-words, charsets,
// addresses, dates, IMAP response data and BODYSTRUCTURE; and composing
// what leaves. Malformed input gives a best-effort value or nothing, never
// a crash (a fuzz-style loop at the end).
#include "kiosk/mail/mime.hpp"

#include <gtest/gtest.h>

#include <random>

#include "kiosk/mail/imap_parse.hpp"
#include "kiosk/mail/smtp_relay.hpp"

namespace lpse::mail {
namespace {

TEST(Headers, UnfoldsAndLowerCasesNamesAndStopsAtTheBody) {
  const auto f = parseHeaderBlock("Subject: a\r\n  b\r\nFROM: x@y.z\r\nnot a header\r\n\r\nBody: no\r\n");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].name, "subject");
  EXPECT_EQ(f[0].value, "a b");
  EXPECT_EQ(headerValue(f, "from"), "x@y.z");
  EXPECT_FALSE(headerValue(f, "body"));
}

TEST(EncodedWords, QAndBInSeveralCharsetsAndTheSpaceBetweenThemDropped) {
  EXPECT_EQ(decodeHeaderText("=?UTF-8?Q?Kata_sandi_=E2=80=93?= =?utf-8?b?w6k=?="), "Kata sandi \u2013\u00e9");
  EXPECT_EQ(decodeHeaderText("Re: =?iso-8859-1?q?caf=E9?= ok"), "Re: caf\u00e9 ok");
  EXPECT_EQ(decodeHeaderText("=?windows-1252?Q?=93kutip=94?="), "\u201ckutip\u201d");
  EXPECT_EQ(decodeHeaderText("=?UTF-8*id?Q?a?="), "a");  // RFC 2231 language tag
  EXPECT_EQ(decodeHeaderText("=?koi8-r?B?8NLJ18XU?="), "\u041f\u0440\u0438\u0432\u0435\u0442");  // via iconv
}

TEST(EncodedWords, BrokenInputIsKeptOrReplacedAndFlagged) {
  bool ok = true;
  EXPECT_EQ(decodeHeaderText("=?utf-8?Q?unterminated", &ok), "=?utf-8?Q?unterminated");
  ok = true;
  const auto s = decodeHeaderText("=?utf-8?B?/w==?=", &ok);  // 0xFF is not UTF-8
  EXPECT_FALSE(ok);
  EXPECT_EQ(s, "\uFFFD");
  ok = true;
  EXPECT_EQ(decodeHeaderText("=?no-such-charset?Q?abc?=", &ok), "abc");
  EXPECT_FALSE(ok);
  ok = true;
  EXPECT_EQ(decodeHeaderText("caf\xE9", &ok), "caf\u00e9");  // raw 8-bit: Windows-1252
  EXPECT_FALSE(ok);
}

TEST(Rfc2231, PercentDecodingWithCharset) {
  EXPECT_EQ(decodeRfc2231("utf-8'id'Surat%20Tugas.pdf"), "Surat Tugas.pdf");
  EXPECT_EQ(decodeRfc2231("iso-8859-1''caf%E9.pdf"), "caf\u00e9.pdf");
  EXPECT_EQ(decodeRfc2231("plain%2"), "plain%2");
}

TEST(Addresses, CommonFormsAndGarbage) {
  auto a = parseAddress("\"Siti, S.Kom\" <siti@Pokja.GO.ID>");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->name, "Siti, S.Kom");
  EXPECT_EQ(a->email, "siti@pokja.go.id");
  a = parseAddress("budi@lpse.go.id (Budi Santoso)");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->email, "budi@lpse.go.id");
  EXPECT_EQ(a->name, "Budi Santoso");
  a = parseAddress("=?utf-8?q?Andi_=C3=A9?= <andi@x.id>, other@y.id");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->name, "Andi \u00e9");
  EXPECT_EQ(a->email, "andi@x.id");
  a = parseAddress("Helpdesk: staf@lpse.go.id;");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->email, "staf@lpse.go.id");
  EXPECT_FALSE(parseAddress(""));
  EXPECT_FALSE(parseAddress("undisclosed-recipients:;"));
  EXPECT_FALSE(parseAddress("<>"));
  EXPECT_FALSE(parseAddress("Nama Saja"));
}

TEST(Dates, Rfc5322AndImapFormsWithZones) {
  // 2026-12-04 01:10 UTC.
  const std::int64_t want = 1'796'346'600'000;
  EXPECT_EQ(parseMailDate("Fri, 4 Dec 2026 08:10:00 +0700"), want);
  EXPECT_EQ(parseMailDate("4 Dec 2026 01:10 GMT"), want);
  EXPECT_EQ(parseMailDate("Fri, 04 Dec 2026 08:10:00 +0700 (WIB)"), want);
  EXPECT_EQ(parseImapDate("04-Dec-2026 08:10:00 +0700"), want);
  EXPECT_EQ(parseImapDate(" 4-Dec-2026 01:10:00 +0000"), want);
  EXPECT_FALSE(parseMailDate("kemarin sore"));
  EXPECT_FALSE(parseMailDate("31 Feb 2026 10:00:00 +0000"));
  EXPECT_FALSE(parseMailDate("Fri, 4 Dec 2026 25:61:00 +0000"));
}

TEST(CleanLine, ControlCharactersBecomeOneSpaceAndLengthIsInCharacters) {
  EXPECT_EQ(cleanLine("a\r\n\tb  c", 100), "a b c");
  EXPECT_EQ(cleanLine("\u00e9\u00e9\u00e9\u00e9", 2), "\u00e9\u00e9");
  EXPECT_EQ(cleanLine("x\xFFy", 10), "x\uFFFDy");
}

TEST(ImapValues, AtomsStringsLiteralsListsAndNil) {
  auto v = parseImapValues("(UID 7 FLAGS (\\Seen) BODY[HEADER] {5}\r\nab\r\nc X \"q\\\"t\" NIL)");
  ASSERT_TRUE(v);
  ASSERT_EQ(v->size(), 1u);
  const auto& l = v->front().items;
  ASSERT_EQ(l.size(), 9u);
  EXPECT_EQ(l[8].kind, ImapValue::Kind::Nil);
  EXPECT_EQ(l[1].text, "7");
  EXPECT_TRUE(l[3].isList());
  EXPECT_EQ(l[4].text, "BODY[HEADER]");
  EXPECT_EQ(l[5].text, "ab\r\nc");
  EXPECT_EQ(l[6].text, "X");
  EXPECT_EQ(l[7].kind, ImapValue::Kind::String);
  EXPECT_EQ(l[7].text, "q\"t");
  EXPECT_FALSE(parseImapValues("(unclosed"));
  EXPECT_FALSE(parseImapValues("{99}\r\nshort"));
  EXPECT_FALSE(parseImapValues(std::string(100, '(')));  // too deep
}

TEST(BodyStructure, NamesFromDispositionParamsNameAndForwardedMessages) {
  auto v = parseImapValues(
      "((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 5 1 NIL NIL NIL NIL)"
      "(\"application\" \"pdf\" (\"name\" \"=?utf-8?Q?Surat_=C3=A9.pdf?=\") NIL NIL \"base64\" 10 NIL NIL NIL NIL)"
      "(\"image\" \"jpeg\" NIL NIL NIL \"base64\" 10 NIL (\"attachment\" (\"filename*0*\" \"utf-8''a%20\" "
      "\"filename*1\" \"b.jpg\")) NIL NIL)"
      "(\"application\" \"octet-stream\" NIL NIL NIL \"base64\" 10 NIL (\"attachment\" NIL) NIL NIL)"
      "(\"application\" \"pdf\" NIL NIL NIL \"base64\" 10 NIL (\"inline\" (\"filename\" \"C:\\\\Users\\\\x\\\\SK.pdf\")) NIL NIL)"
      "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 10 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) "
      "(\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1) 1 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL)");
  ASSERT_TRUE(v);
  const auto a = attachmentsFrom(v->front());
  ASSERT_EQ(a.count, 5u);
  EXPECT_EQ(a.names[0], "Surat \u00e9.pdf");
  EXPECT_EQ(a.names[1], "a b.jpg");
  EXPECT_EQ(a.names[2], "(tanpa nama / unnamed)");
  EXPECT_EQ(a.names[3], "SK.pdf");
  EXPECT_EQ(a.names[4], "(pesan terusan / forwarded message)");
}

TEST(Summary, KeyIsStableAndFromMessageIdWhenThere) {
  auto items = [](const std::string& header) {
    return parseImapValues("UID 3 INTERNALDATE \"04-Dec-2026 08:10:00 +0700\" BODY[HEADER] {" +
                           std::to_string(header.size()) + "}\r\n" + header)
        .value();
  };
  const auto a = summarizeFetch(items("From: a@b.id\r\nMessage-ID: <1@b>\r\nDate: x\r\n\r\n"));
  const auto b = summarizeFetch(items("Message-ID: <1@b>\r\nFrom: other@b.id\r\n\r\n"));
  EXPECT_EQ(a.key, b.key);
  EXPECT_EQ(a.uid, 3u);
  EXPECT_EQ(a.receivedMs, 1'796'346'600'000);
  const auto c = summarizeFetch(items("From: a@b.id\r\n\r\n"));
  EXPECT_NE(c.key, a.key);
  EXPECT_NE(std::find(c.problems.begin(), c.problems.end(), "no_message_id"), c.problems.end());
  for (char ch : a.key) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-');
}

TEST(Compose, EncodedSubjectAndNameNoHeaderInjectionBase64Body) {
  OutgoingMail m;
  m.to = "siti@x.id";
  m.toName = "Siti \u00e9";
  m.subject = "Hasil \u2013 selesai\r\nBcc: evil@x.id";
  m.text = "Baris 1\nBaris \u00e9\n";
  const std::string msg = composeMessage(m, "helpdesk@lpse.go.id", "Helpdesk LPSE", 0, "<id@lpse.go.id>");
  EXPECT_EQ(msg.find("\r\nBcc:"), std::string::npos);
  EXPECT_NE(msg.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(msg.find("Date: Thu, 01 Jan 1970 00:00:00 +0000"), std::string::npos);
  EXPECT_NE(msg.find("Content-Type: text/plain; charset=UTF-8"), std::string::npos);
  const auto body = msg.substr(msg.find("\r\n\r\n") + 4);
  EXPECT_EQ(base64Decode(body), "Baris 1\r\nBaris \u00e9\r\n");
  // The encoded subject decodes back to the one-line text.
  const auto fields = parseHeaderBlock(msg);
  EXPECT_EQ(decodeHeaderText(*headerValue(fields, "subject")), "Hasil \u2013 selesaiBcc: evil@x.id");
  EXPECT_EQ(decodeHeaderText(encodeHeaderText(std::string(60, 'a') + "\u00e9" + std::string(60, 'b'))),
            std::string(60, 'a') + "\u00e9" + std::string(60, 'b'));
}

TEST(Robustness, RandomBytesNeverCrashTheParsers) {
  std::mt19937 rng(12);
  const std::string alphabet = "()\"{}\\ =?QB_%'<>@,:;\r\nNILabc0123456789\xE9\xFF*[]";
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    const int n = static_cast<int>(rng() % 200);
    for (int k = 0; k < n; ++k) s += alphabet[rng() % alphabet.size()];
    (void)decodeHeaderText(s);
    (void)parseAddress(s);
    (void)parseMailDate(s);
    (void)parseImapDate(s);
    (void)decodeRfc2231(s);
    (void)parseHeaderBlock(s);
    if (auto v = parseImapValues(s)) {
      for (const auto& x : *v) (void)attachmentsFrom(x);
      (void)summarizeFetch(*v);
    }
  }
  SUCCEED();
}

}  // namespace
}  // namespace lpse::mail

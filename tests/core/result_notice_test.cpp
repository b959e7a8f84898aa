// The result and rejection notices: both languages, the SOP's "log in at
// once and change the password", the reason, and never a password.
#include "kiosk/core/result_notice.hpp"
#include "kiosk/core/desk_rules.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace lpse::core {
namespace {

TimeMs utc(int y, unsigned mo, unsigned d, int h, int mi) {
  using namespace std::chrono;
  const sys_days day{year{y} / month{mo} / std::chrono::day{d}};
  return duration_cast<milliseconds>(day.time_since_epoch() + hours{h} + minutes{mi}).count();
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

NoticeInput resetResult() {
  NoticeInput in;
  in.service = "reset";
  in.recipientName = "Siti Rahmawati";
  in.spseUserId = "siti.pokja";
  in.reference = "R-007";
  in.atMs = utc(2026, 12, 4, 7, 5);  // 14:05 WIB
  return in;
}

TEST(ResultNotice, ResultIsIndonesianFirstThenEnglishWithDateUserAndLoginInstruction) {
  const Notice n = makeNotice(resetResult());
  EXPECT_TRUE(has(n.text, "Yth. Siti Rahmawati"));
  EXPECT_TRUE(has(n.text, "4 Desember 2026 pukul 14.05 WIB"));
  EXPECT_TRUE(has(n.text, "4 December 2026, 14:05 WIB"));
  EXPECT_TRUE(has(n.text, "User ID SPSE: siti.pokja"));
  EXPECT_TRUE(has(n.text, "segera masuk (login) ke SPSE dan langsung ganti kata sandi"));
  EXPECT_TRUE(has(n.text, "log in to SPSE at once and change your password"));
  EXPECT_LT(n.text.find("Yth."), n.text.find("Dear "));
  EXPECT_TRUE(has(n.subject, "R-007"));
  EXPECT_EQ(n.subject.find('\n'), std::string::npos);
}

TEST(ResultNotice, MessageSaysPasswordComesSeparatelySlipHasAHandwrittenBlank) {
  NoticeInput in = resetResult();
  const Notice msg = makeNotice(in);
  EXPECT_TRUE(has(msg.text, "tidak dicantumkan dalam pesan ini"));
  EXPECT_FALSE(has(msg.text, "____"));
  in.medium = NoticeMedium::Slip;
  const Notice slip = makeNotice(in);
  EXPECT_TRUE(has(slip.text, "Kata sandi sementara (ditulis tangan oleh petugas): ____"));
  EXPECT_TRUE(has(slip.text, "Temporary password (handwritten by staff): ____"));
}

TEST(ResultNotice, UserIdServiceHasNoPasswordLineAndABlankForAMissingUserIdOnTheSlip) {
  NoticeInput in = resetResult();
  in.service = "userid";
  in.spseUserId.clear();
  in.medium = NoticeMedium::Slip;
  const Notice n = makeNotice(in);
  EXPECT_TRUE(has(n.text, "informasi User ID"));
  EXPECT_TRUE(has(n.text, "User ID SPSE: ____"));
  EXPECT_FALSE(has(n.text, "Kata sandi sementara"));
}

TEST(ResultNotice, RejectionNamesTheReasonInBothLanguagesAndTheNote) {
  NoticeInput in = resetResult();
  in.kind = NoticeKind::Rejection;
  in.reasonCode = "data_mismatch";
  in.reasonNote = "NIP pada SK\nberbeda";
  const Notice n = makeNotice(in);
  EXPECT_TRUE(has(n.subject, "ditolak"));
  EXPECT_TRUE(has(n.text, "Alasan: data dalam berkas tidak sesuai"));
  EXPECT_TRUE(has(n.text, "Reason: the data in the dossier do not match"));
  EXPECT_TRUE(has(n.text, "Catatan petugas: NIP pada SK berbeda"));  // one line
  EXPECT_FALSE(has(n.text, "log in to SPSE at once"));
}

TEST(ResultNotice, UnknownReasonCodeStillGetsASentenceAndEveryListedCodeIsExplained) {
  NoticeInput in = resetResult();
  in.kind = NoticeKind::Rejection;
  in.reasonCode = "no_such_reason";
  EXPECT_TRUE(has(makeNotice(in).text, "Alasan: berkas tidak dapat diverifikasi."));
  for (const auto& r : rejectionReasons()) {
    in.reasonCode = r.code;
    const Notice n = makeNotice(in);
    EXPECT_TRUE(has(n.text, r.id)) << r.code;
    EXPECT_TRUE(has(n.text, r.en)) << r.code;
  }
}

TEST(ResultNotice, EveryRejectionCodeTheDeskOffersHasItsOwnSentence) {
  for (const auto& c : codes(CodeList::RejectionReason)) {
    bool found = false;
    for (const auto& r : rejectionReasons()) found = found || r.code == c.code;
    EXPECT_TRUE(found) << c.code;
  }
  EXPECT_EQ(rejectionReasons().size(), codes(CodeList::RejectionReason).size());
}

TEST(ResultNotice, ControlCharactersCannotBreakTheSubjectAndEmptyNameIsPolite) {
  NoticeInput in = resetResult();
  in.reference = "R-1\r\nBcc: x@example.org";
  in.recipientName = "";
  const Notice n = makeNotice(in);
  EXPECT_EQ(n.subject.find('\n'), std::string::npos);
  EXPECT_EQ(n.subject.find('\r'), std::string::npos);
  EXPECT_TRUE(has(n.text, "Yth. Bapak/Ibu Pengguna SPSE"));
}

TEST(ResultNotice, DatesInOtherZones) {
  const TimeMs t = utc(2026, 1, 31, 23, 30);
  EXPECT_EQ(formatNoticeDate(t, 420, false), "1 Februari 2026 pukul 06.30 WIB");
  EXPECT_EQ(formatNoticeDate(t, 480, true), "1 February 2026, 07:30 WITA");
  EXPECT_EQ(formatNoticeDate(t, 540, true), "1 February 2026, 08:30 WIT");
}

}  // namespace
}  // namespace lpse::core

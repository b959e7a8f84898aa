#pragma once
// The text that tells a user the outcome of their request (SOP steps 12/14
// "result notice" and step 11 "rejection notice"): Indonesian first, then
// English. One function feeds the printed result slip, the "paste into your
// mail client" text and the e-mail reply, so they always say the same.
// Pure text: it never holds or prints a password (the system has none); the
// printed slip gets a blank for the temporary password written by hand.
#include <string>
#include <vector>

#include "kiosk/core/visit.hpp"

namespace lpse::core {

enum class NoticeKind { Result, Rejection };

// Where the text goes: a slip has blanks to fill in by hand; a message
// (e-mail, pasted text) says the password is given separately instead.
enum class NoticeMedium { Slip, Message };

struct NoticeInput {
  NoticeKind kind = NoticeKind::Result;
  NoticeMedium medium = NoticeMedium::Message;
  std::string service;        // ServiceDef::code: "reset" or "userid" (other codes: generic wording)
  std::string recipientName;  // may be empty ("Bapak/Ibu Pengguna SPSE")
  std::string spseUserId;     // the SPSE user ID the request is about; may be empty
  std::string reference;      // ticket "R-001" or e-mail case "E-12", quoted back to the user
  TimeMs atMs = 0;            // when the result was made or the rejection decided
  int utcOffsetMinutes = 7 * 60;  // the office's zone, for the date
  std::string reasonCode;     // rejection: a code from rejectionReasons() (unknown: generic sentence)
  std::string reasonNote;     // rejection: optional staff note, quoted as written
  std::string officeName = "LPSE";
};

struct Notice {
  std::string subject;  // one line, both languages
  std::string text;     // Indonesian block, a separator, the English block
};

Notice makeNotice(const NoticeInput& in);

// Rejection reasons with their sentences; the notice explains a known code
// in both languages, and an unknown code still gets a clear generic line.
struct ReasonText {
  std::string code, id, en;
};
const std::vector<ReasonText>& rejectionReasons();

// "4 Desember 2026 pukul 14.05 WIB" / "4 December 2026, 14:05 WIB".
std::string formatNoticeDate(TimeMs t, int utcOffsetMinutes, bool english);

}  // namespace lpse::core

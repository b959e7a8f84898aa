#pragma once
// The e-mail channel at the machine's edge: a mailbox the helpdesk's
// requests arrive in (MailInbox) and a relay replies leave through
// (MailRelay). Real implementations speak IMAP and SMTP (imap_inbox.hpp,
// smtp_relay.hpp); fakes (mail_fakes.hpp) stand in where no server is the
// point of the test. Errors are values with a stable code and a sentence in
// Indonesian and English.
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/error.hpp"
#include "kiosk/mail/imap_parse.hpp"

namespace lpse::mail {

// Where reading stopped: the mailbox's UIDVALIDITY and the last UID taken.
// A different UIDVALIDITY means the UIDs were renumbered: read from the start
// (the message keys keep that from making duplicates).
struct MailCursor {
  std::uint32_t uidValidity = 0;
  std::uint32_t lastUid = 0;
  bool operator==(const MailCursor&) const = default;
};

struct FetchBatch {
  MailCursor cursor;                // after the messages below
  std::vector<MailSummary> messages;  // in UID order
  bool more = false;                // more new messages wait (batch limit)
};

class MailInbox {
 public:
  virtual ~MailInbox() = default;
  // Messages after `after`, at most `max`; nothing is marked or deleted.
  virtual core::Result<FetchBatch> fetchNew(const MailCursor& after, std::size_t max) = 0;
};

struct OutgoingMail {
  std::string to;       // one address
  std::string toName;   // may be empty
  std::string subject;  // UTF-8, one line
  std::string text;     // UTF-8 plain text, "\n" line ends
  std::string inReplyTo;  // Message-ID being answered, may be empty
};

class MailRelay {
 public:
  virtual ~MailRelay() = default;
  // Error codes: mail_connect, mail_tls, mail_timeout, mail_closed (try
  // again later), smtp_auth, smtp_temporary (4xx: later), smtp_rejected,
  // smtp_recipient (5xx: a retry cannot help).
  virtual core::Status send(const OutgoingMail& mail) = 0;
};

// Whether a failed send is worth retrying later.
bool retryable(const core::Error& e);

}  // namespace lpse::mail

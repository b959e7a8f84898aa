#pragma once
// MailInbox over IMAP4rev1 (RFC 3501): LOGIN, EXAMINE (read-only, so no
// flag is ever changed), UID SEARCH, UID FETCH of the header block, the
// INTERNALDATE and the BODYSTRUCTURE. Message bodies and attachments are
// never downloaded: the intake needs their names, not their bytes.
// One connection per fetch: a helpdesk mailbox polled every minute does
// not need a session kept open, and a dropped one then heals by itself.
#include <string>

#include "kiosk/mail/connection.hpp"
#include "kiosk/mail/mail.hpp"

namespace lpse::mail {

struct ImapSettings {
  Endpoint server;
  std::string user;
  std::string password;
  std::string mailbox = "INBOX";
};

class ImapInbox : public MailInbox {
 public:
  explicit ImapInbox(ImapSettings s) : m_s(std::move(s)) {}
  // Error codes: mail_connect, mail_tls, mail_timeout, mail_closed,
  // imap_login, imap_mailbox, imap_protocol.
  core::Result<FetchBatch> fetchNew(const MailCursor& after, std::size_t max) override;

 private:
  ImapSettings m_s;
};

}  // namespace lpse::mail

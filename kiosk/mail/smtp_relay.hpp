#pragma once
// MailRelay over SMTP (RFC 5321) to the office's relay: EHLO, optional
// STARTTLS, optional AUTH PLAIN, one message of UTF-8 plain text (base64,
// so any relay carries it unchanged). One connection per message.
#include <cstdint>
#include <string>

#include "kiosk/mail/connection.hpp"
#include "kiosk/mail/mail.hpp"

namespace lpse::mail {

struct SmtpSettings {
  Endpoint server;
  std::string from;      // envelope and From: address
  std::string fromName;  // display name, e.g. "Helpdesk LPSE"
  std::string user;      // empty: no AUTH
  std::string password;
  std::string heloName = "lpse-kiosk";
};

class SmtpRelay : public MailRelay {
 public:
  explicit SmtpRelay(SmtpSettings s) : m_s(std::move(s)) {}
  core::Status send(const OutgoingMail& mail) override;

 private:
  SmtpSettings m_s;
};

// The RFC 5322 message (headers and base64 body, CRLF line ends, before
// dot-stuffing). Header values are encoded (RFC 2047) and stripped of line
// breaks, so no input can add a header.
std::string composeMessage(const OutgoingMail& mail, const std::string& from, const std::string& fromName,
                           std::int64_t nowMs, const std::string& messageId);
// "Fri, 04 Dec 2026 07:05:00 +0000"
std::string rfc5322Date(std::int64_t ms);
// A header phrase or unstructured text: as-is when plain ASCII, else
// encoded-words of whole characters.
std::string encodeHeaderText(const std::string& utf8);

}  // namespace lpse::mail

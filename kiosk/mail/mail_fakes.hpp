#pragma once
// Fakes of the mailbox and the relay, for tests whose subject is not the
// protocol (the intake's bookkeeping, the outbox's retries) and for demos.
// Thread-safe: the server's mail threads and a test touch them together.
#include <mutex>
#include <optional>
#include <vector>

#include "kiosk/mail/mail.hpp"

namespace lpse::mail {

class FakeInbox : public MailInbox {
 public:
  // A message arrives: it gets the next UID.
  void deliver(MailSummary m);
  // Renumbers every message (a mailbox restored from backup): new UIDVALIDITY.
  void renumber();
  void failWith(std::optional<core::Error> e);
  core::Result<FetchBatch> fetchNew(const MailCursor& after, std::size_t max) override;

 private:
  std::mutex m_mutex;
  std::uint32_t m_validity = 1, m_next = 1;
  std::vector<MailSummary> m_messages;
  std::optional<core::Error> m_fail;
};

class FakeRelay : public MailRelay {
 public:
  void failWith(std::optional<core::Error> e);
  std::vector<OutgoingMail> sent();
  int attempts();
  core::Status send(const OutgoingMail& mail) override;

 private:
  std::mutex m_mutex;
  std::vector<OutgoingMail> m_sent;
  int m_attempts = 0;
  std::optional<core::Error> m_fail;
};

}  // namespace lpse::mail

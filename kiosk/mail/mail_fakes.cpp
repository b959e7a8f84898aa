#include "kiosk/mail/mail_fakes.hpp"

namespace lpse::mail {

void FakeInbox::deliver(MailSummary m) {
  std::lock_guard lock(m_mutex);
  m.uid = m_next++;
  m_messages.push_back(std::move(m));
}

void FakeInbox::renumber() {
  std::lock_guard lock(m_mutex);
  ++m_validity;
  m_next = 1;
  for (auto& m : m_messages) m.uid = m_next++;
}

void FakeInbox::failWith(std::optional<core::Error> e) {
  std::lock_guard lock(m_mutex);
  m_fail = std::move(e);
}

core::Result<FetchBatch> FakeInbox::fetchNew(const MailCursor& after, std::size_t max) {
  std::lock_guard lock(m_mutex);
  if (m_fail) return *m_fail;
  FetchBatch b;
  const std::uint32_t last = after.uidValidity == m_validity ? after.lastUid : 0;
  b.cursor = {m_validity, last};
  for (const auto& m : m_messages) {
    if (m.uid <= last) continue;
    if (b.messages.size() == max) {
      b.more = true;
      break;
    }
    b.messages.push_back(m);
    b.cursor.lastUid = m.uid;
  }
  return b;
}

void FakeRelay::failWith(std::optional<core::Error> e) {
  std::lock_guard lock(m_mutex);
  m_fail = std::move(e);
}

std::vector<OutgoingMail> FakeRelay::sent() {
  std::lock_guard lock(m_mutex);
  return m_sent;
}

int FakeRelay::attempts() {
  std::lock_guard lock(m_mutex);
  return m_attempts;
}

core::Status FakeRelay::send(const OutgoingMail& mail) {
  std::lock_guard lock(m_mutex);
  ++m_attempts;
  if (m_fail) return *m_fail;
  m_sent.push_back(mail);
  return core::Ok{};
}

}  // namespace lpse::mail

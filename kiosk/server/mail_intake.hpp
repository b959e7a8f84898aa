#pragma once
// The helpdesk mailbox as a way in (SOP step 1, e-mail channel): polls the
// MailInbox and opens one e-mail case per new message through
// Store::receiveEmail, with the message's received time. Never twice for
// one message: the cursor (UIDVALIDITY + last UID) is kept in a file, and
// every message carries a request key from its Message-ID, so a re-read
// mailbox (a crash before the cursor was saved, a renumbered mailbox)
// replays the case the first read opened. A message that cannot become a
// case (no sender, an unusable address) is skipped with its reason in the
// server log and stays in the mailbox for staff; a storage failure stops
// the pass without moving the cursor, so the next poll tries again.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/mail/mail.hpp"
#include "kiosk/store/store.hpp"

namespace lpse::server {

struct MailIntakeOptions {
  core::Actor actor{"mail", core::ActorRole::Helpdesk};  // who the event log says registered it
  std::string defaultService = "reset";  // when the subject does not say "user id"
  std::string cursorFile;                // empty: kept in memory only
  std::size_t batch = 50;                // messages per fetch
  std::chrono::milliseconds interval{60'000};
  std::function<std::int64_t()> clock;   // ms since epoch; the system clock when empty
  std::function<void(const std::string&)> log;
};

struct IntakeReport {
  int fetched = 0, opened = 0, replayed = 0, skipped = 0;
  std::optional<core::Error> error;  // the pass stopped here; the cursor did not move past it
};

// The guest-book entry an e-mail becomes (pure: for tests and the intake).
// Name only when it is a valid name; purpose = subject + attachment names.
core::Visit visitFromMail(const mail::MailSummary& m, const std::string& defaultService);

class MailIntake {
 public:
  MailIntake(store::Store& store, mail::MailInbox& inbox, MailIntakeOptions options);
  ~MailIntake();

  // One pass over everything new (several fetches when the backlog is large).
  IntakeReport pollOnce();
  // Polls every `interval` on its own thread until stop().
  void start();
  void stop();
  mail::MailCursor cursor() const;

 private:
  void loadCursor();
  void saveCursor();
  void log(const std::string& line) const;

  store::Store& m_store;
  mail::MailInbox& m_inbox;
  MailIntakeOptions m_o;
  mutable std::mutex m_mutex;  // the cursor; one pass at a time
  mail::MailCursor m_cursor;
  std::mutex m_waitMutex;
  std::condition_variable m_wake;
  bool m_stopping = false;
  std::thread m_thread;
};

}  // namespace lpse::server

#pragma once
// The e-mail reply (SOP step 14 / rejection told, e-mail channel): when an
// e-mail case is handed back (deliver) or its rejection told
// (notify_rejection), the sender gets the result notice or the rejection
// notice (core/result_notice) through the MailRelay.
//
// Driven by the event log, not by the request that moved the case: the
// outbox reads the log from the start when it starts, so a reply that
// could not be sent before a restart is still owed after it. Every outcome
// is an event of kind "mail_reply" with codes only: "sent"; "retry" with
// the error code (the relay is down or busy: tried again with a growing
// pause, the event written once per distinct error); "failed" with the code
// when no retry can help (the relay refused the address, the entry was
// purged). The desk then shows the text to paste into a mail client.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "kiosk/mail/mail.hpp"
#include "kiosk/store/store.hpp"

namespace lpse::server {

struct MailOutboxOptions {
  core::Actor actor{"mail", core::ActorRole::Helpdesk};
  std::string officeName = "LPSE";
  int utcOffsetMinutes = 7 * 60;
  std::chrono::milliseconds tick{1'000};  // how often the log is read for new hand-backs
  std::chrono::milliseconds firstRetry{60'000};
  std::chrono::milliseconds maxRetry{15 * 60'000};
  // Hand-backs older than this when first seen are not answered: turning
  // the relay on must not mail everyone served in past years.
  std::int64_t maxAgeMs = 3LL * 24 * 3600 * 1000;
  std::function<std::int64_t()> clock;
  std::function<void(const std::string&)> log;
};

class MailOutbox {
 public:
  MailOutbox(store::Store& store, mail::MailRelay& relay, MailOutboxOptions options);
  ~MailOutbox();

  // Reads the log's new events and sends the replies that are due; returns
  // how many sends were attempted.
  int runOnce();
  void start();
  void stop();
  std::size_t pending() const;

 private:
  struct Owed {
    bool rejection = false;
    std::int64_t seenAtMs = 0;  // the deliver / notify_rejection event's time
    int attempts = 0;
    std::int64_t nextTryMs = 0;
    std::string lastCode;
  };
  void scan();
  void attempt(std::int64_t caseId, Owed& owed, std::int64_t now);
  void log(const std::string& line) const;

  store::Store& m_store;
  mail::MailRelay& m_relay;
  MailOutboxOptions m_o;
  mutable std::mutex m_mutex;
  std::int64_t m_seq = 0;  // last event read
  std::map<std::int64_t, Owed> m_owed;
  std::mutex m_waitMutex;
  std::condition_variable m_wake;
  bool m_stopping = false;
  std::thread m_thread;
};

}  // namespace lpse::server

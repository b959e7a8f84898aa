#include "kiosk/server/mail_intake.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>

#include "kiosk/core/validation.hpp"
#include "kiosk/mail/mime.hpp"

namespace lpse::server {

namespace {

std::int64_t systemNowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool contains(const std::string& s, std::initializer_list<const char*> words) {
  return std::any_of(words.begin(), words.end(), [&](const char* w) { return s.find(w) != std::string::npos; });
}

// Errors that belong to this message (it can never become a case) rather
// than to the moment (storage busy): skip the message, go on.
bool messageFault(const core::Error& e) {
  return e.code != "storage_error" && e.code != "storage_corrupt";
}

}  // namespace

core::Visit visitFromMail(const mail::MailSummary& m, const std::string& defaultService) {
  core::Visit v;
  v.channel = core::Channel::Email;
  // The request form's title names both services ("Reset Password dan
  // Informasi User ID"): a password word means a reset.
  const std::string subject = lower(m.subject);
  const bool userId = contains(subject, {"user id", "userid", "user-id"});
  const bool reset = contains(subject, {"reset", "password", "kata sandi", "sandi"});
  v.service = userId && !reset ? "userid" : defaultService;
  v.email = m.fromEmail;
  if (!core::validateName(m.fromName)) v.name = m.fromName;
  std::string purpose = m.subject;
  if (m.attachmentCount > 0) {
    purpose += " | Lampiran/Attachments (" + std::to_string(m.attachmentCount) + "): ";
    for (std::size_t i = 0; i < m.attachments.size(); ++i) purpose += (i ? ", " : "") + m.attachments[i];
  }
  v.purpose = mail::cleanLine(purpose, 300);
  // Sending the dossier to the helpdesk mailbox is the request itself; the
  // data notice is in the reply and on the LPSE site (docs/EMAIL.md).
  v.consent = true;
  v.language = "id";
  return v;
}

MailIntake::MailIntake(store::Store& store, mail::MailInbox& inbox, MailIntakeOptions options)
    : m_store(store), m_inbox(inbox), m_o(std::move(options)) {
  if (!m_o.clock) m_o.clock = systemNowMs;
  if (m_o.batch == 0) m_o.batch = 1;
  loadCursor();
}

MailIntake::~MailIntake() { stop(); }

void MailIntake::log(const std::string& line) const {
  if (m_o.log) m_o.log(line);
}

mail::MailCursor MailIntake::cursor() const {
  std::lock_guard lock(m_mutex);
  return m_cursor;
}

void MailIntake::loadCursor() {
  if (m_o.cursorFile.empty()) return;
  std::ifstream in(m_o.cursorFile);
  unsigned long long validity = 0, last = 0;
  if (in >> validity >> last) m_cursor = {static_cast<std::uint32_t>(validity), static_cast<std::uint32_t>(last)};
}

// Written to a temporary file, flushed and renamed over the old one: a
// crash leaves the old cursor or the new one, never half of one.
void MailIntake::saveCursor() {
  if (m_o.cursorFile.empty()) return;
  const std::string tmp = m_o.cursorFile + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "w");
  if (!f) {
    log("level=error msg=\"mail cursor not saved\" file=\"" + m_o.cursorFile + "\"");
    return;
  }
  std::fprintf(f, "%u %u\n", m_cursor.uidValidity, m_cursor.lastUid);
  std::fflush(f);
  fsync(fileno(f));
  std::fclose(f);
  if (std::rename(tmp.c_str(), m_o.cursorFile.c_str()) != 0)
    log("level=error msg=\"mail cursor not saved\" file=\"" + m_o.cursorFile + "\"");
}

IntakeReport MailIntake::pollOnce() {
  std::lock_guard lock(m_mutex);
  IntakeReport report;
  for (int round = 0; round < 1000; ++round) {
    auto batch = m_inbox.fetchNew(m_cursor, m_o.batch);
    if (!batch) {
      report.error = batch.error();
      log("level=warn msg=\"mailbox not read\" code=" + batch.error().code + " error=\"" + batch.error().en + "\"");
      return report;
    }
    if (batch->cursor.uidValidity != m_cursor.uidValidity && m_cursor.uidValidity != 0)
      log("level=warn msg=\"mailbox renumbered (UIDVALIDITY changed); re-reading, known messages are not repeated\"");
    report.fetched += static_cast<int>(batch->messages.size());
    for (const auto& m : batch->messages) {
      const std::string where = " uid=" + std::to_string(m.uid);
      if (m.fromEmail.empty()) {
        ++report.skipped;
        log("level=warn msg=\"mail skipped\" reason=no_sender" + where);
      } else {
        const core::Visit visit = visitFromMail(m, m_o.defaultService);
        const std::int64_t now = m_o.clock();
        // The received time is when SOP step 1 happened: the same-working-
        // day deadline counts from it, even when the server read it later.
        const std::int64_t at = m.receivedMs > 0 && m.receivedMs <= now ? m.receivedMs : now;
        bool replayed = false;
        auto c = m_store.receiveEmail(visit, m_o.actor, at, m.key, &replayed);
        if (!c) {
          if (!messageFault(c.error())) {
            report.error = c.error();
            log("level=error msg=\"mail not stored; will retry\" code=" + c.error().code + where);
            return report;  // cursor stays before this message
          }
          ++report.skipped;
          log("level=warn msg=\"mail skipped\" reason=" + c.error().code + where);
        } else {
          ++(replayed ? report.replayed : report.opened);
          std::string problems;
          for (const auto& p : m.problems) problems += (problems.empty() ? "" : ",") + p;
          log("level=info msg=\"mail received\" case=" + std::to_string(c->id) + where +
              (replayed ? " replayed=true" : "") + (problems.empty() ? "" : " problems=" + problems));
        }
      }
      m_cursor = {batch->cursor.uidValidity, m.uid};
      saveCursor();
    }
    if (!(m_cursor == batch->cursor)) {
      m_cursor = batch->cursor;  // past UIDs that vanished between SEARCH and FETCH
      saveCursor();
    }
    if (!batch->more) break;
  }
  return report;
}

void MailIntake::start() {
  {
    std::lock_guard lock(m_waitMutex);
    m_stopping = false;
  }
  m_thread = std::thread([this] {
    while (true) {
      pollOnce();
      std::unique_lock lock(m_waitMutex);
      if (m_wake.wait_for(lock, m_o.interval, [this] { return m_stopping; })) return;
    }
  });
}

void MailIntake::stop() {
  {
    std::lock_guard lock(m_waitMutex);
    m_stopping = true;
  }
  m_wake.notify_all();
  if (m_thread.joinable()) m_thread.join();
}

}  // namespace lpse::server

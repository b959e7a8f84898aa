#include "kiosk/server/mail_outbox.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "kiosk/core/result_notice.hpp"

namespace lpse::server {

namespace {

std::int64_t systemNowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string payloadField(const std::string& payload, const char* key) {
  const auto p = nlohmann::json::parse(payload, nullptr, false);
  if (!p.is_object() || !p.contains(key) || !p[key].is_string()) return {};
  return p[key].get<std::string>();
}

}  // namespace

MailOutbox::MailOutbox(store::Store& store, mail::MailRelay& relay, MailOutboxOptions options)
    : m_store(store), m_relay(relay), m_o(std::move(options)) {
  if (!m_o.clock) m_o.clock = systemNowMs;
}

MailOutbox::~MailOutbox() { stop(); }

void MailOutbox::log(const std::string& line) const {
  if (m_o.log) m_o.log(line);
}

std::size_t MailOutbox::pending() const {
  std::lock_guard lock(m_mutex);
  return m_owed.size();
}

void MailOutbox::scan() {
  const std::int64_t now = m_o.clock();
  while (true) {
    const auto events = m_store.eventsAfter(m_seq, 500);
    for (const auto& e : events) {
      m_seq = e.seq;
      if (e.caseId == 0) continue;
      if (e.kind == "deliver" || e.kind == "notify_rejection") {
        auto c = m_store.getCase(e.caseId);
        if (!c || c->channel != core::Channel::Email) continue;
        if (now - e.atMs > m_o.maxAgeMs) continue;
        Owed o;
        o.rejection = e.kind == "notify_rejection";
        o.seenAtMs = e.atMs;
        m_owed[e.caseId] = o;
      } else if (e.kind == "mail_reply") {
        auto it = m_owed.find(e.caseId);
        if (it == m_owed.end()) continue;
        const std::string outcome = payloadField(e.payload, "outcome");
        if (outcome == "retry") {
          // After a restart the pause keeps growing from where it was (a
          // retry this process recorded itself already set lastCode).
          const std::string code = payloadField(e.payload, "code");
          if (code != it->second.lastCode) {
            ++it->second.attempts;
            it->second.lastCode = code;
          }
        } else {
          m_owed.erase(it);  // sent, or failed for good
        }
      }
    }
    if (events.size() < 500) break;
  }
}

void MailOutbox::attempt(std::int64_t caseId, Owed& owed, std::int64_t now) {
  const std::string notice = owed.rejection ? "rejection" : "result";
  auto finish = [&](const std::string& outcome, const std::string& code) {
    if (auto ok = m_store.recordMailReply(caseId, outcome, code, notice, m_o.actor, m_o.clock()); !ok)
      log("level=error msg=\"mail reply outcome not recorded\" case=" + std::to_string(caseId) +
          " code=" + ok.error().code);
  };
  auto c = m_store.getCase(caseId);
  auto visit = c ? m_store.getVisit(c->visitId) : core::Result<core::Visit>(c.error());
  if (!c || !visit) {
    // Storage trouble: try again on the next tick, nothing recorded.
    owed.nextTryMs = now + m_o.firstRetry.count();
    return;
  }
  if (visit->email.empty()) {
    finish("failed", "no_recipient");  // purged, or registered without an address
    owed.attempts = -1;
    return;
  }
  core::NoticeInput in;
  in.kind = owed.rejection ? core::NoticeKind::Rejection : core::NoticeKind::Result;
  in.medium = core::NoticeMedium::Message;
  in.service = c->service;
  in.recipientName = visit->name;
  in.spseUserId = visit->spseUserId;
  in.reference = c->ticket.empty() ? "E-" + std::to_string(c->id) : c->ticket;
  in.atMs = owed.seenAtMs;
  in.utcOffsetMinutes = m_o.utcOffsetMinutes;
  in.officeName = m_o.officeName;
  // The decision's own time and reason, from the case's events.
  for (const auto& e : m_store.caseEvents(caseId)) {
    if (e.kind == "record_result" || e.kind == "reject") in.atMs = e.atMs;
    if (e.kind == "mark_invalid") in.reasonCode = payloadField(e.payload, "reason");
  }
  const core::Notice n = core::makeNotice(in);
  mail::OutgoingMail m;
  m.to = visit->email;
  m.toName = visit->name;
  m.subject = n.subject;
  m.text = n.text;
  auto sent = m_relay.send(m);
  if (sent) {
    finish("sent", "");
    owed.attempts = -1;
    log("level=info msg=\"mail reply sent\" case=" + std::to_string(caseId) + " notice=" + notice);
    return;
  }
  const auto& err = sent.error();
  if (!mail::retryable(err)) {
    finish("failed", err.code);
    owed.attempts = -1;
    log("level=warn msg=\"mail reply failed\" case=" + std::to_string(caseId) + " code=" + err.code);
    return;
  }
  if (err.code != owed.lastCode) finish("retry", err.code);  // once per distinct error, not per try
  owed.lastCode = err.code;
  ++owed.attempts;
  const auto pause = std::min<std::int64_t>(m_o.maxRetry.count(),
                                            m_o.firstRetry.count() << std::min(owed.attempts - 1, 20));
  owed.nextTryMs = now + pause;
  log("level=warn msg=\"mail reply not sent; will retry\" case=" + std::to_string(caseId) + " code=" + err.code +
      " in_s=" + std::to_string(pause / 1000));
}

int MailOutbox::runOnce() {
  std::lock_guard lock(m_mutex);
  scan();
  int tried = 0;
  const std::int64_t now = m_o.clock();
  for (auto it = m_owed.begin(); it != m_owed.end();) {
    if (it->second.nextTryMs <= now) {
      ++tried;
      attempt(it->first, it->second, now);
    }
    // attempts == -1: settled (sent or failed for good), recorded in the log.
    it = it->second.attempts < 0 ? m_owed.erase(it) : std::next(it);
  }
  return tried;
}

void MailOutbox::start() {
  {
    std::lock_guard lock(m_waitMutex);
    m_stopping = false;
  }
  m_thread = std::thread([this] {
    while (true) {
      runOnce();
      std::unique_lock lock(m_waitMutex);
      if (m_wake.wait_for(lock, m_o.tick, [this] { return m_stopping; })) return;
    }
  });
}

void MailOutbox::stop() {
  {
    std::lock_guard lock(m_waitMutex);
    m_stopping = true;
  }
  m_wake.notify_all();
  if (m_thread.joinable()) m_thread.join();
}

}  // namespace lpse::server

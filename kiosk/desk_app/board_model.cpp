#include "kiosk/desk_app/board_model.hpp"

#include <algorithm>

namespace lpse::desk {

namespace {

using S = core::CaseState;

// A case a desk is working on with the visitor or the dossier in hand.
bool beingServed(S s) {
  return s == S::Called || s == S::Checking || s == S::Incomplete || s == S::Verifying || s == S::Valid ||
         s == S::Invalid || s == S::ResultReady;
}

core::TimerLevel levelFor(std::int64_t elapsedS, int targetMin) {
  if (targetMin <= 0) return core::TimerLevel::None;
  if (elapsedS > targetMin * 60LL) return core::TimerLevel::Over;
  if (elapsedS * 10 >= targetMin * 60LL * 8) return core::TimerLevel::Near;  // 80 %, as core's step timers
  return core::TimerLevel::Ok;
}

}  // namespace

std::string_view toString(DeskActivity a) {
  switch (a) {
    case DeskActivity::Serving: return "serving";
    case DeskActivity::Idle: return "idle";
    case DeskActivity::OnBreak: return "on_break";
    case DeskActivity::SignedOut: return "signed_out";
  }
  return "signed_out";
}

std::string queueOfRole(const std::string& role) {
  if (role == "helpdesk") return "helpdesk";
  if (role == "admin_ppe") return "admin";
  return {};
}

void BoardModel::setDesks(const std::vector<core::DeskStatus>& desks) {
  m_desks.clear();
  for (const auto& d : desks) m_desks[d.counter] = d;
}

void BoardModel::setBoard(const core::Board& b) {
  m_services.clear();
  for (const auto& [code, n] : b.waiting) m_services.push_back(code);
  for (const auto& c : b.current) {
    auto& last = m_lastActivity[c.counter];
    last = std::max(last, c.atMs);
  }
}

void BoardModel::onEvent(const api::StreamEvent& e) {
  if (e.counter.empty()) return;
  if (auto p = core::presenceAfter(e.kind)) {
    auto& d = m_desks[e.counter];
    d.counter = e.counter;
    d.presence = *p;
    d.sinceMs = e.atMs;
    if (*p != core::DeskPresence::OnBreak) d.reason.clear();
  }
  auto& last = m_lastActivity[e.counter];
  last = std::max(last, e.atMs);
}

BoardView BoardModel::view(std::int64_t nowMs) const {
  BoardView v;
  const auto& cal = m_settings.calendar;

  // Queues: walk-in services, the Admin PPE queue, unopened e-mails.
  std::map<std::string, QueueLine> walkIn;
  for (const auto& code : m_services) walkIn[code].queue = code;
  QueueLine admin{"admin"}, email{"email"};
  std::int64_t emailLeftS = 0;
  bool emailOverdue = false;
  for (const auto& c : m_cases) {
    const std::int64_t waitedS = cal.workingMsBetween(c.stateMs, nowMs) / 1000;
    QueueLine* line = nullptr;
    if (c.state == S::Waiting && c.channel == core::Channel::WalkIn) line = &walkIn[c.service];
    else if (c.state == S::AtAdminQueue) line = &admin;
    if (line) {
      line->queue = line == &admin ? "admin" : c.service;
      ++line->waiting;
      if (line->waiting == 1 || waitedS > line->longestS) {
        line->longestS = waitedS;
        line->longestTicket = c.ticket;
      }
      continue;
    }
    if (c.state == S::EmailReceived) {
      const std::int64_t received = c.receivedMs ? c.receivedMs : c.createdMs;
      const auto due = core::emailDue(cal, received, nowMs);
      const std::int64_t s = cal.workingMsBetween(received, nowMs) / 1000;
      if (++email.waiting == 1 || s > email.longestS) email.longestS = s;
      if (email.waiting == 1 || due.leftS < emailLeftS) emailLeftS = due.leftS;
      emailOverdue = emailOverdue || due.overdue;
    }
  }
  for (auto& [service, line] : walkIn) {
    line.targetMin = m_settings.waitTargetMin;
    line.level = line.waiting ? levelFor(line.longestS, line.targetMin) : core::TimerLevel::None;
    v.waitingTotal += line.waiting;
    v.queues.push_back(line);
  }
  admin.targetMin = m_settings.waitTargetMin;
  admin.level = admin.waiting ? levelFor(admin.longestS, admin.targetMin) : core::TimerLevel::None;
  v.queues.push_back(admin);
  // An e-mail is due the working day it arrived: red when overdue, amber in
  // its last working hour.
  email.level = email.waiting == 0 ? core::TimerLevel::None
                : emailOverdue     ? core::TimerLevel::Over
                : emailLeftS <= 3600 ? core::TimerLevel::Near
                                     : core::TimerLevel::Ok;
  v.queues.push_back(email);
  const int waitingAdmin = admin.waiting;

  // Desks.
  for (const auto& [counter, d] : m_desks) {
    DeskLine line;
    line.counter = counter;
    line.staff = d.staff;
    line.role = d.role;
    line.reason = d.reason;
    line.sinceMs = d.sinceMs;
    if (d.presence == core::DeskPresence::SignedOut) {
      line.activity = DeskActivity::SignedOut;
    } else if (d.presence == core::DeskPresence::OnBreak) {
      line.activity = DeskActivity::OnBreak;
    } else {
      const core::CaseRecord* serving = nullptr;
      for (const auto& c : m_cases)
        if (c.counter == counter && beingServed(c.state) && (!serving || c.stateMs > serving->stateMs)) serving = &c;
      if (serving) {
        line.activity = DeskActivity::Serving;
        line.ticket = serving->ticket.empty() ? "E-mail #" + std::to_string(serving->id) : serving->ticket;
        line.caseId = serving->id;
        line.sinceMs = serving->stateMs;
      } else {
        line.activity = DeskActivity::Idle;
        if (auto it = m_lastActivity.find(counter); it != m_lastActivity.end())
          line.sinceMs = std::max(line.sinceMs, it->second);
        for (const auto& c : m_cases)
          if (c.counter == counter) line.sinceMs = std::max(line.sinceMs, c.stateMs);
      }
    }
    line.forS = std::max<std::int64_t>(0, (nowMs - line.sinceMs) / 1000);
    if (line.activity == DeskActivity::Idle && line.forS >= m_settings.idleAlertS) {
      const std::string q = queueOfRole(line.role);
      const int waiting = q == "helpdesk" ? v.waitingTotal : q == "admin" ? waitingAdmin : 0;
      if (waiting > 0) {
        line.idleAlert = true;
        v.idleAlerts.push_back(counter);
      }
    }
    v.desks.push_back(line);
  }

  // Cases past their step's standard, and cases nobody is serving.
  for (const auto& c : m_cases) {
    if (auto t = core::stepTimer(c, m_settings.standards, cal, nowMs); t && t->overdue()) v.breaches.push_back({c, *t});
    if (!beingServed(c.state) || c.counter.empty()) continue;
    auto it = m_desks.find(c.counter);
    const auto presence = it == m_desks.end() ? core::DeskPresence::SignedOut : it->second.presence;
    if (presence == core::DeskPresence::SignedIn) continue;
    v.stranded.push_back({c, presence == core::DeskPresence::OnBreak ? DeskActivity::OnBreak : DeskActivity::SignedOut});
  }
  std::sort(v.breaches.begin(), v.breaches.end(), [](const BreachLine& a, const BreachLine& b) {
    const auto over = [](const BreachLine& x) { return x.timer.elapsedS - x.timer.standardMin * 60LL; };
    return over(a) > over(b);
  });
  return v;
}

}  // namespace lpse::desk

#include "kiosk/display_app/display_model.hpp"

#include <algorithm>
#include <limits>
#include <set>

namespace lpse::display {
namespace {

std::optional<core::CallKind> kindOf(const std::string& kind) {
  if (kind == "call") return core::CallKind::Call;
  if (kind == "recall") return core::CallKind::Recall;
  if (kind == "callback") return core::CallKind::CallBack;
  return std::nullopt;
}

constexpr std::int64_t kHourMs = 3'600'000;

}  // namespace

bool DisplayModel::onEvent(const api::StreamEvent& e, std::int64_t nowMs) {
  // After a reconnect the stream resumes after the last seq it delivered;
  // this guard also keeps a repeated event from being shown or said twice.
  if (e.seq > 0) {
    if (e.seq <= m_lastSeq) return false;
    m_lastSeq = e.seq;
  }
  const auto kind = kindOf(e.kind);
  if (!kind) return true;
  Announcement a{e.ticket, e.counter, nowMs, *kind == core::CallKind::Recall, *kind, e.seq, e.atMs};
  show(a);
  if (*kind == core::CallKind::Call) {
    m_callTimes.emplace_back(serviceOfTicket(e.ticket), e.atMs);
    std::erase_if(m_callTimes, [&](auto& c) { return c.second < e.atMs - kHourMs; });
  }
  const bool stale = e.atMs > 0 && nowMs - e.atMs > m_voice.maxAgeMs;
  if (!m_voice.enabled || stale) {
    if (stale) ++m_stale;
    if (!m_speaking) {
      m_highlightFromMs = nowMs;
      m_highlightUntilMs = stale ? nowMs : nowMs + kHighlightMs;  // an old call does not flash as new
    }
    return true;
  }
  // A recall of a ticket still waiting to be said is the same announcement:
  // it keeps its place, takes the newest counter and kind.
  for (auto& q : m_queue)
    if (q.call.ticket == a.ticket) {
      const bool wasCallBack = q.call.kind == core::CallKind::CallBack;
      q.call.counter = a.counter;
      if (!wasCallBack) q.call.kind = a.kind == core::CallKind::Recall ? q.call.kind : a.kind;
      return true;
    }
  m_queue.push_back({m_nextKey++, a});
  return true;
}

void DisplayModel::show(const Announcement& a) {
  if (!m_speaking) m_latest = a;
  core::CounterCall call{a.counter, a.ticket, serviceOfTicket(a.ticket), a.eventAtMs};
  bool replaced = false;
  for (auto& c : m_board.current)
    if (c.counter == a.counter) {
      c = call;
      replaced = true;
    }
  if (!replaced) m_board.current.push_back(call);
  std::erase_if(m_board.recent, [&](const core::CounterCall& c) { return c.ticket == a.ticket; });
  m_board.recent.insert(m_board.recent.begin(), call);
  if (m_board.recent.size() > 20) m_board.recent.resize(20);
}

void DisplayModel::setBoard(const core::Board& b) {
  m_board = b;
  m_hasBoard = true;
  // Calls still to be said keep their place in the counter tiles even if
  // the board was read a moment before they happened.
  for (const auto& q : m_queue) {
    bool present = false;
    for (const auto& c : m_board.current) present = present || c.ticket == q.call.ticket;
    if (!present) show(q.call);
  }
  if (!m_latest && !m_board.recent.empty()) {
    const auto& r = m_board.recent.front();
    m_latest = Announcement{r.ticket, r.counter, 0, false, core::CallKind::Call, 0, r.atMs};
  }
}

void DisplayModel::setOnline(bool online, std::int64_t nowMs) {
  if (m_online && !online) m_offlineSinceMs = nowMs;
  if (!m_online && !online && m_offlineSinceMs == 0) m_offlineSinceMs = nowMs;
  m_online = online;
}

bool DisplayModel::showOfflineBanner(std::int64_t nowMs) const {
  return m_registered && !m_online && nowMs - m_offlineSinceMs >= kOfflineBannerMs;
}

std::optional<SpeechJob> DisplayModel::nextToSpeak(std::int64_t nowMs) {
  if (m_speaking || m_queue.empty()) return std::nullopt;
  m_speaking = m_queue.front();
  m_queue.pop_front();
  m_latest = m_speaking->call;
  m_highlightFromMs = nowMs;
  m_highlightUntilMs = std::numeric_limits<std::int64_t>::max();
  return m_speaking;
}

void DisplayModel::speechDone(std::uint64_t key, bool spoken, std::int64_t nowMs) {
  if (!m_speaking || m_speaking->key != key) return;
  m_speaking.reset();
  // Spoken: the highlight ends with the voice. Not spoken (no sound): it
  // still gets its time on the big panel.
  m_highlightUntilMs = spoken ? nowMs : std::max(nowMs, m_highlightFromMs + kHighlightMs);
}

std::optional<Announcement> DisplayModel::latestCall() const {
  if (m_speaking) return m_speaking->call;
  return m_latest;
}

bool DisplayModel::highlighted(std::int64_t nowMs) const {
  return m_latest && nowMs >= m_highlightFromMs && nowMs < m_highlightUntilMs;
}

bool DisplayModel::blinkOff(std::int64_t nowMs) const {
  const std::int64_t t = nowMs - m_highlightFromMs;
  return highlighted(nowMs) && t < 6 * kBlinkMs && (t / kBlinkMs) % 2 == 0;
}

std::vector<core::CounterCall> DisplayModel::recentCalls(std::size_t n) const {
  std::vector<core::CounterCall> out;
  const auto big = latestCall();
  std::set<std::string> waiting;
  for (const auto& q : m_queue) waiting.insert(q.call.ticket);
  for (const auto& c : m_board.recent) {
    if (out.size() >= n) break;
    // The big panel's call and those still to be said join the list once spoken.
    if ((big && c.ticket == big->ticket) || waiting.count(c.ticket)) continue;
    out.push_back(c);
  }
  return out;
}

int DisplayModel::waiting(const std::string& service) const {
  for (const auto& [svc, n] : m_board.waiting)
    if (svc == service) return n;
  return 0;
}

int DisplayModel::estimatedWaitMinutes(const std::string& service, std::int64_t nowMs) const {
  const int n = waiting(service);
  if (n <= 0) return 0;
  std::int64_t first = 0;
  int calls = 0;
  for (const auto& [svc, at] : m_callTimes)
    if (svc == service && at >= nowMs - kHourMs) {
      if (calls++ == 0) first = at;
    }
  double perVisitorMin = 5.0;
  if (calls >= 3 && nowMs > first) {
    perVisitorMin = static_cast<double>(nowMs - first) / 60000.0 / calls;
  } else {
    int counters = 0;
    for (const auto& c : m_board.current) counters += c.service == service || c.service.empty();
    perVisitorMin /= std::max(1, counters);
  }
  return std::max(1, static_cast<int>(n * perVisitorMin + 0.5));
}

std::string DisplayModel::serviceOfTicket(const std::string& ticket) const {
  const auto n = core::TicketNumber::parse(ticket);
  if (!n) return {};
  for (const auto& s : m_services)
    if (s.prefix == n->prefix) return s.code;
  return {};
}

}  // namespace lpse::display

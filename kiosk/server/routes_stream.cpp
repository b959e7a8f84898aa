// The push stream: server-sent events, one per log event, with the log's
// sequence number as the SSE id. A client that reconnects with
// Last-Event-ID (or ?after=N) gets everything after it, from the log.
#include <httplib.h>

#include <charconv>

#include <nlohmann/json.hpp>

#include "kiosk/api/wire.hpp"
#include "kiosk/server/event_hub.hpp"
#include "kiosk/server/queue_server.hpp"

namespace lpse::server {

namespace {

std::int64_t parseSeq(const std::string& s) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 0) return 0;
  return v;
}

// Only what a public display may see: no case payload, no actor.
std::string frame(const store::EventRecord& e) {
  api::StreamEvent se{e.seq, e.atMs, e.kind, e.caseId, e.ticket, e.counter};
  return "id: " + std::to_string(e.seq) + "\nevent: " + e.kind + "\ndata: " + api::toJson(se).dump() + "\n\n";
}

}  // namespace

void QueueServer::routeStream() {
  m_http->Get("/api/events", [this](const httplib::Request& req, httplib::Response& res) {
    if (!authorize(req, res, {})) return;
    // A stream outlives its request: the credential is checked again at each
    // keep-alive, so a revoked device or ended session is cut off within
    // one interval.
    const std::string bearer = req.get_header_value("Authorization").substr(7);
    // With Last-Event-ID (or ?after=N) the stream replays from there; with
    // neither it starts live, and says where with a "hello" event so the
    // client can resume from that point if the connection drops.
    std::int64_t after = 0;
    bool live = false;
    if (req.has_header("Last-Event-ID")) {
      after = parseSeq(req.get_header_value("Last-Event-ID"));
    } else if (req.has_param("after")) {
      after = parseSeq(req.get_param_value("after"));
    } else {
      after = m_store.lastSeq();
      live = true;
    }
    // Far behind (a display switched off for a week): what it missed is in
    // the board, not worth replaying event by event.
    const std::int64_t end = m_store.lastSeq();
    const char* opening = live ? "hello" : nullptr;
    if (!live && end - after > m_options.maxReplay) {
      after = end;
      opening = "snapshot";
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_header("X-Accel-Buffering", "no");
    res.set_chunked_content_provider("text/event-stream", [this, after, opening, bearer](std::size_t, httplib::DataSink& sink) mutable {
      if (m_hub->stopping()) return false;
      if (opening) {
        api::StreamEvent marker{after, 0, opening, 0, "", ""};
        std::string f = "id: " + std::to_string(after) + "\nevent: " + opening + "\ndata: " + api::toJson(marker).dump() + "\n\n";
        opening = nullptr;
        if (!sink.write(f.data(), f.size())) return false;
      }
      auto events = m_store.eventsAfter(after, 200);
      if (events.empty()) {
        m_hub->waitAfter(after, m_options.keepAlive);
        if (m_hub->stopping()) return false;
        events = m_store.eventsAfter(after, 200);
        // A comment line keeps proxies and the client's liveness check happy.
        if (events.empty()) {
          if (!m_access.authenticate(bearer, nowMs())) return false;
          static const std::string ping = ": ping\n\n";
          return sink.write(ping.data(), ping.size());
        }
      }
      std::string out;
      for (const auto& e : events) {
        out += frame(e);
        after = e.seq;
      }
      return sink.write(out.data(), out.size());
    });
  });
}

}  // namespace lpse::server

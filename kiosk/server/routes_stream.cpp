// The push stream: server-sent events, one per log event, with the log's
// sequence number as the SSE id. A client that reconnects with
// Last-Event-ID (or ?after=N) gets everything after it, from the log.
// Streams take their frames from the one shared reader (event_fanout.hpp);
// only one far behind reads the log itself.
#include <httplib.h>

#include <algorithm>
#include <charconv>
#include <chrono>

#include <nlohmann/json.hpp>

#include "kiosk/api/wire.hpp"
#include "kiosk/server/event_fanout.hpp"
#include "kiosk/server/queue_server.hpp"

namespace lpse::server {

namespace {

using SteadyClock = std::chrono::steady_clock;

std::int64_t parseSeq(const std::string& s) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 0) return 0;
  return v;
}

std::string markerFrame(std::int64_t seq, const char* kind) {
  api::StreamEvent marker{seq, 0, kind, 0, "", ""};
  return "id: " + std::to_string(seq) + "\nevent: " + kind + "\ndata: " + api::toJson(marker).dump() + "\n\n";
}

}  // namespace

// Only what a public display may see: no case payload, no actor.
std::string streamFrame(const store::EventRecord& e) {
  api::StreamEvent se{e.seq, e.atMs, e.kind, e.caseId, e.ticket, e.counter};
  return "id: " + std::to_string(e.seq) + "\nevent: " + e.kind + "\ndata: " + api::toJson(se).dump() + "\n\n";
}

void QueueServer::routeStream() {
  m_http->Get("/api/events", [this](const httplib::Request& req, httplib::Response& res) {
    // Taken before the credential is checked: a credential that ends from
    // here on wakes this stream, which then checks again and closes.
    std::uint64_t epoch = m_fanout->credentialEpoch();
    if (!authorize(req, res, {})) return;
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
    auto lastWrite = SteadyClock::now();
    auto lastCheck = lastWrite;
    res.set_chunked_content_provider(
        "text/event-stream",
        [this, after, opening, bearer, epoch, lastWrite, lastCheck](std::size_t, httplib::DataSink& sink) mutable {
          if (opening) {
            const std::string f = markerFrame(after, opening);
            opening = nullptr;
            lastWrite = SteadyClock::now();
            return sink.write(f.data(), f.size());
          }
          const auto keepAlive = m_options.keepAlive;
          const auto waitFor = std::max(std::chrono::milliseconds(1),
                                        std::chrono::duration_cast<std::chrono::milliseconds>(
                                            lastWrite + keepAlive - SteadyClock::now()));
          auto next = m_fanout->next(after, epoch, waitFor);
          if (next.stopping) return false;
          // A credential ends for every stream it holds at once, busy or
          // quiet; the keep-alive check also catches a session's expiry.
          const auto now = SteadyClock::now();
          if (next.credentialsEnded || now - lastCheck >= keepAlive) {
            epoch = m_fanout->credentialEpoch();
            lastCheck = now;
            if (!m_access.authenticate(bearer, nowMs())) return false;
          }
          std::string out;
          if (next.behind) {
            // Older than the shared window: this stream reads the log.
            for (const auto& e : m_store.eventsAfter(after, 200)) {
              out += streamFrame(e);
              after = e.seq;
            }
          } else if (!next.frames.empty()) {
            out = std::move(next.frames);
            after = next.last;
          }
          if (out.empty()) {
            if (now - lastWrite < keepAlive) return true;  // woken early, nothing to send
            // A comment line keeps proxies and the client's liveness check happy.
            out = ": ping\n\n";
          }
          lastWrite = now;
          return sink.write(out.data(), out.size());
        });
  });
}

}  // namespace lpse::server

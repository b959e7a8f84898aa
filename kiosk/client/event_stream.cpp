#include "kiosk/client/event_stream.hpp"

#include <httplib.h>

#include <chrono>
#include <random>

#include <nlohmann/json.hpp>

#include "kiosk/client/sse_parser.hpp"

namespace lpse::client {

EventStream::EventStream(std::string baseUrl, Credential credential, std::int64_t afterSeq, Callbacks callbacks)
    : m_baseUrl(std::move(baseUrl)), m_credential(std::move(credential)), m_cb(std::move(callbacks)), m_lastSeq(afterSeq) {
  m_thread = std::thread([this] { run(); });
}

EventStream::~EventStream() { stop(); }

void EventStream::stop() {
  if (!m_stopping.exchange(true)) {
    std::lock_guard lock(m_clientMutex);
    if (m_active) m_active->stop();
  }
  if (m_thread.joinable()) m_thread.join();
}

void EventStream::setOnline(bool on) {
  if (m_online.exchange(on) != on && m_cb.onOnline) m_cb.onOnline(on);
}

void EventStream::run() {
  std::mt19937 rng(std::random_device{}());
  int failures = 0;
  while (!m_stopping) {
    httplib::Client http(m_baseUrl);
    http.set_connection_timeout(1, 0);
    http.set_tcp_nodelay(true);
    // The server pings every 10 s; silence longer than this means it is gone.
    http.set_read_timeout(15, 0);
    if (!trustedCertificate().empty()) http.set_ca_cert_path(trustedCertificate().c_str());
    {
      std::lock_guard lock(m_clientMutex);
      if (m_stopping) break;
      m_active = &http;
    }
    SseParser parser([this](const SseMessage& m) {
      auto j = api::parseJson(m.data);
      if (!j) return;
      auto e = api::streamEventFromJson(*j);
      if (!e) return;
      if (e->kind == "hello") {  // a live start: resume from here next time
        if (m_lastSeq < 0) m_lastSeq = e->seq;
        return;
      }
      if (e->kind == "snapshot") {  // too far behind: re-read the board, go on from here
        m_lastSeq = e->seq;
        if (m_cb.onEvent) m_cb.onEvent(*e);
        return;
      }
      if (e->seq <= m_lastSeq) return;  // replay overlap: never deliver twice
      m_lastSeq = e->seq;
      if (m_cb.onEvent) m_cb.onEvent(*e);
    });
    httplib::Headers headers = {{"Authorization", "Bearer " + m_credential.token}};
    if (m_lastSeq >= 0) headers.emplace("Last-Event-ID", std::to_string(m_lastSeq.load()));
    auto res = http.Get(
        "/api/events", headers,
        [&](const httplib::Response& r) {
          if ((r.status == 401 || r.status == 403) && m_cb.onRejected) m_cb.onRejected();
          if (r.status != 200) return false;
          setOnline(true);
          failures = 0;
          return true;
        },
        [&](const char* data, std::size_t len) {
          parser.feed(std::string_view(data, len));
          return !m_stopping.load();
        });
    {
      std::lock_guard lock(m_clientMutex);
      m_active = nullptr;
    }
    if (m_stopping) break;
    setOnline(false);
    (void)res;
    // Exponential backoff with jitter, so a restarted server is not hit by
    // every display at the same instant; capped so recovery stays quick.
    ++failures;
    int base = std::min(100 << std::min(failures, 5), 2000);
    int delay = std::uniform_int_distribution<int>(base / 2, base)(rng);
    for (int waited = 0; waited < delay && !m_stopping; waited += 20)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  setOnline(false);
}

}  // namespace lpse::client

#pragma once
// The push stream as a front-end sees it: a background thread that stays
// connected to /api/events, resumes after the last event it delivered
// (Last-Event-ID) so nothing is lost or doubled across reconnects, backs off
// with jitter while the server is away, and reports online/offline.
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "kiosk/api/wire.hpp"
#include "kiosk/client/api_client.hpp"

namespace httplib {
class Client;
}

namespace lpse::client {

class EventStream {
 public:
  struct Callbacks {
    std::function<void(const api::StreamEvent&)> onEvent;  // called on the stream thread
    std::function<void(bool online)> onOnline;             // called on the stream thread
    // The server refused the credential (401/403): retrying will not help
    // until someone registers the device or signs in again.
    std::function<void()> onRejected;
  };
  // Delivers events with seq > afterSeq; afterSeq < 0 starts live (only
  // events from the moment of connecting).
  EventStream(std::string baseUrl, Credential credential, std::int64_t afterSeq, Callbacks callbacks);
  ~EventStream();  // stops and joins

  bool online() const { return m_online; }
  std::int64_t lastSeq() const { return m_lastSeq; }
  void stop();

 private:
  void run();
  void setOnline(bool on);

  std::string m_baseUrl;
  Credential m_credential;
  Callbacks m_cb;
  std::atomic<std::int64_t> m_lastSeq;
  std::atomic<bool> m_online{false};
  std::atomic<bool> m_stopping{false};
  std::mutex m_clientMutex;
  httplib::Client* m_active = nullptr;  // the connection in progress, for stop()
  std::thread m_thread;
};

}  // namespace lpse::client

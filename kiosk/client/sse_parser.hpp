#pragma once
// Incremental parser of a text/event-stream body (WHATWG server-sent
// events): bytes in, complete messages out, whatever the chunking.
#include <functional>
#include <string>
#include <string_view>

namespace lpse::client {

struct SseMessage {
  std::string id, event, data;
};

class SseParser {
 public:
  explicit SseParser(std::function<void(const SseMessage&)> onMessage) : m_onMessage(std::move(onMessage)) {}
  void feed(std::string_view bytes);

 private:
  void line(std::string_view l);
  std::function<void(const SseMessage&)> m_onMessage;
  std::string m_buffer;
  SseMessage m_current;
  bool m_hasData = false;
};

}  // namespace lpse::client

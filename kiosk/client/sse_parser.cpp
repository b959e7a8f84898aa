#include "kiosk/client/sse_parser.hpp"

namespace lpse::client {

void SseParser::feed(std::string_view bytes) {
  m_buffer.append(bytes);
  std::size_t start = 0;
  for (;;) {
    std::size_t nl = m_buffer.find_first_of("\r\n", start);
    if (nl == std::string::npos) break;
    // A CR at the very end may be half of a CRLF still in flight.
    if (m_buffer[nl] == '\r' && nl + 1 == m_buffer.size()) break;
    line(std::string_view(m_buffer).substr(start, nl - start));
    start = nl + ((m_buffer[nl] == '\r' && m_buffer[nl + 1] == '\n') ? 2 : 1);
  }
  m_buffer.erase(0, start);
}

void SseParser::line(std::string_view l) {
  if (l.empty()) {  // blank line: dispatch
    if (m_hasData) m_onMessage(m_current);
    m_current.data.clear();
    m_current.event.clear();
    m_hasData = false;
    return;
  }
  if (l.front() == ':') return;  // comment (keep-alive)
  auto colon = l.find(':');
  std::string_view field = l.substr(0, colon);
  std::string_view value = colon == std::string_view::npos ? std::string_view{} : l.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (field == "data") {
    if (m_hasData) m_current.data += '\n';
    m_current.data += value;
    m_hasData = true;
  } else if (field == "event") {
    m_current.event = value;
  } else if (field == "id") {
    m_current.id = value;
  }
}

}  // namespace lpse::client

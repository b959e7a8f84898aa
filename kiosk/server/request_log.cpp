#include "kiosk/server/request_log.hpp"

#include <cctype>

namespace lpse::server {

namespace {

constexpr std::string_view kHidden = "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2";  // "•••"

bool looksLikeToken(std::string_view seg) {
  if (seg.size() < 16) return false;
  for (unsigned char c : seg)
    if (!std::isxdigit(c)) return false;
  return true;
}

}  // namespace

std::string redactPath(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  std::string_view previous;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view seg = path.substr(start, end - start);
    const bool secret = !seg.empty() && (previous == "tickets" || looksLikeToken(seg));
    out += secret ? kHidden : seg;
    if (end < path.size()) out += '/';
    previous = seg;
    start = end + 1;
  }
  return out;
}

std::optional<std::string> requestLogLine(std::string_view method, std::string_view path, int status,
                                          std::string_view remote, bool verbose) {
  const bool routine = path == "/api/health" && status == 200;
  if (routine && !verbose) return std::nullopt;
  std::string line = routine ? "level=debug" : (status >= 500 ? "level=error" : "level=info");
  line += " msg=\"request\" method=";
  line += method;
  line += " path=\"" + redactPath(path) + "\" status=" + std::to_string(status) + " remote=";
  line += remote;
  return line;
}

}  // namespace lpse::server

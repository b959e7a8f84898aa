#pragma once
// The server's line per request: what a person reading the log needs, and
// nothing that opens anything. Ticket QR tokens are permissions (a kiosk
// that scans one opens the visitor's guest-book entry), so they never reach
// the log: path segments that carry one are shown as "•••".
#include <optional>
#include <string>
#include <string_view>

namespace lpse::server {

// "/api/tickets/<token>/entry" -> "/api/tickets/•••/entry"; any segment of
// 16 or more hex digits (a token under another route) is hidden too.
std::string redactPath(std::string_view path);

// The log line for a finished request, or none for routine traffic that
// would bury the rest at info level: health checks (kiosks ask twice a
// second) answered 200. `verbose` logs those too, at level=debug.
std::optional<std::string> requestLogLine(std::string_view method, std::string_view path, int status,
                                          std::string_view remote, bool verbose);

}  // namespace lpse::server

// The desk-presence, closing and report calls of ApiClient (issues #12, #13).
#include <nlohmann/json.hpp>

#include "kiosk/api/wire.hpp"
#include "kiosk/api/wire_desks.hpp"
#include "kiosk/client/api_client.hpp"

namespace lpse::client {

using nlohmann::json;

namespace {
core::Error notUnderstood() {
  return core::makeError("bad_response", "Jawaban server tidak dikenali.", "The server's answer was not understood.");
}
}  // namespace

core::Status ApiClient::deskEvent(const std::string& counter, std::string_view kind, const std::string& reason) {
  auto r = request("POST", "/api/desks/events", api::toJson(api::DeskEvent{counter, std::string(kind), reason}).dump());
  if (!r) return r.error();
  return core::Ok{};
}

core::Result<std::vector<core::DeskStatus>> ApiClient::desks() {
  auto r = request("GET", "/api/desks", "");
  if (!r) return r.error();
  auto j = api::parseJson(*r);
  if (!j) return j.error();
  auto d = api::desksFromJson(*j);
  if (!d) return notUnderstood();
  return *d;
}

core::Result<int> ApiClient::closeDay() {
  auto r = request("POST", "/api/day/close", "{}");
  if (!r) return r.error();
  auto j = api::parseJson(*r);
  if (!j || !j->is_object() || !j->contains("closed") || !(*j)["closed"].is_number_integer()) return notUnderstood();
  return (*j)["closed"].get<int>();
}

core::Result<std::string> ApiClient::reportFile(const std::string& kind, const std::string& from,
                                                const std::string& to, const std::string& format) {
  // The three values come from fixed lists and dates the desk checked;
  // nothing here needs escaping.
  return request("GET", "/api/reports/" + kind + "?from=" + from + "&to=" + to + "&format=" + format, "");
}

}  // namespace lpse::client

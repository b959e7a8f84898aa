#include "kiosk/api/wire_desks.hpp"

#include "kiosk/api/json_reader.hpp"

namespace lpse::api {

using detail::Reader;

core::Result<DeskEvent> deskEventFromJson(const json& j) {
  Reader r(j, {"counter", "kind", "reason"});
  DeskEvent e{r.str("counter", true), r.str("kind", true), r.str("reason")};
  if (r.error()) return *r.error();
  if (!core::presenceAfter(e.kind)) return detail::badValue("kind");
  return e;
}

json toJson(const DeskEvent& e) {
  json j = {{"counter", e.counter}, {"kind", e.kind}};
  if (!e.reason.empty()) j["reason"] = e.reason;
  return j;
}

json toJson(const core::DeskStatus& d) {
  return {{"counter", d.counter},
          {"staff", d.staff},
          {"role", d.role},
          {"presence", std::string(core::toString(d.presence))},
          {"reason", d.reason},
          {"since_ms", d.sinceMs}};
}

core::Result<core::DeskStatus> deskStatusFromJson(const json& j) {
  Reader r(j, {"counter", "staff", "role", "presence", "reason", "since_ms"});
  core::DeskStatus d;
  d.counter = r.str("counter", true);
  d.staff = r.str("staff");
  d.role = r.str("role");
  const std::string p = r.str("presence", true);
  d.reason = r.str("reason");
  d.sinceMs = r.i64("since_ms");
  if (r.error()) return *r.error();
  if (p == "signed_in") d.presence = core::DeskPresence::SignedIn;
  else if (p == "on_break") d.presence = core::DeskPresence::OnBreak;
  else if (p == "signed_out") d.presence = core::DeskPresence::SignedOut;
  else return detail::badValue("presence");
  return d;
}

core::Result<std::vector<core::DeskStatus>> desksFromJson(const json& j) {
  if (!j.is_object() || !j.contains("desks") || !j["desks"].is_array()) return detail::missingField("desks");
  std::vector<core::DeskStatus> out;
  for (const auto& item : j["desks"]) {
    auto d = deskStatusFromJson(item);
    if (!d) return d.error();
    out.push_back(*d);
  }
  return out;
}

}  // namespace lpse::api

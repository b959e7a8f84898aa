#include "kiosk/api/wire_help.hpp"

#include "kiosk/api/json_reader.hpp"

namespace lpse::api {

using nlohmann::json;

json toJson(const core::HelpAlert& a) {
  return {{"id", a.id},
          {"device", a.device},
          {"raised_ms", a.raisedMs},
          {"acknowledged", a.acknowledged},
          {"acked_by", a.ackedBy},
          {"acked_ms", a.ackedMs}};
}

core::Result<core::HelpAlert> helpAlertFromJson(const json& j) {
  detail::Reader r(j, {"id", "device", "raised_ms", "acknowledged", "acked_by", "acked_ms"});
  core::HelpAlert a;
  a.id = r.i64("id", true);
  a.device = r.str("device", true);
  a.raisedMs = r.i64("raised_ms");
  a.acknowledged = r.boolean("acknowledged");
  a.ackedBy = r.str("acked_by");
  a.ackedMs = r.i64("acked_ms");
  if (r.error()) return *r.error();
  return a;
}

}  // namespace lpse::api

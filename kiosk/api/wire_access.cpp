#include "kiosk/api/wire_access.hpp"

#include "kiosk/api/json_reader.hpp"

namespace lpse::api {

using detail::Reader;

core::Result<LoginRequest> loginFromJson(const json& j) {
  Reader r(j, {"username", "password"});
  LoginRequest l{r.str("username", true), r.str("password", true)};
  if (r.error()) return *r.error();
  return l;
}

json toJson(const LoginRequest& l) { return {{"username", l.username}, {"password", l.password}}; }

json toJson(const SessionInfo& s) {
  json j = {{"id", s.id}, {"role", std::string(core::toString(s.role))}, {"expires_ms", s.expiresMs}};
  if (!s.displayName.empty()) j["display_name"] = s.displayName;
  if (!s.token.empty()) j["token"] = s.token;
  return j;
}

core::Result<SessionInfo> sessionFromJson(const json& j) {
  Reader r(j, {"token", "id", "display_name", "role", "expires_ms"});
  SessionInfo s;
  s.token = r.str("token");
  s.id = r.str("id", true);
  s.displayName = r.str("display_name");
  s.role = r.enumField("role", core::actorRoleFrom, core::ActorRole::Helpdesk, true);
  s.expiresMs = r.i64("expires_ms");
  if (r.error()) return *r.error();
  return s;
}

core::Result<NewStaff> newStaffFromJson(const json& j) {
  Reader r(j, {"username", "display_name", "password", "role"});
  NewStaff n;
  n.username = r.str("username", true);
  n.displayName = r.str("display_name", true);
  n.password = r.str("password", true);
  n.role = r.enumField("role", core::actorRoleFrom, core::ActorRole::Helpdesk, true);
  if (r.error()) return *r.error();
  return n;
}

core::Result<NewDevice> newDeviceFromJson(const json& j) {
  Reader r(j, {"id", "role"});
  NewDevice n;
  n.id = r.str("id", true);
  n.role = r.enumField("role", core::actorRoleFrom, core::ActorRole::Kiosk, true);
  if (r.error()) return *r.error();
  return n;
}

}  // namespace lpse::api

#pragma once
// The wire format of sign-in and of account management (staff, devices).
// Secrets travel only in requests (a password) or once in an answer (a new
// device token, a session token); nothing here is ever stored as sent.
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "kiosk/core/error.hpp"
#include "kiosk/core/sop.hpp"

namespace lpse::api {

using nlohmann::json;

// POST /api/login
struct LoginRequest {
  std::string username, password;
};
core::Result<LoginRequest> loginFromJson(const json&);
json toJson(const LoginRequest&);

// The answer to a login, and GET /api/me (token empty there).
struct SessionInfo {
  std::string token;
  std::string id;           // username or device id
  std::string displayName;  // staff only
  core::ActorRole role = core::ActorRole::Helpdesk;
  std::int64_t expiresMs = 0;  // 0 for devices: they do not expire
};
json toJson(const SessionInfo&);
core::Result<SessionInfo> sessionFromJson(const json&);

// POST /api/staff
struct NewStaff {
  std::string username, displayName, password;
  core::ActorRole role = core::ActorRole::Helpdesk;
};
core::Result<NewStaff> newStaffFromJson(const json&);

// POST /api/device-accounts
struct NewDevice {
  std::string id;
  core::ActorRole role = core::ActorRole::Kiosk;
};
core::Result<NewDevice> newDeviceFromJson(const json&);

}  // namespace lpse::api

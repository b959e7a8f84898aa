#include "kiosk/server/http_errors.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "kiosk/api/wire.hpp"

namespace lpse::server {

int statusFor(const core::Error& e) {
  static const std::map<std::string, int> byCode = {
      {"malformed_json", 400},     {"not_object", 400},       {"wrong_type", 400},
      {"missing_field", 400},      {"unknown_field", 400},    {"bad_value", 400},
      {"unauthenticated", 401},    {"forbidden_role", 403},   {"case_not_found", 404},
      {"ticket_not_found", 404},   {"visit_not_found", 404},  {"unknown_queue", 404},
      {"invalid_transition", 409}, {"storage_error", 503},    {"storage_corrupt", 500},
      {"login_failed", 401},       {"login_locked", 429},     {"staff_disabled", 403},
      {"staff_exists", 409},       {"staff_not_found", 404},  {"device_not_found", 404},
      {"crypto_memory", 503},      {"entry_purged", 410},
      {"help_not_found", 404},     {"priority_walk_in_only", 422},
      // The same Idempotency-Key with another body (the IETF draft's 422).
      {"idempotency_conflict", 422},
  };
  if (auto it = byCode.find(e.code); it != byCode.end()) return it->second;
  // Field validation (nip_*, phone_*, name_*, consent_required, ...).
  return 422;
}

void sendJson(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  // Invalid UTF-8 never reaches here unescaped: replace, never throw.
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void sendError(httplib::Response& res, const core::Error& e) { sendJson(res, statusFor(e), api::toJson(e)); }

void sendError(httplib::Response& res, int status, const std::string& code, const std::string& id,
               const std::string& en) {
  sendJson(res, status, api::toJson(core::makeError(code, id, en)));
}

}  // namespace lpse::server

#pragma once
// JSON answers: every error is {"error": {code, field, message: {id, en}}}
// with an HTTP status chosen from the error's code.
#include <httplib.h>

#include <nlohmann/json_fwd.hpp>

#include "kiosk/core/error.hpp"

namespace lpse::server {

int statusFor(const core::Error& e);
void sendJson(httplib::Response& res, int status, const nlohmann::json& body);
void sendError(httplib::Response& res, const core::Error& e);
void sendError(httplib::Response& res, int status, const std::string& code, const std::string& id,
               const std::string& en);

}  // namespace lpse::server

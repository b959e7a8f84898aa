#pragma once
// The JSON of the report routes (GET /api/reports/...) and of the data-
// rights routes (/api/persons/...): figures as numbers (minutes with their
// fractions), times as UTC ms, states and channels by their stable names.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kiosk/core/error.hpp"
#include "kiosk/report/person.hpp"
#include "kiosk/report/reports.hpp"

namespace lpse::api {

using nlohmann::json;

json toJson(const report::RegisterReport&);
json toJson(const report::ComplianceReport&);
json toJson(const report::ServiceReport&);
// Everything held about one person: {"entries": [...]}.
json personToJson(const std::vector<report::PersonEntry>&);

// Body of POST /api/persons/export and /api/persons/erase:
// {"nip": "..."} or {"phone": "..."}.
struct PersonKey {
  std::string nip, phone;
};
core::Result<PersonKey> personKeyFromJson(const json&);

}  // namespace lpse::api

#pragma once
// JSON <-> core types. Decoding is strict: an unknown field, a wrong type or
// a missing required field is an Error naming the field, so a bad request is
// refused whole instead of half-understood.
// Only json_fwd.hpp here: this header reaches every screen through the
// client, and the full nlohmann/json.hpp costs each file that includes it
// about a second of compile time. .cpp files that use json include it.
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "kiosk/core/case_record.hpp"
#include "kiosk/core/error.hpp"
#include "kiosk/core/sop.hpp"
#include "kiosk/core/visit.hpp"

namespace lpse::api {

using nlohmann::json;

json toJson(const core::Visit&);
core::Result<core::Visit> visitFromJson(const json&);
// A recalled guest-book entry: the visitor's fields only, no service,
// channel, documents or consent (those are chosen again at the kiosk).
json entryToJson(const core::Visit&);
core::Result<core::Visit> entryFromJson(const json&);

json toJson(const core::CaseRecord&);
core::Result<core::CaseRecord> caseFromJson(const json&);

json toJson(const core::IssuedTicket&);
core::Result<core::IssuedTicket> issuedFromJson(const json&);

json toJson(const core::Board&);
core::Result<core::Board> boardFromJson(const json&);

json toJson(const core::DeviceStatus&);
core::Result<core::DeviceStatus> deviceStatusFromJson(const json&);

json toJson(const core::ActionInput&);
// Body of POST /api/cases/{id}/actions: {"action": "...", ...ActionInput}.
core::Result<std::pair<core::Action, core::ActionInput>> actionFromJson(const json&);

json toJson(const core::CaseNote&);
core::Result<core::CaseNote> noteFromJson(const json&);

json toJson(const core::CaseStep&);
core::Result<core::CaseStep> stepFromJson(const json&);

json toJson(const core::Error&);
core::Error errorFromJson(const json&);

// A push-stream message: what happened, to which public ticket/counter.
// Carries no personal data: displays receive it.
struct StreamEvent {
  std::int64_t seq = 0;
  std::int64_t atMs = 0;
  std::string kind;  // "ticket_issued", "call", "recall", ...
  std::int64_t caseId = 0;
  std::string ticket, counter;
};
json toJson(const StreamEvent&);
core::Result<StreamEvent> streamEventFromJson(const json&);

// Parses text as JSON without throwing.
core::Result<json> parseJson(std::string_view text);

}  // namespace lpse::api

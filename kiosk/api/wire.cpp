#include "kiosk/api/wire.hpp"

#include "kiosk/api/json_reader.hpp"

namespace lpse::api {

using core::Error;
using core::makeError;
using detail::Reader;
using detail::badValue;
using detail::missingField;
using detail::wrongType;

namespace {

json documentsJson(const std::vector<core::Document>& docs) {
  json a = json::array();
  for (auto d : docs) a.push_back(std::string(core::toString(d)));
  return a;
}

}  // namespace

core::Result<json> parseJson(std::string_view text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded())
    return makeError("malformed_json", "Isi permintaan bukan JSON yang sah.", "The body is not valid JSON.");
  return j;
}

json toJson(const core::Visit& v) {
  json j = {{"service", v.service},   {"channel", core::toString(v.channel)},
          {"name", v.name},         {"nip", v.nip},
          {"role", core::toString(v.role)}, {"agency", v.agency},
          {"phone", v.phone},       {"email", v.email},
          {"purpose", v.purpose},   {"spse_user_id", v.spseUserId},
          {"documents", documentsJson(v.documents)}, {"consent", v.consent},
          {"language", v.language}, {"received_ms", v.receivedMs}};
  // Only when chosen: a server from before priority service refuses unknown fields.
  if (v.priority != core::PriorityCategory::None) j["priority"] = core::toString(v.priority);
  return j;
}

namespace {
// The guest-book fields a visit and a recalled entry share.
void readGuestFields(Reader& r, core::Visit& v) {
  v.name = r.str("name", true);
  v.nip = r.str("nip");
  v.role = r.enumField("role", core::visitorRoleFrom, core::VisitorRole::Ppk, true);
  v.agency = r.str("agency");
  v.phone = r.str("phone");
  v.email = r.str("email");
  v.purpose = r.str("purpose");
  v.spseUserId = r.str("spse_user_id");
}
}  // namespace

core::Result<core::Visit> visitFromJson(const json& j) {
  Reader r(j, {"service", "channel", "name", "nip", "role", "agency", "phone", "email", "purpose", "spse_user_id",
               "documents", "consent", "language", "received_ms", "priority"});
  core::Visit v;
  v.service = r.str("service", true);
  v.channel = r.enumField("channel", core::channelFrom, core::Channel::WalkIn);
  readGuestFields(r, v);
  v.documents = r.documents("documents");
  v.consent = r.boolean("consent");
  v.language = r.str("language");
  v.receivedMs = r.i64("received_ms");
  v.priority = r.enumField("priority", core::priorityCategoryFrom, core::PriorityCategory::None);
  if (v.language.empty()) v.language = "id";
  if (r.error()) return *r.error();
  if (v.language != "id" && v.language != "en") return badValue("language");
  if (v.receivedMs < 0) return badValue("received_ms");
  return v;
}

json entryToJson(const core::Visit& v) {
  return {{"name", v.name},       {"nip", v.nip},     {"role", core::toString(v.role)},
          {"agency", v.agency},   {"phone", v.phone}, {"email", v.email},
          {"purpose", v.purpose}, {"spse_user_id", v.spseUserId}};
}

core::Result<core::Visit> entryFromJson(const json& j) {
  Reader r(j, {"name", "nip", "role", "agency", "phone", "email", "purpose", "spse_user_id"});
  core::Visit v;
  readGuestFields(r, v);
  if (r.error()) return *r.error();
  return v;
}

json toJson(const core::CaseRecord& c) {
  json j = {{"id", c.id},
          {"visit_id", c.visitId},
          {"channel", core::toString(c.channel)},
          {"service", c.service},
          {"role", core::toString(c.role)},
          {"state", core::toString(c.state)},
          {"ticket", c.ticket},
          {"ticket_day", c.ticketDay},
          {"token", c.token},
          {"queue", c.queue},
          {"counter", c.counter},
          {"calls", c.calls},
          {"created_ms", c.createdMs},
          {"state_ms", c.stateMs},
          {"last_seq", c.lastSeq},
          {"priority", c.priority},
          {"received_ms", c.receivedMs}};
  if (c.priorityCategory != core::PriorityCategory::None) j["priority_category"] = core::toString(c.priorityCategory);
  return j;
}

core::Result<core::CaseRecord> caseFromJson(const json& j) {
  Reader r(j, {"id", "visit_id", "channel", "service", "role", "state", "ticket", "ticket_day", "token", "queue",
               "counter", "calls", "created_ms", "state_ms", "last_seq", "priority", "received_ms",
               "priority_category"});
  core::CaseRecord c;
  c.id = r.i64("id", true);
  c.visitId = r.i64("visit_id");
  c.channel = r.enumField("channel", core::channelFrom, core::Channel::WalkIn);
  c.service = r.str("service");
  c.role = r.enumField("role", core::visitorRoleFrom, core::VisitorRole::Ppk);
  c.state = r.enumField("state", core::caseStateFrom, core::CaseState::Waiting, true);
  c.ticket = r.str("ticket");
  c.ticketDay = r.str("ticket_day");
  c.token = r.str("token");
  c.queue = r.str("queue");
  c.counter = r.str("counter");
  c.calls = static_cast<int>(r.i64("calls"));
  c.createdMs = r.i64("created_ms");
  c.stateMs = r.i64("state_ms");
  c.lastSeq = r.i64("last_seq");
  c.priority = static_cast<int>(r.i64("priority"));
  c.receivedMs = r.i64("received_ms");
  c.priorityCategory = r.enumField("priority_category", core::priorityCategoryFrom, core::PriorityCategory::None);
  if (r.error()) return *r.error();
  return c;
}

json toJson(const core::IssuedTicket& t) {
  json j = {{"case", toJson(t.kase)}, {"ahead", t.ahead}};
  if (t.replayed) j["replayed"] = true;
  return j;
}

core::Result<core::IssuedTicket> issuedFromJson(const json& j) {
  if (!j.is_object() || !j.contains("case")) return missingField("case");
  auto c = caseFromJson(j["case"]);
  if (!c) return c.error();
  core::IssuedTicket t{*c, 0};
  if (j.contains("ahead") && j["ahead"].is_number_integer()) t.ahead = j["ahead"].get<int>();
  t.replayed = j.contains("replayed") && j["replayed"].is_boolean() && j["replayed"].get<bool>();
  return t;
}

namespace {
json callJson(const core::CounterCall& c) {
  return {{"counter", c.counter}, {"ticket", c.ticket}, {"service", c.service}, {"at_ms", c.atMs}};
}
core::Result<std::vector<core::CounterCall>> callsFromJson(const json& j, const std::string& field) {
  std::vector<core::CounterCall> out;
  if (!j.is_array()) return wrongType(field, "daftar/a list");
  for (const auto& e : j) {
    Reader r(e, {"counter", "ticket", "service", "at_ms"});
    core::CounterCall c{r.str("counter"), r.str("ticket"), r.str("service"), r.i64("at_ms")};
    if (r.error()) return *r.error();
    out.push_back(c);
  }
  return out;
}
}  // namespace

json toJson(const core::Board& b) {
  json cur = json::array(), rec = json::array(), waiting = json::object();
  for (const auto& c : b.current) cur.push_back(callJson(c));
  for (const auto& c : b.recent) rec.push_back(callJson(c));
  for (const auto& [svc, n] : b.waiting) waiting[svc] = n;
  return {{"current", cur}, {"recent", rec}, {"waiting", waiting}, {"waiting_admin", b.waitingAdmin}, {"seq", b.seq}};
}

core::Result<core::Board> boardFromJson(const json& j) {
  if (!j.is_object()) return wrongType("board", "objek/an object");
  core::Board b;
  auto cur = callsFromJson(j.value("current", json::array()), "current");
  if (!cur) return cur.error();
  auto rec = callsFromJson(j.value("recent", json::array()), "recent");
  if (!rec) return rec.error();
  b.current = *cur;
  b.recent = *rec;
  if (j.contains("waiting") && j["waiting"].is_object())
    for (const auto& [svc, n] : j["waiting"].items())
      if (n.is_number_integer()) b.waiting.emplace_back(svc, n.get<int>());
  Reader r(j, {"current", "recent", "waiting", "waiting_admin", "seq"});
  b.waitingAdmin = static_cast<int>(r.i64("waiting_admin"));
  b.seq = r.i64("seq");
  if (r.error()) return *r.error();
  return b;
}

json toJson(const core::DeviceStatus& d) {
  return {{"device", d.device}, {"part", d.part}, {"ok", d.ok}, {"state", d.state}, {"detail", d.detail},
          {"at_ms", d.atMs}};
}

core::Result<core::DeviceStatus> deviceStatusFromJson(const json& j) {
  Reader r(j, {"device", "part", "ok", "state", "detail", "at_ms"});
  core::DeviceStatus d;
  d.device = r.str("device");
  d.part = r.str("part", true);
  d.ok = r.boolean("ok");
  d.state = r.str("state");
  d.detail = r.str("detail");
  d.atMs = r.i64("at_ms");
  if (r.error()) return *r.error();
  if (d.part != "printer" && d.part != "camera")
    return badValue("part");
  if (d.state.size() > 40 || d.detail.size() > 300)
    return makeError("too_long", "Keterangan perangkat terlalu panjang.", "The device report is too long.", "detail");
  return d;
}

json toJson(const core::ActionInput& in) {
  json j = {{"missing", documentsJson(in.missing)}, {"basis", in.basis}, {"reason", in.reason}, {"counter", in.counter}};
  // The newer fields only when set, so older servers keep understanding the common steps.
  if (!in.returned.empty()) j["returned"] = documentsJson(in.returned);
  if (!in.outcome.empty()) j["outcome"] = in.outcome;
  if (!in.reference.empty()) j["reference"] = in.reference;
  if (!in.service.empty()) j["service"] = in.service;
  if (!in.note.empty()) j["note"] = in.note;
  return j;
}

core::Result<std::pair<core::Action, core::ActionInput>> actionFromJson(const json& j) {
  Reader r(j, {"action", "missing", "basis", "reason", "counter", "returned", "outcome", "reference", "service", "note"});
  auto action = r.enumField("action", core::actionFrom, core::Action::Call, true);
  core::ActionInput in;
  in.missing = r.documents("missing");
  in.returned = r.documents("returned");
  in.basis = r.str("basis");
  in.reason = r.str("reason");
  in.counter = r.str("counter");
  in.outcome = r.str("outcome");
  in.reference = r.str("reference");
  in.service = r.str("service");
  in.note = r.str("note");
  if (r.error()) return *r.error();
  return std::pair{action, in};
}

json toJson(const core::CaseNote& n) {
  return {{"seq", n.seq}, {"at_ms", n.atMs}, {"actor", n.actor}, {"action", n.action}, {"text", n.text}};
}

core::Result<core::CaseNote> noteFromJson(const json& j) {
  Reader r(j, {"seq", "at_ms", "actor", "action", "text"});
  core::CaseNote n{r.i64("seq"), r.i64("at_ms"), r.str("actor"), r.str("action"), r.str("text", true)};
  if (r.error()) return *r.error();
  return n;
}

json toJson(const core::CaseStep& st) {
  return {{"seq", st.seq}, {"at_ms", st.atMs}, {"kind", st.kind}, {"actor", st.actor}, {"counter", st.counter},
          {"code", st.code}};
}

core::Result<core::CaseStep> stepFromJson(const json& j) {
  Reader r(j, {"seq", "at_ms", "kind", "actor", "counter", "code"});
  core::CaseStep st{r.i64("seq"), r.i64("at_ms"), r.str("kind", true), r.str("actor"), r.str("counter"), r.str("code")};
  if (r.error()) return *r.error();
  return st;
}

json toJson(const core::Error& e) {
  return {{"error", {{"code", e.code}, {"field", e.field}, {"message", {{"id", e.id}, {"en", e.en}}}}}};
}

core::Error errorFromJson(const json& j) {
  if (j.is_object() && j.contains("error") && j["error"].is_object()) {
    // Read what is there and of the right type; an odd error body must not
    // throw out of the client.
    auto text = [](const json& o, const char* k, const char* fallback) {
      return o.contains(k) && o[k].is_string() ? o[k].get<std::string>() : std::string(fallback);
    };
    const auto& e = j["error"];
    core::Error out;
    out.code = text(e, "code", "unknown");
    out.field = text(e, "field", "");
    if (e.contains("message") && e["message"].is_object()) {
      out.id = text(e["message"], "id", "");
      out.en = text(e["message"], "en", "");
    }
    return out;
  }
  return makeError("bad_response", "Jawaban server tidak dikenali.", "The server's answer was not understood.");
}

json toJson(const StreamEvent& e) {
  return {{"seq", e.seq}, {"at_ms", e.atMs}, {"kind", e.kind}, {"case_id", e.caseId}, {"ticket", e.ticket},
          {"counter", e.counter}};
}

core::Result<StreamEvent> streamEventFromJson(const json& j) {
  Reader r(j, {"seq", "at_ms", "kind", "case_id", "ticket", "counter"});
  StreamEvent e{r.i64("seq", true), r.i64("at_ms"), r.str("kind", true), r.i64("case_id"), r.str("ticket"),
                r.str("counter")};
  if (r.error()) return *r.error();
  return e;
}

}  // namespace lpse::api

#include "kiosk/api/wire_reports.hpp"

#include "kiosk/api/json_reader.hpp"
#include "kiosk/api/wire.hpp"

namespace lpse::api {

namespace {

json period(const report::Period& p) { return {{"from", p.from.iso()}, {"to", p.to.iso()}}; }

json durations(const report::Durations& d) {
  return {{"count", d.count}, {"mean_min", d.meanMin}, {"median_min", d.medianMin}, {"p90_min", d.p90Min}};
}

}  // namespace

json toJson(const report::RegisterReport& r) {
  json rows = json::array();
  for (const auto& x : r.rows)
    rows.push_back({{"case_id", x.caseId},
                    {"created_ms", x.createdMs},
                    {"name", x.name},
                    {"nip", x.nip},
                    {"agency", x.agency},
                    {"role", x.role},
                    {"service", x.service},
                    {"channel", x.channel},
                    {"ticket", x.ticket},
                    {"state", x.state},
                    {"purged", x.purged}});
  return {{"report", "register"}, {"period", period(r.period)}, {"walk_in", r.walkIn},
          {"email", r.email},     {"by_state", r.byState},      {"rows", rows}};
}

json toJson(const report::ComplianceReport& r) {
  json rows = json::array(), breaches = json::array();
  for (const auto& x : r.rows)
    rows.push_back({{"step", x.step},
                    {"channel", core::toString(x.channel)},
                    {"standard_min", x.standardMin},
                    {"duration", durations(x.duration)},
                    {"within", x.within},
                    {"share_within", x.share}});
  for (const auto& b : r.breaches)
    breaches.push_back({{"case_id", b.caseId},
                        {"ticket", b.ticket},
                        {"channel", core::toString(b.channel)},
                        {"step", b.step},
                        {"start_ms", b.startMs},
                        {"minutes", b.minutes},
                        {"standard_min", b.standardMin},
                        {"staff", b.staff}});
  return {{"report", "compliance"}, {"period", period(r.period)}, {"steps", rows}, {"breaches", breaches}};
}

json toJson(const report::ServiceReport& r) {
  json slots = json::array(), services = json::array(), staff = json::array();
  for (const auto& s : r.slots) slots.push_back({{"minute_of_day", s.minuteOfDay}, {"arrivals", s.arrivals}});
  for (const auto& s : r.services)
    services.push_back({{"service", s.service},
                        {"arrivals", s.arrivals},
                        {"walk_in", s.walkIn},
                        {"email", s.email},
                        {"called", s.called},
                        {"no_shows", s.noShows},
                        {"no_show_rate", s.noShowRate},
                        {"wait", durations(s.wait)},
                        {"service_time", durations(s.served)},
                        {"recalls", s.recalls},
                        {"transfers", s.transfers},
                        {"unserved_at_close", s.unservedAtClose},
                        {"priority", s.priority},
                        {"priority_by_category", s.priorityByCategory},
                        {"priority_wait", durations(s.priorityWait)}});
  for (const auto& s : r.staff)
    staff.push_back({{"staff", s.staff},
                     {"called", s.called},
                     {"wait", durations(s.wait)},
                     {"service_time", durations(s.served)},
                     {"recalls", s.recalls},
                     {"transfers", s.transfers},
                     {"breaks", s.breaks}});
  return {{"report", "service"}, {"period", period(r.period)}, {"arrivals_per_30_min", slots},
          {"services", services}, {"staff", staff},             {"breaks", r.breaks}};
}

json personToJson(const std::vector<report::PersonEntry>& entries) {
  json out = json::array();
  for (const auto& e : entries) {
    json cases = json::array(), events = json::array();
    for (const auto& c : e.cases) {
      json cj = toJson(c);
      cj.erase("token");  // a bearer secret of the ticket, not data about the person
      cases.push_back(cj);
    }
    for (const auto& ev : e.events)
      events.push_back({{"seq", ev.seq},
                        {"at_ms", ev.atMs},
                        {"case_id", ev.caseId},
                        {"actor", ev.actor},
                        {"role", ev.role},
                        {"kind", ev.kind},
                        {"ticket", ev.ticket},
                        {"counter", ev.counter}});
    json notes = json::array();
    for (const auto& n : e.notes)
      notes.push_back(
          {{"case_id", n.caseId}, {"at_ms", n.atMs}, {"actor", n.actor}, {"action", n.action}, {"text", n.text}});
    out.push_back({{"visit_id", e.visitId},
                   {"created_ms", e.createdMs},
                   {"entry", toJson(e.visit)},
                   {"purged", e.purged},
                   {"purged_ms", e.purgedMs},
                   {"consent_withdrawn", e.consentWithdrawn},
                   {"cases", cases},
                   {"events", events},
                   {"notes", notes}});
  }
  return {{"entries", out}};
}

core::Result<PersonKey> personKeyFromJson(const json& j) {
  detail::Reader r(j, {"nip", "phone"});
  PersonKey k;
  k.nip = r.str("nip");
  k.phone = r.str("phone");
  if (auto e = r.error()) return *e;
  if (k.nip.empty() == k.phone.empty())
    return core::makeError("person_key", "Sebutkan tepat satu: NIP atau nomor telepon.",
                           "Give exactly one of NIP or phone number.", "nip");
  return k;
}

}  // namespace lpse::api

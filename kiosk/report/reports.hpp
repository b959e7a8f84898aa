#pragma once
// The three reports of the head of office, computed from rows the store
// supplies (the guest book joined with the cases; the facts of the event
// log, case_facts.hpp). docs/REPORTS.md says what each figure answers and
// how it is computed.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "kiosk/core/calendar.hpp"
#include "kiosk/core/sop.hpp"
#include "kiosk/report/case_facts.hpp"
#include "kiosk/report/stats.hpp"

namespace lpse::report {

// Whole local days, both ends included.
struct Period {
  core::LocalDate from, to;
};
// "2026-03-01", "2026-03-31" (to empty: the same day), at most kMaxPeriodDays
// long; otherwise an error naming the field, in both languages.
inline constexpr int kMaxPeriodDays = 400;
core::Result<Period> parsePeriod(const std::string& from, const std::string& to);

// ---- Buku tamu: the register ----
struct RegisterRow {
  std::int64_t caseId = 0;
  std::int64_t createdMs = 0;
  std::string name, nip, agency, phone, email;
  std::string role;     // core::VisitorRole name
  std::string service;  // service code
  std::string channel;  // core::Channel name
  std::string ticket;   // empty for e-mail
  std::string state;    // core::CaseState name: the outcome, or where it stands
  bool purged = false;  // personal fields emptied (retention, erasure)
  std::string priority; // priority service category code (core/priority.hpp); empty: ordinary
};

struct RegisterReport {
  Period period;
  std::vector<RegisterRow> rows;  // by time of arrival
  int walkIn = 0, email = 0;
  std::map<std::string, int> byState;
};
RegisterReport makeRegister(Period p, std::vector<RegisterRow> rows);

// ---- Mutu Baku compliance ----
struct StepRow {
  int step = 0;
  core::Channel channel = core::Channel::WalkIn;
  int standardMin = 0;  // 0 for e-mail step 4, whose standard is "the same working day"
  Durations duration;   // working minutes
  int within = 0;
  double share = 0;     // within / count (0 when count is 0)
};
struct Breach {
  std::int64_t caseId = 0;
  std::string ticket;
  core::Channel channel = core::Channel::WalkIn;
  int step = 0;
  std::int64_t startMs = 0;
  double minutes = 0;   // working minutes
  int standardMin = 0;  // 0: same working day
  std::string staff;    // who ended the step
};
struct ComplianceReport {
  Period period;
  std::vector<StepRow> rows;     // by step, walk-in before e-mail
  std::vector<Breach> breaches;  // by start time
};
ComplianceReport makeCompliance(Period p, const DayFacts& facts, const core::TimeStandards& standards);

// ---- Service ----
struct SlotRow {
  int minuteOfDay = 0;  // local start of the 30-minute slot
  int arrivals = 0;     // over the whole period
};
struct ServiceRow {
  std::string service;  // code; "*" for all services
  int arrivals = 0, walkIn = 0, email = 0;
  int called = 0, noShows = 0;
  double noShowRate = 0;  // no-shows / called walk-ins
  Durations wait, served;
  int recalls = 0, transfers = 0, unservedAtClose = 0;
  // Priority service (issue #14): priority tickets, and how long they waited.
  int priority = 0;
  std::map<std::string, int> priorityByCategory;  // category code -> tickets
  Durations priorityWait;
};
struct StaffRow {
  std::string staff;  // actor id
  int called = 0;
  Durations wait, served;
  int recalls = 0, transfers = 0, breaks = 0;
};
struct ServiceReport {
  Period period;
  std::vector<SlotRow> slots;        // only slots with arrivals, by time
  std::vector<ServiceRow> services;  // each service, then "*"
  std::vector<StaffRow> staff;       // by actor id
  int breaks = 0;
};
ServiceReport makeService(Period p, const DayFacts& facts, const core::WorkingCalendar& cal);

}  // namespace lpse::report

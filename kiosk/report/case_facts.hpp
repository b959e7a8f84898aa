#pragma once
// What the reports need to know about each case, distilled from its events
// once: when it was called, how long it waited and was served (in working
// time), how long each SOP step took, who acted. Facts are plain fixed-size
// records so a day's worth can be cached as one blob and read back with a
// copy (facts_codec.hpp); a year of a busy office is 2.5 million of them.
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/calendar.hpp"
#include "kiosk/core/priority.hpp"
#include "kiosk/core/sop.hpp"

namespace lpse::report {

// One row of the event log as the reports read it. `from`/`to` are the case
// states the event's payload names (empty when it names none); `channel`
// and `service` are set on the events that open a case.
struct LogEvent {
  std::int64_t seq = 0;
  std::int64_t atMs = 0;
  std::int64_t caseId = 0;  // 0: not about a case (a break, a device report)
  std::string actor, kind, ticket, counter;
  std::string from, to, channel, service;
  std::string priority;  // the opening event's priority category code (core/priority.hpp), if any
};

inline constexpr std::uint8_t kOpen = 255;  // CaseFact::outcome of a case not closed

// 48 bytes; working durations fit 32 bits (2^31 ms is ~74 eight-hour days).
struct CaseFact {
  std::int64_t caseId = 0;
  std::int64_t createdMs = 0;
  std::int32_t waitMs = -1;     // working ms from arrival to the first call (e-mail: opened); -1: never
  std::int32_t serviceMs = -1;  // working ms of the helpdesk's first turn; -1: none (no-show, still there)
  std::int16_t serviceIdx = 0;  // into DayFacts::services
  std::int16_t staffIdx = -1;   // who called / opened it, into DayFacts::staff
  std::uint8_t channel = 0;     // core::Channel
  std::uint8_t outcome = kOpen; // core::CaseState once closed
  std::uint8_t recalls = 0;
  std::uint8_t transfers = 0;
  std::uint8_t unservedAtClose = 0;  // walk-in not called before its day's closing time
  std::uint8_t priority = 0;         // core::PriorityCategory: a priority ticket (issue #14)
  char ticket[10] = {};              // "R-001", NUL-terminated
};

// One SOP step of one case: from the event that put the case into the
// step's state(s) to the event that took it out. 32 bytes.
struct StepFact {
  std::int64_t caseId = 0;
  std::int64_t startMs = 0;
  std::int32_t workMs = 0;     // working ms between start and end
  std::int16_t staffIdx = -1;  // who ended the step
  std::uint8_t step = 0;
  std::uint8_t channel = 0;
  std::uint8_t inDeadline = 0;  // e-mail step 4: opened by the close of the working day it arrived
  std::uint8_t pad[3] = {};
};

// A break taken by a staff member: an event whose kind starts with "break"
// and does not end in "end" (the desk's break events).
struct BreakFact {
  std::int64_t atMs = 0;
  std::int32_t staffIdx = -1;
  std::int32_t pad = 0;
};

// The facts of the cases opened on one local day (or a merged range).
struct DayFacts {
  std::vector<std::string> services;  // service codes, by index
  std::vector<std::string> staff;     // actor ids, by index
  std::vector<CaseFact> cases;
  std::vector<StepFact> steps;
  std::vector<BreakFact> breaks;
};

// Builds the facts of the cases whose opening event falls in [fromMs, toMs).
// `events` must be grouped by case and in log order within a case (the
// store's ORDER BY case_id, seq); events with caseId 0 may come anywhere.
// Kinds it does not know are skipped, except that an unknown kind naming a
// known `to` state still moves the case there (a later event kind).
// Only steps with a standard (hasStandard) are kept.
DayFacts buildFacts(const std::vector<LogEvent>& events, std::int64_t fromMs, std::int64_t toMs,
                    const core::WorkingCalendar& cal, const core::TimeStandards& standards);

// Appends `more` to `into`, remapping service and staff indexes.
void mergeFacts(DayFacts& into, const DayFacts& more);

// The steps a compliance report covers: those with a time standard, and
// step 4 of the e-mail channel (opened on the working day it arrived).
bool hasStandard(int step, core::Channel channel, const core::TimeStandards& standards);

}  // namespace lpse::report

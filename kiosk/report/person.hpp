#pragma once
// Everything held about one person (a visitor's right of access, UU 27/2022
// Art. 7): each guest-book entry with its cases and their logged steps.
// Filled by the store (ReportStore::findPerson); written as JSON (kiosk/api)
// and as a readable PDF (report_export).
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/case_record.hpp"
#include "kiosk/core/visit.hpp"

namespace lpse::report {

struct PersonEvent {
  std::int64_t seq = 0, atMs = 0, caseId = 0;
  std::string actor, role, kind, ticket, counter;
};

// A free-text note staff wrote on one of the person's cases (the desk's
// case_notes table, kept outside the log).
struct PersonNote {
  std::int64_t caseId = 0, atMs = 0;
  std::string actor, action, text;
};

struct PersonEntry {
  std::int64_t visitId = 0;
  std::int64_t createdMs = 0;
  core::Visit visit;
  bool purged = false;
  std::int64_t purgedMs = 0;
  bool consentWithdrawn = false;
  std::vector<core::CaseRecord> cases;
  std::vector<PersonEvent> events;  // of those cases, in log order
  std::vector<PersonNote> notes;    // of those cases (when the database has notes)
};

}  // namespace lpse::report

#pragma once
// The slip the helpdesk hands a walk-in visitor with the result (SOP step
// 14): the user ID information, the date, the SOP's instruction to log in at
// once and change the password, and a blank line for the temporary password
// that Admin PPE writes by hand. The system never holds a password, so the
// slip never has one printed on it.
#include <string>
#include <vector>

#include "kiosk/core/calendar.hpp"
#include "kiosk/core/case_record.hpp"

namespace lpse::core {

struct SlipInput {
  std::string office;      // "LPSE Kabupaten ..."
  std::string ticket;      // "R-001", or empty for an e-mail case
  std::string name;        // the visitor's name (the slip is handed to them)
  std::string spseUserId;  // the user ID looked up (may be empty)
  std::string outcome;     // CodeList::Outcome code recorded at step 10
  TimeMs atMs = 0;
};

// Lines of the slip in `lang` ("id"/"en"), top to bottom.
std::vector<std::string> resultSlip(const SlipInput&, const WorkingCalendar&, const std::string& lang);

// The blank for the password written by hand.
inline constexpr const char* kPasswordBlank = "________________________";

}  // namespace lpse::core

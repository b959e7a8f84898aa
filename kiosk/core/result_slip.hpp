#pragma once
// The slip the helpdesk hands a walk-in visitor with the result (SOP step
// 14): the user ID information, the date, the SOP's instruction to log in at
// once and change the password, and a blank line for the temporary password
// that is written by hand. The system never holds a password, so the slip
// never has one printed on it: SlipInput has no field that could carry one.
// The content is built here once, in both languages; the desk shows the
// lines in its language and kiosk/slip_pdf prints the same content.
#include <string>
#include <vector>

#include "kiosk/core/calendar.hpp"
#include "kiosk/core/case_record.hpp"

namespace lpse::core {

struct SlipInput {
  std::string office;      // "LPSE Kabupaten ..."
  std::string ticket;      // "R-001" (an e-mail case: "E-12")
  std::string name;        // the visitor's name (the slip is handed to them)
  std::string spseUserId;  // the user ID looked up (may be empty)
  std::string outcome;     // CodeList::Outcome code recorded at step 10
  TimeMs atMs = 0;
  std::string staff;       // who hands it over (the signed-in staff member)
  std::string counter;     // "Loket 1"
};

// One row of the slip: a label in both languages and its value; an empty
// value is a ruled blank to fill in by hand.
struct SlipField {
  std::string labelId, labelEn, value;
};

struct SlipContent {
  std::string office, counter, staff;
  std::string titleId, titleEn;
  std::vector<SlipField> fields;  // ticket, date, name, user ID, what was done
  bool passwordBlank = false;     // a reset: the ruled blank for the handwritten password
  std::string blankId, blankEn;   // the blank's label (written by hand, never stored)
  std::string instructionId, instructionEn;
};

SlipContent slipContent(const SlipInput&, const WorkingCalendar&);

// Lines of the slip in `lang` ("id"/"en"), top to bottom, for the screen.
std::vector<std::string> resultSlip(const SlipInput&, const WorkingCalendar&, const std::string& lang);

// "slip-R-001-20261123-090500.pdf": the ticket (letters, digits, '-' only)
// and the local time, so two slips never share a name and a folder listing
// sorts by day.
std::string slipFileName(const SlipInput&, const WorkingCalendar&);

// The blank for the password written by hand.
inline constexpr const char* kPasswordBlank = "________________________";

}  // namespace lpse::core

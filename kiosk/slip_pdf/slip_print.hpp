#pragma once
// Saving the result slip and sending it to the desk's printer through CUPS:
// `lp -d QUEUE -t TITLE -o media=A5 FILE` runs as a child process in its own
// process group, and is killed (the whole group) when it has not finished
// within the timeout, so a hung print system never holds the caller for
// long. Call it off the UI thread. The slip is saved first and stays saved
// whatever the printer does: staff can print it by hand.
#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/core/calendar.hpp"
#include "kiosk/core/error.hpp"
#include "kiosk/core/result_slip.hpp"
#include "kiosk/slip_pdf/slip_pdf.hpp"

namespace lpse::slip {

struct PrintOptions {
  std::string printer;         // the CUPS queue; empty: save only
  Paper paper = Paper::A5;     // also `-o media=`
  int timeoutMs = 20'000;
  std::string program = "lp";  // looked up on PATH (Debian cups-client)
};

// Runs lp on `pdfPath`. Ok: what lp answered ("request id is desk-12 (1
// file(s))"). Errors (codes slip_print_missing, slip_print_failed,
// slip_print_timeout) name the queue and the problem in both languages,
// with lp's own message when it gave one.
core::Result<std::string> sendToPrinter(const std::string& pdfPath, const std::string& title, const PrintOptions& o);

struct SlipOptions {
  std::string dir = "var/slips";  // created when missing
  PrintOptions print;
};

struct SlipOutcome {
  std::string path;                  // the saved PDF; empty when it could not be written
  bool printed = false;              // lp accepted it
  std::string printerAnswer;         // lp's answer when printed
  std::optional<core::Error> error;  // writing or printing failed (the file stays when written)
};

// Writes the slip as dir/core::slipFileName(...) and, when a printer is set,
// prints it.
SlipOutcome saveAndPrint(const core::SlipInput& in, const core::WorkingCalendar& cal, const SlipOptions& o);

// Deletes the slip PDFs (slip-*.pdf) in `dir` last written before
// `beforeMs`: they carry a name and a user ID, so they go with the
// guest-book entries (server.retention_days). Returns how many went.
int purgeOldSlips(const std::string& dir, std::int64_t beforeMs);

}  // namespace lpse::slip

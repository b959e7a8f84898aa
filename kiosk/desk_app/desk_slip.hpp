#pragma once
// The printed result slip at the hand-back (SOP step 14): what goes on it,
// read from the case as the server has it (core/result_slip: never a
// password), and the one slip job at a time with its outcome for the
// screen. Like DeskModel: no ImGui, UI thread only; the runtime writes and
// prints the slip on its own worker (kiosk/slip_pdf) and hands the outcome
// back here.
#include <cstdint>
#include <string>

#include "kiosk/client/api_client.hpp"
#include "kiosk/core/result_slip.hpp"
#include "kiosk/slip_pdf/slip_print.hpp"

namespace lpse::desk {

struct DeskSettings;

// The slip of a case handed back at a counter: office, ticket (an e-mail
// case: "E-12"), the visitor's name and SPSE user ID, what Admin PPE
// recorded at step 10, the time, the staff member and the counter.
core::SlipInput slipInputFor(const client::CaseDetail& d, const DeskSettings& s, const std::string& staff,
                             std::int64_t nowMs);

class SlipJob {
 public:
  // A slip for `caseId` is being made; false while another one is.
  bool start(std::int64_t caseId);
  void done(std::int64_t caseId, slip::SlipOutcome outcome);

  bool busy() const { return m_busy; }
  // The last outcome, when it is about `caseId` (another case shows none).
  const slip::SlipOutcome* outcomeFor(std::int64_t caseId) const {
    return !m_busy && m_caseId == caseId && m_finished ? &m_outcome : nullptr;
  }
  bool busyFor(std::int64_t caseId) const { return m_busy && m_caseId == caseId; }

 private:
  std::int64_t m_caseId = 0;
  bool m_busy = false, m_finished = false;
  slip::SlipOutcome m_outcome;
};

}  // namespace lpse::desk

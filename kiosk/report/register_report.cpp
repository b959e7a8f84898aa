#include <algorithm>

#include "kiosk/report/reports.hpp"

namespace lpse::report {

RegisterReport makeRegister(Period p, std::vector<RegisterRow> rows) {
  RegisterReport r;
  r.period = p;
  std::stable_sort(rows.begin(), rows.end(), [](const RegisterRow& a, const RegisterRow& b) {
    return a.createdMs != b.createdMs ? a.createdMs < b.createdMs : a.caseId < b.caseId;
  });
  for (const auto& row : rows) {
    (row.channel == "email" ? r.email : r.walkIn)++;
    ++r.byState[row.state];
  }
  r.rows = std::move(rows);
  return r;
}

}  // namespace lpse::report

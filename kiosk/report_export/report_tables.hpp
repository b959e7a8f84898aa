#pragma once
// Each report as a Document of tables (columns named in Indonesian, the
// office's language; docs/REPORTS.md gives them in English).
#include <string>

#include "kiosk/report/person.hpp"
#include "kiosk/report/reports.hpp"
#include "kiosk/report_export/export_document.hpp"

namespace lpse::report {

struct DocumentHeader {
  std::string office = "LPSE";
  int utcOffsetMinutes = 7 * 60;
};

Document registerDocument(const RegisterReport& r, const DocumentHeader& h);
Document complianceDocument(const ComplianceReport& r, const DocumentHeader& h);
Document serviceDocument(const ServiceReport& r, const DocumentHeader& h);
// Everything held about one person, readable (`lpse person export`).
Document personDocument(const std::vector<PersonEntry>& entries, const DocumentHeader& h);

// Labels shared with the person export.
std::string stateLabel(const std::string& state);      // "delivered" -> "selesai"
std::string channelLabel(const std::string& channel);  // "walk_in" -> "datang langsung"
std::string stepLabel(int step);                       // 5 -> "5 Periksa kelengkapan berkas"

}  // namespace lpse::report

#include "kiosk/report_export/export_document.hpp"

#include <cmath>
#include <cstdio>

#include "kiosk/core/calendar.hpp"

namespace lpse::report {

Cell Cell::number(double v) {
  Cell c{Num};
  c.num = std::round(v * 10) / 10;
  return c;
}

std::string cellText(const Cell& c, int utcOffsetMinutes) {
  char buf[64];
  switch (c.kind) {
    case Cell::Empty: return "";
    case Cell::Text: return c.text;
    case Cell::Int: std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(c.num)); return buf;
    case Cell::Num: std::snprintf(buf, sizeof buf, "%.1f", c.num); return buf;
    case Cell::Time: {
      core::WorkingCalendar cal;
      cal.utcOffsetMinutes = utcOffsetMinutes;
      const int m = cal.localMinuteOfDay(c.ms);
      std::snprintf(buf, sizeof buf, "%s %02d:%02d", cal.localDate(c.ms).iso().c_str(), m / 60, m % 60);
      return buf;
    }
  }
  return "";
}

core::Result<Format> formatFrom(const std::string& name) {
  if (name == "csv") return Format::Csv;
  if (name == "xlsx") return Format::Xlsx;
  if (name == "pdf") return Format::Pdf;
  return core::makeError("bad_format", "Format '" + name + "' tidak dikenal (csv, xlsx, pdf).",
                         "Unknown format '" + name + "' (csv, xlsx, pdf).", "format");
}

core::Status writeDocument(const Document& d, Format f, const std::string& path) {
  switch (f) {
    case Format::Csv: return writeCsv(d, path);
    case Format::Xlsx: return writeXlsx(d, path);
    case Format::Pdf: return writePdf(d, path);
  }
  return core::Ok{};
}

}  // namespace lpse::report

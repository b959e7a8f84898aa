#include <xlsxwriter.h>

#include "kiosk/core/calendar.hpp"
#include "kiosk/report_export/export_document.hpp"

namespace lpse::report {
namespace {

core::Error xlsxError(const std::string& path, lxw_error e) {
  return core::makeError("report_write", "Berkas " + path + " tidak dapat ditulis: " + lxw_strerror(e),
                         "Cannot write " + path + ": " + lxw_strerror(e), "out");
}

lxw_datetime localTime(std::int64_t ms, int offset) {
  core::WorkingCalendar cal;
  cal.utcOffsetMinutes = offset;
  const auto d = cal.localDate(ms);
  const int m = cal.localMinuteOfDay(ms);
  return lxw_datetime{d.year, d.month, d.day, m / 60, m % 60, 0};
}

}  // namespace

core::Status writeXlsx(const Document& d, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return core::makeError("report_write", "Berkas " + path + " tidak dapat dibuat.", "Cannot create " + path + ".", "out");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* dateFmt = workbook_add_format(wb);
  format_set_num_format(dateFmt, "yyyy-mm-dd hh:mm");
  lxw_format* numFmt = workbook_add_format(wb);
  format_set_num_format(numFmt, "0.0");
  lxw_doc_properties props{};
  std::string title = d.title, company = d.office;  // the C API takes char*
  props.title = title.data();
  props.company = company.data();
  workbook_set_properties(wb, &props);
  for (const Table& t : d.tables) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, t.sheet.c_str());
    if (!ws) {
      workbook_close(wb);
      return xlsxError(path, LXW_ERROR_SHEETNAME_ALREADY_USED);
    }
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.columns[c].c_str(), bold);
      const double w = c < t.widths.size() ? t.widths[c] : 1.0;
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 8 + 8 * w, nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    lxw_row_t r = 1;
    for (const auto& row : t.rows) {
      for (std::size_t c = 0; c < row.size(); ++c) {
        const Cell& cell = row[c];
        const auto col = static_cast<lxw_col_t>(c);
        switch (cell.kind) {
          case Cell::Empty: break;
          case Cell::Text: worksheet_write_string(ws, r, col, cell.text.c_str(), nullptr); break;
          case Cell::Int: worksheet_write_number(ws, r, col, cell.num, nullptr); break;
          case Cell::Num: worksheet_write_number(ws, r, col, cell.num, numFmt); break;
          case Cell::Time: {
            lxw_datetime dt = localTime(cell.ms, d.utcOffsetMinutes);
            worksheet_write_datetime(ws, r, col, &dt, dateFmt);
            break;
          }
        }
      }
      ++r;
    }
  }
  if (lxw_error e = workbook_close(wb); e != LXW_NO_ERROR) return xlsxError(path, e);
  return core::Ok{};
}

}  // namespace lpse::report

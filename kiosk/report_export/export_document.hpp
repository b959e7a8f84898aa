#pragma once
// A report as the writers see it: a titled document of tables whose cells
// carry their type (text, whole number, decimal, local date-time), so the
// XLSX writer makes real number and date cells and the CSV and PDF writers
// print them the same way (cellText).
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/error.hpp"

namespace lpse::report {

struct Cell {
  enum Kind { Empty, Text, Int, Num, Time } kind = Empty;
  std::string text;
  double num = 0;          // Int, Num (Num is printed with one decimal)
  std::int64_t ms = 0;     // Time: UTC ms, shown in the office's local time
  static Cell of(std::string s) { return {Text, std::move(s)}; }
  static Cell integer(std::int64_t v) { return {Int, {}, static_cast<double>(v)}; }
  static Cell number(double v);  // rounded to one decimal
  static Cell time(std::int64_t ms) { return {Time, {}, 0, ms}; }
  static Cell empty() { return {}; }
};

struct Table {
  std::string sheet;                 // XLSX sheet name (<= 31 chars)
  std::string title;                 // heading in the PDF
  std::vector<std::string> columns;  // header row
  std::vector<double> widths;        // relative column widths (PDF, XLSX)
  std::vector<std::vector<Cell>> rows;
};

struct Document {
  std::string office;  // the office's name, in the PDF header
  std::string title;   // "Buku Tamu", ...
  std::string period;  // "2026-03-10 s.d. 2026-03-10"
  int utcOffsetMinutes = 7 * 60;
  std::vector<Table> tables;
};

// A cell as CSV and PDF print it: Int "12", Num "4.5", Time "2026-03-10 09:05".
std::string cellText(const Cell& c, int utcOffsetMinutes);

enum class Format { Csv, Xlsx, Pdf };
core::Result<Format> formatFrom(const std::string& name);  // "csv", "xlsx", "pdf"

// CSV: UTF-8 with a BOM (Excel then reads it as UTF-8); the tables one after
// another, each its header row then its rows, separated by one empty line.
std::string toCsv(const Document& d);
// Each writes the file whole or reports why not (the path is named).
core::Status writeCsv(const Document& d, const std::string& path);
core::Status writeXlsx(const Document& d, const std::string& path);  // one sheet per table
core::Status writePdf(const Document& d, const std::string& path);   // A4 landscape, header, page numbers
core::Status writeDocument(const Document& d, Format f, const std::string& path);

}  // namespace lpse::report

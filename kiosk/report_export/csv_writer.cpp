#include <cstdio>
#include <memory>

#include "kiosk/report_export/export_document.hpp"

namespace lpse::report {
namespace {

// RFC 4180: quote a field holding a comma, quote, CR or LF; double quotes.
// A leading = + - @ is prefixed with an apostrophe so that a name cannot run
// as a formula when the file is opened in a spreadsheet.
std::string field(std::string s, bool text) {
  if (text && !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) s.insert(0, "'");
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace

std::string toCsv(const Document& d) {
  std::string out = "\xEF\xBB\xBF";
  bool first = true;
  for (const Table& t : d.tables) {
    if (!first) out += "\r\n";
    first = false;
    for (std::size_t i = 0; i < t.columns.size(); ++i) out += (i ? "," : "") + field(t.columns[i], true);
    out += "\r\n";
    for (const auto& row : t.rows) {
      for (std::size_t i = 0; i < row.size(); ++i)
        out += (i ? "," : "") + field(cellText(row[i], d.utcOffsetMinutes), row[i].kind == Cell::Text);
      out += "\r\n";
    }
  }
  return out;
}

core::Status writeCsv(const Document& d, const std::string& path) {
  const std::string text = toCsv(d);
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!f || std::fwrite(text.data(), 1, text.size(), f.get()) != text.size() || std::fflush(f.get()) != 0)
    return core::makeError("report_write", "Berkas " + path + " tidak dapat ditulis.", "Cannot write " + path + ".",
                           "out");
  return core::Ok{};
}

}  // namespace lpse::report

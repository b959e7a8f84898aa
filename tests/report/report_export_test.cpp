// The writers against independent readers: the XLSX read back by xlsx2csv
// equals the CSV sheet by sheet; the PDF renders with pdftoppm and
// pdftotext finds every row; the CSV has the BOM and the right columns.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <ctime>
#include <cctype>
#include <string_view>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../store/store_test_util.hpp"
#include "kiosk/report_export/report_tables.hpp"
#include "scripted_day.hpp"

namespace lpse::report {
namespace {

using namespace lpse::testutil;

std::string run(const std::string& cmd, int* status = nullptr) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf;
  for (std::size_t n; (n = fread(buf.data(), 1, buf.size(), p)) > 0;) out.append(buf.data(), n);
  const int st = pclose(p);
  if (status) *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

bool haveTool(const char* name) { return run(std::string("command -v ") + name + " >/dev/null 2>&1; echo $?") == "0\n"; }

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

// The CSV's tables, split at the empty lines between them, BOM removed.
std::vector<std::string> csvSections(std::string csv) {
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF") << "no UTF-8 BOM";
  csv.erase(0, 3);
  std::vector<std::string> out;
  std::size_t at = 0;
  for (std::size_t gap; (gap = csv.find("\r\n\r\n", at)) != std::string::npos; at = gap + 4)
    out.push_back(csv.substr(at, gap + 2 - at));
  out.push_back(csv.substr(at));
  return out;
}

// libxlsxwriter writes a date's serial number to 16 digits and xlsx2csv
// truncates it, so 08:05 reads back as 08:04:59.999999 (Excel itself shows
// 08:05). Dates are read at microsecond resolution and rounded to the second
// here, then cut to minutes as the CSV prints them.
std::string minutes(const std::string& text) {
  constexpr std::string_view kShape = "dddd-dd-dd dd:dd:dd.dddddd";
  auto matches = [&](std::size_t at) {
    if (at + kShape.size() > text.size()) return false;
    for (std::size_t i = 0; i < kShape.size(); ++i)
      if (kShape[i] == 'd' ? !std::isdigit(static_cast<unsigned char>(text[at + i])) : text[at + i] != kShape[i])
        return false;
    return true;
  };
  auto num = [&](std::size_t at, std::size_t n) { return std::stoi(text.substr(at, n)); };
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (!matches(i)) {
      out += text[i++];
      continue;
    }
    std::tm tm{};
    tm.tm_year = num(i, 4) - 1900;
    tm.tm_mon = num(i + 5, 2) - 1;
    tm.tm_mday = num(i + 8, 2);
    tm.tm_hour = num(i + 11, 2);
    tm.tm_min = num(i + 14, 2);
    tm.tm_sec = num(i + 17, 2) + (num(i + 20, 6) >= 500000 ? 1 : 0);
    const std::time_t t = timegm(&tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", gmtime_r(&t, &tm));
    out += buf;
    i += kShape.size();
  }
  return out;
}

class ReportExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!haveTool("xlsx2csv") || !haveTool("pdftotext") || !haveTool("pdftoppm"))
      GTEST_SKIP() << "xlsx2csv / poppler-utils missing (config/packages-debian.txt)";
    const std::string db = m_dir.file("queue.db");
    auto s = LPSE_OK(store::Store::open(db));
    scriptDay(*s, db);
    m_reports = LPSE_OK(store::ReportStore::open(db));
  }
  // Writes all three formats and checks them against each other.
  void checkAllFormats(const Document& d, const std::string& stem) {
    const std::string csv = m_dir.file(stem + ".csv"), xlsx = m_dir.file(stem + ".xlsx"), pdf = m_dir.file(stem + ".pdf");
    ASSERT_TRUE(writeCsv(d, csv).ok());
    ASSERT_TRUE(writeXlsx(d, xlsx).ok());
    ASSERT_TRUE(writePdf(d, pdf).ok());
    const auto sections = csvSections(slurp(csv));
    ASSERT_EQ(sections.size(), d.tables.size());
    for (std::size_t i = 0; i < sections.size(); ++i) {
      int st = -1;
      const std::string sheet = minutes(
          run("xlsx2csv -l '\\r\\n' -f '%Y-%m-%d %H:%M:%S.%f' -s " + std::to_string(i + 1) + " '" + xlsx + "'", &st));
      ASSERT_EQ(st, 0);
      EXPECT_EQ(sheet, sections[i]) << "sheet " << i + 1 << " of " << stem << " differs from the CSV";
    }
    int st = -1;
    run("pdftoppm -r 40 -png -f 1 -l 1 '" + pdf + "' '" + m_dir.file(stem) + "'", &st);
    EXPECT_EQ(st, 0) << "pdftoppm could not render " << stem;
    bool rendered = false;
    for (const auto& e : std::filesystem::directory_iterator(m_dir.path()))
      if (e.path().filename().string().rfind(stem + "-", 0) == 0 && e.path().extension() == ".png" &&
          e.file_size() > 1000)
        rendered = true;
    EXPECT_TRUE(rendered);
    m_text = run("pdftotext -layout '" + pdf + "' -", &st);
    EXPECT_EQ(st, 0);
    for (const auto& t : d.tables)
      for (const auto& row : t.rows)
        for (const auto& cell : row)
          if (cell.kind == Cell::Text && !cell.text.empty() && cell.text.size() < 14) {
            EXPECT_NE(m_text.find(cell.text), std::string::npos) << "'" << cell.text << "' missing from the PDF";
          }
  }
  TempDir m_dir;
  std::unique_ptr<store::ReportStore> m_reports;
  std::string m_text;
  const Period day{{2026, 3, 10}, {2026, 3, 10}};
  const DocumentHeader header{"LPSE Kota Contoh", 7 * 60};
};

TEST_F(ReportExportTest, RegisterInEveryFormat) {
  auto doc = registerDocument(LPSE_OK(m_reports->registerReport(day)), header);
  checkAllFormats(doc, "register");
  const auto csv = slurp(m_dir.file("register.csv"));
  EXPECT_EQ(csv.substr(3, csv.find("\r\n") - 3), "No,Waktu,Nama,Instansi,Peran,Layanan,Kanal,Nomor antrian,Hasil,Kasus,Prioritas");
  EXPECT_NE(csv.find("1,2026-03-10 08:00,Ani Lestari,Dinas PUPR,ppk,reset,datang langsung,R-001,selesai,"),
            std::string::npos);
  for (const char* name : {"Ani Lestari", "Bambang Wijaya", "Citra Dewi", "Dedi Kurniawan", "Eka Putri", "Fajar Nugroho"})
    EXPECT_NE(m_text.find(name), std::string::npos) << name;
  EXPECT_NE(m_text.find("LPSE Kota Contoh"), std::string::npos) << "office header";
  EXPECT_NE(m_text.find("Halaman 1 dari 1"), std::string::npos);
}

TEST_F(ReportExportTest, ComplianceAndServiceInEveryFormat) {
  auto c = complianceDocument(LPSE_OK(m_reports->compliance(day)), header);
  checkAllFormats(c, "compliance");
  const auto csv = slurp(m_dir.file("compliance.csv"));
  EXPECT_NE(csv.find("Langkah,Kanal,Standar (menit),Jumlah,Median,P90,Dalam standar,% dalam standar\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("5 Periksa kelengkapan,datang langsung,5,3,4.0,7.0,2,66.7\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("Kasus,Nomor antrian,Kanal,Langkah,Mulai,Durasi (menit),Standar (menit),Petugas\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find(",R-001,datang langsung,9 Verifikasi berkas,2026-03-10 08:20,20.0,15,ppe-1\r\n"),
            std::string::npos) << csv;
  auto s = serviceDocument(LPSE_OK(m_reports->service(day)), header);
  checkAllFormats(s, "service");
  EXPECT_NE(slurp(m_dir.file("service.csv")).find("\r\n08:00,2\r\n"), std::string::npos);
}

TEST_F(ReportExportTest, ALongRegisterRunsOverPagesAndKeepsEveryRow) {
  std::vector<RegisterRow> rows;
  for (int i = 0; i < 130; ++i) {
    RegisterRow row;
    row.caseId = 1000 + i;
    row.createdMs = at(8, 0) + i * 60'000LL;
    row.name = "Pengunjung " + std::to_string(i);
    row.agency = "Dinas " + std::to_string(i % 7);
    row.role = "ppk";
    row.service = "reset";
    row.channel = "walk_in";
    row.ticket = "R-" + std::to_string(100 + i);
    row.state = "delivered";
    rows.push_back(row);
  }
  auto doc = registerDocument(makeRegister(day, rows), header);
  checkAllFormats(doc, "long");
  for (int i = 0; i < 130; ++i)
    EXPECT_NE(m_text.find("Pengunjung " + std::to_string(i) + " "), std::string::npos) << i;
  EXPECT_NE(m_text.find("Halaman 1 dari 5"), std::string::npos) << m_text.substr(0, 400);
  EXPECT_NE(m_text.find("Halaman 5 dari 5"), std::string::npos);  // 30 rows a page
  EXPECT_NE(m_text.find("130 kunjungan (130 datang langsung, 0 e-mail)"), std::string::npos);
}

TEST(ReportExport, UnwritablePathIsAClearError) {
  Document d;
  d.tables.push_back(Table{"S", "t", {"a"}, {}, {{Cell::integer(1)}}});
  for (auto f : {Format::Csv, Format::Xlsx, Format::Pdf}) {
    auto ok = writeDocument(d, f, "/nonexistent-dir/x.out");
    ASSERT_FALSE(ok.ok());
    EXPECT_EQ(ok.error().code, "report_write");
    EXPECT_NE(ok.error().id.find("/nonexistent-dir/x.out"), std::string::npos);
  }
  EXPECT_FALSE(formatFrom("docx").ok());
  EXPECT_EQ(csvSections(toCsv(d)).size(), 1u);
}

}  // namespace
}  // namespace lpse::report

#include "devices/printer/virtual_printer.hpp"

#include <gtest/gtest.h>
#include <stb_image.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "devices/printer/escpos.hpp"
#include "devices/printer/logo_file.hpp"
#include "devices/printer/ticket_layout.hpp"

using namespace lpse::printer;
namespace fs = std::filesystem;

namespace {

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    m_path = fs::temp_directory_path() /
             ("lpse-vprinter-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  const fs::path& path() const { return m_path; }

 private:
  fs::path m_path;
};

TicketContent sample() {
  TicketContent t;
  t.officeName = "LPSE Kabupaten Banyumas";
  t.number = "U-042";
  t.serviceName = "User ID";
  t.dateTimeText = "Rabu, 26 November 2025 10:05";
  t.qrPayload = "LPSE1|T|U-042|2025-11-26|ffee00";
  return t;
}

// ticket-YYYYmmdd-HHMMSS-<n>.png
bool isTicketName(const std::string& name) {
  const auto digits = [&](std::size_t from, std::size_t count) {
    if (from + count > name.size()) return false;
    for (std::size_t i = from; i < from + count; ++i)
      if (name[i] < '0' || name[i] > '9') return false;
    return true;
  };
  if (name.rfind("ticket-", 0) != 0 || !digits(7, 8) || name[15] != '-' || !digits(16, 6) || name[22] != '-')
    return false;
  const std::size_t dot = name.find(".png", 23);
  return dot != std::string::npos && dot > 23 && dot + 4 == name.size() && digits(23, dot - 23);
}

struct Png {
  int width = 0, height = 0;
  std::vector<std::uint8_t> gray;
};

Png loadPng(const std::string& path) {
  Png png;
  int channels = 0;
  unsigned char* data = stbi_load(path.c_str(), &png.width, &png.height, &channels, 1);
  if (!data) return {};
  png.gray.assign(data, data + static_cast<std::size_t>(png.width) * png.height);
  stbi_image_free(data);
  return png;
}

}  // namespace

TEST(VirtualPrinter, WritesALoadablePngOfThePaperWidth) {
  TempDir dir;
  for (const PaperSpec& paper : {paper80(), paper58()}) {
    VirtualPrinter printer(dir.path() / std::to_string(paper.dots), paper.dots);
    ASSERT_EQ(printer.status().state, PrinterState::Ready);
    const PrintResult r = printer.print(layoutTicket(sample(), paper));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_TRUE(r.error.empty());
    EXPECT_TRUE(isTicketName(fs::path(r.artifact).filename().string())) << r.artifact;
    const Png png = loadPng(r.artifact);
    ASSERT_EQ(png.width, paper.dots);
    EXPECT_GT(png.height, 300);
    const auto black = std::count(png.gray.begin(), png.gray.end(), 0);
    const auto white = std::count(png.gray.begin(), png.gray.end(), 255);
    EXPECT_GT(black, 1000);                 // ink is black in the PNG
    EXPECT_GT(white, black);                // on white paper
    EXPECT_EQ(black + white, static_cast<long>(png.gray.size()));  // 1-bit page
  }
}

TEST(VirtualPrinter, CreatesTheDirectoryAndNeverReusesAName) {
  TempDir dir;
  const fs::path out = dir.path() / "nested" / "tickets";
  VirtualPrinter printer(out, 576);
  const auto bytes = layoutTicket(sample(), paper80());
  const PrintResult a = printer.print(bytes);
  const PrintResult b = printer.print(bytes);
  ASSERT_TRUE(a.ok && b.ok);
  EXPECT_NE(a.artifact, b.artifact);
  EXPECT_TRUE(fs::exists(a.artifact));
  EXPECT_TRUE(fs::exists(b.artifact));
  // A second printer on the same folder (a restart) skips names already taken.
  VirtualPrinter again(out, 576);
  const PrintResult c = again.print(bytes);
  ASSERT_TRUE(c.ok);
  EXPECT_NE(c.artifact, a.artifact);
  EXPECT_NE(c.artifact, b.artifact);
  EXPECT_EQ(std::distance(fs::directory_iterator(out), fs::directory_iterator()), 3);
}

TEST(VirtualPrinter, OnePngPerCutPage) {
  TempDir dir;
  VirtualPrinter printer(dir.path(), 384);
  const auto bytes = EscPos().text("satu").newline().cut().text("dua").newline().cut().bytes();
  const PrintResult r = printer.print(bytes);
  ASSERT_TRUE(r.ok);
  const auto newline = r.artifact.find('\n');
  ASSERT_NE(newline, std::string::npos);
  EXPECT_EQ(loadPng(r.artifact.substr(0, newline)).width, 384);
  EXPECT_EQ(loadPng(r.artifact.substr(newline + 1)).width, 384);
}

TEST(VirtualPrinter, NothingToPrintIsAnError) {
  TempDir dir;
  VirtualPrinter printer(dir.path(), 576);
  const PrintResult r = printer.print({});
  EXPECT_FALSE(r.ok);
  EXPECT_FALSE(r.error.empty());
  EXPECT_TRUE(r.artifact.empty());
}

TEST(VirtualPrinter, UnusableDirectoryIsAnErrorStatus) {
  TempDir dir;
  fs::create_directories(dir.path());
  const fs::path file = dir.path() / "not-a-dir";
  std::ofstream(file) << "x";
  VirtualPrinter printer(file / "tickets", 576);
  const PrinterStatus s = printer.status();
  EXPECT_EQ(s.state, PrinterState::Error);
  EXPECT_FALSE(s.canPrint());
  EXPECT_NE(s.detail.find("not-a-dir"), std::string::npos);
  const PrintResult r = printer.print(layoutTicket(sample(), paper80()));
  EXPECT_FALSE(r.ok);
  EXPECT_FALSE(r.error.empty());
}

TEST(VirtualPrinter, DescribeNamesTheFolder) {
  VirtualPrinter printer("/var/tmp/lpse-tickets", 384);
  EXPECT_NE(printer.describe().find("/var/tmp/lpse-tickets"), std::string::npos);
  EXPECT_NE(printer.describe().find("384"), std::string::npos);
}

// An independent decoder (zbar) reads the QR in the PNG: the round trip does
// not only hold for ZXing reading ZXing.
TEST(VirtualPrinter, ZbarReadsTheTicketQr) {
  if (!fs::exists("/usr/bin/zbarimg")) GTEST_SKIP() << "zbar-tools not installed";
  TempDir dir;
  VirtualPrinter printer(dir.path(), 576);
  const PrintResult r = printer.print(layoutTicket(sample(), paper80()));
  ASSERT_TRUE(r.ok);
  const std::string cmd = "/usr/bin/zbarimg -q --raw '" + r.artifact + "' 2>/dev/null";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buf[256];
  while (std::fgets(buf, sizeof buf, pipe)) out += buf;
  ::pclose(pipe);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  EXPECT_EQ(out, sample().qrPayload);
}

// The shipped logo on a virtual ticket: the PNG's top rows are the logo's
// dots, black on white, then the rest of the ticket.
TEST(VirtualPrinter, TicketPngShowsTheLogoAtTheTop) {
  TempDir dir;
  for (const PaperSpec& paper : {paper58(), paper80()}) {
    LogoOptions o;
    o.maxWidth = paper.dots;
    const LogoLoad logo = loadLogo(fs::path(LPSE_SOURCE_DIR) / "assets" / "logo-ticket.png", o);
    ASSERT_TRUE(logo.ok()) << logo.error;
    TicketFormat f;
    f.paper = paper;
    f.logo = logo.image;
    VirtualPrinter printer(dir.path(), paper.dots);
    const PrintResult r = printer.print(layoutTicket(sample(), f));
    ASSERT_TRUE(r.ok) << r.error;
    const Png png = loadPng(r.artifact);
    ASSERT_EQ(png.width, paper.dots);
    ASSERT_GT(png.height, logo.image.height + 300);
    long mismatches = 0;
    for (int y = 0; y < logo.image.height; ++y)
      for (int x = 0; x < paper.dots; ++x) {
        const bool ink = x < logo.image.width && logo.image.inked(x, y);
        mismatches += (png.gray[static_cast<std::size_t>(y) * png.width + x] == 0) != ink;
      }
    EXPECT_EQ(mismatches, 0) << paper.dots;
  }
}

// The printed ticket back to its payload: layoutTicket -> ESC/POS -> the
// virtual printer's PNG -> our decoder; then the same PNG as a webcam sees a
// ticket held up to it; then `lpse scan` on the files, as the IT person runs it.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <random>

#include "devices/camera/image_file_source.hpp"
#include "devices/printer/ticket_layout.hpp"
#include "devices/printer/virtual_printer.hpp"
#include "devices/scanner/qr_decoder.hpp"
#include "tests/scanner/degraded_set.hpp"

using namespace lpse;
namespace fs = std::filesystem;

namespace {

// The ticket QR format of kiosk/form/ticket_qr.hpp (LPSE-T1:<24 hex>:<4 hex>).
constexpr const char* kPayload = "LPSE-T1:3F2A9C0D11E4B7A85C60D2F1:7B3E";

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    m_path = fs::temp_directory_path() / ("lpse-scan-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    fs::create_directories(m_path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  std::string file(const std::string& n) const { return (m_path / n).string(); }
  const fs::path& path() const { return m_path; }

 private:
  fs::path m_path;
};

std::string printTicket(const TempDir& dir, const printer::PaperSpec& paper, const std::string& payload = kPayload) {
  printer::TicketContent t;
  t.officeName = "LPSE Kabupaten Banyumas";
  t.number = "U-042";
  t.serviceName = "User ID";
  t.dateTimeText = "Rabu, 26 November 2026 10:05";
  t.ahead = 3;
  t.qrPayload = payload;
  t.footer = "Simpan tiket ini";
  printer::VirtualPrinter vp(dir.path() / std::to_string(paper.dots), paper.dots);
  const auto r = vp.print(printer::layoutTicket(t, paper));
  EXPECT_TRUE(r.ok) << r.error;
  return r.artifact;
}

struct CliRun {
  int exitCode = -1;
  std::string out;
};

CliRun runLpse(const std::string& args) {
  const std::string cmd = std::string(LPSE_BIN_DIR) + "/lpse scan " + args + " 2>/dev/null";
  CliRun r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p)) r.out += buf;
  const int st = ::pclose(p);
  r.exitCode = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

}  // namespace

TEST(TicketRoundTrip, ThePrintedPngDecodesToThePayload) {
  TempDir dir;
  for (const auto& paper : {printer::paper80(), printer::paper58()}) {
    const std::string png = printTicket(dir, paper);
    auto frame = camera::loadGrayImage(png);
    ASSERT_TRUE(frame) << frame.error().en;
    const auto reads = scanner::QrDecoder().decode(*frame);
    ASSERT_EQ(reads.size(), 1u) << paper.dots;
    EXPECT_EQ(reads[0].text, kPayload);
  }
}

TEST(TicketRoundTrip, ATicketHeldUpToTheWebcamDecodes) {
  TempDir dir;
  const std::string png = printTicket(dir, printer::paper58());
  auto ticket = camera::loadGrayImage(png);
  ASSERT_TRUE(ticket);
  const auto onPaper = scanner::QrDecoder().decode(*ticket);
  ASSERT_EQ(onPaper.size(), 1u);
  float cx = 0, cy = 0, minX = 1e9f, maxX = -1e9f;
  for (const auto& p : onPaper[0].corners) cx += p.x / 4, cy += p.y / 4, minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
  const int dots = printer::ticketQrModuleSize(kPayload, printer::paper58());
  ASSERT_GT(dots, 0);
  int ok = 0, total = 0;
  for (const char* how : {"clean", "rotation", "perspective", "blur", "low_contrast", "uneven_light", "combined"})
    for (unsigned seed = 1; seed <= 3; ++seed) {
      const auto frame = scanner::testing::photographPage(*ticket, dots, cx, cy, maxX - minX, how, seed);
      const auto reads = scanner::QrDecoder().decode(frame);
      ++total;
      if (!reads.empty() && reads[0].text == kPayload) ++ok;
      else std::printf("  missed: %s seed %u\n", how, seed);
    }
  std::printf("  %d/%d webcam views of the ticket read\n", ok, total);
  EXPECT_GE(ok, total - 2);
}

TEST(LpseScan, PrintsOneLinePerFileAndFailsWhenOneHasNoCode) {
  TempDir dir;
  const std::string png = printTicket(dir, printer::paper80());
  // The same ticket through a webcam, saved as JPEG, and a page with no code.
  auto ticket = camera::loadGrayImage(png);
  ASSERT_TRUE(ticket);
  const auto sample = scanner::testing::makeSample("jpeg", 3, 0);
  const auto jpg = scanner::testing::encodeJpeg(sample.frame, 70);
  const std::string jpgPath = dir.file("form.jpg");
  FILE* f = std::fopen(jpgPath.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fwrite(jpg.data(), 1, jpg.size(), f);
  std::fclose(f);
  const auto none = scanner::testing::makeSample("none", 3, 0);
  const std::string blank = dir.file("blank.png");
  ASSERT_TRUE(scanner::testing::writePng(none.frame, blank));

  CliRun all = runLpse("'" + png + "' '" + blank + "' '" + jpgPath + "'");
  EXPECT_EQ(all.exitCode, 1);
  EXPECT_EQ(all.out, std::string(kPayload) + "\n\n" + sample.payload + "\n");

  CliRun good = runLpse("'" + png + "' '" + jpgPath + "'");
  EXPECT_EQ(good.exitCode, 0);
  EXPECT_EQ(good.out, std::string(kPayload) + "\n" + sample.payload + "\n");

  CliRun missing = runLpse("'" + dir.file("nope.png") + "'");
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_EQ(missing.out, "\n");  // still one line for the file

  CliRun usage = runLpse("");
  EXPECT_NE(usage.exitCode, 0);
}

TEST(LpseScan, APayloadWithALineBreakIsStillOneLine) {
  // A QR may hold any bytes. Printed raw, this one would be two lines and
  // every line after it would pair with the wrong file.
  TempDir dir;
  const std::string odd = std::string("LPSE-F1|name=Siti\nNur'aini|note=a\tb\\c\r") + '\x01' + "|Jln. \xC3\xA9";
  const std::string png = printTicket(dir, printer::paper80(), odd);
  const std::string plain = printTicket(dir, printer::paper58());
  CliRun r = runLpse("'" + png + "' '" + plain + "'");
  EXPECT_EQ(r.exitCode, 0);
  // Control characters and the backslash escaped; UTF-8 as it is.
  EXPECT_EQ(r.out, std::string("LPSE-F1|name=Siti\\nNur'aini|note=a\\tb\\\\c\\r\\x01|Jln. \xC3\xA9\n") + kPayload + "\n");
}

// A visitor shows the ticket's photo on a phone in dark mode: the code comes
// light on dark. `lpse scan` reads it like the printed one.
TEST(LpseScan, ReadsALightOnDarkTicket) {
  TempDir dir;
  const std::string png = printTicket(dir, printer::paper80());
  auto ticket = camera::loadGrayImage(png);
  ASSERT_TRUE(ticket);
  camera::Frame negative = *ticket;
  for (auto& p : negative.gray) p = static_cast<std::uint8_t>(255 - p);
  const std::string dark = dir.file("dark-mode.png");
  ASSERT_TRUE(scanner::testing::writePng(negative, dark));
  // And a form's code through the webcam, inverted (an inverted print).
  auto form = scanner::testing::makeSample("perspective", 5, 0);
  for (auto& p : form.frame.gray) p = static_cast<std::uint8_t>(255 - p);
  const std::string formDark = dir.file("form-inverted.png");
  ASSERT_TRUE(scanner::testing::writePng(form.frame, formDark));
  CliRun r = runLpse("'" + dark + "' '" + formDark + "'");
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.out, std::string(kPayload) + "\n" + form.payload + "\n");
}

// The [printer] section of the config reaching the hardware side: model
// presets and [printer.quirks] change the ticket bytes and how status
// replies read (through a real TCP transport), and the logo is found,
// loaded once and printed, or left out with a reason.
#include "kiosk/apps/printer_setup.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "devices/printer/escpos_decode.hpp"
#include "tests/printer/fake_net_printer.hpp"

using namespace lpse;
using lpse::printer::testing::FakeNetPrinter;
namespace fs = std::filesystem;

namespace {

const std::string kShippedConfig = std::string(LPSE_SOURCE_DIR) + "/config/lpse.toml";

config::Config parse(const std::string& toml) {
  auto c = config::parseConfig(toml);
  EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().en);
  return c.ok() ? *c : config::Config{};
}

printer::TicketContent ticket() {
  printer::TicketContent t;
  t.officeName = "LPSE Provinsi Jawa Tengah";
  t.number = "R-007";
  t.serviceName = "Reset Password";
  t.dateTimeText = "Rabu, 26 November 2025 08:15";
  t.ahead = 2;
  t.estimatedWaitMin = 10;
  t.qrPayload = "LPSE1|T|R-007|2025-11-26|0badc0de";
  t.footer = "Terima kasih";
  return t;
}

std::vector<std::uint8_t> bytesFor(const config::Config& c) {
  auto f = apps::ticketFormat(c.printer, "");
  EXPECT_TRUE(f.ok()) << (f.ok() ? "" : f.error().en);
  return f.ok() ? printer::layoutTicket(ticket(), *f) : std::vector<std::uint8_t>{};
}

bool contains(const std::vector<std::uint8_t>& hay, std::initializer_list<std::uint8_t> needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

printer::StatusQuirks statusQuirks(const config::Config& c) {
  auto spec = apps::printerSpec(c.printer);
  EXPECT_TRUE(spec.ok()) << (spec.ok() ? "" : spec.error().en);
  return spec.ok() ? spec->quirks : printer::StatusQuirks{};
}

}  // namespace

TEST(PrinterSetup, ShippedConfigIsTheEpsonDefaultAndGivesTheSameBytes) {
  auto c = config::loadConfig(kShippedConfig);
  ASSERT_TRUE(c.ok()) << c.error().en;
  auto m = apps::printerModel(c->printer);
  ASSERT_TRUE(m.ok()) << m.error().en;
  EXPECT_EQ(m->name, "epson-tm-t82");
  auto f = apps::ticketFormat(*c);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(printer::layoutTicket(ticket(), *f), printer::layoutTicket(ticket(), printer::paper80()));
}

TEST(PrinterSetup, QuirksFromConfigChangeTheTicketBytes) {
  const auto base = bytesFor(parse(""));
  EXPECT_TRUE(contains(base, {0x1B, 0x74, 16}));
  EXPECT_TRUE(contains(base, {0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 8}));  // QR module 8
  EXPECT_TRUE(contains(base, {0x1D, 0x56, 0x42}));                            // partial cut

  const auto tuned = bytesFor(parse(R"(
[printer]
model = "generic-80mm-clone"
[printer.quirks]
code_page = 19
qr_max_module = 4
cut = "full"
chars_per_line = 42
)"));
  EXPECT_TRUE(contains(tuned, {0x1B, 0x40, 0x1B, 0x74, 19}));
  EXPECT_TRUE(contains(tuned, {0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 4}));
  EXPECT_TRUE(contains(tuned, {0x1D, 0x56, 0x41}));
  EXPECT_FALSE(contains(tuned, {0x1D, 0x56, 0x42}));
  for (const auto& run : printer::decodeEscPos(tuned).texts())
    EXPECT_LE(static_cast<int>(run.text.size()) * run.width, 42) << run.text;
}

TEST(PrinterSetup, PresetsAloneChangeTheBytes) {
  const auto clone80 = bytesFor(parse("[printer]\nmodel = \"generic-80mm-clone\""));
  EXPECT_TRUE(contains(clone80, {0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 8}));
  const auto basic = bytesFor(parse("[printer]\nmodel = \"generic-58mm-basic\"\npaper_width_mm = 58"));
  EXPECT_FALSE(contains(basic, {0x1D, 0x28, 0x6B}));  // no GS ( k: the QR is a raster
  EXPECT_FALSE(contains(basic, {0x1D, 0x56}));        // no cutter
  EXPECT_TRUE(contains(basic, {0x1B, 0x74, 0}));
  const auto doc = printer::decodeEscPos(basic);
  EXPECT_EQ(doc.rasters().size(), 1u);
  EXPECT_LE(doc.rasters()[0].width, 384);
  // An override on top of a preset wins.
  const auto native = bytesFor(parse("[printer]\nmodel = \"generic-58mm-basic\"\n[printer.quirks]\nqr_mode = \"native\""));
  EXPECT_TRUE(contains(native, {0x1D, 0x28, 0x6B}));
}

TEST(PrinterSetup, QuirksFromConfigChangeTheDecodedStatus) {
  // A clone that sets only bit 5 when the paper is out, and no near-end sensor.
  const auto clone = statusQuirks(parse(R"(
[printer.quirks]
paper_out_bits = 0x20
paper_near_end_bits = 0
)"));
  EXPECT_EQ(printer::decodeStatus(0x12 | 0x20, 0x12, clone).state, printer::PrinterState::PaperOut);
  EXPECT_EQ(printer::decodeStatus(0x12 | 0x20, 0x12, statusQuirks(parse(""))).state, printer::PrinterState::Ready);
  EXPECT_EQ(printer::decodeStatus(0x12 | 0x0C, 0x12, clone).state, printer::PrinterState::Ready);

  // Fixed bits: a clone answering 0x00 for "all fine" is read, not "garbled".
  const auto zeroes = statusQuirks(parse("[printer.quirks]\nstatus_fixed_mask = 0\nstatus_fixed_value = 0"));
  EXPECT_EQ(printer::decodeStatus(0x00, 0x00, zeroes).state, printer::PrinterState::Ready);
  EXPECT_EQ(printer::decodeStatus(0x00, 0x00, statusQuirks(parse(""))).state, printer::PrinterState::Offline);

  const auto cover = statusQuirks(parse("[printer.quirks]\ncover_open_bit = 0x08\nerror_bit = 0\npaper_end_stop_bit = 0"));
  EXPECT_EQ(printer::decodeStatus(0x12, 0x12 | 0x08, cover).state, printer::PrinterState::CoverOpen);
  EXPECT_EQ(printer::decodeStatus(0x12, 0x12 | 0x40 | 0x20, cover).state, printer::PrinterState::Ready);

  EXPECT_FALSE(statusQuirks(parse("[printer.quirks]\nanswers_status = false")).answersStatus);
  EXPECT_FALSE(statusQuirks(parse("[printer]\nanswers_status = false")).answersStatus);  // the older key
  EXPECT_FALSE(statusQuirks(parse("[printer]\nmodel = \"generic-58mm-basic\"")).answersStatus);
  EXPECT_TRUE(statusQuirks(parse("[printer]\nmodel = \"generic-58mm-basic\"\n[printer.quirks]\nanswers_status = true"))
                  .answersStatus);
}

// End to end through openPrinter and the real TCP transport: the same reply
// byte means paper out for the configured clone and nothing for the Epson.
TEST(PrinterSetup, QuirksReachTheTransport) {
  for (const bool clone : {false, true}) {
    FakeNetPrinter net(0x12 | 0x20);
    auto c = parse("[printer]\nkind = \"tcp\"\nhost = \"127.0.0.1\"\nport = " + std::to_string(net.port()) +
                   (clone ? "\n[printer.quirks]\npaper_out_bits = 0x20\n" : "\n"));
    std::string chosen;
    auto p = apps::openPrinter(c.printer, chosen);
    ASSERT_TRUE(p.ok()) << p.error().en;
    EXPECT_EQ((*p)->status().state, clone ? printer::PrinterState::PaperOut : printer::PrinterState::Ready);
  }
}

TEST(PrinterSetup, UnknownModelNamesTheKeyAndThePresets) {
  const auto c = parse("[printer]\nmodel = \"epson-tm-t99\"");
  auto spec = apps::printerSpec(c.printer);
  ASSERT_FALSE(spec.ok());
  EXPECT_EQ(spec.error().field, "printer.model");
  EXPECT_NE(spec.error().id.find("generic-58mm-clone"), std::string::npos) << spec.error().id;
  EXPECT_FALSE(apps::ticketFormat(c.printer, "").ok());
  std::string chosen;
  EXPECT_FALSE(apps::openPrinter(c.printer, chosen).ok());
}

TEST(PrinterSetup, LogoIsFoundFromTheConfigsFolderAndFitsThePaper) {
  for (const int mm : {80, 58}) {
    auto c = parse("[printer]\nlogo = \"assets/logo-ticket.png\"\npaper_width_mm = " + std::to_string(mm));
    // CTest runs this in the build tree: the path resolves via the config's folder.
    ASSERT_FALSE(fs::exists("assets/logo-ticket.png"));
    std::string warning;
    auto f = apps::ticketFormat(c.printer, kShippedConfig, &warning);
    ASSERT_TRUE(f.ok());
    EXPECT_TRUE(warning.empty()) << warning;
    const int dots = mm == 58 ? 384 : 576;
    ASSERT_FALSE(f->logo.empty());
    EXPECT_LE(f->logo.width, dots);
    EXPECT_LE(f->logo.height, 20 * 8);
    const auto doc = printer::decodeEscPos(printer::layoutTicket(ticket(), *f));
    ASSERT_EQ(doc.rasters().size(), 1u);
    EXPECT_EQ(doc.rasters()[0].image.pixels.size(), static_cast<std::size_t>(doc.rasters()[0].width) * f->logo.height);
    EXPECT_EQ(doc.qrCodes().size(), 1u);
  }
  auto c = parse("[printer]\nlogo = \"assets/logo-ticket.png\"\nlogo_max_height_mm = 10");
  auto f = apps::ticketFormat(c.printer, kShippedConfig);
  ASSERT_TRUE(f.ok());
  EXPECT_LE(f->logo.height, 80);
  EXPECT_GT(f->logo.height, 60);
  EXPECT_EQ(apps::resolveLogoPath("assets/logo-ticket.png", kShippedConfig),
            fs::path(LPSE_SOURCE_DIR) / "assets/logo-ticket.png");
  EXPECT_EQ(apps::resolveLogoPath("/abs/logo.png", kShippedConfig), fs::path("/abs/logo.png"));
}

TEST(PrinterSetup, MissingLogoIsLoggedAndTheTicketPrintsWithoutIt) {
  auto c = parse("[printer]\nlogo = \"assets/no-such-logo.png\"");
  std::string warning;
  auto f = apps::ticketFormat(c.printer, kShippedConfig, &warning);
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f->logo.empty());
  EXPECT_NE(warning.find("no-such-logo.png"), std::string::npos) << warning;
  const auto bytes = printer::layoutTicket(ticket(), *f);
  EXPECT_EQ(bytes, printer::layoutTicket(ticket(), printer::paper80()));
}

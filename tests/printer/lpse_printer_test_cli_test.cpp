// The real `lpse printer-test` program against the umockdev-emulated USB
// printer, across processes: this process owns the testbed and answers the
// printer's ioctls (on umockdev's worker thread); each `lpse` run is a child
// with UMOCKDEV_DIR pointing at the testbed and LD_PRELOAD of
// libumockdev-preload, whose ioctls reach our handler through the testbed's
// per-device unix socket. This process itself needs no preload.
// Exits 77 (a CTest skip) when the preload library cannot be loaded.
#include <glib.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "devices/printer/ticket_layout.hpp"
#include "kiosk/config/config.hpp"
#include "tests/printer/usb_printer_fixture.hpp"

using lpse::printer::testing::EmulatedUsbPrinter;

namespace {

const std::string kLpse = std::string(LPSE_BIN_DIR) + "/lpse";
const std::string kConfig = std::string(LPSE_SOURCE_DIR) + "/config/lpse.toml";

struct ChildRun {
  int exitCode = -1;
  std::string out, err;
  std::string all() const { return out + err; }
};

// Runs `lpse --config <repo config> printer-test ARGS` against the testbed.
// The fixture keeps its testbed private; umockdev_testbed_new() exports the
// testbed's root (umockdev_testbed_get_root_dir) as UMOCKDEV_DIR in this
// process, so read it right after constructing the printer.
std::string testbedRoot() {
  const char* dir = g_getenv("UMOCKDEV_DIR");
  return dir ? dir : "";
}

ChildRun runLpse(const std::string& root, std::vector<std::string> args) {
  std::vector<std::string> argv{kLpse, "--config", kConfig, "printer-test"};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> cargv;
  for (auto& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);

  gchar** env = g_get_environ();
  env = g_environ_setenv(env, "UMOCKDEV_DIR", root.c_str(), TRUE);
  env = g_environ_setenv(env, "LD_PRELOAD", "libumockdev-preload.so.0", TRUE);
  // An ASan child loads the preload before its runtime: ASan must allow that.
  std::string asan = g_environ_getenv(env, "ASAN_OPTIONS") ? g_environ_getenv(env, "ASAN_OPTIONS") : "";
  if (asan.find("verify_asan_link_order") == std::string::npos)
    asan = asan.empty() ? "verify_asan_link_order=0" : asan + ":verify_asan_link_order=0";
  env = g_environ_setenv(env, "ASAN_OPTIONS", asan.c_str(), TRUE);

  ChildRun r;
  gchar *out = nullptr, *err = nullptr;
  gint status = 0;
  GError* error = nullptr;
  if (!g_spawn_sync(nullptr, cargv.data(), env, G_SPAWN_DEFAULT, nullptr, nullptr, &out, &err, &status, &error)) {
    r.err = std::string("spawn failed: ") + (error ? error->message : "?");
    g_clear_error(&error);
  } else {
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = out ? out : "";
    r.err = err ? err : "";
  }
  g_free(out);
  g_free(err);
  g_strfreev(env);
  return r;
}

// The bytes `lpse printer-test` prints: the same TicketContent as
// kiosk/apps/lpse_main.cpp, with the office name and paper of the config.
std::vector<std::uint8_t> expectedTestTicket() {
  auto cfg = lpse::config::loadConfig(kConfig);
  if (!cfg) return {};
  lpse::printer::TicketContent t;
  t.officeName = cfg->office.name;
  t.number = "T-000";
  t.serviceName = "Tes printer / Printer test";
  t.dateTimeText = "-";
  t.qrPayload = "lpse-printer-test";
  t.footer = "Jika tiket ini terbaca, printer siap. / If you can read this, the printer is ready.";
  return lpse::printer::layoutTicket(t, cfg->printer.paperDots == 384 ? lpse::printer::paper58()
                                                                       : lpse::printer::paper80());
}

bool contains(const std::vector<std::uint8_t>& hay, std::string_view needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

bool g_preloadUsable = true;

class LpsePrinterTestCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!g_preloadUsable) GTEST_SKIP() << "libumockdev-preload.so.0 cannot be preloaded";
    emu = std::make_unique<EmulatedUsbPrinter>();
    root = testbedRoot();
    ASSERT_TRUE(g_file_test(root.c_str(), G_FILE_TEST_IS_DIR)) << "testbed root: '" << root << "'";
  }
  ChildRun lpse(std::vector<std::string> args) { return runLpse(root, std::move(args)); }
  std::unique_ptr<EmulatedUsbPrinter> emu;
  std::string root;
};

TEST_F(LpsePrinterTestCli, ListShowsTheEmulatedPrinter) {
  const ChildRun r = lpse({"--list"});
  EXPECT_EQ(r.exitCode, 0) << r.all();
  EXPECT_NE(r.out.find("0416:5011"), std::string::npos) << r.all();
  EXPECT_TRUE(emu->received().empty());
}

TEST_F(LpsePrinterTestCli, StatusIsReadyAndPrintsNothing) {
  const ChildRun r = lpse({"--usb", "0416:5011", "--status"});
  EXPECT_EQ(r.exitCode, 0) << r.all();
  EXPECT_NE(r.out.find("ready"), std::string::npos) << r.all();
  EXPECT_GT(emu->statusRequests(), 0u) << "the status came from somewhere else than the printer";
  EXPECT_TRUE(emu->printed().empty());
}

TEST_F(LpsePrinterTestCli, PrintsExactlyTheTestTicket) {
  const ChildRun r = lpse({"--usb", "0416:5011"});
  EXPECT_EQ(r.exitCode, 0) << r.all();
  EXPECT_NE(r.out.find("printed"), std::string::npos) << r.all();
  const auto got = emu->printed();
  const auto want = expectedTestTicket();
  ASSERT_FALSE(want.empty());
  EXPECT_EQ(got, want) << "got " << got.size() << " bytes, want " << want.size();
  ASSERT_GE(got.size(), 6u);
  EXPECT_EQ(got[0], 0x1B);
  EXPECT_EQ(got[1], 0x40);  // ESC @
  EXPECT_TRUE(contains(got, "T-000"));
  const std::size_t n = got.size();
  EXPECT_EQ(got[n - 4], 0x1D);  // GS V 66 n: feed and partial cut, last
  EXPECT_EQ(got[n - 3], 0x56);
  EXPECT_EQ(got[n - 2], 0x42);
}

TEST_F(LpsePrinterTestCli, PaperOutIsReportedAndNothingIsPrinted) {
  emu->setPaperOut(true);
  const ChildRun st = lpse({"--usb", "0416:5011", "--status"});
  EXPECT_EQ(st.exitCode, 1) << st.all();
  EXPECT_NE(st.out.find("paper_out"), std::string::npos) << st.all();
  const ChildRun pr = lpse({"--usb", "0416:5011"});
  EXPECT_EQ(pr.exitCode, 1) << pr.all();
  EXPECT_NE(pr.out.find("paper_out"), std::string::npos) << pr.all();
  EXPECT_TRUE(emu->printed().empty());
}

TEST_F(LpsePrinterTestCli, WrongVidPidIsNotFound) {
  const ChildRun r = lpse({"--usb", "04b8:0e15"});
  EXPECT_EQ(r.exitCode, 1) << r.all();
  EXPECT_NE(r.all().find("tidak ditemukan"), std::string::npos) << r.all();
  EXPECT_TRUE(emu->received().empty());
}

// One probe run: can a child preload umockdev at all?
bool probePreload() {
  EmulatedUsbPrinter emu;
  const ChildRun r = runLpse(testbedRoot(), {"--list"});
  if (r.all().find("cannot be preloaded") != std::string::npos) {
    std::fprintf(stderr, "%s", r.err.c_str());
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (!g_file_test(kLpse.c_str(), G_FILE_TEST_IS_EXECUTABLE)) {
    std::fprintf(stderr, "lpse_printer_test_cli_test: %s is missing (build target lpse)\n", kLpse.c_str());
    return 1;
  }
  g_preloadUsable = probePreload();
  const int rc = RUN_ALL_TESTS();
  if (rc == 0 && !g_preloadUsable) {
    std::fprintf(stderr, "lpse_printer_test_cli_test: umockdev preload unusable; skipped\n");
    return 77;
  }
  return rc;
}

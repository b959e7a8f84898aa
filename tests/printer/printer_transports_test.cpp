// The transports that need no USB emulation: device file, raw TCP against a
// local listener, and the factory.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <thread>

#include "devices/printer/device_file_printer.hpp"
#include "devices/printer/printer_factory.hpp"
#include "devices/printer/tcp_printer.hpp"
#include "tests/printer/fake_net_printer.hpp"

using namespace lpse::printer;
using lpse::printer::testing::FakeNetPrinter;
namespace fs = std::filesystem;

namespace {

fs::path tempDir() {
  fs::path d = fs::temp_directory_path() / ("lpse_transport_" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

}  // namespace

TEST(DeviceFilePrinter, WritesTheBytesAndReportsMissingFile) {
  const fs::path dir = tempDir();
  const fs::path dev = dir / "lp0";
  DeviceFilePrinter missing(dev);
  EXPECT_EQ(missing.status().state, PrinterState::NotFound);
  EXPECT_FALSE(missing.print({0x1B, 0x40}).ok);

  std::ofstream(dev).close();
  DeviceFilePrinter printer(dev);
  EXPECT_EQ(printer.status().state, PrinterState::Ready);
  const std::vector<std::uint8_t> bytes{0x1B, 0x40, 'H', 'a', 'l', 'o', 0x0A};
  ASSERT_TRUE(printer.print(bytes).ok);
  std::ifstream in(dev, std::ios::binary);
  const std::vector<std::uint8_t> got{std::istreambuf_iterator<char>(in), {}};
  EXPECT_EQ(got, bytes);
  fs::remove_all(dir);
}

TEST(TcpPrinter, StatusAndPrintOverOneSocket) {
  FakeNetPrinter net(0x12 | 0x0C);  // paper near end
  TcpPrinter printer("127.0.0.1", net.port());
  const PrinterStatus st = printer.status();
  EXPECT_EQ(st.state, PrinterState::PaperNearEnd) << st.detail;
  const std::vector<std::uint8_t> bytes{0x1B, 0x40, 'A', 0x0A, 0x1D, 0x56, 0x42, 0x00};
  ASSERT_TRUE(printer.print(bytes).ok);
  EXPECT_EQ(net.waitForData(bytes.size()), bytes);
}

// Network printers close a connection that sits idle, and lose it when
// restarted. The next ticket must reconnect, not vanish into the dead
// socket (a write to it "succeeds"), and not fail as "offline".
TEST(TcpPrinter, ConnectionClosedByThePrinterIsReopenedForTheNextTicket) {
  for (const bool asksStatus : {true, false}) {
    FakeNetPrinter net(0x12);
    StatusQuirks quirks;
    quirks.answersStatus = asksStatus;
    TcpPrinter printer("127.0.0.1", net.port(), quirks);
    ASSERT_EQ(printer.status().state, PrinterState::Ready);
    const std::vector<std::uint8_t> first{0x1B, 0x40, '1', 0x0A};
    ASSERT_TRUE(printer.print(first).ok);
    ASSERT_EQ(net.waitForData(first.size()), first);

    net.dropConnection();
    const PrinterStatus st = printer.status();
    EXPECT_EQ(st.state, PrinterState::Ready) << st.detail;
    const std::vector<std::uint8_t> second{0x1B, 0x40, '2', 0x0A};
    ASSERT_TRUE(printer.print(second).ok);
    std::vector<std::uint8_t> both = first;
    both.insert(both.end(), second.begin(), second.end());
    EXPECT_EQ(net.waitForData(both.size()), both) << (asksStatus ? "asking status" : "silent model");
    EXPECT_EQ(net.connections(), 2);
  }
}

TEST(TcpPrinter, NothingListeningIsNotFound) {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(s);  // the port is now free: a connect is refused
  TcpPrinter printer("127.0.0.1", ntohs(a.sin_port));
  const PrinterStatus st = printer.status();
  EXPECT_EQ(st.state, PrinterState::NotFound);
  EXPECT_NE(st.detail.find("tidak dapat dihubungi"), std::string::npos) << st.detail;
  EXPECT_FALSE(printer.print({0x1B, 0x40}).ok);
}

TEST(MakePrinter, BuildsEachKindAndRejectsUnknown) {
  PrinterSpec spec;
  spec.kind = "usb";
  spec.usb = {0x0416, 0x5011};
  auto p = makePrinter(spec);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->describe(), "Printer USB 0416:5011");

  spec.kind = "tcp";
  spec.host = "192.168.1.50";
  p = makePrinter(spec);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->describe(), "Printer jaringan 192.168.1.50:9100");

  spec.kind = "file";
  p = makePrinter(spec);
  ASSERT_TRUE(p);
  EXPECT_NE(p->describe().find("/dev/usb/lp0"), std::string::npos);

  spec.kind = "virtual";
  spec.virtualDir = tempDir() / "virtual";
  EXPECT_TRUE(makePrinter(spec));
  fs::remove_all(tempDir());

  std::string error;
  spec.kind = "tcp";
  spec.host.clear();
  EXPECT_FALSE(makePrinter(spec, &error));
  EXPECT_FALSE(error.empty());
  spec.kind = "bluetooth";
  EXPECT_FALSE(makePrinter(spec, &error));
  EXPECT_NE(error.find("bluetooth"), std::string::npos);
}

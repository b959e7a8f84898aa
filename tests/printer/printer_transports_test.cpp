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

using namespace lpse::printer;
namespace fs = std::filesystem;

namespace {

fs::path tempDir() {
  fs::path d = fs::temp_directory_path() / ("lpse_transport_" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

// One-connection fake network printer: answers DLE EOT n with `reply`, keeps
// every other byte.
class FakeNetPrinter {
 public:
  explicit FakeNetPrinter(std::uint8_t paperReply) : m_reply(paperReply) {
    m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::listen(m_listen, 1);
    socklen_t len = sizeof a;
    ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &len);
    m_port = ntohs(a.sin_port);
    m_thread = std::thread([this] { serve(); });
  }
  ~FakeNetPrinter() {
    ::shutdown(m_listen, SHUT_RDWR);
    ::close(m_listen);
    m_thread.join();
  }
  std::uint16_t port() const { return m_port; }
  std::vector<std::uint8_t> waitForData(std::size_t n) {
    for (int i = 0; i < 500 && dataSize() < n; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::lock_guard lock(m_mutex);
    return m_data;
  }

 private:
  std::size_t dataSize() {
    std::lock_guard lock(m_mutex);
    return m_data.size();
  }
  void serve() {
    const int fd = ::accept(m_listen, nullptr, nullptr);
    if (fd < 0) return;
    std::uint8_t buf[4096];
    std::vector<std::uint8_t> pending;
    for (;;) {
      const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      pending.insert(pending.end(), buf, buf + n);
      // Status requests arrive alone before a job: answer them, keep the rest.
      while (pending.size() >= 3 && pending[0] == 0x10 && pending[1] == 0x04) {
        const std::uint8_t r = pending[2] == 4 ? m_reply : 0x12;
        ::send(fd, &r, 1, MSG_NOSIGNAL);
        pending.erase(pending.begin(), pending.begin() + 3);
      }
      std::lock_guard lock(m_mutex);
      m_data.insert(m_data.end(), pending.begin(), pending.end());
      pending.clear();
    }
    ::close(fd);
  }
  std::uint8_t m_reply;
  int m_listen = -1;
  std::uint16_t m_port = 0;
  std::mutex m_mutex;
  std::vector<std::uint8_t> m_data;
  std::thread m_thread;
};

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

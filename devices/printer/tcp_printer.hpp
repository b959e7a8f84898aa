#pragma once
// A network receipt printer on a raw TCP port (9100, "JetDirect"): ESC/POS
// out, DLE EOT status replies back on the same socket.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "devices/printer/printer.hpp"
#include "devices/printer/printer_status.hpp"

namespace lpse::printer {

struct TcpTimeouts {
  std::chrono::milliseconds connect{3000};
  std::chrono::milliseconds send{5000};         // no progress for this long fails the job
  std::chrono::milliseconds statusReply{500};
};

// Connects lazily, again after any error, and again when the printer has
// closed the connection since the last job (idle timeout, restart): checked
// before every status request and every job, so no ticket goes into a
// socket the printer no longer reads.
class TcpPrinter : public Printer {
 public:
  TcpPrinter(std::string host, std::uint16_t port = 9100, StatusQuirks quirks = {}, TcpTimeouts timeouts = {});
  ~TcpPrinter() override;
  TcpPrinter(const TcpPrinter&) = delete;
  TcpPrinter& operator=(const TcpPrinter&) = delete;

  PrinterStatus status() override;  // NotFound when nothing listens / host unknown
  PrintResult print(const std::vector<std::uint8_t>& escpos) override;
  std::string describe() const override;

 private:
  std::optional<PrinterStatus> ensureConnected();
  void disconnect();
  bool sendAll(const std::uint8_t* data, std::size_t len, std::size_t& sent);
  std::optional<std::uint8_t> ask(const std::vector<std::uint8_t>& request, bool& lost);

  const std::string m_host;
  const std::uint16_t m_port;
  const StatusQuirks m_quirks;
  const TcpTimeouts m_timeouts;
  std::mutex m_mutex;
  int m_fd = -1;
};

}  // namespace lpse::printer

#pragma once
// The device interface every printer transport implements (USB, TCP 9100,
// device file, the virtual printer, test fakes). Calls may block on I/O:
// call them from the PrintSpooler's thread, never from a UI frame.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lpse::printer {

enum class PrinterState { Ready, PaperNearEnd, PaperOut, CoverOpen, Offline, NotFound, Error };

std::string_view toString(PrinterState state);  // "ready", "paper_near_end", ... for logs and config

struct PrinterStatus {
  PrinterState state = PrinterState::Offline;
  std::string detail;  // a sentence for the staff, in Indonesian; empty when Ready
  // Ready or PaperNearEnd: a ticket still comes out.
  bool canPrint() const;
};

struct PrintResult {
  bool ok = false;
  std::string error;     // a sentence for the staff when !ok
  std::string artifact;  // what the job left behind, e.g. the virtual printer's PNG path
};

class Printer {
 public:
  virtual ~Printer();
  virtual PrinterStatus status() = 0;
  virtual PrintResult print(const std::vector<std::uint8_t>& escpos) = 0;
  virtual std::string describe() const = 0;  // "Virtual printer -> /var/lib/lpse/tickets (576 dots)"
};

}  // namespace lpse::printer

#pragma once
// A printer with no hardware: renders each job to PNG files, one per cut
// page. For the demo mode, development machines and end-to-end tests.
#include <filesystem>
#include <mutex>

#include "devices/printer/printer.hpp"

namespace lpse::printer {

class VirtualPrinter : public Printer {
 public:
  // dots: printable width, 576 for 80 mm paper, 384 for 58 mm.
  VirtualPrinter(std::filesystem::path outputDir, int paperDots = 576);

  // Ready when the directory exists (it is created) and is writable, else Error.
  PrinterStatus status() override;
  // Writes ticket-<YYYYmmdd-HHMMSS>-<n>.png (local time; n counts up and skips
  // names already taken). artifact: the PNG path, one per line when the job
  // had several cut pages.
  PrintResult print(const std::vector<std::uint8_t>& escpos) override;
  std::string describe() const override;

  const std::filesystem::path& outputDir() const { return m_dir; }
  int paperDots() const { return m_dots; }

 private:
  std::filesystem::path nextPath();

  std::filesystem::path m_dir;
  int m_dots;
  std::mutex m_mutex;  // guards m_counter: file names must stay unique
  int m_counter = 0;
};

}  // namespace lpse::printer

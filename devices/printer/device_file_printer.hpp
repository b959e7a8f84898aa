#pragma once
// A printer behind a character device (/dev/usb/lp0 from the usblp kernel
// driver): open, write, close per job. No status channel: Ready when writable.
#include <filesystem>

#include "devices/printer/printer.hpp"

namespace lpse::printer {

class DeviceFilePrinter : public Printer {
 public:
  explicit DeviceFilePrinter(std::filesystem::path path);
  // NotFound when the file is missing, Error when not writable, else Ready.
  PrinterStatus status() override;
  PrintResult print(const std::vector<std::uint8_t>& escpos) override;
  std::string describe() const override;

 private:
  std::filesystem::path m_path;
};

}  // namespace lpse::printer

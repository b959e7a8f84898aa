#include "devices/printer/device_file_printer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace lpse::printer {

DeviceFilePrinter::DeviceFilePrinter(std::filesystem::path path) : m_path(std::move(path)) {}

std::string DeviceFilePrinter::describe() const { return "Printer berkas perangkat " + m_path.string(); }

PrinterStatus DeviceFilePrinter::status() {
  if (::access(m_path.c_str(), W_OK) == 0) return {PrinterState::Ready, {}};
  if (errno == ENOENT)
    return {PrinterState::NotFound, "Printer tidak ditemukan (" + m_path.string() + " tidak ada)."};
  return {PrinterState::Error,
          "Printer " + m_path.string() + " tidak dapat ditulis (" + std::strerror(errno) + ")."};
}

PrintResult DeviceFilePrinter::print(const std::vector<std::uint8_t>& escpos) {
  const int fd = ::open(m_path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return {false, "Printer " + m_path.string() + " tidak dapat dibuka (" + std::strerror(errno) + ").", {}};
  std::size_t sent = 0;
  while (sent < escpos.size()) {
    const ssize_t n = ::write(fd, escpos.data() + sent, escpos.size() - sent);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = n < 0 ? std::strerror(errno) : "tidak ada kemajuan";
      ::close(fd);
      return {false,
              "Printer terputus saat mencetak (" + std::to_string(sent) + " dari " +
                  std::to_string(escpos.size()) + " byte terkirim: " + why + ").",
              {}};
    }
    sent += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0)
    return {false, "Printer " + m_path.string() + " gagal menyelesaikan penulisan (" + std::strerror(errno) + ").", {}};
  return {true, {}, {}};
}

}  // namespace lpse::printer

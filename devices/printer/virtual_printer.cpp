#include "devices/printer/virtual_printer.hpp"

#include <stb_image_write.h>
#include <unistd.h>

#include <ctime>
#include <system_error>

#include "devices/printer/escpos_render.hpp"

namespace lpse::printer {
namespace fs = std::filesystem;

namespace {

std::string timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &local);
  return buf;
}

// PNG wants light, the page holds ink (bitmap.hpp).
bool writePng(const fs::path& path, const Bitmap& page) {
  std::vector<std::uint8_t> gray(page.pixels.size());
  for (std::size_t i = 0; i < gray.size(); ++i) gray[i] = static_cast<std::uint8_t>(255 - page.pixels[i]);
  return stbi_write_png(path.c_str(), page.width, page.height, 1, gray.data(), page.width) != 0;
}

}  // namespace

VirtualPrinter::VirtualPrinter(fs::path outputDir, int paperDots)
    : m_dir(std::move(outputDir)), m_dots(paperDots > 0 ? paperDots : 576) {}

PrinterStatus VirtualPrinter::status() {
  std::error_code ec;
  fs::create_directories(m_dir, ec);
  if (ec || !fs::is_directory(m_dir, ec))
    return {PrinterState::Error, "Folder printer virtual tidak dapat dibuat: " + m_dir.string() + "."};
  if (::access(m_dir.c_str(), W_OK) != 0)
    return {PrinterState::Error, "Folder printer virtual tidak dapat ditulisi: " + m_dir.string() + "."};
  return {PrinterState::Ready, {}};
}

fs::path VirtualPrinter::nextPath() {
  const std::string stamp = timestamp();
  std::error_code ec;
  for (;;) {
    const fs::path candidate = m_dir / ("ticket-" + stamp + "-" + std::to_string(++m_counter) + ".png");
    if (!fs::exists(candidate, ec)) return candidate;
  }
}

PrintResult VirtualPrinter::print(const std::vector<std::uint8_t>& escpos) {
  const auto pages = renderEscPosPages(escpos, m_dots);
  if (pages.empty()) return {false, "Tidak ada yang tercetak: data tiket kosong.", {}};

  std::lock_guard lock(m_mutex);
  std::error_code ec;
  fs::create_directories(m_dir, ec);
  PrintResult result{true, {}, {}};
  for (const Bitmap& page : pages) {
    const fs::path path = nextPath();
    if (!writePng(path, page)) return {false, "Gagal menulis berkas tiket " + path.string() + ".", result.artifact};
    if (!result.artifact.empty()) result.artifact += '\n';
    result.artifact += path.string();
  }
  return result;
}

std::string VirtualPrinter::describe() const {
  return "Printer virtual (PNG) di " + m_dir.string() + ", lebar " + std::to_string(m_dots) + " titik";
}

}  // namespace lpse::printer

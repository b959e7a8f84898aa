// What printing a ticket costs before the paper moves: the time from "ticket
// requested" (layoutTicket of a realistic ticket, 80 mm) to the last byte
// handed to the USB transport, through the real libusb UsbPrinter against the
// umockdev-emulated printer (which takes every byte at once, so this is our
// code plus libusb plus umockdev's ioctl round trips, not the printer).
// Baselines in the same run: the raw libusb bulk transfer of the same byte
// count to the same emulated device, and layoutTicket alone. Every timed
// benchmark keeps its per-iteration times and reports p50/p99 (microseconds)
// as counters. BM_TicketBytes reports bytes per ticket, text layout vs the
// same ticket sent as one raster image vs the text layout with the ticket
// logo (assets/logo-ticket.png, path in LPSE_BENCH_LOGO), at 58 and 80 mm;
// BM_TicketWithLogoToUsb times the logo ticket to the last byte.
// Needs umockdev's preload: run under umockdev-wrapper (exits 77 otherwise).
#include <benchmark/benchmark.h>
#include <libusb.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "devices/printer/escpos.hpp"
#include "devices/printer/escpos_render.hpp"
#include "devices/printer/logo_file.hpp"
#include "devices/printer/print_spooler.hpp"
#include "devices/printer/ticket_layout.hpp"
#include "devices/printer/usb_printer.hpp"
#include "tests/printer/usb_printer_fixture.hpp"

namespace {

namespace pr = lpse::printer;
using Clock = std::chrono::steady_clock;
using lpse::printer::testing::EmulatedUsbPrinter;

constexpr std::uint16_t kVid = 0x0416, kPid = 0x5011;
EmulatedUsbPrinter* g_emu = nullptr;  // one device for the whole run, made before any libusb_init

pr::TicketContent realisticTicket() {
  pr::TicketContent t;
  t.officeName = "LPSE Kabupaten Banyumas";
  t.number = "R-042";
  t.serviceName = "Reset Password / Aktivasi Akun SPSE";
  t.dateTimeText = "Selasa, 25 November 2025 09:41";
  t.counterHint = "Silakan menunggu panggilan di ruang tunggu";
  t.ahead = 7;
  t.estimatedWaitMin = 35;
  t.qrPayload = "LPSE1|T|R-042|2025-11-25|9f86d081884c7d65";
  t.footer = "Terima kasih. Simpan tiket ini sampai layanan selesai.";
  return t;
}

// The ticket logo as the kiosk loads it (once, at start-up); an empty Bitmap
// when the file is missing, which the logo benchmarks report as an error.
pr::Bitmap ticketLogo(int dots) {
  const char* env = std::getenv("LPSE_BENCH_LOGO");
  pr::LogoOptions o;
  o.maxWidth = dots;
  const auto logo = pr::loadLogo(env && *env ? env : "assets/logo-ticket.png", o);
  return logo.image;
}

pr::TicketFormat formatWithLogo(const pr::PaperSpec& paper) {
  pr::TicketFormat f;
  f.paper = paper;
  f.logo = ticketLogo(paper.dots);
  return f;
}

// Per-iteration wall times; p50/p99 go to the counters at the end.
class Samples {
 public:
  explicit Samples(benchmark::State& state) : m_state(state) { m_ns.reserve(1 << 16); }
  void add(Clock::duration d) {
    m_ns.push_back(std::chrono::duration<double, std::nano>(d).count());
    m_state.SetIterationTime(m_ns.back() * 1e-9);
  }
  ~Samples() {
    if (m_ns.empty()) return;
    std::sort(m_ns.begin(), m_ns.end());
    const auto pct = [&](double p) {
      const std::size_t i = static_cast<std::size_t>(std::ceil(p * static_cast<double>(m_ns.size())));
      return m_ns[std::min(m_ns.size() - 1, i == 0 ? 0 : i - 1)] / 1000.0;
    };
    m_state.counters["p50_us"] = pct(0.50);
    m_state.counters["p99_us"] = pct(0.99);
    m_state.counters["samples"] = static_cast<double>(m_ns.size());
  }

 private:
  benchmark::State& m_state;
  std::vector<double> m_ns;
};

// The emulator keeps every byte: forget them now and then, outside the clock.
void trimEmulator(std::size_t iteration) {
  if (iteration % 512 == 0) g_emu->clear();
}

void BM_LayoutOnly(benchmark::State& state) {
  const auto content = realisticTicket();
  Samples samples(state);
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto t0 = Clock::now();
    auto ticket = pr::layoutTicket(content, pr::paper80());
    benchmark::DoNotOptimize(ticket.data());
    samples.add(Clock::now() - t0);
    bytes = ticket.size();
  }
  state.counters["bytes"] = static_cast<double>(bytes);
  state.SetItemsProcessed(state.iterations());
}

// The baseline: the same byte count through bare libusb, in the same 4 KiB
// chunks UsbPrinter uses, to the same emulated endpoint.
void BM_RawBulk(benchmark::State& state) {
  const std::size_t size = pr::layoutTicket(realisticTicket(), pr::paper80()).size();
  libusb_context* ctx = nullptr;
  if (libusb_init(&ctx) != 0) return state.SkipWithError("libusb_init failed");
  libusb_device_handle* h = libusb_open_device_with_vid_pid(ctx, kVid, kPid);
  if (!h) {
    libusb_exit(ctx);
    return state.SkipWithError("emulated printer not found by libusb");
  }
  libusb_set_auto_detach_kernel_driver(h, 1);
  if (libusb_claim_interface(h, 0) != 0) {
    libusb_close(h);
    libusb_exit(ctx);
    return state.SkipWithError("claim failed");
  }
  std::vector<std::uint8_t> buf(size, 0x20);
  Samples samples(state);
  std::size_t i = 0;
  for (auto _ : state) {
    trimEmulator(i++);
    const auto t0 = Clock::now();
    std::size_t sent = 0;
    while (sent < buf.size()) {
      const int len = static_cast<int>(std::min(pr::UsbPrinter::kChunkBytes, buf.size() - sent));
      int done = 0;
      if (libusb_bulk_transfer(h, 0x01, buf.data() + sent, len, &done, 5000) != 0) {
        state.SkipWithError("bulk transfer failed");
        break;
      }
      sent += static_cast<std::size_t>(done);
    }
    samples.add(Clock::now() - t0);
  }
  state.counters["bytes"] = static_cast<double>(size);
  state.SetItemsProcessed(state.iterations());
  libusb_release_interface(h, 0);
  libusb_close(h);
  libusb_exit(ctx);
}

// "Ticket requested" to the last byte handed to libusb: layout + print().
void BM_TicketToUsb(benchmark::State& state) {
  const auto content = realisticTicket();
  pr::UsbPrinter printer(pr::UsbSelector{kVid, kPid});
  if (!printer.status().canPrint()) return state.SkipWithError("emulated printer not ready");
  Samples samples(state);
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    trimEmulator(i++);
    const auto t0 = Clock::now();
    const auto ticket = pr::layoutTicket(content, pr::paper80());
    const pr::PrintResult r = printer.print(ticket);
    samples.add(Clock::now() - t0);
    if (!r.ok) {
      state.SkipWithError(r.error.c_str());
      break;
    }
    bytes = ticket.size();
  }
  state.counters["bytes"] = static_cast<double>(bytes);
  state.SetItemsProcessed(state.iterations());
}

// The same with the logo on top: what the raster costs on the wire.
void BM_TicketWithLogoToUsb(benchmark::State& state) {
  const auto content = realisticTicket();
  const pr::TicketFormat format = formatWithLogo(pr::paper80());
  if (format.logo.empty()) return state.SkipWithError("logo not found: set LPSE_BENCH_LOGO");
  pr::UsbPrinter printer(pr::UsbSelector{kVid, kPid});
  if (!printer.status().canPrint()) return state.SkipWithError("emulated printer not ready");
  Samples samples(state);
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    trimEmulator(i++);
    const auto t0 = Clock::now();
    const auto ticket = pr::layoutTicket(content, format);
    const pr::PrintResult r = printer.print(ticket);
    samples.add(Clock::now() - t0);
    if (!r.ok) {
      state.SkipWithError(r.error.c_str());
      break;
    }
    bytes = ticket.size();
  }
  state.counters["bytes"] = static_cast<double>(bytes);
  state.SetItemsProcessed(state.iterations());
}

// The status check the spooler makes before each ticket (DLE EOT requests,
// each a bulk OUT and a bulk IN reply), alone: to read the spooler row.
void BM_StatusOnly(benchmark::State& state) {
  pr::UsbPrinter printer(pr::UsbSelector{kVid, kPid});
  Samples samples(state);
  std::size_t i = 0;
  for (auto _ : state) {
    trimEmulator(i++);
    const auto t0 = Clock::now();
    const pr::PrinterStatus st = printer.status();
    samples.add(Clock::now() - t0);
    if (!st.canPrint()) {
      state.SkipWithError(st.detail.c_str());
      break;
    }
  }
  state.counters["status_requests"] = static_cast<double>(g_emu->statusRequests());
  state.SetItemsProcessed(state.iterations());
}

// What the kiosk really does per ticket: layout, hand the job to the
// PrintSpooler, whose thread asks the status (DLE EOT round trips) and then
// prints; the clock stops in the job's done callback.
void BM_TicketViaSpooler(benchmark::State& state) {
  const auto content = realisticTicket();
  pr::PrintSpooler spooler(std::make_unique<pr::UsbPrinter>(pr::UsbSelector{kVid, kPid}), std::chrono::milliseconds(0));
  std::mutex m;
  std::condition_variable cv;
  std::optional<pr::PrintResult> result;
  Clock::time_point finished;
  Samples samples(state);
  std::size_t i = 0;
  for (auto _ : state) {
    trimEmulator(i++);
    {
      std::lock_guard lock(m);
      result.reset();
    }
    const auto t0 = Clock::now();
    spooler.submit(pr::layoutTicket(content, pr::paper80()), [&](const pr::PrintResult& r) {
      const auto t1 = Clock::now();
      std::lock_guard lock(m);
      finished = t1;
      result = r;
      cv.notify_one();
    });
    std::unique_lock lock(m);
    if (!cv.wait_for(lock, std::chrono::seconds(10), [&] { return result.has_value(); })) {
      state.SkipWithError("spooler job timed out");
      break;
    }
    samples.add(finished - t0);
    if (!result->ok) {
      state.SkipWithError(result->error.c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
}

// Bytes per ticket: the text layout vs the same ticket as one raster image
// (renderEscPos of the layout, sent as init + GS v 0 + cut). Timed: the
// raster path's extra work (render + encode).
void BM_TicketBytes(benchmark::State& state) {
  const pr::PaperSpec paper = state.range(0) == 58 ? pr::paper58() : pr::paper80();
  const auto content = realisticTicket();
  const pr::TicketFormat withLogo = formatWithLogo(paper);
  if (withLogo.logo.empty()) return state.SkipWithError("logo not found: set LPSE_BENCH_LOGO");
  std::size_t textBytes = 0, rasterBytes = 0;
  int height = 0;
  Samples samples(state);
  for (auto _ : state) {
    const auto t0 = Clock::now();
    const auto text = pr::layoutTicket(content, paper);
    const pr::Bitmap page = pr::renderEscPos(text, paper.dots);
    pr::EscPos raster;
    raster.init().raster(page).cut();
    samples.add(Clock::now() - t0);
    textBytes = text.size();
    rasterBytes = raster.view().size();
    height = page.height;
  }
  state.counters["text_bytes"] = static_cast<double>(textBytes);
  state.counters["logo_ticket_bytes"] = static_cast<double>(pr::layoutTicket(content, withLogo).size());
  state.counters["logo_rows"] = static_cast<double>(withLogo.logo.height);
  state.counters["raster_bytes"] = static_cast<double>(rasterBytes);
  state.counters["raster_rows"] = static_cast<double>(height);
  state.counters["paper_dots"] = static_cast<double>(paper.dots);
}

BENCHMARK(BM_LayoutOnly)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RawBulk)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_TicketToUsb)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_TicketWithLogoToUsb)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_StatusOnly)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_TicketViaSpooler)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_TicketBytes)->Arg(58)->Arg(80)->UseManualTime()->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  if (!EmulatedUsbPrinter::preloadActive()) {
    std::fprintf(stderr, "print_bench: run under umockdev-wrapper (needs the umockdev preload)\n");
    return 77;
  }
  EmulatedUsbPrinter emu(kVid, kPid);  // before any libusb_init
  g_emu = &emu;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  g_emu = nullptr;
  return 0;
}

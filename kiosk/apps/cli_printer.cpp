// `lpse printer-test`: the LPSE IT person's first check of a printer. The
// flags choose a printer without a config file; with none, the config's.
#include <memory>

#include "devices/printer/ticket_layout.hpp"
#include "devices/printer/usb_printer.hpp"
#include "kiosk/apps/cli_command.hpp"
#include "kiosk/apps/printer_setup.hpp"

namespace lpse::apps {

namespace {

struct PrinterTestArgs {
  std::string usb, tcp, file, virt;
  bool list = false, statusOnly = false;
};

int listPrinters() {
  auto found = printer::listUsbPrinters();
  for (const auto& p : found)
    std::printf("%s  bus %03d device %03d\n", printer::toString(p.id).c_str(), p.bus, p.address);
  if (found.empty()) std::printf("no USB printer found\n");
  return 0;
}

int printerTest(const CliContext& ctx, const PrinterTestArgs& a) {
  if (a.list) return listPrinters();
  bool chosenByFlag = !a.usb.empty() || !a.tcp.empty() || !a.file.empty() || !a.virt.empty();
  config::Config cfg;  // defaults when a flag names the printer and no config file exists
  if (auto loaded = ctx.config()) {
    cfg = *loaded;
  } else if (!chosenByFlag) {
    return fail(loaded.error());
  }
  config::PrinterConfig pc = cfg.printer;
  if (!a.usb.empty()) pc.kind = "usb", pc.usb = a.usb;
  if (!a.tcp.empty()) {
    auto colon = a.tcp.rfind(':');
    pc.kind = "tcp";
    pc.host = a.tcp.substr(0, colon);
    pc.port = colon == std::string::npos ? 9100 : std::atoi(a.tcp.c_str() + colon + 1);
  }
  if (!a.file.empty()) pc.kind = "file", pc.device = a.file;
  if (!a.virt.empty()) pc.kind = "virtual", pc.outputDir = a.virt;
  std::string chosen;
  auto opened = openPrinter(pc, chosen);
  if (!opened) return fail(opened.error());
  auto st = (*opened)->status();
  std::printf("printer: %s\nstatus: %s%s%s\n", chosen.c_str(), std::string(printer::toString(st.state)).c_str(),
              st.detail.empty() ? "" : " - ", st.detail.c_str());
  if (a.statusOnly) return st.canPrint() ? 0 : 1;
  if (!st.canPrint()) return 1;
  printer::TicketContent t;
  t.officeName = cfg.office.name;
  t.number = "T-000";
  t.serviceName = "Tes printer / Printer test";
  t.dateTimeText = "-";
  t.qrPayload = "lpse-printer-test";
  t.footer = "Jika tiket ini terbaca, printer siap. / If you can read this, the printer is ready.";
  std::string logoWarning;
  auto format = ticketFormat(pc, cfg.sourcePath, &logoWarning);  // logs a logo left out on stderr
  if (!format) return fail(format.error());
  auto r = (*opened)->print(printer::layoutTicket(t, *format));
  if (!r.ok) {
    std::fprintf(stderr, "lpse: %s\n", r.error.c_str());
    return 1;
  }
  std::printf("printed%s%s\n", r.artifact.empty() ? "" : ": ", r.artifact.c_str());
  return 0;
}

}  // namespace

void registerPrinterCommands(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<PrinterTestArgs>();
  auto* ptest = app.add_subcommand("printer-test", "List printers, ask a printer's status, print a test ticket");
  ptest->add_option("--usb", args->usb, "USB printer VID:PID (e.g. 0416:5011)");
  ptest->add_option("--tcp", args->tcp, "Network printer HOST:PORT (raw, usually port 9100)");
  ptest->add_option("--file", args->file, "Printer device file (e.g. /dev/usb/lp0)");
  ptest->add_option("--virtual", args->virt, "Render to PNG files in this folder");
  ptest->add_flag("--list", args->list, "List the USB printers on the bus");
  ptest->add_flag("--status", args->statusOnly, "Only ask the status; print nothing");
  ptest->final_callback([&ctx, args] { ctx.exitCode = printerTest(ctx, *args); });
}

}  // namespace lpse::apps

#include "kiosk/kiosk_app/kiosk_app.hpp"
#include "kiosk/client/clock.hpp"


#include "kiosk/kiosk_app/ticket_print.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::kiosk {

namespace {
using client::wallClockMs;
KioskSettings settingsFrom(const config::Config& c) {
  KioskSettings s;
  s.idleTimeoutS = c.kiosk.idleTimeoutS;
  s.services = c.services;
  return s;
}
PrinterView printerView(const printer::PrinterStatus& st) {
  using S = printer::PrinterState;
  const char* key = "status.printer_error";
  switch (st.state) {
    case S::Ready: key = "status.printer_ok"; break;
    case S::PaperNearEnd: key = "status.printer_near_end"; break;
    case S::PaperOut: key = "status.printer_paper_out"; break;
    case S::CoverOpen: key = "status.printer_cover_open"; break;
    case S::Offline: case S::NotFound: key = "status.printer_offline"; break;
    case S::Error: break;
  }
  return PrinterView{st.canPrint(), key, st.detail};
}

}  // namespace

KioskApp::KioskApp(config::Config cfg, ui::Strings& strings, std::unique_ptr<printer::Printer> printer,
                   ui::WindowApp& window)
    : m_cfg(std::move(cfg)),
      m_strings(strings),
      m_window(window),
      m_model(settingsFrom(m_cfg)),
      m_api(m_cfg.serverUrl, {m_cfg.kiosk.id, core::ActorRole::Kiosk}),
      m_worker([&window] { window.wake(); }),
      m_spooler(std::make_unique<printer::PrintSpooler>(std::move(printer))) {
  m_model.setLanguage(m_cfg.kiosk.language);
  m_strings.setLanguage(m_cfg.kiosk.language);
  refreshBoard();
  // The stream tells us when the server comes and goes, and when counts
  // change; each (re)connect re-reads the board.
  m_stream = std::make_unique<client::EventStream>(
      m_cfg.serverUrl, client::Identity{m_cfg.kiosk.id, core::ActorRole::Kiosk}, -1,
      client::EventStream::Callbacks{
          [this](const api::StreamEvent&) { refreshBoard(); },
          [this](bool online) {
            m_worker.toUi([this, online] {
              m_model.setServerOnline(online);
              if (online) m_reportedPrinter.clear();  // tell the (restarted) server again
            });
            if (online) refreshBoard();
          }});
}

KioskApp::~KioskApp() {
  m_stream.reset();  // stop callbacks before the worker goes
}

void KioskApp::refreshBoard() {
  m_worker.post([this] {
    auto b = m_api.board();
    m_worker.toUi([this, b] {
      m_boardLoaded = true;
      if (!b) {
        m_model.setServerOnline(false);
        return;
      }
      std::map<std::string, int> waiting(b->waiting.begin(), b->waiting.end());
      m_model.setWaiting(waiting);
    });
  });
}

// Staff hear of a printer problem through the server (desks show it); the
// kiosk tells each change once, and again after reconnecting.
void KioskApp::reportPrinter(const printer::PrinterStatus& st) {
  const std::string key(printer::toString(st.state));
  if (!m_model.serverOnline() || key == m_reportedPrinter) return;
  m_reportedPrinter = key;
  core::DeviceStatus d;
  d.part = "printer";
  d.ok = st.canPrint();
  d.state = key;
  d.detail = st.detail.substr(0, 300);
  m_worker.post([this, d] { (void)m_api.reportDevice(d); });
}

void KioskApp::takeNumber() {
  if (!m_model.submit(wallClockMs())) return;
  core::Visit visit = m_model.draft();
  m_worker.post([this, visit] {
    auto t = m_api.issueTicket(visit);
    m_worker.toUi([this, t] {
      if (!t) {
        // Nothing was recorded, so no number is shown: the visitor keeps
        // the form and is told why.
        m_model.ticketFailed(t.error());
        return;
      }
      m_model.ticketIssued(*t, wallClockMs());
      print(*t);
    });
  });
}

void KioskApp::print(const core::IssuedTicket& t) {
  m_model.printStarted();
  auto bytes = ticketBytes(t, m_cfg, m_model.language(), wallClockMs());
  const std::string ticket = t.kase.ticket;
  m_spooler->submit(std::move(bytes), [this, ticket](const printer::PrintResult& r) {
    m_worker.toUi([this, ticket, r] {
      // The visitor may have moved on; only report on the ticket on screen.
      if (m_model.ticket() && m_model.ticket()->kase.ticket == ticket) m_model.printFinished(r.ok, r.error);
    });
  });
}

std::string KioskApp::serviceName(const std::string& code) const {
  for (const auto& s : m_cfg.services)
    if (s.code == code) return m_model.language() == "en" ? s.nameEn : s.nameId;
  return code;
}

void KioskApp::draw(ui::Frame& frame) {
  m_worker.drain();
  const auto printerStatus = m_spooler->lastStatus();
  m_model.setPrinter(printerView(printerStatus));
  reportPrinter(printerStatus);
  m_model.tick(wallClockMs());
  ui::beginScreen("kiosk");
  drawTopBar(frame);
  switch (m_model.step()) {
    case Step::Attract: drawAttract(frame); break;
    case Step::Form: drawForm(frame); break;
    case Step::Submitting: drawSubmitting(frame); break;
    case Step::Ticket: drawTicket(frame); break;
  }
  ui::endScreen();
}

}  // namespace lpse::kiosk

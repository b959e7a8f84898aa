#include "kiosk/kiosk_app/kiosk_app.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "devices/audio/sdl_sink.hpp"
#include "kiosk/client/clock.hpp"
#include "kiosk/kiosk_app/ticket_print.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/key_focus.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::kiosk {

namespace {
using client::wallClockMs;

KioskSettings settingsFrom(const config::Config& c) {
  KioskSettings s;
  s.idleTimeoutS = c.kiosk.idleTimeoutS;
  s.services = c.services;
  s.minutesPerVisitor = c.timeStandards.forStep(5).value_or(5);
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

// The device token: the one given, else the file the config names (written
// by `lpse device add`). Without one the server refuses the kiosk, and the
// server pill says "not connected" until someone registers it.
client::Credential credentialFor(const config::Config& c, client::Credential given) {
  if (!given.token.empty() || c.kiosk.credentialFile.empty()) return given;
  auto r = client::readCredentialFile(c.kiosk.credentialFile);
  if (r) return *r;
  std::fprintf(stderr, "lpse-kiosk: %s\n", r.error().en.c_str());
  return given;
}


}  // namespace

float layoutScale(ImVec2 size) {
  const bool portrait = size.y > size.x;
  const float s = portrait ? std::min(size.x / 1080.0f, size.y / 1920.0f) : std::min(size.x / 1920.0f, size.y / 1080.0f);
  return std::clamp(s, 0.3f, 4.0f);
}

float minTouchPx(ImVec2 size, float diagonalIn) {
  const float diagPx = std::sqrt(size.x * size.x + size.y * size.y);
  const float pxPerMm = diagPx / (std::max(diagonalIn, 5.0f) * 25.4f);
  return 9.0f * pxPerMm;
}

KioskApp::KioskApp(config::Config cfg, ui::Strings& strings, std::unique_ptr<printer::Printer> printer,
                   ui::WindowApp& window, client::Credential credential)
    : KioskApp(std::move(cfg), strings, std::move(printer),
               KioskHost{.wake = [&window] { window.wake(); },
                         .setUiScale = [&window](float s) { window.setUiScale(s); },
                         .userScale = window.options().uiScale},
               std::move(credential)) {
  // The kiosk's own sound output (SDL's default device; SDL_AUDIODRIVER and
  // AUDIODEV choose another). Opened on the speech thread at the first
  // sentence: a kiosk without sound works as before.
  m_speech = std::make_unique<KioskSpeech>(std::make_unique<audio::SdlSink>());
  m_host.say = [this](const std::string& text, const std::string& lang) {
    if (text.empty()) m_speech->stop();
    else m_speech->say(text, lang);
  };
}

KioskApp::KioskApp(config::Config cfg, ui::Strings& strings, std::unique_ptr<printer::Printer> printer, KioskHost host,
                   client::Credential credential)
    : m_cfg(std::move(cfg)),
      m_strings(strings),
      m_host(std::move(host)),
      m_model(settingsFrom(m_cfg)),
      m_api(m_cfg.serverUrl, credentialFor(m_cfg, credential)),
      m_worker([wake = m_host.wake] {
        if (wake) wake();
      }),
      m_spooler(std::make_unique<printer::PrintSpooler>(std::move(printer))) {
  m_host.screenDiagonalIn = m_cfg.kiosk.screenDiagonalIn;
  ui::setCompactGlyphs(true);  // from the first build (before the first frame) on
  m_ticketFormat.paper = m_cfg.printer.paperDots == 384 ? printer::paper58() : printer::paper80();
  m_model.setLanguage(m_cfg.kiosk.language);
  m_strings.setLanguage(m_cfg.kiosk.language);
  refreshBoard();
  // The stream tells us when the server comes and goes, and when counts
  // change; each (re)connect re-reads the board.
  m_stream = std::make_unique<client::EventStream>(
      m_cfg.serverUrl, m_api.credential(), -1,
      client::EventStream::Callbacks{[this](const api::StreamEvent&) { refreshBoard(); },
                                     [this](bool online) {
                                       m_worker.toUi([this, online] {
                                         m_streamOnline = online;
                                         updateOnline();
                                         if (online) m_reportedPrinter.clear();  // tell the (restarted) server again
                                       });
                                       if (online) refreshBoard();
                                     },
                                     {}});
  m_watch = std::thread([this] { watchServer(); });
}

KioskApp::~KioskApp() {
  {
    std::lock_guard lock(m_watchMutex);
    m_stopping = true;
  }
  m_watchCv.notify_all();
  if (m_watch.joinable()) m_watch.join();
  m_stream.reset();  // stop callbacks before the worker goes
}

// A server that hangs with its connections open (stopped, swapping, a
// wedged disk) never closes the stream: only a short health check tells.
// Twice a second with a 1 s limit, a hang shows within 1.5 s.
void KioskApp::watchServer() {
  client::ApiClient api(m_cfg.serverUrl, {});
  api.setTimeouts(1000, 1000);
  bool last = false, first = true;
  int lastRetention = -1;
  std::unique_lock lock(m_watchMutex);
  while (!m_stopping) {
    lock.unlock();
    const auto health = api.health();
    lock.lock();
    if (m_stopping) break;
    const bool ok = health.ok();
    if (ok != last || first) {
      m_worker.toUi([this, ok] {
        m_healthOk = ok;
        updateOnline();
      });
      last = ok;
      first = false;
    }
    // The data notice quotes the server's retention period.
    if (ok && health->retentionDays != lastRetention) {
      lastRetention = health->retentionDays;
      m_worker.toUi([this, days = lastRetention] { m_model.setRetentionDays(days); });
    }
    m_watchCv.wait_for(lock, std::chrono::milliseconds(500), [this] { return m_stopping; });
  }
}

void KioskApp::updateOnline() {
  const bool online = m_streamOnline && m_healthOk;
  if (online == m_model.serverOnline()) return;
  m_model.setServerOnline(online);
  if (online) refreshBoard();
}

void KioskApp::qrPayload(std::string payload) {
  m_worker.toUi([this, p = std::move(payload)] {
    onQr(m_model.qrRead(p, wallClockMs()));
  });
}

void KioskApp::cameraState(CameraState state) {
  m_worker.toUi([this, state] { m_model.cameraChanged(state); });
}

void KioskApp::previewFrame(std::shared_ptr<const PreviewFrame> frame) {
  m_worker.toUi([this, f = std::move(frame)]() mutable { m_model.frameArrived(std::move(f)); });
}

void KioskApp::setQrReader(QrReader reader) {
  auto s = m_model.settings();
  s.qrReader = std::move(reader);
  const std::string lang = m_model.language();
  m_model = KioskModel(std::move(s));
  m_model.setLanguage(lang);
}

void KioskApp::refreshBoard() {
  m_worker.post([this] {
    auto b = m_api.board();
    m_worker.toUi([this, b] {
      m_boardLoaded = true;
      if (!b) return;
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
  m_editing.clear();
  core::Visit visit = m_model.draft();
  m_worker.post([this, visit, key = m_model.requestKey()] {
    auto t = m_api.issueTicket(visit, key);
    m_worker.toUi([this, t] {
      if (!t) {
        // No number without the server's answer: the visitor keeps the
        // form and is told why. If the server did record it (the reply was
        // lost), the next tap sends the same key and gets that number.
        m_model.ticketFailed(t.error());
        return;
      }
      m_model.ticketIssued(*t, wallClockMs());
      print(*t);
    });
  });
}

void KioskApp::lookupTicket(const std::string& token) {
  m_worker.post([this, token] {
    auto s = m_api.ticketStatus(token);
    m_worker.toUi([this, s] {
      if (s) m_model.statusLoaded(*s, wallClockMs());
      else m_model.statusFailed(s.error(), wallClockMs());
    });
  });
}

void KioskApp::recallEntry(const std::string& token) {
  m_worker.post([this, token] {
    auto v = m_api.recallEntry(token);
    m_worker.toUi([this, token, v] {
      if (v) m_model.entryRecalled(token, *v, wallClockMs());
      else m_model.recallFailed(token, v.error(), wallClockMs());
      m_editing.clear();
    });
  });
}

void KioskApp::registerAgain() {
  if (m_model.registerAgain(wallClockMs())) recallEntry(m_model.recallToken());
}

void KioskApp::onQr(QrOutcome outcome) {
  if (outcome == QrOutcome::LookupTicket) lookupTicket(m_model.lookupToken());
  if (outcome == QrOutcome::RecallEntry) recallEntry(m_model.recallToken());
  if (outcome == QrOutcome::FormFilled) m_editing.clear();
}

void KioskApp::rejoinQueue() {
  if (!m_model.rejoin(wallClockMs()) || !m_model.ticketStatus()) return;
  const std::int64_t caseId = m_model.ticketStatus()->caseId;
  const std::string token = m_model.lookupToken();
  m_worker.post([this, caseId, token] {
    auto c = m_api.act(caseId, core::Action::ReturnDocuments, {});
    if (!c) {
      m_worker.toUi([this, e = c.error()] { m_model.statusFailed(e, wallClockMs()); });
      return;
    }
    auto s = m_api.ticketStatus(token);
    m_worker.toUi([this, s] {
      if (s) m_model.statusLoaded(*s, wallClockMs());
      else m_model.statusFailed(s.error(), wallClockMs());
    });
  });
}

void KioskApp::print(const core::IssuedTicket& t) {
  m_model.printStarted();
  auto bytes = ticketBytes(t, m_cfg, m_ticketFormat, m_model.language(), wallClockMs());
  const std::string ticket = t.kase.ticket;
  m_spooler->submit(std::move(bytes), [this, ticket](const printer::PrintResult& r) {
    m_worker.toUi([this, ticket, r] {
      // The visitor may have moved on; only report on the ticket on screen.
      if (m_model.ticket() && m_model.ticket()->kase.ticket == ticket) m_model.printFinished(r.ok, r.error);
    });
  });
}

// A keyboard-wedge QR scanner "types" the code and presses Enter. Read it
// on the screens where nothing else takes typing (no field is being edited).
void KioskApp::readWedgeScanner() {
  const Step s = m_model.step();
  const bool listens = s == Step::Attract || s == Step::Scan || s == Step::TicketScan || s == Step::Service;
  ImGuiIO& io = ImGui::GetIO();
  if (!listens || io.WantTextInput) {
    m_wedge.clear();
    return;
  }
  for (ImWchar c : io.InputQueueCharacters)
    if (c >= 0x20 && c < 0x7F && m_wedge.size() < 4096) m_wedge.push_back(static_cast<char>(c));
  if ((ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false)) &&
      !m_wedge.empty()) {
    std::string payload;
    payload.swap(m_wedge);
    onQr(m_model.qrRead(payload, wallClockMs()));
  }
}

std::string KioskApp::serviceName(const std::string& code) const {
  for (const auto& s : m_cfg.services)
    if (s.code == code) return m_model.language() == "en" ? s.nameEn : s.nameId;
  return code;
}

std::string KioskApp::errorText(const core::Error& e) const {
  // The kiosk's own wording when it has one for the code; the error's
  // sentence otherwise (server and validation errors carry both languages).
  const std::string key = "kiosk.message." + e.code;
  return m_strings.has(key) ? tr(key) : e.message(m_model.language());
}

void KioskApp::draw(ui::Frame& frame) { drawAt(frame.size); }

void KioskApp::speak(const std::string& text) {
  m_spoken = text;
  ++m_spokenCount;
  if (m_model.access().speech && m_host.say) m_host.say(text, m_model.language());
}

// Each page says what it is and what to do when it opens; the idle warning
// says itself once; the ticket is read in full.
void KioskApp::guidePage() {
  const Step s = m_model.step();
  const std::string& lang = m_model.language();
  // Speech switched on: say where the visitor is; off (or the visit ended): silence.
  if (m_model.access().speech != m_speechOn) {
    m_speechOn = m_model.access().speech;
    if (m_speechOn) speak(pageGuidance(s, lang));
    else if (m_host.say) m_host.say({}, lang);
  }
  if (s != m_lastStep || m_firstFrame) {
    if (s == Step::Attract) m_accessOpen = false;  // the visit ended: so did its choices
    m_lastStep = s;
    m_warned = false;
    ui::KeyFocus::current().clear();
    if (s == Step::Ticket && m_model.ticket()) {
      const auto& t = *m_model.ticket();
      speak(pageGuidance(s, lang) + " " + ticketGuidance(t.kase.ticket, "", t.ahead, lang));
    } else if (!m_firstFrame) {
      speak(pageGuidance(s, lang));
    } else {
      m_spoken = pageGuidance(s, lang);  // not said at start-up; 0 says it
    }
  }
  const bool warning = m_model.idleWarning(wallClockMs());
  if (warning && !m_warned) {
    m_warned = true;
    speak(idleGuidance(m_model.secondsLeft(wallClockMs()), lang));
    ui::KeyFocus::current().focus("more_time");
  }
  if (!warning) m_warned = false;
}

// A USB numeric keypad (or the arrow keys): 8/2/4/6 and the arrows move the
// focus, 5 and Enter activate, 0 repeats what was last said. The digits it
// also types are taken out of the typed text, so they never reach a field
// or the wedge-scanner reader; keys it does not know do nothing.
void KioskApp::readKeypad() {
  // GLFW key codes (the index ImGui's GLFW backend uses).
  constexpr int kKp0 = 320, kKpEnter = 335, kRight = 262, kLeft = 263, kDown = 264, kUp = 265, kEnter = 257;
  ImGuiIO& io = ImGui::GetIO();
  auto pressed = [](int key) { return ImGui::IsKeyPressed(key, true); };
  bool keypad = false;
  for (int k = kKp0; k <= kKp0 + 9; ++k) keypad = keypad || ImGui::IsKeyDown(k);
  keypad = keypad || ImGui::IsKeyDown(kKpEnter);
  if (keypad) {
    // The digits the keypad typed (NumLock on) are commands here, not text.
    ImVector<ImWchar> kept;
    for (ImWchar c : io.InputQueueCharacters)
      if (!((c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' || c == '*' || c == '/')) kept.push_back(c);
    io.InputQueueCharacters.swap(kept);
  }
  auto& focus = ui::KeyFocus::current();
  const bool typing = io.WantTextInput && !keypad;  // a physical keyboard in a field keeps its arrows
  std::optional<ui::FocusMove> move;
  if (pressed(kKp0 + 8) || (!typing && pressed(kUp))) move = ui::FocusMove::Up;
  if (pressed(kKp0 + 2) || (!typing && pressed(kDown))) move = ui::FocusMove::Down;
  if (pressed(kKp0 + 4) || (!typing && pressed(kLeft))) move = ui::FocusMove::Left;
  if (pressed(kKp0 + 6) || (!typing && pressed(kRight))) move = ui::FocusMove::Right;
  const bool activate = ImGui::IsKeyPressed(kKp0 + 5, false) || ImGui::IsKeyPressed(kKpEnter, false) ||
                        (!typing && m_wedge.empty() && io.InputQueueCharacters.empty() && ImGui::IsKeyPressed(kEnter, false));
  if (ImGui::IsKeyPressed(kKp0, false) && !m_spoken.empty()) speak(m_spoken);
  if (!move && !activate) return;
  m_model.touch(wallClockMs());
  // Someone using the keypad is guided aloud from the first key on.
  if (!m_model.access().speech) {
    AccessChoices a = m_model.access();
    a.speech = true;
    m_model.setAccess(a);
  }
  // The page's main action is where the focus starts.
  std::string preferred;
  if (m_model.idleWarning(wallClockMs())) preferred = "more_time";
  else switch (m_model.step()) {
      case Step::Attract: preferred = "start"; break;
      case Step::Service: preferred = m_cfg.services.empty() ? "" : "service_" + m_cfg.services.front().code; break;
      case Step::Scan: preferred = "type_instead"; break;
      case Step::Role: preferred = "role_" + std::string(core::toString(core::kAllVisitorRoles[0])); break;
      case Step::Details: case Step::Contact:
        for (const auto& f : kGuestBookFields)
          if (f.page == m_model.step() && preferred.empty()) preferred = "field_" + std::string(f.id);
        break;
      case Step::Confirm: preferred = "consent"; break;
      case Step::Ticket: preferred = "done"; break;
      case Step::TicketStatus: preferred = "status_done"; break;
      default: break;
    }
  if (!m_editing.empty() && !focus.active()) preferred = "key_done";
  if (move) focus.move(*move, m_controls, preferred);
  if (activate) {
    // The first press shows where the focus is; the next one acts.
    if (!focus.active()) focus.move(ui::FocusMove::Next, m_controls, preferred);
    else focus.activate();
  }
}

// The window size sets the scale; large text multiplies the fonts. The
// fonts are rebuilt (one atlas, never two) between frames when it changes:
// asked before the first frame (beforeFrame), that frame already has them.
void KioskApp::askScale(ImVec2 size) {
  m_scale = layoutScale(size) * m_host.userScale;
  const float textScale = m_model.access().largeText ? 1.5f : 1.0f;
  if ((std::fabs(m_scale - m_askedScale) > 0.001f || textScale != m_askedTextScale) && m_host.setUiScale) {
    m_askedScale = m_scale;
    m_askedTextScale = textScale;
    ui::setTextScale(textScale);
    m_host.setUiScale(m_scale);
  }
}

void KioskApp::drawAt(ImVec2 size) {
  m_worker.drain();
  const auto printerStatus = m_spooler->lastStatus();
  m_model.setPrinter(printerView(printerStatus));
  reportPrinter(printerStatus);
  m_model.tick(wallClockMs());
  readKeypad();
  readWedgeScanner();
  if (!m_model.scanning()) m_preview.reset();
  // Off the typing pages (cancel, idle wipe, ticket) the keyboard is
  // closed, so the next visitor starts without it.
  const Step s = m_model.step();
  if (s != Step::Details && s != Step::Contact) m_editing.clear();
  // Any touch keeps the form alive, not only typing.
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) m_model.touch(wallClockMs());

  askScale(size);
  const auto& access = m_model.access();
  if (ui::highContrast() != access.highContrast) ui::setHighContrast(access.highContrast);
  ui::setMinTouchPx(std::max(ui::kMinTouchPx * m_scale, minTouchPx(size, m_host.screenDiagonalIn)));
  guidePage();

  const Layout l = layout(size);
  ui::beginScreen("kiosk");
  ui::UiMap::current().note("step", toString(s));
  ui::UiMap::current().note("keyboard", m_editing);
  std::string choices;
  for (auto [on, word] : {std::pair{access.largeText, "large_text"}, {access.highContrast, "high_contrast"},
                          {access.speech, "speech"}})
    if (on) choices += (choices.empty() ? "" : " ") + std::string(word);
  ui::UiMap::current().note("access", choices);
  ui::UiMap::current().note("speech", m_spoken);
  ui::UiMap::current().note("speech_count", std::to_string(m_spokenCount));
  ui::UiMap::current().note("focus", ui::KeyFocus::current().focused());
  drawTopBar(l);
  switch (s) {
    case Step::Attract: drawAttract(l); break;
    case Step::Service: drawService(l); break;
    case Step::Scan: drawScan(l, false); break;
    case Step::Role: drawRole(l); break;
    case Step::Details: case Step::Contact: drawFieldsPage(l); break;
    case Step::Confirm: drawConfirm(l); break;
    case Step::Submitting: drawSubmitting(l); break;
    case Step::Ticket: drawTicket(l); break;
    case Step::TicketScan: drawScan(l, true); break;
    case Step::TicketStatus: drawTicketStatus(l); break;
  }
  drawIdleWarning(l);
  drawAccessPanel(l);
  ui::endScreen();
  ui::KeyFocus::current().endFrame();
  m_controls = ui::focusableControls(ui::UiMap::current().items());
  m_firstFrame = false;
}

}  // namespace lpse::kiosk

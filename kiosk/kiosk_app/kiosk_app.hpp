#pragma once
// The kiosk program's runtime: the flow model, the server connection, the
// printer, the scanner seam. Everything slow runs on the worker, spooler,
// stream or watch threads; the frame loop only reads the model and calls
// its commands.
#include <atomic>
#include <functional>
#include <vector>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "devices/printer/print_spooler.hpp"
#include "devices/printer/ticket_layout.hpp"
#include "kiosk/client/api_client.hpp"
#include "kiosk/client/event_stream.hpp"
#include "kiosk/client/worker.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/kiosk_app/kiosk_model.hpp"
#include "kiosk/kiosk_app/kiosk_speech.hpp"
#include "kiosk/ui/gray_texture.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/touch_keyboard.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/window_app.hpp"

namespace lpse::kiosk {

// What the kiosk needs from whatever runs its frames: a WindowApp, or a
// headless ImGui context (the layout walk in tests/ui).
struct KioskHost {
  std::function<void()> wake;             // any thread: run frames now
  std::function<void(float)> setUiScale;  // fonts and theme at this scale from the next frame
  float userScale = 1.0f;                 // --ui-scale: on top of the scale the window size gives
  float screenDiagonalIn = 21.5f;         // for touch targets in millimetres
  // Speaks a sentence in "id" or "en" (replacing what is being said); an
  // empty one stops. Null: no speech device, the sentences are only noted
  // in the UI map.
  std::function<void(const std::string&, const std::string&)> say;
};

// The scale a window of this size lays the kiosk out at: 1 for 1920x1080
// (1080x1920 in portrait), proportionally smaller or larger otherwise.
float layoutScale(ImVec2 size);
// The smallest touch target, in pixels, for this window on a screen of this
// diagonal: 9 mm.
float minTouchPx(ImVec2 size, float diagonalIn);

class KioskApp : public ui::Screen {
 public:
  KioskApp(config::Config cfg, ui::Strings& strings, std::unique_ptr<printer::Printer> printer, ui::WindowApp& window,
           client::Credential credential = {});
  KioskApp(config::Config cfg, ui::Strings& strings, std::unique_ptr<printer::Printer> printer, KioskHost host,
           client::Credential credential = {});
  ~KioskApp() override;

  void draw(ui::Frame& frame) override;
  // Asks the host for the scale of this window size (and of large text)
  // before the frame's fonts are built, so the first frame is laid out as
  // every later one.
  void beforeFrame(ImVec2 size) override { askScale(size); }
  // One frame at this window size (draw() with the frame's size).
  void drawAt(ImVec2 size);
  bool settled() const override { return m_boardLoaded; }

  // The scanner seam (kiosk_scan.hpp). Any thread: each hands its input to
  // the UI thread and wakes the frame loop.
  void qrPayload(std::string payload);
  void cameraState(CameraState state);
  void previewFrame(std::shared_ptr<const PreviewFrame> frame);
  // Paper, printer-model quirks and logo for tickets (call before the first
  // frame; apps::ticketFormat builds it). Default: the configured paper,
  // Epson defaults, no logo.
  void setTicketFormat(printer::TicketFormat format) { m_ticketFormat = std::move(format); }
  // How the flow tells a form from a ticket (call before the first frame).
  void setQrReader(QrReader reader);

 private:
  void refreshBoard();
  void takeNumber();
  void lookupTicket(const std::string& token);
  void recallEntry(const std::string& token);
  void registerAgain();
  void onQr(QrOutcome outcome);
  void rejoinQueue();
  void reportPrinter(const printer::PrinterStatus& st);
  void print(const core::IssuedTicket& t);
  void watchServer();
  void updateOnline();
  void readWedgeScanner();
  const std::string& tr(std::string_view key) const { return m_strings.tr(key); }
  std::string serviceName(const std::string& code) const;
  std::string errorText(const core::Error& e) const;

  // Screens (kiosk_chrome.cpp, kiosk_screens.cpp, kiosk_form_pages.cpp).
  struct Layout {
    bool portrait = false;
    float pad = 32;
    ImVec2 size;
  };
  Layout layout(ImVec2 size) const;
  void drawTopBar(const Layout& l);
  void drawPageHeader(const Layout& l, const std::string& title);
  // The row of Cancel / Back / primary at the bottom; returns true when the
  // primary button was tapped.
  bool drawFooter(const Layout& l, const char* primaryId, const std::string& primary, bool primaryEnabled,
                  bool showBack = true);
  float footerHeight(const Layout& l) const;
  void drawIdleWarning(const Layout& l);
  bool beginContent(const Layout& l, float reserveBottom);
  void endContent();
  void drawAttract(const Layout& l);
  void drawService(const Layout& l);
  void drawScan(const Layout& l, bool ticket);
  void drawPreview(const Layout& l, ImVec2 size);
  void drawRole(const Layout& l);
  void drawFieldsPage(const Layout& l);
  void drawConfirm(const Layout& l);
  void drawSubmitting(const Layout& l);
  void drawTicket(const Layout& l);
  void drawTicketStatus(const Layout& l);
  void drawKeyboard(const Layout& l, float height);
  void field(const GuestBookField& f);
  void drawAccessButton(const Layout& l, ImVec2 at, float side);
  void drawAccessPanel(const Layout& l);
  void readKeypad();
  void askScale(ImVec2 size);
  void speak(const std::string& text);
  void guidePage();
  float px(float v) const { return v * m_scale; }

  config::Config m_cfg;
  ui::Strings& m_strings;
  KioskHost m_host;
  float m_scale = 1.0f;         // layout scale from the window size
  float m_askedScale = 0;       // UI scale last asked of the host
  float m_askedTextScale = 1;   // and the text scale (large text) with it
  bool m_accessOpen = false;    // the accessibility panel is open
  Step m_lastStep = Step::Attract;
  bool m_firstFrame = true;
  std::vector<ui::UiItem> m_controls;  // last frame's focusable controls, for the keypad
  std::string m_spoken;                // the last sentence given to speech (0 repeats it)
  std::uint64_t m_spokenCount = 0;
  bool m_warned = false;               // the idle warning was spoken
  bool m_speechOn = false;             // the visitor's speech choice as last applied
  std::unique_ptr<KioskSpeech> m_speech;  // the real program's voice (the host's say uses it)
  KioskModel m_model;
  client::ApiClient m_api;  // used on the worker thread only
  client::Worker m_worker;
  std::unique_ptr<printer::PrintSpooler> m_spooler;
  printer::TicketFormat m_ticketFormat;
  std::unique_ptr<client::EventStream> m_stream;
  bool m_boardLoaded = false;
  std::string m_reportedPrinter;  // printer state last told to the server

  // The server is online when the event stream is connected and the last
  // health check (twice a second, 1 s limit, its own thread and client) answered: a
  // lost server shows within two seconds, a silent one too.
  bool m_streamOnline = false;
  bool m_healthOk = false;
  std::thread m_watch;
  std::mutex m_watchMutex;
  std::condition_variable m_watchCv;
  bool m_stopping = false;

  // Screen state, not visit data: which guest-book field the on-screen
  // keyboard edits ("" = keyboard closed), and whether to scroll it into view.
  std::string m_editing;
  bool m_scrollToEditing = false;
  bool m_keyedKeyboard = false;  // the keyboard was opened with the keypad
  ui::TouchKeyboard m_keyboard;
  std::string m_wedge;  // characters from a keyboard-like scanner, up to Enter
  ui::GrayTexture m_preview;
  std::int64_t m_lastFrameInputMs = 0;
};

}  // namespace lpse::kiosk

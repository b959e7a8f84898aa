#pragma once
// The kiosk program's runtime: the flow model, the server connection, the
// printer. Everything slow runs on the worker, spooler or stream threads;
// the frame loop only reads the model and calls its commands.
#include <memory>

#include "devices/printer/print_spooler.hpp"
#include "kiosk/client/api_client.hpp"
#include "kiosk/client/event_stream.hpp"
#include "kiosk/client/worker.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/kiosk_app/kiosk_model.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/touch_keyboard.hpp"
#include "kiosk/ui/window_app.hpp"

namespace lpse::kiosk {

class KioskApp : public ui::Screen {
 public:
  KioskApp(config::Config cfg, ui::Strings& strings, std::unique_ptr<printer::Printer> printer, ui::WindowApp& window);
  ~KioskApp() override;

  void draw(ui::Frame& frame) override;
  bool settled() const override { return m_boardLoaded; }

 private:
  void refreshBoard();
  void takeNumber();
  void reportPrinter(const printer::PrinterStatus& st);
  void print(const core::IssuedTicket& t);
  const std::string& tr(std::string_view key) const { return m_strings.tr(key); }
  std::string serviceName(const std::string& code) const;

  // Screens (kiosk_screens.cpp).
  void drawTopBar(ui::Frame& f);
  void drawAttract(ui::Frame& f);
  void drawForm(ui::Frame& f);
  void drawSubmitting(ui::Frame& f);
  void drawTicket(ui::Frame& f);

  config::Config m_cfg;
  ui::Strings& m_strings;
  ui::WindowApp& m_window;
  KioskModel m_model;
  client::ApiClient m_api;  // used on the worker thread only
  client::Worker m_worker;
  std::unique_ptr<printer::PrintSpooler> m_spooler;
  std::unique_ptr<client::EventStream> m_stream;
  bool m_boardLoaded = false;
  std::string m_reportedPrinter;  // printer state last told to the server

  // Screen state, not visit data: which guest-book field the on-screen
  // keyboard edits ("" = keyboard closed), and whether to scroll it into view.
  std::string m_editing;
  bool m_scrollToEditing = false;
  ui::TouchKeyboard m_keyboard;
};

}  // namespace lpse::kiosk

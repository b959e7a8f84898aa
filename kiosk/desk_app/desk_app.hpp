#pragma once
// The desk console's runtime: a staff member signs in and works the lists
// and the open case. The model decides what to send; this sends it on the
// worker thread and hands the answer back to the model on the UI thread.
// Jobs capture what they need on the UI thread; the model is never touched
// from the worker.
#include <memory>

#include "kiosk/client/api_client.hpp"
#include "kiosk/client/event_stream.hpp"
#include "kiosk/client/worker.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/desk_app/desk_help_alert.hpp"
#include "kiosk/desk_app/desk_model.hpp"
#include "kiosk/desk_app/desk_slip.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/window_app.hpp"

namespace lpse::desk {

class SupervisorBoard;

class DeskApp : public ui::Screen {
 public:
  // `wall`: lpse-desk --board, the supervisor board alone (desk_board.hpp).
  DeskApp(config::Config cfg, ui::Strings& strings, ui::WindowApp& window, bool wall = false);
  ~DeskApp() override;
  void draw(ui::Frame& frame) override;
  bool settled() const override;

 private:
  void signIn();
  void signOut();
  // The server no longer accepts the session (expired, ended elsewhere,
  // account disabled): back to the sign-in screen, saying why.
  void sessionEnded();
  void startStream(const std::string& token);
  // On the UI thread after a call: a refused credential ends the session.
  bool checkSession(const core::Error& e);
  void refresh();
  void send(DeskRequest r);
  void load(std::int64_t id);
  // Step 14: the open case's slip saved as PDF and sent to the slip printer,
  // on m_slipWorker (lp may take seconds; the network worker never waits).
  void printSlip();
  const std::string& tr(std::string_view key) const { return m_strings.tr(key); }
  std::string codeText(core::CodeList l, std::string_view code) const;
  // The break on the server (issue #12): start with a reason code, or end
  // (empty reason). A refused start ends the break on screen too.
  void sendBreak(const std::string& reason);

  // Screens (desk_screen.cpp, desk_worklist.cpp, desk_case.cpp, desk_email.cpp).
  void drawSignIn(ui::Frame& f);
  void drawHeader(ui::Frame& f);
  void drawWorkList(float width, float height);
  void drawCase(float width);
  void drawHelpdeskSteps(float width);
  void drawAdminSteps(float width);
  void drawHandBack(float width);
  void drawSlipPrint(float width);
  void drawEmailForm(float width);
  bool stepButton(core::Action a, const std::string& label, int style, float width);
  void codeChoice(const char* idPrefix, core::CodeList l, std::string& chosen, float width);

  config::Config m_cfg;
  ui::Strings& m_strings;
  DeskModel m_model;
  client::ApiClient m_api;
  client::Worker m_worker;
  SlipJob m_slip;
  slip::SlipOptions m_slipOptions;
  // After m_worker: it is joined first, and its jobs hand back through m_worker.
  client::Worker m_slipWorker;
  HelpAlertBar m_help{m_api, m_worker, m_strings, m_cfg.office.calendar.utcOffsetMinutes};  // issue #14
  std::unique_ptr<client::EventStream> m_stream;
  bool m_boardLoaded = false;
  std::string m_username, m_password;  // the sign-in form
  std::string m_outOfOrderReason;      // chosen before calling a ticket out of order
  bool m_breakPicker = false;
  bool m_transferOpen = false;
  bool m_wall = false;
  std::unique_ptr<SupervisorBoard> m_super;  // the supervisor's screen (desk_board.cpp)
};

}  // namespace lpse::desk

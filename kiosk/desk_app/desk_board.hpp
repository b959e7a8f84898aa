#pragma once
// The supervisor's screen (issue #13): the board drawn from BoardModel,
// and the supervisor's actions: reassign a stranded case, cancel a case
// with a reason, close the day (with a confirmation), and export a report
// (register, compliance, service) for a chosen period into a folder. With
// `wall` (lpse-desk --board) it is the board alone, full-screen, no actions:
// for a second screen on the office wall. Network calls run on the desk's
// worker; answers come back to the UI thread, the only one touching the model.
#include <functional>
#include <optional>
#include <string>

#include "kiosk/client/api_client.hpp"
#include "kiosk/client/worker.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/desk_app/board_model.hpp"
#include "kiosk/desk_app/desk_model.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/window_app.hpp"

namespace lpse::desk {

class SupervisorBoard {
 public:
  // `checkSession` is the desk's: false when the error ended the session.
  SupervisorBoard(const config::Config& cfg, ui::Strings& strings, client::ApiClient& api, client::Worker& worker,
                  std::function<bool(const core::Error&)> checkSession, bool wall);

  void refresh();                          // UI thread: reload cases, desks, board
  void onEvent(const api::StreamEvent& e);  // UI thread
  void reset();                            // signed out: forget everything shown
  // Draws the screen; true when the supervisor pressed "sign out".
  bool draw(ui::Frame& f, const StaffSession& who, bool online);
  bool loaded() const { return m_loaded; }
  bool wall() const { return m_wall; }

 private:
  void drawQueues(float width);
  void drawDesks(float width);
  void drawCases(float width, const BoardView& v);
  void drawReports(float width);
  void drawCloseDay(float width);
  void drawCaseActions(const core::CaseRecord& c, float width);
  void exportReport();
  void act(std::int64_t caseId, core::Action a, core::ActionInput in);
  const std::string& tr(std::string_view key) const { return m_strings.tr(key); }
  std::string levelWord(core::TimerLevel l) const;
  std::string serviceName(const std::string& code) const;

  const config::Config& m_cfg;
  ui::Strings& m_strings;
  client::ApiClient& m_api;
  client::Worker& m_worker;
  std::function<bool(const core::Error&)> m_checkSession;
  bool m_wall = false;
  BoardModel m_model;
  BoardView m_view;
  bool m_loaded = false;
  std::optional<core::Error> m_error;
  std::string m_info;

  // What the supervisor is doing now.
  std::string m_search;
  std::int64_t m_actCase = 0;       // the case whose reassign / cancel form is open
  bool m_cancelling = false;        // that form is "cancel" (else "reassign")
  std::string m_reason, m_toCounter, m_toService;
  bool m_confirmClose = false;
  bool m_reportsOpen = false;
  std::string m_reportKind = "register", m_reportFormat = "csv", m_from, m_to, m_folder;
  bool m_exporting = false;
  std::string m_reportPath;
  int m_closedCount = -1;  // tickets the last "close the day" closed
};

}  // namespace lpse::desk

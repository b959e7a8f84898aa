#pragma once
// The desk console's runtime: a staff member signs in, calls next, and
// carries the case through the SOP steps their role may take. Network on
// the worker thread; the push stream runs with the session's token.
#include <memory>

#include "kiosk/client/api_client.hpp"
#include "kiosk/client/event_stream.hpp"
#include "kiosk/client/worker.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/desk_app/desk_model.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/window_app.hpp"

namespace lpse::desk {

class DeskApp : public ui::Screen {
 public:
  DeskApp(config::Config cfg, ui::Strings& strings, ui::WindowApp& window);
  ~DeskApp() override;
  void draw(ui::Frame& frame) override;
  bool settled() const override { return m_boardLoaded || !m_model.signedIn(); }

 private:
  void signIn();
  void signOut();
  // The server no longer accepts the session (expired, ended elsewhere,
  // account disabled): back to the sign-in screen, saying why.
  void sessionEnded();
  void startStream(const std::string& token);
  // Runs on the UI thread after a call: a refused credential ends the session.
  bool checkSession(const core::Error& e);
  void refresh();
  void callNext();
  void act(core::Action a, core::ActionInput in);
  void loadCase(std::int64_t id);
  const std::string& tr(std::string_view key) const { return m_strings.tr(key); }
  void drawSignIn(ui::Frame& f);
  void drawCase(ui::Frame& f);
  void drawActions();

  config::Config m_cfg;
  ui::Strings& m_strings;
  DeskModel m_model;
  client::ApiClient m_api;
  client::Worker m_worker;
  std::unique_ptr<client::EventStream> m_stream;
  bool m_boardLoaded = false;
  std::string m_username, m_password;  // the sign-in form
};

}  // namespace lpse::desk

#pragma once
// The wall display's runtime: the board from the server, kept current by
// the push stream. Shows numbers and counters only.
#include <memory>

#include "kiosk/client/api_client.hpp"
#include "kiosk/client/event_stream.hpp"
#include "kiosk/client/worker.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/display_app/display_model.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/window_app.hpp"

namespace lpse::display {

class DisplayApp : public ui::Screen {
 public:
  DisplayApp(config::Config cfg, ui::Strings& strings, ui::WindowApp& window);
  ~DisplayApp() override;
  void draw(ui::Frame& frame) override;
  bool settled() const override { return m_model.hasBoard(); }
  bool animating() const override { return m_animating; }

 private:
  void refreshBoard();
  const std::string& tr(std::string_view key) const { return m_strings.tr(key); }

  config::Config m_cfg;
  ui::Strings& m_strings;
  DisplayModel m_model;
  client::ApiClient m_api;
  client::Worker m_worker;
  std::unique_ptr<client::EventStream> m_stream;
  bool m_animating = false;
};

}  // namespace lpse::display

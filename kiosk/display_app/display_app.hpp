#pragma once
// The wall display's runtime: the board from the server, kept current by
// the push stream, and every call said aloud in order by the audio player.
// Shows numbers and counters only.
#include <memory>

#include "devices/audio/audio_player.hpp"
#include "kiosk/client/api_client.hpp"
#include "kiosk/client/clock.hpp"
#include "kiosk/client/event_stream.hpp"
#include "kiosk/client/worker.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/display_app/display_model.hpp"
#include "kiosk/display_app/display_voice.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/window_app.hpp"

namespace lpse::display {

class DisplayApp : public ui::Screen {
 public:
  DisplayApp(config::Config cfg, ui::Strings& strings, ui::WindowApp& window);
  ~DisplayApp() override;
  void draw(ui::Frame& frame) override;
  bool settled() const override { return m_model.hasBoard() || m_model.showOfflineBanner(client::wallClockMs()); }
  bool animating() const override { return m_animating; }

 private:
  void refreshBoard();
  void pumpVoice();
  void noteDrawn(const std::string& ticket);
  const std::string& tr(std::string_view key) const { return m_strings.tr(key); }
  // Parts of the screen (display_screen.cpp).
  void drawHeader(ImVec2 origin, ImVec2 size, std::int64_t now);
  void drawCurrent(ImVec2 origin, ImVec2 size, std::int64_t now);
  float drawCounters(ImVec2 origin, ImVec2 size);  // the height it used
  void drawRecent(ImVec2 origin, ImVec2 size);
  void drawWaiting(ImVec2 origin, ImVec2 size, std::int64_t now);
  void drawFooter(ImVec2 origin, ImVec2 size, double timeSeconds);

  config::Config m_cfg;
  ui::Strings& m_strings;
  DisplayModel m_model;
  client::ApiClient m_api;
  client::Worker m_worker;
  std::unique_ptr<client::EventStream> m_stream;
  std::unique_ptr<CallVoice> m_voice;
  std::unique_ptr<audio::AudioPlayer> m_player;  // after m_worker: its callbacks post there
  bool m_animating = false;
  std::uint64_t m_speakingKey = 0, m_speakingPlayerId = 0;
  std::string m_lastDrawn;
  int m_screenshotCalls = 0;
};

}  // namespace lpse::display

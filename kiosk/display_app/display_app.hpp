#pragma once
// The wall display's runtime: the board from the server, kept current by
// the push stream, and every call said aloud in order by the audio player.
// Shows numbers and counters only.
#include <functional>
#include <memory>
#include <thread>

#include "devices/audio/audio_player.hpp"
#include "kiosk/client/api_client.hpp"
#include "kiosk/client/clock.hpp"
#include "kiosk/client/event_stream.hpp"
#include "kiosk/client/worker.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/display_app/display_logo.hpp"
#include "kiosk/display_app/display_model.hpp"
#include "kiosk/display_app/display_voice.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/window_app.hpp"

namespace lpse::display {

// What the display needs from the program around it.
struct DisplayHost {
  std::function<void()> wake;  // any thread: run frames now
  // UI thread: the logo as a texture of exactly its size (replacing the one
  // given before); null when it cannot be made. Unset: no logo is drawn.
  std::function<ImTextureID(const LogoImage&)> logoTexture;
};

class DisplayApp : public ui::Screen {
 public:
  // `cfg.display.logo` is a path as given (main resolves it against the
  // config's folder); empty: no logo.
  DisplayApp(config::Config cfg, ui::Strings& strings, DisplayHost host);
  ~DisplayApp() override;
  void draw(ui::Frame& frame) override;
  // One frame at this window size (draw() with the frame's size and time).
  void drawAt(ImVec2 size, double timeSeconds);
  bool settled() const override {
    return m_logoState != LogoState::Loading &&
           (m_model.hasBoard() || m_model.showOfflineBanner(client::wallClockMs()));
  }
  bool animating() const override { return m_animating; }
  // Logs "drawn TICKET frame_ms=..." for a number first shown in the frame
  // just swapped (the latency benchmark's "drawn").
  void presented() override;

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
  // The logo at `box`'s height (up to 3x as wide as high, up to maxW), aspect
  // kept, centred vertically at its left; the width it took (0: none).
  float drawLogo(ImVec2 origin, float boxH, float maxW);
  void startLogo();

  config::Config m_cfg;
  ui::Strings& m_strings;
  DisplayHost m_host;
  DisplayModel m_model;
  client::ApiClient m_api;
  client::Worker m_worker;
  std::unique_ptr<client::EventStream> m_stream;
  std::unique_ptr<CallVoice> m_voice;
  std::unique_ptr<audio::AudioPlayer> m_player;  // after m_worker: its callbacks post there
  bool m_animating = false;
  float m_headingPx = 37;  // the panels' headings, from the window size
  std::uint64_t m_speakingKey = 0, m_speakingPlayerId = 0;
  std::string m_lastDrawn;
  std::string m_drawnUnpresented;  // a number first drawn in a frame not yet swapped
  int m_screenshotCalls = 0;
  // The office logo: decoded once on its own thread (a big PNG must not
  // hold back the first board), uploaded at the size the layout gives it.
  enum class LogoState { None, Loading, Ready, Failed };
  LogoState m_logoState = LogoState::None;
  LogoImage m_logo;
  ImTextureID m_logoTexture = nullptr;
  LogoSize m_logoTextureSize;
  std::thread m_logoThread;
};

}  // namespace lpse::display

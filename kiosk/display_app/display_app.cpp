#include "kiosk/display_app/display_app.hpp"
#include "kiosk/client/clock.hpp"


namespace lpse::display {

using client::wallClockMs;

DisplayApp::DisplayApp(config::Config cfg, ui::Strings& strings, ui::WindowApp& window)
    : m_cfg(std::move(cfg)),
      m_strings(strings),
      m_api(m_cfg.serverUrl, {m_cfg.display.id, core::ActorRole::Display}),
      m_worker([&window] { window.wake(); }) {
  m_stream = std::make_unique<client::EventStream>(
      m_cfg.serverUrl, client::Identity{m_cfg.display.id, core::ActorRole::Display}, -1,
      client::EventStream::Callbacks{
          [this](const api::StreamEvent& e) {
            m_worker.toUi([this, e] {
              if (m_model.onEvent(e, wallClockMs())) refreshBoard();
            });
          },
          [this](bool online) {
            m_worker.toUi([this, online] { m_model.setOnline(online); });
            // Whatever happened while away is in the board.
            if (online) refreshBoard();
          }});
}

DisplayApp::~DisplayApp() { m_stream.reset(); }

void DisplayApp::refreshBoard() {
  m_worker.post([this] {
    auto b = m_api.board();
    if (b) m_worker.toUi([this, board = *b] { m_model.setBoard(board); });
  });
}

}  // namespace lpse::display

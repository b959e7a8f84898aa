#include "kiosk/display_app/display_app.hpp"
#include "kiosk/client/clock.hpp"

#include <cstdio>


namespace lpse::display {

using client::wallClockMs;

namespace {
// A display without a credential still starts and says so on the wall.
client::Credential credentialOf(const config::Config& c) {
  auto cred = client::readCredentialFile(c.display.credentialFile);
  if (!cred) std::fprintf(stderr, "lpse-display: %s\n", cred.error().en.c_str());
  return cred ? *cred : client::Credential{};
}
}  // namespace

DisplayApp::DisplayApp(config::Config cfg, ui::Strings& strings, ui::WindowApp& window)
    : m_cfg(std::move(cfg)),
      m_strings(strings),
      m_api(m_cfg.serverUrl, credentialOf(m_cfg)),
      m_worker([&window] { window.wake(); }) {
  m_model.setRegistered(!m_api.credential().token.empty());
  m_stream = std::make_unique<client::EventStream>(
      m_cfg.serverUrl, m_api.credential(), -1,
      client::EventStream::Callbacks{
          [this](const api::StreamEvent& e) {
            m_worker.toUi([this, e] {
              if (m_model.onEvent(e, wallClockMs())) refreshBoard();
            });
          },
          [this](bool online) {
            m_worker.toUi([this, online] {
              m_model.setOnline(online);
              if (online) m_model.setRegistered(true);
            });
            // Whatever happened while away is in the board.
            if (online) refreshBoard();
          },
          [this] { m_worker.toUi([this] { m_model.setRegistered(false); }); }});
}

DisplayApp::~DisplayApp() { m_stream.reset(); }

void DisplayApp::refreshBoard() {
  m_worker.post([this] {
    auto b = m_api.board();
    if (b) m_worker.toUi([this, board = *b] { m_model.setBoard(board); });
  });
}

}  // namespace lpse::display

#include "kiosk/display_app/display_app.hpp"

#include <chrono>
#include <cstdio>
#include <memory>

#include "devices/audio/sdl_sink.hpp"
#include "kiosk/client/clock.hpp"

namespace lpse::display {

using client::wallClockMs;

namespace {
// A display without a credential still starts and says so on the wall.
client::Credential credentialOf(const config::Config& c) {
  auto cred = client::readCredentialFile(c.display.credentialFile);
  if (!cred) std::fprintf(stderr, "lpse-display: %s\n", cred.error().en.c_str());
  return cred ? *cred : client::Credential{};
}

VoicePolicy policyOf(const config::DisplayVoiceConfig& v) {
  return {v.enabled, static_cast<std::int64_t>(v.maxAgeS) * 1000};
}

std::string_view kindName(core::CallKind k) {
  return k == core::CallKind::Recall ? "recall" : k == core::CallKind::CallBack ? "callback" : "call";
}

// The steady-clock moment the device took the first sample, as wall-clock
// milliseconds (what the benchmark compares with the desk's "next").
std::int64_t wallMsOf(std::chrono::steady_clock::time_point t) {
  if (t.time_since_epoch().count() == 0) return 0;
  const auto ago = std::chrono::steady_clock::now() - t;
  return wallClockMs() - std::chrono::duration_cast<std::chrono::milliseconds>(ago).count();
}
}  // namespace

DisplayApp::DisplayApp(config::Config cfg, ui::Strings& strings, DisplayHost host)
    : m_cfg(std::move(cfg)),
      m_strings(strings),
      m_host(std::move(host)),
      m_model(policyOf(m_cfg.display.voice)),
      m_api(m_cfg.serverUrl, credentialOf(m_cfg)),
      m_worker([this] {
        if (m_host.wake) m_host.wake();
      }) {
  startLogo();
  m_model.setServices(m_cfg.services);
  m_model.setRegistered(!m_api.credential().token.empty());
  m_model.setOnline(false, wallClockMs());
  if (m_cfg.display.voice.enabled) {
    auto log = [this](const std::string& m) {
      std::fprintf(stderr, "lpse-display: voice: %s\n", m.c_str());
      // The player's device state changed or a clip was passed over: let
      // the frame pick up the "suara mati" mark now.
      m_worker.toUi([] {});
    };
    m_voice = std::make_unique<CallVoice>(m_cfg.display.voice, log);
    audio::AudioPlayer::Options o;
    o.volume = m_voice->volume();
    o.utcOffsetMinutes = m_cfg.office.calendar.utcOffsetMinutes;
    m_player = std::make_unique<audio::AudioPlayer>(
        std::make_unique<audio::SdlSink>(m_cfg.display.voice.device), m_voice->clips(), o,
        [this](const audio::PlayResult& r) {
          m_worker.toUi([this, r] {
            const auto call = m_model.latestCall();
            std::string parts;
            for (const auto& p : r.parts) {
              std::string name = p.name;  // one token per part in the log line
              for (char& c : name)
                if (c == ' ') c = '_';
              parts += (parts.empty() ? "" : ",") + name + ":" + std::to_string(p.samples);
            }
            std::fprintf(stderr, "lpse-display: voice: %s %s %s samples=%zu first_sample_ms=%lld parts=%s%s%s\n",
                         r.spoken ? "said" : "not said", call ? call->ticket.c_str() : "?",
                         call ? std::string(kindName(call->kind)).c_str() : "?", r.samples,
                         static_cast<long long>(r.spoken ? wallMsOf(r.timing.firstSample) : 0), parts.c_str(),
                         r.spoken ? "" : " error=", r.error.c_str());
            if (r.id == m_speakingPlayerId) m_model.speechDone(m_speakingKey, r.spoken, wallClockMs());
            pumpVoice();
          });
        },
        log);
  } else {
    m_model.setSoundOk(false);
  }
  m_stream = std::make_unique<client::EventStream>(
      m_cfg.serverUrl, m_api.credential(), -1,
      client::EventStream::Callbacks{
          [this](const api::StreamEvent& e) {
            m_worker.toUi([this, e] {
              if (m_model.onEvent(e, wallClockMs())) refreshBoard();
              pumpVoice();
            });
          },
          [this](bool online) {
            m_worker.toUi([this, online] {
              m_model.setOnline(online, wallClockMs());
              if (online) m_model.setRegistered(true);
            });
            // Whatever happened while away is in the board.
            if (online) refreshBoard();
          },
          [this] { m_worker.toUi([this] { m_model.setRegistered(false); }); }});
}

DisplayApp::~DisplayApp() {
  if (m_logoThread.joinable()) m_logoThread.join();
  m_stream.reset();
  m_player.reset();
}

void DisplayApp::startLogo() {
  if (m_cfg.display.logo.empty()) return;
  m_logoState = LogoState::Loading;
  m_logoThread = std::thread([this, path = m_cfg.display.logo] {
    auto loaded = std::make_shared<LogoLoad>(loadLogo(path));
    m_worker.toUi([this, loaded] {
      if (loaded->error) {
        // Once: the file is read once. The board is drawn without a logo.
        std::fprintf(stderr, "lpse-display: logo left out: %s / %s\n", loaded->error->id.c_str(),
                     loaded->error->en.c_str());
        m_logoState = LogoState::Failed;
        return;
      }
      m_logo = std::move(loaded->image);
      m_logoState = LogoState::Ready;
    });
  });
}

void DisplayApp::pumpVoice() {
  if (!m_player) return;
  auto job = m_model.nextToSpeak(wallClockMs());
  if (!job) return;
  // One job at a time: the model hands out the next only after speechDone.
  m_speakingKey = job->key;
  m_speakingPlayerId = m_player->submit(m_voice->utterance(job->call.ticket, job->call.counter, job->call.kind));
}

void DisplayApp::refreshBoard() {
  m_worker.post([this] {
    auto b = m_api.board();
    if (b) m_worker.toUi([this, board = *b] { m_model.setBoard(board); });
  });
}

}  // namespace lpse::display

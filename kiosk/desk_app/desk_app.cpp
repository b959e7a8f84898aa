#include "kiosk/desk_app/desk_app.hpp"

#include <chrono>

namespace lpse::desk {

namespace {
DeskSettings settingsFrom(const config::Config& c) { return DeskSettings{c.desk.counter, c.timeStandards}; }
}  // namespace

DeskApp::DeskApp(config::Config cfg, ui::Strings& strings, ui::WindowApp& window)
    : m_cfg(std::move(cfg)),
      m_strings(strings),
      m_model(settingsFrom(m_cfg)),
      m_api(m_cfg.serverUrl, {}),
      m_worker([&window] { window.wake(); }) {}

DeskApp::~DeskApp() { m_stream.reset(); }

void DeskApp::signIn() {
  if (m_model.signingIn() || m_username.empty() || m_password.empty()) return;
  m_model.setSigningIn(true);
  m_worker.post([this, user = m_username, pass = m_password] {
    auto s = m_api.login(user, pass);
    m_worker.toUi([this, s] {
      m_password.clear();  // never kept past the attempt
      if (!s) {
        m_model.setSigningIn(false);
        m_model.setLoginError(s.error().message(m_strings.language()));
        return;
      }
      m_model.signIn({s->id, s->displayName, s->role, s->expiresMs});
      startStream(s->token);
      refresh();
    });
  });
}

void DeskApp::startStream(const std::string& token) {
  m_stream = std::make_unique<client::EventStream>(
      m_cfg.serverUrl, client::Credential{token}, -1,
      client::EventStream::Callbacks{
          [this](const api::StreamEvent&) { refresh(); },
          [this](bool online) {
            m_worker.toUi([this, online] { m_model.setOnline(online); });
            if (online) refresh();
          },
          [this] { m_worker.toUi([this] { sessionEnded(); }); }});
}

void DeskApp::signOut() {
  m_stream.reset();
  m_worker.post([this] { (void)m_api.logout(); });
  m_model.signOut();
  m_boardLoaded = false;
}

void DeskApp::sessionEnded() {
  if (!m_model.signedIn()) return;
  m_stream.reset();
  m_worker.post([this] { m_api.setCredential({}); });
  m_model.signOut(tr("desk.session_ended"));
  m_boardLoaded = false;
}

bool DeskApp::checkSession(const core::Error& e) {
  if (e.code != "unauthenticated") return true;
  sessionEnded();
  return false;
}

void DeskApp::refresh() {
  m_worker.post([this] {
    auto b = m_api.board();
    auto devices = m_api.devices();
    m_worker.toUi([this, b, devices] {
      if (!b && !checkSession(b.error())) return;
      m_boardLoaded = true;
      if (b) m_model.setBoard(*b);
      if (devices) m_model.setDevices(*devices);
    });
  });
  m_worker.toUi([this] {
    if (m_model.current()) loadCase(m_model.current()->kase.id);
  });
}

void DeskApp::loadCase(std::int64_t id) {
  m_worker.post([this, id] {
    auto d = m_api.caseDetail(id);
    m_worker.toUi([this, d] {
      if (d) m_model.setCurrent(*d);
    });
  });
}

void DeskApp::callNext() {
  m_model.setBusy(true);
  m_worker.post([this] {
    auto c = m_api.callNext(m_model.queue(), m_model.settings().counter);
    m_worker.toUi([this, c] {
      m_model.setBusy(false);
      if (!c) {
        if (!checkSession(c.error())) return;
        m_model.setMessage(c.error().message(m_strings.language()), true);
        return;
      }
      m_model.setQueueEmpty(!c->has_value());
      m_model.setMessage(c->has_value() ? std::string() : tr("desk.queue_empty"), false);
      if (c->has_value()) loadCase((*c)->id);
    });
  });
}

void DeskApp::act(core::Action a, core::ActionInput in) {
  if (!m_model.current()) return;
  const auto id = m_model.current()->kase.id;
  if (a == core::Action::Recall && in.counter.empty()) in.counter = m_model.settings().counter;
  m_model.setBusy(true);
  m_worker.post([this, id, a, in] {
    auto r = m_api.act(id, a, in);
    m_worker.toUi([this, id, r] {
      m_model.setBusy(false);
      if (!r && !checkSession(r.error())) return;
      if (!r) m_model.setMessage(r.error().message(m_strings.language()), true);
      else m_model.setMessage({}, false);
      loadCase(id);
    });
  });
}

}  // namespace lpse::desk

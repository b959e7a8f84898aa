#include "kiosk/desk_app/desk_app.hpp"

#include "kiosk/client/clock.hpp"
#include "kiosk/desk_app/desk_board.hpp"

namespace lpse::desk {

namespace {
DeskSettings settingsFrom(const config::Config& c) {
  DeskSettings s;
  s.counter = c.desk.counter;
  s.standards = c.timeStandards;
  s.calendar = c.office.calendar;
  s.recallsBeforeNoShow = c.desk.recallsBeforeNoShow;
  s.officeName = c.office.name;
  // The server mails the reply itself when its [email] relay is set (the
  // desk reads the same file); otherwise the desk shows the text to paste.
  s.mailReplies = c.email.enabled && !c.email.smtpHost.empty();
  return s;
}
// A step refused because the case is no longer where this desk saw it:
// another desk moved it first. Said in words; the case is read again.
core::Error movedElsewhere(core::Error e) {
  e.id = "Permohonan ini baru saja diproses di meja lain; tampilan sudah diperbarui dengan statusnya sekarang.";
  e.en = "Another desk has just moved this case on; the screen now shows where it stands.";
  return e;
}
slip::SlipOptions slipOptionsFrom(const config::Config& c) {
  slip::SlipOptions o;
  o.dir = c.desk.slipDir;
  o.print.printer = c.desk.slipPrinter;
  o.print.paper = slip::parsePaper(c.desk.slipPaper).value_or(slip::Paper::A5);
  o.print.timeoutMs = c.desk.slipPrintTimeoutS * 1000;
  return o;
}
}  // namespace

DeskApp::DeskApp(config::Config cfg, ui::Strings& strings, ui::WindowApp& window, bool wall)
    : m_cfg(std::move(cfg)),
      m_strings(strings),
      m_model(settingsFrom(m_cfg)),
      m_api(m_cfg.serverUrl, {}),
      m_worker([&window] { window.wake(); }),
      m_slipOptions(slipOptionsFrom(m_cfg)),
      m_slipWorker([&window] { window.wake(); }),
      m_wall(wall),
      m_super(std::make_unique<SupervisorBoard>(
          m_cfg, m_strings, m_api, m_worker, [this](const core::Error& e) { return checkSession(e); }, wall)) {
  // Slips carry a name and a user ID: they go with the guest-book entries.
  m_slipWorker.post([dir = m_slipOptions.dir, days = m_cfg.server.retentionDays] {
    (void)slip::purgeOldSlips(dir, client::wallClockMs() - days * 86'400'000LL);
  });
}

void DeskApp::printSlip() {
  const auto& cur = m_model.current();
  if (!cur || !m_model.session() || !m_slip.start(cur->kase.id)) return;
  const std::int64_t id = cur->kase.id;
  m_slipWorker.post([this, id, in = slipInputFor(*cur, m_model.settings(), m_model.session()->displayName,
                                                 client::wallClockMs()),
                     cal = m_model.settings().calendar, o = m_slipOptions] {
    auto out = slip::saveAndPrint(in, cal, o);
    m_worker.toUi([this, id, out = std::move(out)]() mutable { m_slip.done(id, std::move(out)); });
  });
}

DeskApp::~DeskApp() { m_stream.reset(); }

bool DeskApp::settled() const {
  if (!m_model.signedIn()) return true;
  return m_model.role() == core::ActorRole::Supervisor ? m_super->loaded() : m_boardLoaded;
}

// A desk that takes work tells the server it is there (sign-in, sign-out,
// breaks): the supervisor board shows it, and call-next refuses a desk on a break.
namespace {
bool takesWork(core::ActorRole r) { return r == core::ActorRole::Helpdesk || r == core::ActorRole::AdminPpe; }
}  // namespace

void DeskApp::sendBreak(const std::string& reason) {
  m_worker.post([this, reason, counter = m_cfg.desk.counter] {
    auto ok = m_api.deskEvent(counter, reason.empty() ? core::kBreakEnd : core::kBreakStart, reason);
    m_worker.toUi([this, ok, reason] {
      if (ok || !checkSession(ok.error())) return;
      if (!reason.empty()) m_model.endBreak();  // not recorded: not on a break
      m_model.requestFailed(ok.error());
    });
  });
}

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
      // The wall board is for the supervisor's eyes only.
      if (m_wall && s->role != core::ActorRole::Supervisor) {
        m_worker.post([this] { (void)m_api.logout(); });
        m_model.setSigningIn(false);
        m_model.setLoginError(tr("desk.board.wall_only"));
        return;
      }
      m_model.signIn({s->id, s->displayName, s->role, s->expiresMs});
      if (takesWork(s->role))
        m_worker.post([this, counter = m_cfg.desk.counter] { (void)m_api.deskEvent(counter, core::kDeskSignIn); });
      startStream(s->token);
      refresh();
    });
  });
}

void DeskApp::startStream(const std::string& token) {
  m_stream = std::make_unique<client::EventStream>(
      m_cfg.serverUrl, client::Credential{token}, -1,
      client::EventStream::Callbacks{
          [this](const api::StreamEvent& e) {
            m_worker.toUi([this, e] {
              m_super->onEvent(e);
              refresh();
            });
          },
          [this](bool online) {
            m_worker.toUi([this, online] {
              m_model.setOnline(online);
              if (online) refresh();
            });
          },
          [this] { m_worker.toUi([this] { sessionEnded(); }); }});
}

void DeskApp::signOut() {
  m_stream.reset();
  if (takesWork(m_model.role()))
    m_worker.post([this, counter = m_cfg.desk.counter] { (void)m_api.deskEvent(counter, core::kDeskSignOut); });
  m_worker.post([this] { (void)m_api.logout(); });
  m_super->reset();
  m_model.signOut();
  m_help.clear();
  m_boardLoaded = false;
}

void DeskApp::sessionEnded() {
  if (!m_model.signedIn()) return;
  m_stream.reset();
  m_worker.post([this] { m_api.setCredential({}); });
  m_model.signOut(tr("desk.session_ended"));
  m_help.clear();
  m_super->reset();
  m_boardLoaded = false;
}

bool DeskApp::checkSession(const core::Error& e) {
  if (e.code != "unauthenticated") return true;
  sessionEnded();
  return false;
}

// UI thread: what to reload is read here, the worker only fetches.
void DeskApp::refresh() {
  if (!m_model.signedIn()) return;
  m_help.refresh();
  if (m_model.role() == core::ActorRole::Supervisor) return m_super->refresh();
  m_worker.post([this] {
    auto b = m_api.board();
    auto devices = m_api.devices();
    auto open = m_api.openCases();
    m_worker.toUi([this, b, devices, open] {
      if (!b && !checkSession(b.error())) return;
      m_boardLoaded = true;
      if (b) m_model.setBoard(*b);
      if (devices) m_model.setDevices(*devices);
      if (open) m_model.casesLoaded(*open, client::wallClockMs());
    });
  });
  if (m_model.current()) load(m_model.current()->kase.id);
}

void DeskApp::load(std::int64_t id) {
  m_worker.post([this, id] {
    auto d = m_api.caseDetail(id);
    m_worker.toUi([this, id, d] {
      if (d) m_model.caseLoaded(*d);
      else if (checkSession(d.error())) m_model.caseFailed(id, d.error());
    });
  });
}

void DeskApp::send(DeskRequest r) {
  using K = DeskRequest::Kind;
  switch (r.kind) {
    case K::None: return;
    case K::Open: return load(r.caseId);
    case K::CallNext:
      m_worker.post([this, r] {
        auto c = m_api.callNext(r.queue, r.counter);
        m_worker.toUi([this, c] {
          if (!c) {
            if (checkSession(c.error())) m_model.requestFailed(c.error());
            return;
          }
          m_model.calledNext(*c);
          if (c->has_value()) load((*c)->id);
          refresh();
        });
      });
      return;
    case K::Act:
      m_worker.post([this, r] {
        auto c = m_api.act(r.caseId, r.action, r.input);
        m_worker.toUi([this, r, c] {
          if (!c) {
            if (!checkSession(c.error())) return;
            m_model.requestFailed(c.error().code == "invalid_transition" ? movedElsewhere(c.error()) : c.error());
          } else {
            m_model.actDone(*c);
          }
          // Either way the case is read again: another desk may have moved it.
          load(r.caseId);
          refresh();
        });
      });
      return;
    case K::RegisterEmail:
      m_worker.post([this, r] {
        auto c = m_api.receiveEmail(r.visit);
        m_worker.toUi([this, c] {
          if (!c) {
            if (checkSession(c.error())) m_model.requestFailed(c.error());
            return;
          }
          m_model.emailRegistered(*c);
          load(c->id);
          refresh();
        });
      });
      return;
  }
}

std::string DeskApp::codeText(core::CodeList l, std::string_view code) const {
  return core::codeLabel(l, code, m_strings.language());
}

}  // namespace lpse::desk

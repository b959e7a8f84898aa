#include "kiosk/apps/server_mail.hpp"

#include <fstream>
#include <sstream>

#include "kiosk/mail/imap_inbox.hpp"
#include "kiosk/mail/smtp_relay.hpp"
#include "kiosk/server/mail_intake.hpp"
#include "kiosk/server/mail_outbox.hpp"

namespace lpse::apps {

class MailChannel {
 public:
  std::unique_ptr<mail::ImapInbox> inbox;
  std::unique_ptr<mail::SmtpRelay> relay;
  std::unique_ptr<server::MailIntake> intake;
  std::unique_ptr<server::MailOutbox> outbox;
  ~MailChannel() {
    // Threads first: they use the inbox and the relay.
    if (intake) intake->stop();
    if (outbox) outbox->stop();
  }
};

void MailChannelDeleter::operator()(MailChannel* c) const { delete c; }

namespace {

core::Result<std::string> readSecret(const std::string& path, const char* key) {
  std::ifstream in(path);
  if (!in)
    return core::makeError("config_invalid", std::string("Berkas kata sandi email.") + key + " tidak dapat dibaca: " + path,
                           std::string("Cannot read the password file email.") + key + ": " + path, key);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

mail::Endpoint endpoint(const config::EmailConfig& e, const std::string& host, int port, const std::string& tls) {
  mail::Endpoint ep;
  ep.host = host;
  ep.port = port;
  ep.tls = mail::tlsModeFrom(tls).value_or(mail::TlsMode::Implicit);
  ep.caFile = e.caFile;
  ep.verifyTls = e.tlsVerify;
  return ep;
}

}  // namespace

core::Result<MailChannelPtr> startMailChannel(const config::Config& cfg, store::Store& store,
                                              std::function<void(const std::string&)> log) {
  const auto& e = cfg.email;
  if (!e.enabled) return MailChannelPtr{};
  MailChannelPtr ch(new MailChannel);
  if (!e.imapHost.empty()) {
    auto password = readSecret(e.imapPasswordFile, "imap_password_file");
    if (!password) return password.error();
    mail::ImapSettings s;
    s.server = endpoint(e, e.imapHost, e.imapPort, e.imapTls);
    s.user = e.imapUser;
    s.password = *password;
    s.mailbox = e.imapMailbox;
    ch->inbox = std::make_unique<mail::ImapInbox>(s);
    server::MailIntakeOptions o;
    o.defaultService = e.defaultService;
    o.cursorFile = e.cursorFile.empty() ? cfg.server.database + ".mail-cursor" : e.cursorFile;
    o.interval = std::chrono::seconds(e.pollSeconds);
    o.log = log;
    ch->intake = std::make_unique<server::MailIntake>(store, *ch->inbox, o);
    ch->intake->start();
  }
  if (!e.smtpHost.empty()) {
    mail::SmtpSettings s;
    s.server = endpoint(e, e.smtpHost, e.smtpPort, e.smtpTls);
    s.from = e.smtpFrom;
    s.fromName = e.smtpFromName;
    s.user = e.smtpUser;
    if (!e.smtpUser.empty()) {
      auto password = readSecret(e.smtpPasswordFile, "smtp_password_file");
      if (!password) return password.error();
      s.password = *password;
    }
    ch->relay = std::make_unique<mail::SmtpRelay>(s);
    server::MailOutboxOptions o;
    o.officeName = cfg.office.name;
    o.utcOffsetMinutes = cfg.office.calendar.utcOffsetMinutes;
    o.maxAgeMs = std::int64_t{e.replyMaxAgeDays} * 24 * 3600 * 1000;
    o.log = log;
    ch->outbox = std::make_unique<server::MailOutbox>(store, *ch->relay, o);
    ch->outbox->start();
  }
  if (log)
    log(std::string("level=info msg=\"e-mail channel\" imap=") + (e.imapHost.empty() ? "off" : "on") +
        " smtp=" + (e.smtpHost.empty() ? "off" : "on"));
  return ch;
}

}  // namespace lpse::apps

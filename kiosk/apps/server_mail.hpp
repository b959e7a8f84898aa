#pragma once
// The queue server's e-mail channel, built from [email] in the config: the
// IMAP intake and the SMTP outbox on their own threads (kiosk/server/
// mail_intake, mail_outbox). Nothing runs when the section is off.
#include <functional>
#include <memory>
#include <string>

#include "kiosk/config/config.hpp"
#include "kiosk/store/store.hpp"

namespace lpse::apps {

class MailChannel;
struct MailChannelDeleter {
  void operator()(MailChannel*) const;
};
using MailChannelPtr = std::unique_ptr<MailChannel, MailChannelDeleter>;

// Starts what [email] asks for; empty when it is off. An unreadable
// password file or a bad setting is an error naming it.
core::Result<MailChannelPtr> startMailChannel(const config::Config& cfg, store::Store& store,
                                              std::function<void(const std::string&)> log);

}  // namespace lpse::apps

#pragma once
// The reply to an e-mailed request, for the desk to paste into the mail
// client when the server does not send it itself: core/result_notice's text.
#include <string>

#include "kiosk/client/api_client.hpp"
#include "kiosk/core/calendar.hpp"

namespace lpse::desk {

struct EmailReply {
  std::string to, subject, body;
};

// The result (password reset / user ID information) or the rejection with
// its reason, never a password: that is given by phone or in person.
EmailReply emailReply(const client::CaseDetail& d, const std::string& office, const core::WorkingCalendar& cal,
                      const std::string& lang);

}  // namespace lpse::desk

#pragma once
// What the kiosk camera (or a keyboard-wedge scanner) read: a filled request
// form, a blank one, one of our tickets, a damaged LPSE code, or something
// else entirely; with the sentence to show when it cannot be used.
#include <string>
#include <string_view>

#include "kiosk/core/error.hpp"
#include "kiosk/form/form_data.hpp"

namespace lpse::form {

struct ScannedQr {
  enum class Kind {
    Form,       // `form` holds the applicant's data
    BlankForm,  // the request form, filled in by hand: type the data in
    Ticket,     // `token` is the case token (lower-case hex)
    Invalid,    // an LPSE code that cannot be used: `error` says why
    Unknown,    // not an LPSE code: `error` says so
  };
  Kind kind = Kind::Unknown;
  FormData form;
  std::string token;
  bool legacyTicket = false;  // the bare token of tickets printed before LPSE-T1
  core::Error error;
};

// One trailing line break (the Enter a keyboard-wedge scanner sends after
// the code) is ignored; nothing else is forgiven.
ScannedQr classifyQr(std::string_view text);

}  // namespace lpse::form

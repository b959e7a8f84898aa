#pragma once
// The result slip as a printable PDF: office header, ticket and counter,
// date, name, SPSE user ID, what was done, a ruled blank for the temporary
// password written by hand, the SOP's instruction to log in at once and
// change it, and signature boxes for the officer and the visitor. The
// content comes from core::slipContent, which has no password to print.
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/error.hpp"
#include "kiosk/core/result_slip.hpp"

namespace lpse::slip {

enum class Paper { A5, A4 };

// "a5" / "a4" (any case); nullopt for anything else.
std::optional<Paper> parsePaper(std::string_view s);
// CUPS's media name: "A5" / "A4".
const char* mediaName(Paper p);

// Writes the slip to `path` (replacing a file of that name). Errors name
// the file and why, in both languages.
core::Status writeSlipPdf(const std::string& path, const core::SlipContent& slip, Paper paper = Paper::A5);

}  // namespace lpse::slip

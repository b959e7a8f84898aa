#include "kiosk/desk_app/email_reply.hpp"

#include "kiosk/core/desk_rules.hpp"

namespace lpse::desk {

// A placeholder until core/result_notice arrives from the mail branch.
EmailReply emailReply(const client::CaseDetail& d, const std::string& office, const core::WorkingCalendar&,
                      const std::string& lang) {
  const bool en = lang == "en";
  EmailReply r;
  const std::string name = d.visit ? d.visit->name : std::string();
  r.to = d.visit ? d.visit->email : std::string();
  const std::string subject = d.visit ? d.visit->purpose : std::string();
  r.subject = "Re: " + (subject.empty() ? std::string(en ? "Password reset request" : "Permohonan reset password") : subject);
  const bool rejected = d.kase.state == core::CaseState::Rejected;
  std::string body = (en ? "Dear " : "Yth. ") + name + ",\n\n";
  if (rejected) {
    std::string reason;
    for (const auto& h : d.history)
      if (h.kind == "mark_invalid") reason = core::codeLabel(core::CodeList::RejectionReason, h.code, lang);
    body += en ? "We regret that your request cannot be granted: the dossier could not be verified.\n"
               : "Mohon maaf, permohonan Anda tidak dapat dipenuhi: berkas tidak dapat diverifikasi.\n";
    if (!reason.empty()) body += (en ? "Reason: " : "Alasan: ") + reason + "\n";
  } else {
    body += en ? "Your request has been processed. The new password or user ID information will be given to you by "
                 "phone or in person; it is never sent by e-mail.\n"
                 "Please log in to SPSE at once and change the password immediately.\n"
               : "Permohonan Anda sudah diproses. Password baru atau informasi user ID disampaikan kepada Anda melalui "
                 "telepon atau langsung; tidak pernah dikirim lewat e-mail.\n"
                 "Segera login ke SPSE dan wajib mengganti password.\n";
  }
  body += "\n" + office + "\n";
  r.body = body;
  return r;
}

}  // namespace lpse::desk

#include "kiosk/desk_app/email_reply.hpp"

#include "kiosk/core/result_notice.hpp"

namespace lpse::desk {

// The same words as the server's SMTP reply and the printed slip
// (core/result_notice), so the office says one thing whichever way it goes.
EmailReply emailReply(const client::CaseDetail& d, const std::string& office, const core::WorkingCalendar& cal,
                      const std::string& /*lang: the notice carries both languages*/) {
  core::NoticeInput in;
  const bool rejected = d.kase.state == core::CaseState::Rejected ||
                        d.kase.state == core::CaseState::RejectionNotified;
  in.kind = rejected ? core::NoticeKind::Rejection : core::NoticeKind::Result;
  in.medium = core::NoticeMedium::Message;
  in.service = d.kase.service;
  in.reference = d.kase.ticket.empty() ? "E-" + std::to_string(d.kase.id) : d.kase.ticket;
  in.utcOffsetMinutes = cal.utcOffsetMinutes;
  in.officeName = office;
  in.atMs = d.kase.stateMs;
  std::int64_t invalidSeq = -1;
  for (const auto& h : d.history) {
    if (h.kind == "record_result" || h.kind == "reject") in.atMs = h.atMs;
    if (h.kind == "mark_invalid") {
      in.reasonCode = h.code;
      invalidSeq = h.seq;
    }
  }
  for (const auto& n : d.notes)
    if (n.seq == invalidSeq) in.reasonNote = n.text;
  EmailReply r;
  if (d.visit) {
    in.recipientName = d.visit->name;
    in.spseUserId = d.visit->spseUserId;
    r.to = d.visit->email;
  }
  const core::Notice n = core::makeNotice(in);
  r.subject = n.subject;
  r.body = n.text;
  return r;
}

}  // namespace lpse::desk

#include "kiosk/kiosk_app/ticket_print.hpp"

#include "devices/printer/ticket_layout.hpp"
#include "kiosk/form/ticket_qr.hpp"
#include "kiosk/ui/clock_text.hpp"

namespace lpse::kiosk {

std::string ticketQrPayload(const core::CaseRecord& c) {
  return form::encodeTicketQr(c.token).value_or(c.token);  // LPSE-T1 (docs/FORM-QR.md)
}

std::vector<std::uint8_t> ticketBytes(const core::IssuedTicket& t, const config::Config& cfg,
                                      const printer::TicketFormat& format, const std::string& lang, std::int64_t nowMs) {
  printer::TicketContent c;
  c.officeName = cfg.office.name;
  c.number = t.kase.ticket;
  for (const auto& s : cfg.services)
    if (s.code == t.kase.service) c.serviceName = lang == "en" ? s.nameEn : s.nameId;
  c.dateTimeText = ui::formatDateTime(nowMs, cfg.office.calendar.utcOffsetMinutes, lang);
  c.ahead = t.ahead;
  // A rough wait: each visitor ahead needs the completeness check (step 5).
  c.estimatedWaitMin = t.ahead * cfg.timeStandards.forStep(5).value_or(5);
  c.qrPayload = ticketQrPayload(t.kase);
  c.footer = cfg.printer.footer;
  // Priority service: the mark under the number, in the ticket's language
  // ("PRIORITAS - Lansia"), so the desk sees it on the paper too.
  if (t.kase.priorityCategory != core::PriorityCategory::None)
    c.mark = std::string(lang == "en" ? "PRIORITY - " : "PRIORITAS - ") + core::priorityLabel(t.kase.priorityCategory, lang);
  if (lang == "en") {
    c.aheadLabel = "Waiting before you";
    c.waitLabel = "Estimated wait";
    c.minutesUnit = "minutes";
  }
  return printer::layoutTicket(c, format);
}

}  // namespace lpse::kiosk

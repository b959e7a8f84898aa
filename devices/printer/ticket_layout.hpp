#pragma once
// The queue ticket a visitor takes from the kiosk: what is on it and how it
// is laid out on 58 or 80 mm paper.
#include <cstdint>
#include <string>
#include <vector>

namespace lpse::printer {

struct PaperSpec {
  int dots = 576;    // printable width in dots
  int columns = 48;  // Font A characters per line at size 1 (12 dots each)
};
PaperSpec paper58();  // 384 dots, 32 columns
PaperSpec paper80();  // 576 dots, 48 columns

// All text is UTF-8 and already in the visitor's language; the layout only
// folds it to the printer's code page.
struct TicketContent {
  std::string officeName;
  std::string number;         // "R-001"
  std::string serviceName;
  std::string dateTimeText;   // already formatted in Indonesian by the caller
  std::string counterHint;    // e.g. "Silakan menunggu panggilan", empty to omit
  int ahead = -1;             // visitors before this one; < 0 omits the line
  int estimatedWaitMin = -1;  // < 0 omits the line
  std::string qrPayload;      // empty omits the QR code
  std::string footer;
  std::string aheadLabel = "Antrian di depan Anda";
  std::string waitLabel = "Perkiraan tunggu";
  std::string minutesUnit = "menit";
};

// ESC/POS for one ticket, ending with a cut. Everything centered; the number
// as large as the paper allows (8x8 on 80 mm); long lines wrap at word
// boundaries; the QR code (level M) gets the largest module size, up to 8
// dots, that keeps it within ~60 % of 80 mm paper or ~75 % of 58 mm paper.
// A payload too long for a QR code is left out rather than printed broken.
std::vector<std::uint8_t> layoutTicket(const TicketContent& content, const PaperSpec& paper);

// The module size layoutTicket picks; 0 when the payload cannot be encoded.
int ticketQrModuleSize(const std::string& payload, const PaperSpec& paper);

}  // namespace lpse::printer

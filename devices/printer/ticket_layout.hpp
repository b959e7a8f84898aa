#pragma once
// The queue ticket a visitor takes from the kiosk: what is on it and how it
// is laid out on 58 or 80 mm paper.
#include <cstdint>
#include <string>
#include <vector>

#include "devices/printer/bitmap.hpp"
#include "devices/printer/printer_model.hpp"

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
  std::string mark;           // under the number, bold and double height (a priority ticket); empty to omit
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

// How this installation's tickets come out: the paper, what the printer
// model can do, and the logo. Built once at start-up (the logo is read
// once: logo_file.hpp) and reused for every ticket.
struct TicketFormat {
  PaperSpec paper;      // default: 80 mm
  LayoutQuirks quirks;  // default: Epson TM-T82
  // Ready to print: ink, already centred and at most paper.dots wide (what
  // loadLogo/prepareLogo give). Empty: no logo. Wider is cut at the edge.
  Bitmap logo;
};

// ESC/POS for one ticket, ending with a cut. Everything centered; the number
// as large as the paper allows (8x8 on 80 mm); long lines wrap at word
// boundaries; the QR code (level M) gets the largest module size, up to 8
// dots, that keeps it within ~60 % of 80 mm paper or ~75 % of 58 mm paper.
// A payload too long for a QR code is left out rather than printed broken.
// With a format: the logo (GS v 0) first, text folded to the model's
// charset after ESC t with its code page, the QR module capped at the
// model's limit (or the QR sent as a GS v 0 picture), and the model's cut;
// a line holds quirks.charsPerLine characters when that is set.
std::vector<std::uint8_t> layoutTicket(const TicketContent& content, const TicketFormat& format);
// Epson defaults and no logo.
std::vector<std::uint8_t> layoutTicket(const TicketContent& content, const PaperSpec& paper);

// The module size layoutTicket picks; 0 when the payload cannot be encoded.
// maxModule: the model's limit (LayoutQuirks::qrMaxModule); the layout never
// goes above 8 anyway (bigger adds paper, not readability).
int ticketQrModuleSize(const std::string& payload, const PaperSpec& paper, int maxModule = 16);

// The QR symbol as dots (module x module pixels each, no quiet zone): what
// QrMode::Raster sends. Empty when the payload cannot be encoded.
Bitmap ticketQrBitmap(const std::string& payload, int moduleSize);

}  // namespace lpse::printer

#include "devices/printer/printer_status.hpp"

namespace lpse::printer {
namespace {

bool valid(std::optional<std::uint8_t> b, const StatusQuirks& q) {
  return b && (*b & q.fixedMask) == q.fixedValue;
}

}  // namespace

PrinterStatus decodeStatus(std::optional<std::uint8_t> paper, std::optional<std::uint8_t> offline,
                           const StatusQuirks& q) {
  if (!q.answersStatus) return {PrinterState::Ready, {}};
  const bool paperOk = valid(paper, q);
  const bool offlineOk = valid(offline, q);
  if (offlineOk && (*offline & q.coverOpenBit))
    return {PrinterState::CoverOpen, "Tutup printer terbuka. Tutup rapat lalu coba lagi."};
  if ((paperOk && q.paperOutBits && (*paper & q.paperOutBits) == q.paperOutBits) ||
      (offlineOk && (*offline & q.stoppedPaperEndBit)))
    return {PrinterState::PaperOut, "Kertas printer habis. Ganti gulungan kertas."};
  if (offlineOk && (*offline & q.errorBit))
    return {PrinterState::Error, "Printer melaporkan kesalahan (pemotong kertas atau kepala cetak)."};
  if (!paperOk && !offlineOk)
    return {PrinterState::Offline, "Printer tidak menjawab permintaan status."};
  if (paperOk && q.paperNearEndBits && (*paper & q.paperNearEndBits) == q.paperNearEndBits)
    return {PrinterState::PaperNearEnd, "Kertas printer hampir habis. Siapkan gulungan baru."};
  return {PrinterState::Ready, {}};
}

}  // namespace lpse::printer

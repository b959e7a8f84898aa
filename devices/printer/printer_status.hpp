#pragma once
// Decoding a printer's real-time status replies (DLE EOT n). The bit meanings
// differ between Epson and clones, so they live in one struct per model that
// config can override, never in the transports' code paths.
#include <cstdint>
#include <optional>
#include <vector>

#include "devices/printer/printer.hpp"

namespace lpse::printer {

// Defaults follow the Epson reference (TM-T20/TM-T82); clones that differ
// get their own values from config.
struct StatusQuirks {
  bool answersStatus = true;          // false: the model never replies to DLE EOT; assume Ready
  std::uint8_t fixedMask = 0x93;      // bits that are fixed in every reply byte...
  std::uint8_t fixedValue = 0x12;     // ...and their values: a reply that differs is not a status byte
  // DLE EOT 4 (paper roll sensor)
  std::uint8_t paperNearEndBits = 0x0C;
  std::uint8_t paperOutBits = 0x60;
  // DLE EOT 2 (offline cause)
  std::uint8_t coverOpenBit = 0x04;
  std::uint8_t stoppedPaperEndBit = 0x20;
  std::uint8_t errorBit = 0x40;
};

// The requests status() sends: DLE EOT 4 then DLE EOT 2.
inline const std::vector<std::uint8_t> kStatusRequestPaper{0x10, 0x04, 0x04};
inline const std::vector<std::uint8_t> kStatusRequestOffline{0x10, 0x04, 0x02};

// paper: the reply to DLE EOT 4, offline: the reply to DLE EOT 2; nullopt =
// no reply. Worst first: cover open, paper out, error, no reply (Offline),
// near end, ready. Details are Indonesian sentences for the staff.
PrinterStatus decodeStatus(std::optional<std::uint8_t> paper, std::optional<std::uint8_t> offline,
                           const StatusQuirks& quirks = {});

}  // namespace lpse::printer

#include "devices/printer/printer.hpp"

namespace lpse::printer {

Printer::~Printer() = default;

bool PrinterStatus::canPrint() const {
  return state == PrinterState::Ready || state == PrinterState::PaperNearEnd;
}

std::string_view toString(PrinterState state) {
  switch (state) {
    case PrinterState::Ready: return "ready";
    case PrinterState::PaperNearEnd: return "paper_near_end";
    case PrinterState::PaperOut: return "paper_out";
    case PrinterState::CoverOpen: return "cover_open";
    case PrinterState::Offline: return "offline";
    case PrinterState::NotFound: return "not_found";
    case PrinterState::Error: return "error";
  }
  return "error";
}

}  // namespace lpse::printer

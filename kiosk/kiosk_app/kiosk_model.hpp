#pragma once
// The kiosk's flow as plain data and commands, with no ImGui in it: the
// screen draws from this model and calls its commands; the runtime feeds it
// results from the server and the printer. Unit-tested on its own.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/case_record.hpp"
#include "kiosk/core/error.hpp"
#include "kiosk/core/visit.hpp"

namespace lpse::kiosk {

enum class Step { Attract, Form, Submitting, Ticket };

enum class PrintState { None, Printing, Printed, Failed };

// The printer as the kiosk last saw it (the spooler checks it off-thread).
struct PrinterView {
  bool canPrint = true;
  std::string stateKey = "status.printer_ok";  // the strings key naming the state
  std::string detail;                          // the printer's own sentence (Indonesian)
};

struct KioskSettings {
  int idleTimeoutS = 60;     // a form untouched this long is wiped
  int ticketScreenS = 15;    // the ticket screen returns to attract after this
  std::vector<core::ServiceDef> services = core::defaultServices();
};

class KioskModel {
 public:
  explicit KioskModel(KioskSettings settings = {});

  // Visitor commands.
  void start(std::int64_t nowMs);  // "touch to start"
  void chooseService(const std::string& code, std::int64_t nowMs);
  void setField(const std::string& field, const std::string& value, std::int64_t nowMs);
  void setRole(core::VisitorRole role, std::int64_t nowMs);
  void toggleDocument(core::Document d, std::int64_t nowMs);
  void setConsent(bool yes, std::int64_t nowMs);
  void setLanguage(const std::string& lang);
  // Validates the whole form; true when it may be sent (Step -> Submitting).
  bool submit(std::int64_t nowMs);
  void cancel();  // back to attract, form wiped

  // Results from the runtime.
  void ticketIssued(const core::IssuedTicket& t, std::int64_t nowMs);
  void ticketFailed(const core::Error& e);
  void printStarted();
  void printFinished(bool ok, const std::string& detail);
  void setServerOnline(bool online) { m_serverOnline = online; }
  void setPrinter(PrinterView p) { m_printer = std::move(p); }
  void setWaiting(std::map<std::string, int> waiting) { m_waiting = std::move(waiting); }

  // Time passes: wipes an idle form, leaves the ticket screen.
  void tick(std::int64_t nowMs);

  // What the screen reads.
  Step step() const { return m_step; }
  const core::Visit& draft() const { return m_draft; }
  const std::string& language() const { return m_lang; }
  const std::optional<core::Error>& fieldError(const std::string& field) const;
  const std::optional<core::Error>& submitError() const { return m_submitError; }
  const std::optional<core::IssuedTicket>& ticket() const { return m_ticket; }
  PrintState printState() const { return m_print; }
  const std::string& printDetail() const { return m_printDetail; }
  bool serverOnline() const { return m_serverOnline; }
  const PrinterView& printer() const { return m_printer; }
  // Told before taking a number: the ticket will not print, the number will
  // still be given on screen.
  bool printerProblem() const { return !m_printer.canPrint; }
  const std::map<std::string, int>& waiting() const { return m_waiting; }
  const KioskSettings& settings() const { return m_settings; }
  // Seconds until an idle form is wiped (for the visible countdown); -1 when
  // no form is open.
  int idleSecondsLeft(std::int64_t nowMs) const;
  std::vector<core::Document> missingDocuments() const { return m_draft.missingDocuments(); }

 private:
  void touched(std::int64_t nowMs) { m_lastInputMs = nowMs; }
  void wipe();
  void revalidate(const std::string& field);

  KioskSettings m_settings;
  Step m_step = Step::Attract;
  std::string m_lang = "id";
  core::Visit m_draft;
  std::map<std::string, std::optional<core::Error>> m_fieldErrors;
  std::optional<core::Error> m_submitError;
  std::optional<core::IssuedTicket> m_ticket;
  PrintState m_print = PrintState::None;
  std::string m_printDetail;
  bool m_serverOnline = false;
  PrinterView m_printer;
  std::map<std::string, int> m_waiting;
  std::int64_t m_lastInputMs = 0;
  std::int64_t m_ticketShownMs = 0;
};

}  // namespace lpse::kiosk

#pragma once
// The call for help on a desk (issue #14): while any kiosk's call is
// unanswered, a banner on every desk screen, for every role, saying which
// kiosk, with "Saya datang" (I'm coming). The first desk to answer clears it
// on every desk: the server's stream tells them all, each reads the list
// again. HelpAlerts is the plain model (tested without ImGui); HelpAlertBar
// fetches, answers and draws it for DeskApp.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kiosk/client/api_client.hpp"
#include "kiosk/client/worker.hpp"
#include "kiosk/core/help_alert.hpp"
#include "kiosk/ui/strings.hpp"

namespace lpse::desk {

class HelpAlerts {
 public:
  // The server's list of open alerts (GET /api/help), oldest first.
  void loaded(std::vector<core::HelpAlert> open);
  // "Saya datang" on alert `id`: true when it should be sent (it is open
  // and not being sent already: a double tap sends one answer).
  bool answer(std::int64_t id);
  // The server's reply: the alert is answered (by this desk or one before it).
  void answered(const core::HelpAlert& a);
  void answerFailed(std::int64_t id, const core::Error& e);
  void clear();  // signed out: nothing shown

  const std::vector<core::HelpAlert>& open() const { return m_open; }
  bool answering(std::int64_t id) const { return m_answering.count(id) > 0; }
  const std::optional<core::Error>& error() const { return m_error; }

 private:
  std::vector<core::HelpAlert> m_open;
  std::set<std::int64_t> m_answering;
  std::optional<core::Error> m_error;
};

class HelpAlertBar {
 public:
  // `utcOffsetMinutes`: the office's, for the time each call was made.
  HelpAlertBar(client::ApiClient& api, client::Worker& worker, ui::Strings& strings, int utcOffsetMinutes);
  // UI thread: read the open alerts on the worker (at sign-in, after each event).
  void refresh();
  void clear() { m_model.clear(); }
  // The banner, under the desk's header; nothing when no call is open.
  void draw();
  const HelpAlerts& model() const { return m_model; }

 private:
  void answer(std::int64_t id);

  client::ApiClient& m_api;  // used on the worker thread only
  client::Worker& m_worker;
  ui::Strings& m_strings;
  int m_utcOffsetMinutes = 420;
  HelpAlerts m_model;
};

}  // namespace lpse::desk

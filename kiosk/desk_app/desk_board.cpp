// The supervisor board and its actions (issue #13); see desk_board.hpp.
// The screen draws BoardModel's view and sends what the supervisor chose;
// it makes no domain choice (lists, standards and levels come from core
// and the model).
#include "kiosk/desk_app/desk_board.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "kiosk/client/clock.hpp"
#include "kiosk/desk_app/desk_text.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::desk {

using client::wallClockMs;

namespace {

BoardSettings settingsFrom(const config::Config& c) {
  BoardSettings s;
  s.standards = c.timeStandards;
  s.calendar = c.office.calendar;
  s.waitTargetMin = c.desk.waitTargetMin;
  s.idleAlertS = c.desk.idleAlertS;
  return s;
}

ImVec4 levelColor(core::TimerLevel l) {
  switch (l) {
    case core::TimerLevel::Over: return ui::colors::kDanger;
    case core::TimerLevel::Near: return ui::colors::kWarn;
    case core::TimerLevel::Ok: return ui::colors::kOk;
    case core::TimerLevel::None: break;
  }
  return ui::colors::kTextDim;
}

ImVec4 activityColor(DeskActivity a, bool alert) {
  if (alert) return ui::colors::kDanger;
  switch (a) {
    case DeskActivity::Serving: return ui::colors::kOk;
    case DeskActivity::Idle: return ui::colors::kText;
    case DeskActivity::OnBreak: return ui::colors::kWarn;
    case DeskActivity::SignedOut: break;
  }
  return ui::colors::kTextDim;
}

std::string caseName(const core::CaseRecord& c) {
  return c.ticket.empty() ? "E-mail #" + std::to_string(c.id) : c.ticket;
}

void cell(const std::string& text, ImVec4 color = ui::colors::kText) {
  ImGui::TableNextColumn();
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
}

std::string defaultFolder() {
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : "/tmp") + "/lpse-laporan";
}

}  // namespace

SupervisorBoard::SupervisorBoard(const config::Config& cfg, ui::Strings& strings, client::ApiClient& api,
                                 client::Worker& worker, std::function<bool(const core::Error&)> checkSession,
                                 bool wall)
    : m_cfg(cfg),
      m_strings(strings),
      m_api(api),
      m_worker(worker),
      m_checkSession(std::move(checkSession)),
      m_wall(wall),
      m_model(settingsFrom(cfg)),
      m_folder(defaultFolder()) {}

void SupervisorBoard::reset() {
  m_model = BoardModel(settingsFrom(m_cfg));
  m_view = {};
  m_loaded = false;
  m_error.reset();
  m_info.clear();
  m_actCase = 0;
  m_confirmClose = m_reportsOpen = false;
  m_reportPath.clear();
}

void SupervisorBoard::refresh() {
  m_worker.post([this] {
    auto cases = m_api.openCases();
    auto desks = m_api.desks();
    auto board = m_api.board();
    m_worker.toUi([this, cases, desks, board] {
      if (!cases) {
        if (m_checkSession(cases.error())) m_error = cases.error();
        return;
      }
      m_model.setCases(*cases);
      if (desks) m_model.setDesks(*desks);
      if (board) m_model.setBoard(*board);
      m_loaded = true;
    });
  });
}

void SupervisorBoard::onEvent(const api::StreamEvent& e) { m_model.onEvent(e); }

void SupervisorBoard::act(std::int64_t caseId, core::Action a, core::ActionInput in) {
  m_worker.post([this, caseId, a, in] {
    auto c = m_api.act(caseId, a, in);
    m_worker.toUi([this, a, c] {
      if (!c) {
        if (m_checkSession(c.error())) m_error = c.error();
      } else {
        m_error.reset();
        m_info = a == core::Action::Cancel ? "desk.board.cancelled" : "desk.board.reassigned";
        m_actCase = 0;
      }
      refresh();
    });
  });
}

std::string SupervisorBoard::serviceName(const std::string& code) const {
  for (const auto& s : m_cfg.services)
    if (s.code == code) return m_strings.language() == "en" ? s.nameEn : s.nameId;
  return code;
}

std::string SupervisorBoard::levelWord(core::TimerLevel l) const {
  switch (l) {
    case core::TimerLevel::Over: return tr("desk.board.level_over");
    case core::TimerLevel::Near: return tr("desk.board.level_near");
    case core::TimerLevel::Ok: return tr("desk.board.level_ok");
    case core::TimerLevel::None: break;
  }
  return "\xE2\x80\x94";
}

bool SupervisorBoard::draw(ui::Frame& f, const StaffSession& who, bool online) {
  auto& map = ui::UiMap::current();
  const std::int64_t now = wallClockMs();
  m_view = m_model.view(now);
  ui::beginScreen(m_wall ? "supervisor_wall" : "supervisor_board");
  map.note("staff", who.username);
  map.note("desk_role", "supervisor");
  map.note("board_loaded", m_loaded ? "1" : "0");
  if (m_closedCount >= 0) map.note("day_closed", std::to_string(m_closedCount));

  // Title row: who, the server, and (at the desk) the actions of the day.
  ImGui::PushFont(ui::fonts().large);
  ImGui::TextUnformatted((tr("desk.board.title") + " \xE2\x80\x94 " + m_cfg.office.name).c_str());
  ImGui::PopFont();
  bool signOut = false;
  const ImVec2 row = ImGui::GetCursorScreenPos();
  ui::statusPill("server_status", online ? tr("status.online") : tr("status.offline"),
                 online ? ui::PillState::Online : ui::PillState::Offline);
  ImGui::SameLine();
  ui::bigText("staff_name", who.displayName + " \xC2\xB7 " + tr("desk.role.supervisor") + " \xC2\xB7 " +
                                m_strings.tr("desk.board.waiting_total", {{"n", std::to_string(m_view.waitingTotal)}}),
              {.color = ui::colors::kTextDim, .wrap = false});
  if (!m_wall) {
    constexpr float kW = 210;
    ImGui::SetCursorScreenPos({row.x + ImGui::GetContentRegionAvail().x - 3 * kW - 24, row.y});
    if (ui::bigButton("reports", tr("desk.board.reports"), {kW, 0},
                      m_reportsOpen ? ui::ButtonStyle::Primary : ui::ButtonStyle::Secondary))
      m_reportsOpen = !m_reportsOpen;
    ImGui::SameLine(0, 12);
    if (ui::bigButton("close_day", tr("desk.board.close_day"), {kW, 0}, ui::ButtonStyle::Danger, online))
      m_confirmClose = true;
    ImGui::SameLine(0, 12);
    signOut = ui::bigButton("sign_out", tr("desk.sign_out"), {kW, 0}, ui::ButtonStyle::Secondary);
  }
  ImGui::Separator();

  // The alerts first: a desk idle while people wait.
  std::string alerts;
  for (const auto& d : m_view.desks) {
    if (!d.idleAlert) continue;
    const std::string q = queueOfRole(d.role);
    int waiting = m_view.waitingTotal;
    if (q == "admin")
      for (const auto& l : m_view.queues)
        if (l.queue == "admin") waiting = l.waiting;
    const std::string text = m_strings.tr("desk.board.idle_alert", {{"counter", d.counter},
                                                                     {"time", mmss(d.forS)},
                                                                     {"n", std::to_string(waiting)}});
    ui::bigText(("idle_alert_" + d.counter).c_str(), text, {.font = ui::fonts().bold, .color = ui::colors::kDanger});
    alerts += (alerts.empty() ? "" : ",") + d.counter;
  }
  map.note("idle_alerts", alerts);
  if (m_error) {
    ui::bigText("message", m_error->message(m_strings.language()), {.color = ui::colors::kDanger});
    map.note("error", m_error->code);
  } else if (!m_info.empty()) {
    ui::bigText("message", tr(m_info), {.color = ui::colors::kTextDim});
    map.note("info", m_info);
  }
  if (m_confirmClose && !m_wall) drawCloseDay(f.size.x);

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float leftW = m_wall ? avail.x * 0.5f : avail.x * 0.55f;
  ImGui::BeginChild("board_left", {leftW, avail.y}, false);
  drawQueues(leftW);
  drawDesks(leftW);
  ui::dragToScroll();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("board_right", {0, avail.y}, false);
  const float rightW = ImGui::GetContentRegionAvail().x;
  if (m_reportsOpen && !m_wall) drawReports(rightW);
  drawCases(rightW, m_view);
  ui::dragToScroll();
  ImGui::EndChild();
  ui::endScreen();
  return signOut;
}

void SupervisorBoard::drawQueues(float) {
  auto& map = ui::UiMap::current();
  ui::bigText("queues_title", tr("desk.board.queues"), {.font = ui::fonts().bold, .color = ui::colors::kTextDim});
  ImGui::PushFont(ui::fonts().small ? ui::fonts().small : ImGui::GetFont());
  if (ImGui::BeginTable("queues", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    for (const char* h : {"desk.board.col_queue", "desk.board.col_waiting", "desk.board.col_longest",
                          "desk.board.col_target", "desk.board.col_status"})
      ImGui::TableSetupColumn(tr(h).c_str());
    ImGui::TableHeadersRow();
    for (const auto& q : m_view.queues) {
      ImGui::TableNextRow();
      const std::string name = q.queue == "admin"   ? tr("desk.board.queue_admin")
                               : q.queue == "email" ? tr("desk.board.queue_email")
                                                    : serviceName(q.queue);
      cell(name);
      cell(std::to_string(q.waiting));
      cell(q.waiting ? mmss(q.longestS) + (q.longestTicket.empty() ? "" : " (" + q.longestTicket + ")") : "\xE2\x80\x94",
           levelColor(q.level));
      cell(q.queue == "email" ? tr("desk.board.target_same_day") : std::to_string(q.targetMin) + " " + tr("desk.board.min"));
      cell(levelWord(q.level), levelColor(q.level));
      map.note("board_waiting_" + q.queue, std::to_string(q.waiting));
      map.note("board_level_" + q.queue, q.level == core::TimerLevel::Over   ? "over"
                                         : q.level == core::TimerLevel::Near ? "near"
                                         : q.level == core::TimerLevel::Ok   ? "ok"
                                                                              : "none");
    }
    ImGui::EndTable();
  }
  ImGui::PopFont();
  ImGui::Spacing();
}

void SupervisorBoard::drawDesks(float) {
  auto& map = ui::UiMap::current();
  ui::bigText("desks_title", tr("desk.board.desks"), {.font = ui::fonts().bold, .color = ui::colors::kTextDim});
  if (m_view.desks.empty()) ui::bigText("desks_none", tr("desk.board.desks_none"), {.color = ui::colors::kTextDim});
  ImGui::PushFont(ui::fonts().small ? ui::fonts().small : ImGui::GetFont());
  if (!m_view.desks.empty() && ImGui::BeginTable("desks", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    for (const char* h : {"desk.board.col_counter", "desk.board.col_staff", "desk.board.col_state", "desk.board.col_for"})
      ImGui::TableSetupColumn(tr(h).c_str());
    ImGui::TableHeadersRow();
    for (const auto& d : m_view.desks) {
      ImGui::TableNextRow();
      cell(d.counter);
      cell(d.activity == DeskActivity::SignedOut ? "\xE2\x80\x94" : d.staff, ui::colors::kText);
      std::string state = tr("desk.board.activity." + std::string(toString(d.activity)));
      if (d.activity == DeskActivity::Serving) state += " " + d.ticket;
      if (d.activity == DeskActivity::OnBreak && !d.reason.empty())
        state += " (" + core::codeLabel(core::CodeList::BreakReason, d.reason, m_strings.language()) + ")";
      if (d.idleAlert) state = tr("desk.board.alert_word") + " " + state;
      cell(state, activityColor(d.activity, d.idleAlert));
      cell(mmss(d.forS));
      map.note("desk_state:" + d.counter, std::string(toString(d.activity)));
      map.note("desk_for:" + d.counter, std::to_string(d.forS));
    }
    ImGui::EndTable();
  }
  ImGui::PopFont();
}

void SupervisorBoard::drawCases(float width, const BoardView& v) {
  auto& map = ui::UiMap::current();
  const auto& cal = m_cfg.office.calendar;
  (void)cal;
  // Past their step's standard now.
  ui::bigText("breaches_title", m_strings.tr("desk.board.breaches", {{"n", std::to_string(v.breaches.size())}}),
              {.font = ui::fonts().bold, .color = v.breaches.empty() ? ui::colors::kTextDim : ui::colors::kDanger});
  std::string ids;
  ImGui::PushFont(ui::fonts().small ? ui::fonts().small : ImGui::GetFont());
  for (const auto& b : v.breaches) {
    const std::string text = m_strings.tr(
        "desk.board.breach_line",
        {{"ticket", caseName(b.kase)},
         {"step", std::to_string(b.timer.step)},
         {"time", mmss(b.timer.elapsedS)},
         {"standard", std::to_string(b.timer.standardMin)},
         {"where", b.kase.counter.empty() ? tr("desk.state." + std::string(core::toString(b.kase.state))) : b.kase.counter}});
    ImGui::PushStyleColor(ImGuiCol_Text, ui::colors::kDanger);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    ids += (ids.empty() ? "" : ",") + std::to_string(b.kase.id);
  }
  ImGui::PopFont();
  map.note("breaches", ids);
  if (m_wall) return;

  // Stranded: open at a desk that went away.
  ImGui::Spacing();
  ui::bigText("stranded_title", m_strings.tr("desk.board.stranded", {{"n", std::to_string(v.stranded.size())}}),
              {.font = ui::fonts().bold, .color = v.stranded.empty() ? ui::colors::kTextDim : ui::colors::kWarn});
  ids.clear();
  for (const auto& s : v.stranded) {
    const std::string label = m_strings.tr(
        "desk.board.stranded_line",
        {{"ticket", caseName(s.kase)},
         {"counter", s.kase.counter},
         {"state", tr("desk.board.activity." + std::string(toString(s.deskActivity)))}});
    ui::bigText(("stranded_" + std::to_string(s.kase.id)).c_str(), label, {.color = ui::colors::kWarn});
    drawCaseActions(s.kase, width);
    ids += (ids.empty() ? "" : ",") + std::to_string(s.kase.id);
  }
  map.note("stranded", ids);

  // Any open case by its number: cancel (with a reason) or reassign.
  ImGui::Spacing();
  ui::textField("board_search", tr("desk.board.search"), m_search, {.hint = "R-001", .maxBytes = 12, .width = width - 20});
  if (!m_search.empty()) {
    const auto found = core::searchByTicket(m_model.cases(), m_search);
    if (found.empty()) ui::bigText("search_none", tr("desk.work.search_none"), {.color = ui::colors::kTextDim});
    for (const auto& c : found) {
      ui::bigText(("found_" + std::to_string(c.id)).c_str(),
                  caseName(c) + " \xC2\xB7 " + tr("desk.state." + std::string(core::toString(c.state))) +
                      (c.counter.empty() ? "" : " \xC2\xB7 " + c.counter));
      drawCaseActions(c, width);
    }
  }
}

// Reassign (walk-in, called or being checked) and cancel, each with its
// reason from core's list; the form opens under the case.
void SupervisorBoard::drawCaseActions(const core::CaseRecord& c, float width) {
  const std::string id = std::to_string(c.id);
  const auto allowed = core::allowedActions(c.state, core::ActorRole::Supervisor, c.channel);
  const bool canMove = std::find(allowed.begin(), allowed.end(), core::Action::Transfer) != allowed.end();
  if (canMove) {
    if (ui::bigButton(("reassign_" + id).c_str(), tr("desk.board.reassign"), {0, 0}, ui::ButtonStyle::Secondary)) {
      m_actCase = m_actCase == c.id && !m_cancelling ? 0 : c.id;
      m_cancelling = false;
      m_reason.clear();
      m_toCounter.clear();
      m_toService.clear();
    }
    ImGui::SameLine();
  }
  if (ui::bigButton(("cancel_" + id).c_str(), tr("desk.board.cancel"), {0, 0}, ui::ButtonStyle::Danger)) {
    m_actCase = m_actCase == c.id && m_cancelling ? 0 : c.id;
    m_cancelling = true;
    m_reason.clear();
  }
  if (m_actCase != c.id) return;
  const auto list = m_cancelling ? core::CodeList::CancelReason : core::CodeList::TransferReason;
  ui::bigText(("reason_title_" + id).c_str(), tr("desk.board.reason"), {.color = ui::colors::kTextDim});
  for (const auto& item : core::codes(list)) {
    if (m_cancelling && item.code == "not_served_today") continue;  // the closing's own code
    const std::string bid = "reason_" + std::string(item.code);
    if (ui::bigButton(bid.c_str(), core::codeLabel(list, item.code, m_strings.language()), {width - 20, 0},
                      m_reason == item.code ? ui::ButtonStyle::Primary : ui::ButtonStyle::Secondary))
      m_reason = std::string(item.code);
  }
  ui::UiMap::current().note("board_reason", m_reason);
  core::ActionInput in;
  in.reason = m_reason;
  if (!m_cancelling) {
    ui::textField(("to_counter_" + id).c_str(), tr("desk.board.to_counter"), m_toCounter,
                  {.hint = "Loket 2", .maxBytes = 40, .width = width - 20});
    int n = 0;
    for (const auto& s : m_cfg.services) {
      if (n++) ImGui::SameLine();
      const std::string sid = "to_service_" + s.code;
      if (ui::bigButton(sid.c_str(), s.code, {0, 0},
                        m_toService == s.code ? ui::ButtonStyle::Primary : ui::ButtonStyle::Secondary))
        m_toService = m_toService == s.code ? "" : s.code;
    }
    in.counter = m_toCounter;
    in.service = m_toService;
  }
  const bool ready = !m_reason.empty() && (m_cancelling || !m_toCounter.empty() || !m_toService.empty());
  if (ui::bigButton(("confirm_" + id).c_str(), tr(m_cancelling ? "desk.board.cancel_confirm" : "desk.board.reassign_confirm"),
                    {width - 20, 0}, m_cancelling ? ui::ButtonStyle::Danger : ui::ButtonStyle::Primary, ready))
    act(c.id, m_cancelling ? core::Action::Cancel : core::Action::Transfer, in);
}

void SupervisorBoard::drawCloseDay(float) {
  int waiting = 0;
  for (const auto& c : m_model.cases())
    if (c.state == core::CaseState::Waiting && c.channel == core::Channel::WalkIn) ++waiting;
  ui::bigText("close_day_question", m_strings.tr("desk.board.close_day_question", {{"n", std::to_string(waiting)}}),
              {.font = ui::fonts().bold, .color = ui::colors::kWarn});
  if (ui::bigButton("close_day_confirm", tr("desk.board.close_day_yes"), {0, 0}, ui::ButtonStyle::Danger)) {
    m_confirmClose = false;
    m_worker.post([this] {
      auto n = m_api.closeDay();
      m_worker.toUi([this, n] {
        if (!n) {
          if (m_checkSession(n.error())) m_error = n.error();
        } else {
          m_error.reset();
          m_info = "desk.board.day_closed";
          m_closedCount = *n;
        }
        refresh();
      });
    });
  }
  ImGui::SameLine();
  if (ui::bigButton("close_day_no", tr("desk.board.close_day_no"), {0, 0}, ui::ButtonStyle::Secondary))
    m_confirmClose = false;
}

void SupervisorBoard::drawReports(float width) {
  auto& map = ui::UiMap::current();
  const auto& cal = m_cfg.office.calendar;
  if (m_from.empty()) m_from = cal.localDate(wallClockMs()).iso();
  if (m_to.empty()) m_to = m_from;
  ui::bigText("reports_title", tr("desk.board.reports"), {.font = ui::fonts().bold, .color = ui::colors::kTextDim});
  int n = 0;
  for (const char* k : {"register", "compliance", "service"}) {
    if (n++) ImGui::SameLine();
    if (ui::bigButton(("report_" + std::string(k)).c_str(), tr("desk.board.report_" + std::string(k)), {0, 0},
                      m_reportKind == k ? ui::ButtonStyle::Primary : ui::ButtonStyle::Secondary))
      m_reportKind = k;
  }
  const float half = (width - 40) / 2;
  ui::textField("report_from", tr("desk.board.from"), m_from, {.hint = "2026-11-23", .maxBytes = 10, .width = half});
  ImGui::SameLine();
  ui::textField("report_to", tr("desk.board.to"), m_to, {.hint = "2026-11-30", .maxBytes = 10, .width = half});
  n = 0;
  for (const char* fmt : {"csv", "xlsx", "pdf"}) {
    if (n++) ImGui::SameLine();
    if (ui::bigButton(("format_" + std::string(fmt)).c_str(), std::string(fmt), {0, 0},
                      m_reportFormat == fmt ? ui::ButtonStyle::Primary : ui::ButtonStyle::Secondary))
      m_reportFormat = fmt;
  }
  ui::textField("report_folder", tr("desk.board.folder"), m_folder, {.maxBytes = 400, .width = width - 20});
  if (ui::bigButton("report_export", m_exporting ? tr("desk.board.exporting") : tr("desk.board.export"), {width - 20, 0},
                    ui::ButtonStyle::Primary, !m_exporting && !m_folder.empty()))
    exportReport();
  if (!m_reportPath.empty()) {
    ui::bigText("report_path", m_strings.tr("desk.board.exported", {{"path", m_reportPath}}), {.color = ui::colors::kOk});
    map.note("report_path", m_reportPath);
  }
  map.note("report_kind", m_reportKind);
  map.note("report_format", m_reportFormat);
  ImGui::Separator();
}

void SupervisorBoard::exportReport() {
  m_exporting = true;
  m_reportPath.clear();
  m_worker.post([this, kind = m_reportKind, fmt = m_reportFormat, from = m_from, to = m_to, folder = m_folder] {
    auto bytes = m_api.reportFile(kind, from, to, fmt);
    std::string path;
    std::optional<core::Error> failed;
    if (!bytes) {
      failed = bytes.error();
    } else {
      std::error_code ec;
      std::filesystem::create_directories(folder, ec);
      path = folder + "/" + kind + "-" + from + "-" + to + "." + fmt;
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
      out.close();
      if (ec || !out)
        failed = core::makeError("report_write", "Berkas laporan tidak dapat ditulis ke " + folder + ".",
                                 "Cannot write the report file into " + folder + ".");
    }
    m_worker.toUi([this, path, failed] {
      m_exporting = false;
      if (failed) {
        if (m_checkSession(*failed)) m_error = *failed;
        return;
      }
      m_error.reset();
      m_reportPath = path;
    });
  });
}

}  // namespace lpse::desk

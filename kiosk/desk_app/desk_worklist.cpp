// The work lists (issue #12): the queue, my open cases, what waits for me
// (results to hand back, rejections to tell, rejoined visitors, e-mails due
// with their time left, dossiers to archive) and every other open case this
// role can work on, so no case depends on one desk staying signed in. A
// search by ticket number finds any open case.
#include <imgui.h>

#include "kiosk/client/clock.hpp"
#include "kiosk/desk_app/desk_app.hpp"
#include "kiosk/desk_app/desk_text.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::desk {

namespace {
std::string caseName(const core::CaseRecord& c) {
  return c.ticket.empty() ? "E-mail #" + std::to_string(c.id) : c.ticket;
}
}  // namespace

void DeskApp::drawWorkList(float width, float) {
  const float w = width - ImGui::GetStyle().ScrollbarSize;
  if (!m_model.queue().empty()) {
    if (ui::bigButton("call_next", tr(m_model.queue() == "admin" ? "desk.work.take_next" : "desk.call_next"), {w, 100},
                      ui::ButtonStyle::Primary, m_model.canCallNext()))
      send(m_model.callNext());
  }
  if (m_model.role() == core::ActorRole::Helpdesk &&
      ui::bigButton("email_new", tr("desk.email.new"), {w, 0}, ui::ButtonStyle::Secondary, m_model.online()))
    m_model.showEmailForm(true);

  std::string query = m_model.search();
  if (ui::textField("search", tr("desk.work.search"), query, {.hint = "R-001", .maxBytes = 12, .width = w}))
    m_model.setSearch(query);
  if (!query.empty()) {
    const auto found = m_model.searchResults();
    if (found.empty()) ui::bigText("search_none", tr("desk.work.search_none"), {.color = ui::colors::kTextDim});
    for (const auto& c : found) {
      const std::string id = "found_" + std::to_string(c.id);
      const std::string label = caseName(c) + " \xC2\xB7 " + tr("desk.state." + std::string(core::toString(c.state)));
      if (ui::bigButton(id.c_str(), label, {w, 0}, ui::ButtonStyle::Secondary)) send(m_model.open(c.id));
    }
  }

  const std::int64_t openId = m_model.current() ? m_model.current()->kase.id : 0;
  auto section = [&](const char* key, const std::vector<core::WorkItem>& items) {
    if (items.empty()) return;
    ui::bigText(key, m_strings.tr(std::string("desk.list.") + key, {{"n", std::to_string(items.size())}}),
                {.font = ui::fonts().bold, .color = ui::colors::kTextDim});
    for (const auto& it : items) {
      const auto& c = it.kase;
      std::string label = caseName(c) + " \xC2\xB7 ";
      if (it.due) {
        const std::string span = spanText(it.due->leftS, m_strings.language() == "en");
        label += m_strings.tr(it.due->overdue ? "desk.email.overdue" : "desk.email.left", {{"time", span}});
      } else {
        label += tr("desk.short." + std::string(core::toString(c.state)));
        label += " \xC2\xB7 " + mmss(it.waitingS);
        // Where it is being worked: for cases open at a counter.
        if (!c.counter.empty() && (it.section == core::WorkSection::Mine || it.section == core::WorkSection::Others))
          label += " \xC2\xB7 " + c.counter;
      }
      const std::string id = "work_" + std::to_string(c.id);
      const auto style = it.due && it.due->overdue ? ui::ButtonStyle::Danger
                         : c.id == openId          ? ui::ButtonStyle::Primary
                                                   : ui::ButtonStyle::Secondary;
      if (ui::bigButton(id.c_str(), label, {w, 0}, style)) send(m_model.open(c.id));
      if (it.due && it.due->overdue) ui::UiMap::current().note("overdue_" + std::to_string(c.id), "1");
    }
  };
  const auto& work = m_model.work();
  section("waiting_for_me", work.waitingForMe);
  section("mine", work.mine);
  section("queue", work.queue);
  section("others", work.others);
  ui::UiMap::current().note("work_counts", std::to_string(work.queue.size()) + "," + std::to_string(work.mine.size()) +
                                               "," + std::to_string(work.waitingForMe.size()) + "," +
                                               std::to_string(work.others.size()));
}

}  // namespace lpse::desk

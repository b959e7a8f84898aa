// A small program on lpse_ui for the end-to-end tests and for eyeballing the
// look: a field, two buttons, a status pill and a called number.
//   ui_demo [window flags] [--lang id|en] [--settle-after-ms N]
// --settle-after-ms stands in for "first data from the server": the screen
// reports settled() only after a worker thread says so (and wakes the loop);
// a negative N never settles.
#include <atomic>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "kiosk/ui/clock_text.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/strings.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"
#include "kiosk/ui/window_app.hpp"

using namespace lpse::ui;

namespace {

class DemoScreen : public Screen {
 public:
  explicit DemoScreen(Strings& strings) : m_strings(strings) {}

  void draw(Frame& frame) override {
    const Strings& s = m_strings;
    const bool ready = m_ready;
    beginScreen("demo");
    const float columnW = frame.size.x * 0.55f;
    ImGui::BeginChild("left", ImVec2(columnW, 0), false, ImGuiWindowFlags_NoBackground);
    bigText("demo.title", s.tr("kiosk.title"), {.font = fonts().large});
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch());
    bigText("demo.date", formatDateTime(now.count(), kOffsetWib, s.language()) + " WIB",
            {.font = fonts().small, .color = colors::kTextDim});
    textField("demo.name", s.tr("kiosk.field.name"), m_name, {.hint = "Budi Santoso", .maxBytes = 60});
    if (bigButton("demo.take", s.tr("kiosk.take_number"), ImVec2(-FLT_MIN, 0))) ++m_clicks;
    bigText("demo.glyphs", "Şükrü Ñoño Ăđâ — “kutip” …", {.font = fonts().small});
    ImGui::EndChild();

    ImGui::SameLine();
    ImGui::BeginChild("right", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    statusPill("demo.status", s.tr(ready ? "status.online" : "status.offline"),
               ready ? PillState::Online : PillState::Offline);
    bigText("demo.caption", s.tr("kiosk.your_number"), {.font = fonts().small, .align = Align::Center});
    char number[16];
    std::snprintf(number, sizeof number, "A-%03d", m_clicks % 1000);
    bigText("demo.number", number,
            {.font = fonts().huge, .color = colors::kAccent, .align = Align::Center, .fit = true});
    if (bigButton("demo.lang", s.tr("common.switch_language"), ImVec2(-FLT_MIN, 0), ButtonStyle::Secondary))
      m_strings.setLanguage(m_strings.language() == "id" ? "en" : "id");
    ImGui::EndChild();
    endScreen();

    UiMap::current().note("clicks", std::to_string(m_clicks));
    UiMap::current().note("name", m_name);
    UiMap::current().note("language", s.language());
  }

  bool settled() const override { return m_ready; }
  void markReady() { m_ready = true; }

 private:
  Strings& m_strings;
  std::atomic<bool> m_ready{false};
  int m_clicks = 0;
  std::string m_name;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> rest;
  auto options = parseWindowArgs(argc, argv, {.title = "LPSE UI demo", .width = 800, .height = 600}, &rest);
  if (!options) {
    std::fprintf(stderr, "ui_demo: %s\n", options.error().en.c_str());
    return 2;
  }
  std::string lang = "id";
  long settleAfterMs = 0;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == "--lang" && i + 1 < rest.size())
      lang = rest[++i];
    else if (rest[i] == "--settle-after-ms" && i + 1 < rest.size())
      settleAfterMs = std::stol(rest[++i]);
    else {
      std::fprintf(stderr, "ui_demo: unknown option %s\n%.*s", rest[i].c_str(),
                   static_cast<int>(windowArgsHelp().size()), windowArgsHelp().data());
      return 2;
    }
  }
  auto strings = Strings::load(defaultStringsDir(), lang);
  if (!strings) {
    std::fprintf(stderr, "ui_demo: %s\n", strings.error().en.c_str());
    return 2;
  }
  auto app = WindowApp::create(*options);
  if (!app) {
    std::fprintf(stderr, "ui_demo: %s\n", app.error().en.c_str());
    return 1;
  }
  DemoScreen screen(*strings);
  // Declared after the app so it is joined before the app goes away.
  std::jthread worker([&](std::stop_token stop) {
    if (settleAfterMs < 0) return;
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(settleAfterMs);
    while (!stop.stop_requested() && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    screen.markReady();
    (*app)->wake();
  });
  return (*app)->run(screen);
}

// The kiosk laid out at every screen size offices buy, in normal and large
// text (and high contrast): the real KioskApp against the real server on
// loopback, driven through ImGui headless (no window, no GPU) by tapping the
// widgets the UI map lists, as a visitor would. On every page it checks
// what the UI map says: nothing outside the window, no two widgets on top
// of each other, nothing cut off at the side of a scrolling area, every
// touch target at least 9 mm on a 21.5" screen, the page's primary action
// on screen without scrolling.
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cmath>
#include <filesystem>
#include <functional>
#include <sstream>
#include <thread>

#include "devices/printer/virtual_printer.hpp"
#include "kiosk/kiosk_app/kiosk_app.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/key_focus.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "tests/support/live_server.hpp"
#include "tests/support/test_access.hpp"

using namespace lpse;

namespace {

struct Size {
  int w, h;
};

std::string name(Size s) { return std::to_string(s.w) + "x" + std::to_string(s.h); }

bool overlaps(const ui::UiRect& a, const ui::UiRect& b) {
  const float e = 1.0f;  // rounding: touching edges are not an overlap
  return a.x + e < b.x + b.w && b.x + e < a.x + a.w && a.y + e < b.y + b.h && b.y + e < a.y + a.h;
}

// Items of the overlay windows (the idle warning, the accessibility panel)
// sit over the page on purpose; they are checked among themselves.
bool inOverlay(const ui::UiItem& i) {
  return i.id.rfind("access_", 0) == 0 || i.id == "idle_warning" || i.id == "more_time";
}

// A widget drawn inside another on purpose (text inside its card).
bool nested(const ui::UiItem& a, const ui::UiItem& b) {
  auto inside = [](const ui::UiRect& in, const ui::UiRect& out) {
    return in.x >= out.x - 1 && in.y >= out.y - 1 && in.x + in.w <= out.x + out.w + 1 && in.y + in.h <= out.y + out.h + 1;
  };
  return (a.kind == ui::UiKind::Text && b.kind != ui::UiKind::Text && inside(a.rect, b.rect)) ||
         (b.kind == ui::UiKind::Text && a.kind != ui::UiKind::Text && inside(b.rect, a.rect));
}

class Harness {
 public:
  // serverUrl: another server than `server` (e.g. one that is not there).
  Harness(testsupport::LiveServer& server, const client::Credential& cred, Size size, bool large, bool contrast,
          const std::string& serverUrl = {})
      : m_size(size) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DeltaTime = 1.0f / 60;
    io.KeyMap[ImGuiKey_Enter] = 257;  // GLFW's codes, as the GLFW backend maps them
    io.KeyMap[ImGuiKey_KeyPadEnter] = 335;
    m_pendingScale = 1.0f;  // what WindowApp::create loads before the kiosk asks for its own
    auto strings = ui::Strings::load(ui::defaultStringsDir(), "id");
    if (!strings) throw std::runtime_error(strings.error().en);
    m_strings = std::make_unique<ui::Strings>(std::move(*strings));
    config::Config cfg;
    cfg.serverUrl = serverUrl.empty() ? server.url() : serverUrl;
    cfg.kiosk.credentialFile.clear();
    cfg.office.name = "LPSE Kabupaten Contoh";
    m_tickets = std::filesystem::path(server.dir()) / ("tickets-" + name(size));
    kiosk::KioskHost host;
    host.wake = [] {};
    host.setUiScale = [this](float s) { m_pendingScale = s; };
    m_app = std::make_unique<kiosk::KioskApp>(cfg, *m_strings, std::make_unique<printer::VirtualPrinter>(m_tickets),
                                              host, cred);
    m_large = large;
    m_contrast = contrast;
    frame();  // the kiosk asks for its scale, the fonts are built, the first frame drawn
    m_firstItems = ui::UiMap::current().items();
    m_firstFontPx = ImGui::GetIO().Fonts->Fonts.empty() ? 0 : ImGui::GetIO().Fonts->Fonts[0]->FontSize;
  }
  ~Harness() {
    m_app.reset();
    ui::setHighContrast(false);
    ui::setTextScale(1.0f);
    ui::KeyFocus::current().clear();
    ImGui::DestroyContext();
  }

  // One frame in WindowApp's order: the screen asks for its scale, the
  // fonts are rebuilt if it changed, then the frame is drawn.
  void frame(ImVec2 mouse = {-1, -1}, bool down = false) {
    m_app->beforeFrame(ImVec2(static_cast<float>(m_size.w), static_cast<float>(m_size.h)));
    if (m_pendingScale > 0) {
      ui::applyTheme(m_pendingScale);
      if (auto e = ui::loadFonts(m_pendingScale)) throw std::runtime_error(*e);
      unsigned char* px = nullptr;
      int w = 0, h = 0;
      ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&px, &w, &h);
      m_atlasW = w;
      m_atlasH = h;
      m_pendingScale = 0;
    }
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(m_size.w), static_cast<float>(m_size.h));
    io.MousePos = mouse.x < 0 ? ImVec2(-FLT_MAX, -FLT_MAX) : mouse;
    io.MouseDown[0] = down;
    ImGui::NewFrame();
    ui::UiMap::current().beginFrame();
    m_app->drawAt(io.DisplaySize);
    ImGui::Render();
  }

  const ui::UiItem* item(const std::string& id) { return ui::UiMap::current().find(id); }
  std::string note(const std::string& key) {
    const auto& n = ui::UiMap::current().notes();
    auto it = n.find(key);
    return it == n.end() ? std::string() : it->second;
  }

  bool waitFor(const std::function<bool()>& pred, double seconds = 10) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<int>(seconds * 1000));
    while (std::chrono::steady_clock::now() < end) {
      frame();
      if (pred()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
  }

  void tap(const std::string& id) {
    frame();
    const ui::UiItem* i = item(id);
    ASSERT_NE(i, nullptr) << "no " << id << " on " << note("step");
    const ImVec2 c(i->rect.x + i->rect.w / 2, i->rect.y + i->rect.h / 2);
    frame(c, false);
    frame(c, true);
    frame(c, false);
    frame();
    frame();
  }

  void type(const std::string& field, const std::string& text) {
    tap("field_" + field);
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame();
    frame();
  }

  // Turns on the accessibility choices through the panel, as a visitor does.
  void setAccess() {
    if (!m_large && !m_contrast) return;
    tap("access");
    ASSERT_TRUE(waitFor([&] { return item("access_large_text") != nullptr; }));
    if (m_large) tap("access_large_text");
    if (m_contrast) tap("access_high_contrast");
    tap("access_close");
    for (int i = 0; i < 4; ++i) frame();  // the fonts are rebuilt between frames
  }

  // Every rule, on what the last frame drew. `primary`: the page's main
  // action, which must be on screen and not inside a scrolled area.
  void check(const std::string& page, const std::string& primary = {}) {
    frame();
    frame();
    // What the scrolling area holds is seen only inside it: clip to it.
    std::vector<ui::UiItem> items = ui::UiMap::current().items();
    float cx = 0, cy = 0, cw = 0, ch = 0;
    const std::string content = note("content_rect");
    if (!content.empty()) {
      char sep;
      std::istringstream in(content);
      in >> cx >> sep >> cy >> sep >> cw >> sep >> ch;
      for (auto& i : items)
        if (!inOverlay(i) && i.rect.y >= cy - 1 && i.rect.y < cy + ch) {
          const float bottom = std::min(i.rect.y + i.rect.h, cy + ch);
          i.rect.h = bottom - i.rect.y;
        }
    }
    const std::string where = name(m_size) + (m_large ? " large" : "") + (m_contrast ? " contrast" : "") + " " + page;
    const float W = static_cast<float>(m_size.w), H = static_cast<float>(m_size.h);
    const float minTouch = kiosk::minTouchPx({W, H}, 21.5f);
    ++m_pagesChecked;
    for (const auto& i : items) {
      if (!i.visible) continue;
      const auto& r = i.rect;
      EXPECT_TRUE(r.x >= -1 && r.y >= -1 && r.x + r.w <= W + 1 && r.y + r.h <= H + 1)
          << where << ": " << i.id << " outside the window (" << r.x << "," << r.y << " " << r.w << "x" << r.h << ")";
    }
    for (const auto& i : ui::UiMap::current().items())  // sizes unclipped: scrolling shows the rest
      if (i.visible && i.kind == ui::UiKind::Button)
        EXPECT_GE(std::min(i.rect.w, i.rect.h) + 0.5f, minTouch) << where << ": " << i.id << " smaller than 9 mm";
    for (std::size_t a = 0; a < items.size(); ++a)
      for (std::size_t b = a + 1; b < items.size(); ++b) {
        const auto &x = items[a], &y = items[b];
        if (!x.visible || !y.visible || inOverlay(x) != inOverlay(y) || nested(x, y)) continue;
        if (x.rect.w <= 0 || y.rect.w <= 0) continue;
        EXPECT_FALSE(overlaps(x.rect, y.rect)) << where << ": " << x.id << " overlaps " << y.id;
      }
    // Content in the scrolling area never runs off its sides (there is no
    // sideways scrolling), and the primary action is not in it.
    if (!content.empty()) {
      for (const auto& i : items)
        if (i.visible && i.rect.y >= cy && i.rect.y < cy + ch && !inOverlay(i))
          EXPECT_LE(i.rect.x + i.rect.w, cx + cw + 2) << where << ": " << i.id << " cut off at the right";
    }
    if (!primary.empty()) {
      const ui::UiItem* p = item(primary);
      ASSERT_NE(p, nullptr) << where << ": no " << primary;
      EXPECT_TRUE(p->visible && p->rect.y >= 0 && p->rect.y + p->rect.h <= H + 1)
          << where << ": " << primary << " not on screen";
    }
  }

  const std::vector<ui::UiItem>& firstItems() const { return m_firstItems; }
  float firstFontPx() const { return m_firstFontPx; }
  int pagesChecked() const { return m_pagesChecked; }
  int atlasH() const { return m_atlasH; }
  int atlasW() const { return m_atlasW; }

 private:
  Size m_size;
  bool m_large = false, m_contrast = false;
  float m_pendingScale = 0;
  int m_atlasW = 0, m_atlasH = 0;
  int m_pagesChecked = 0;
  std::vector<ui::UiItem> m_firstItems;  // what the first frame drew
  float m_firstFontPx = 0;
  std::filesystem::path m_tickets;
  std::unique_ptr<ui::Strings> m_strings;
  std::unique_ptr<kiosk::KioskApp> m_app;
};

struct Case {
  Size size;
  bool large;
  bool contrast;
};

std::string caseName(const ::testing::TestParamInfo<Case>& info) {
  return name(info.param.size) + (info.param.large ? "_large" : "") + (info.param.contrast ? "_contrast" : "");
}

class KioskLayout : public ::testing::TestWithParam<Case> {
 protected:
  static void SetUpTestSuite() {
    s_server = new testsupport::LiveServer();
    s_cred = testsupport::credentialFor(s_server->db(), "kiosk-1", core::ActorRole::Kiosk);
  }
  static void TearDownTestSuite() {
    delete s_server;
    s_server = nullptr;
  }
  static testsupport::LiveServer* s_server;
  static client::Credential s_cred;
};
testsupport::LiveServer* KioskLayout::s_server = nullptr;
client::Credential KioskLayout::s_cred;

}  // namespace

// Attract -> service -> scan -> role -> details (keyboard open and closed)
// -> contact -> confirm -> ticket -> "I have a ticket" -> its status, the
// idle warning and the accessibility panel: every page checked.
TEST_P(KioskLayout, EveryPageFitsWithoutOverlap) {
  const Case c = GetParam();
  Harness h(*s_server, s_cred, c.size, c.large, c.contrast);
  ASSERT_TRUE(h.waitFor([&] {
    const auto* s = h.item("start");
    return s && s->enabled;
  })) << "the kiosk never came online";
  h.setAccess();
  h.check("attract", "start");
  h.tap("access");
  h.check("attract+access panel");
  h.tap("access_close");

  h.tap("start");
  ASSERT_EQ(h.note("step"), "service");
  h.check("service", "service_reset");
  h.tap("service_reset");
  ASSERT_EQ(h.note("step"), "scan");
  h.check("scan", "type_instead");
  h.tap("type_instead");
  ASSERT_EQ(h.note("step"), "role");
  h.tap("role_ppk");
  h.tap("doc_sk_penunjukan");
  h.check("role", "next");
  h.tap("next");
  ASSERT_EQ(h.note("step"), "details");
  h.check("details", "next");
  h.tap("field_name");
  ASSERT_FALSE(h.note("keyboard").empty());
  h.check("details+keyboard", "key_done");
  h.tap("key_done");
  h.type("name", "Siti Nur'aini");
  h.type("agency", "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Contoh");
  h.tap("next");
  ASSERT_EQ(h.note("step"), "contact");
  h.check("contact", "next");
  h.type("phone", "081234567890");
  h.tap("next");
  ASSERT_EQ(h.note("step"), "confirm");
  h.check("confirm", "take_number");
  h.tap("consent");
  h.tap("take_number");
  ASSERT_TRUE(h.waitFor([&] { return h.note("step") == "ticket"; })) << h.note("step");
  ASSERT_TRUE(h.waitFor([&] {
    const auto* p = h.item("print_state");
    return p && p->text.rfind("Ambil", 0) == 0;
  }));
  h.check("ticket", "done");
  const std::string token = h.note("ticket_token");
  h.tap("done");
  ASSERT_EQ(h.note("step"), "attract");
  EXPECT_EQ(h.note("access"), "") << "the accessibility choices outlive the visit";
  h.setAccess();
  h.tap("have_ticket");
  ASSERT_EQ(h.note("step"), "ticket_scan");
  h.check("ticket_scan");
  // (A wedge scanner types the ticket's QR; here it is handed over directly.)
  ImGui::GetIO().AddInputCharactersUTF8(token.c_str());
  ImGui::GetIO().KeysDown[257] = true;  // Enter
  h.frame();
  ImGui::GetIO().KeysDown[257] = false;
  ASSERT_TRUE(h.waitFor([&] { return !h.note("status_state").empty(); })) << h.note("step");
  h.check("ticket_status", "status_done");
  EXPECT_GE(h.pagesChecked(), 12);
}

// The first frame is laid out as every later one: the fonts for the window
// size are built before it is drawn, so a tap aimed at what the first frame
// showed lands on the same button. The kiosk stays offline here (nothing
// listens on port 1), so nothing else changes the page between the frames.
TEST_F(KioskLayout, TheFirstFrameHasTheSteadyLayout) {
  const std::string nowhere = "http://127.0.0.1:1";  // refused at once
  for (Size size : {Size{1280, 800}, Size{1366, 768}, Size{1920, 1080}, Size{1080, 1920}}) {
    Harness h(*s_server, s_cred, size, false, false, nowhere);
    for (int i = 0; i < 10; ++i) {
      h.frame();
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_EQ(h.note("step"), "attract");
    EXPECT_FLOAT_EQ(h.firstFontPx(), ImGui::GetIO().Fonts->Fonts[0]->FontSize) << name(size);
    int compared = 0;
    for (const auto& first : h.firstItems()) {
      if (first.kind != ui::UiKind::Button) continue;
      const ui::UiItem* now = h.item(first.id);
      ASSERT_NE(now, nullptr) << name(size) << ": " << first.id << " went away";
      ++compared;
      EXPECT_NEAR(first.rect.x, now->rect.x, 0.5f) << name(size) << " " << first.id;
      EXPECT_NEAR(first.rect.y, now->rect.y, 0.5f) << name(size) << " " << first.id;
      EXPECT_NEAR(first.rect.w, now->rect.w, 0.5f) << name(size) << " " << first.id;
      EXPECT_NEAR(first.rect.h, now->rect.h, 0.5f) << name(size) << " " << first.id;
    }
    EXPECT_GE(compared, 2) << name(size) << ": no start and accessibility buttons in the first frame";
  }
}

INSTANTIATE_TEST_SUITE_P(Sizes, KioskLayout,
                         ::testing::Values(Case{{1024, 768}, false, false}, Case{{1024, 768}, true, true},
                                           Case{{1280, 800}, false, false}, Case{{1280, 800}, true, false},
                                           Case{{1280, 720}, false, false}, Case{{1280, 720}, true, true},
                                           Case{{1366, 768}, false, false}, Case{{1366, 768}, true, true},
                                           Case{{1920, 1080}, false, false}, Case{{1920, 1080}, true, true},
                                           Case{{2560, 1440}, false, false}, Case{{2560, 1440}, true, false},
                                           Case{{3840, 2160}, false, false}, Case{{3840, 2160}, true, true},
                                           Case{{1080, 1920}, false, false}, Case{{1080, 1920}, true, true}),
                         caseName);

// The font atlas the kiosk builds: one at a time (large text rebuilds it at
// 1.5x, it is never a second atlas), the label fonts with Latin-1 only and
// the ticket-number font with its 37 glyphs. Prints the sizes (texels; the
// GPU keeps 1 byte each, the CPU copy is freed after the upload).
TEST(KioskFonts, TheAtlasStaysWithinATextureAtEverySizeAndInLargeText) {
  ImGui::CreateContext();
  auto texels = [](float scale, float text, bool compact) {
    ui::setCompactGlyphs(compact);
    ui::setTextScale(text);
    EXPECT_FALSE(ui::loadFonts(scale).has_value());
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&px, &w, &h);
    EXPECT_LE(w, 8192);
    EXPECT_LE(h, 8192);
    return static_cast<long>(w) * h;
  };
  for (Size s : {Size{1366, 768}, Size{1920, 1080}, Size{3840, 2160}}) {
    const float scale = kiosk::layoutScale({static_cast<float>(s.w), static_cast<float>(s.h)});
    const long full = texels(scale, 1.0f, false), normal = texels(scale, 1.0f, true), large = texels(scale, 1.5f, true);
    std::printf("atlas %s: all glyphs %.1f MB, kiosk %.1f MB, large text %.1f MB (one byte a texel)\n",
                name(s).c_str(), full / 1e6, normal / 1e6, large / 1e6);
    EXPECT_LT(normal, full);
    EXPECT_LT(large, 3 * normal);  // 1.5x text is ~2.25x the area, never two atlases
  }
  ui::setCompactGlyphs(false);
  ui::setTextScale(1.0f);
  ImGui::DestroyContext();
}

// Widgets driven headless: an ImGui context with no window or GPU, the
// mouse set by hand each frame (as a finger arrives on Linux: mouse events).
#include "kiosk/ui/widgets.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui_map.hpp"

using namespace lpse::ui;

namespace {

class WidgetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60;
    m_fontError = loadFonts(1.0f);
    applyTheme(1.0f);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    m_atlasW = w;
    m_atlasH = h;
  }
  void TearDown() override { ImGui::DestroyContext(); }

  // One frame with the pointer at `mouse` and the button `down`.
  void frame(const std::function<void()>& body, ImVec2 mouse = {-1, -1}, bool down = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = mouse.x < 0 ? ImVec2(-FLT_MAX, -FLT_MAX) : mouse;
    io.MouseDown[0] = down;
    ImGui::NewFrame();
    UiMap::current().beginFrame();
    beginScreen("test");
    body();
    endScreen();
    ImGui::Render();
  }

  ImVec2 centerOf(const char* id) {
    const UiItem* item = UiMap::current().find(id);
    EXPECT_NE(item, nullptr) << id;
    if (!item) return {};
    return {item->rect.x + item->rect.w / 2, item->rect.y + item->rect.h / 2};
  }

  std::optional<std::string> m_fontError;
  int m_atlasW = 0, m_atlasH = 0;
};

}  // namespace

TEST_F(WidgetsTest, NotoFontsLoadWithIndonesianAndExtendedLatinGlyphs) {
  ASSERT_FALSE(m_fontError.has_value()) << *m_fontError;
  EXPECT_FLOAT_EQ(fonts().body->FontSize, kBodyPx);
  EXPECT_FLOAT_EQ(fonts().huge->FontSize, kHugePx);
  EXPECT_NE(fonts().body, fonts().bold);
  for (ImWchar c : {ImWchar('A'), ImWchar(0x00E9) /* é */, ImWchar(0x0103) /* ă */, ImWchar(0x2026) /* … */})
    EXPECT_NE(fonts().body->FindGlyphNoFallback(c), nullptr) << std::hex << c;
  EXPECT_NE(fonts().huge->FindGlyphNoFallback('7'), nullptr);
  // The atlas must fit a texture every GL 3.3 driver takes.
  EXPECT_LE(m_atlasW, 8192);
  EXPECT_LE(m_atlasH, 8192);
}

TEST_F(WidgetsTest, ThemeHasNoHoverLook) {
  const ImGuiStyle& s = ImGui::GetStyle();
  auto same = [](ImVec4 a, ImVec4 b) { return a.x == b.x && a.y == b.y && a.z == b.z && a.w == b.w; };
  EXPECT_TRUE(same(s.Colors[ImGuiCol_Button], s.Colors[ImGuiCol_ButtonHovered]));
  EXPECT_TRUE(same(s.Colors[ImGuiCol_FrameBg], s.Colors[ImGuiCol_FrameBgHovered]));
  EXPECT_TRUE(same(s.Colors[ImGuiCol_Header], s.Colors[ImGuiCol_HeaderHovered]));
  EXPECT_FALSE(same(s.Colors[ImGuiCol_Button], s.Colors[ImGuiCol_ButtonActive]));  // pressing shows
}

TEST_F(WidgetsTest, ButtonRecordsItselfAtLeastTouchSized) {
  frame([] { bigButton("ok", "OK"); });
  const UiItem* item = UiMap::current().find("ok");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->kind, UiKind::Button);
  EXPECT_EQ(item->text, "OK");
  EXPECT_GE(item->rect.w, kMinTouchPx);
  EXPECT_GE(item->rect.h, kMinTouchPx);
  EXPECT_GT(item->rect.x, 0);  // inside the window padding
  EXPECT_TRUE(item->visible);
}

TEST_F(WidgetsTest, ButtonFiresOnReleaseInside) {
  int fired = 0;
  auto body = [&] { fired += bigButton("take", "Ambil Nomor Antrian", {300, 120}); };
  frame(body);
  frame(body);
  const ImVec2 c = centerOf("take");
  frame(body, c, false);
  frame(body, c, true);
  EXPECT_EQ(fired, 0) << "must not fire on press";
  frame(body, c, false);
  EXPECT_EQ(fired, 1);
  frame(body, c, false);
  EXPECT_EQ(fired, 1);
}

TEST_F(WidgetsTest, ButtonDoesNotFireWhenReleasedOutsideOrAfterADrag) {
  int fired = 0;
  auto body = [&] { fired += bigButton("take", "Ambil", {300, 120}); };
  frame(body);
  const ImVec2 c = centerOf("take");
  frame(body, c);
  frame(body, c, true);
  frame(body, {c.x, c.y + 300}, true);
  frame(body, {c.x, c.y + 300}, false);
  EXPECT_EQ(fired, 0) << "released outside";

  // A finger that slides (a scroll gesture) and comes back is not a tap.
  frame(body, c, true);
  frame(body, {c.x + 60, c.y}, true);
  frame(body, c, true);
  frame(body, c, false);
  EXPECT_EQ(fired, 0) << "dragged";
}

TEST_F(WidgetsTest, DisabledButtonNeverFires) {
  int fired = 0;
  auto body = [&] { fired += bigButton("go", "Go", {200, 100}, ButtonStyle::Primary, false); };
  frame(body);
  const ImVec2 c = centerOf("go");
  frame(body, c, true);
  frame(body, c, false);
  EXPECT_EQ(fired, 0);
  EXPECT_FALSE(UiMap::current().find("go")->enabled);
}

TEST_F(WidgetsTest, TextFieldTakesTypingAndRecordsValue) {
  std::string name;
  std::string pin = "1234";
  bool changed = false;
  auto body = [&] {
    changed |= textField("name", "Nama", name, {.maxBytes = 6});
    textField("pin", "PIN", pin, {.password = true});
  };
  frame(body);
  const ImVec2 c = centerOf("name");
  const UiItem* field = UiMap::current().find("name");
  ASSERT_NE(field, nullptr);
  EXPECT_GE(field->rect.h, kMinTouchPx);
  EXPECT_EQ(field->label, "Nama");
  frame(body, c, true);
  frame(body, c, false);
  EXPECT_TRUE(UiMap::current().find("name")->focused);
  ImGui::GetIO().AddInputCharactersUTF8("Budiman Ş");
  frame(body, c, false);
  frame(body, c, false);
  EXPECT_TRUE(changed);
  EXPECT_EQ(name, "Budima");  // cut at maxBytes
  EXPECT_EQ(UiMap::current().find("name")->text, "Budima");
  EXPECT_EQ(UiMap::current().find("pin")->text, "****");  // never the secret itself
}

TEST_F(WidgetsTest, TextAndStatusPillAreRecorded) {
  frame([] {
    bigText("title", "Nomor Antrian", {.font = fonts().large, .align = Align::Center});
    statusPill("server", "Terhubung", PillState::Online);
  });
  const UiItem* title = UiMap::current().find("title");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->kind, UiKind::Text);
  EXPECT_EQ(title->text, "Nomor Antrian");
  // Centred: the text box starts well right of the left padding.
  EXPECT_GT(title->rect.x, 150);
  EXPECT_NEAR(title->rect.x + title->rect.w / 2, 400, 40);
  const UiItem* pill = UiMap::current().find("server");
  ASSERT_NE(pill, nullptr);
  EXPECT_EQ(pill->kind, UiKind::Status);
  EXPECT_EQ(pill->label, "online");
  EXPECT_GT(pill->rect.y, title->rect.y);
}

TEST_F(WidgetsTest, LongTextWrapsToTheWindow) {
  const std::string longText(40, 'x');
  frame([&] { bigText("long", longText + " " + longText + " " + longText + " " + longText); });
  const UiItem* item = UiMap::current().find("long");
  ASSERT_NE(item, nullptr);
  EXPECT_LE(item->rect.x + item->rect.w, 800);
  EXPECT_GT(item->rect.h, 2 * kBodyPx);
}

TEST_F(WidgetsTest, FitShrinksATicketNumberInsteadOfWrapping) {
  frame([] {
    ImGui::BeginChild("narrow", ImVec2(300, 0));
    bigText("number", "A-012", {.font = fonts().huge, .align = Align::Center, .fit = true});
    bigText("wrapped", "A-012", {.font = fonts().huge, .align = Align::Center});
    ImGui::EndChild();
  });
  const UiItem* fit = UiMap::current().find("number");
  ASSERT_NE(fit, nullptr);
  EXPECT_LE(fit->rect.w, 300);
  EXPECT_LT(fit->rect.h, kHugePx);  // one line, scaled down
  EXPECT_GT(fit->rect.h, kHugePx / 4);
  const UiItem* wrapped = UiMap::current().find("wrapped");
  ASSERT_NE(wrapped, nullptr);
  EXPECT_GE(wrapped->rect.h, 2 * kHugePx);  // what fit avoids
}

TEST_F(WidgetsTest, DraggingAListScrollsItAndDoesNotTapTheButtonUnderTheFinger) {
  int fired = 0;
  float scrollY = 0;
  auto body = [&] {
    ImGui::BeginChild("list", ImVec2(0, 400));
    for (int i = 0; i < 12; ++i)
      fired += bigButton(("row" + std::to_string(i)).c_str(), "Row", {-FLT_MIN, 0});
    dragToScroll();
    scrollY = ImGui::GetScrollY();
    ImGui::EndChild();
  };
  frame(body);
  frame(body);
  const ImVec2 c = centerOf("row2");
  frame(body, c, true);
  for (int step = 1; step <= 10; ++step) frame(body, {c.x, c.y - 20.0f * step}, true);
  frame(body, {c.x, c.y - 200}, false);
  EXPECT_GT(scrollY, 100);
  EXPECT_EQ(fired, 0);
}

TEST_F(WidgetsTest, EmptyTextAndLabelsDrawWithoutReadingPastThem) {
  // An empty line has no data pointer; ImGui would strlen(nullptr) on it.
  frame([] {
    bigButton("empty", "", {200, 100});
    bigText("blank", "");
    bigText("gap", "a\n\nb");
  });
  ASSERT_NE(UiMap::current().find("empty"), nullptr);
  EXPECT_EQ(UiMap::current().find("gap")->text, "a\n\nb");
}

TEST_F(WidgetsTest, TileButtonRecordsBothLinesAndFiresOnTap) {
  int fired = 0;
  auto body = [&] { fired += tileButton("service_reset", "Reset Password", "3 menunggu", {400, 200}); };
  frame(body);
  const UiItem* item = UiMap::current().find("service_reset");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->text, "Reset Password\n3 menunggu");
  EXPECT_FLOAT_EQ(item->rect.h, 200);
  const ImVec2 c = centerOf("service_reset");
  frame(body, c, false);
  frame(body, c, true);
  frame(body, c, false);
  EXPECT_EQ(fired, 1);
}

TEST_F(WidgetsTest, BigCheckSaysWhetherItIsCheckedAndIsTouchSized) {
  bool checked = false;
  auto body = [&] {
    if (bigCheck("consent", "Saya setuju data ini disimpan untuk layanan ini", checked)) checked = !checked;
  };
  frame(body);
  const UiItem* item = UiMap::current().find("consent");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->label, "unchecked");
  EXPECT_GE(item->rect.h, kMinTouchPx);
  EXPECT_GT(item->rect.w, 600);  // the full row, not just the box
  const ImVec2 c = centerOf("consent");
  frame(body, c, false);
  frame(body, c, true);
  frame(body, c, false);
  EXPECT_TRUE(checked);
  frame(body);
  EXPECT_EQ(UiMap::current().find("consent")->label, "checked");
}

TEST_F(WidgetsTest, ModuleGridAndLogoTakeTheSpaceAsked) {
  const unsigned char modules[9] = {1, 0, 1, 0, 1, 0, 1, 0, 1};
  frame([&] {
    logoMark("logo", 88);
    moduleGrid("qr", modules, 3, 220);
  });
  EXPECT_FLOAT_EQ(UiMap::current().find("logo")->rect.w, 88);
  EXPECT_FLOAT_EQ(UiMap::current().find("qr")->rect.w, 220);
  EXPECT_FLOAT_EQ(UiMap::current().find("qr")->rect.h, 220);
  EXPECT_GT(statusPillWidth("Printer tidak terhubung"), statusPillWidth("Siap"));
}

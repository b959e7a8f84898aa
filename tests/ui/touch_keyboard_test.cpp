// The on-screen keyboard: the editing rules without ImGui, then the widget
// headless with synthetic taps at the rects it records in the UiMap.
#include "kiosk/ui/touch_keyboard.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <functional>

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

using namespace lpse::ui;

namespace {

const Key& key(KeyboardLayout layout, const std::string& id) {
  const Key* k = findKey(layout, id);
  EXPECT_NE(k, nullptr) << id;
  static const Key none{KeyKind::Shift, "", "none", 1};
  return k ? *k : none;
}

}  // namespace

TEST(ApplyKey, AppendsLettersAndShiftUpperCases) {
  std::string v;
  EXPECT_TRUE(applyKey(v, key(KeyboardLayout::Text, "key_s"), true, 0));
  EXPECT_TRUE(applyKey(v, key(KeyboardLayout::Text, "key_i"), false, 0));
  EXPECT_TRUE(applyKey(v, key(KeyboardLayout::Text, "key_space"), false, 0));
  EXPECT_TRUE(applyKey(v, key(KeyboardLayout::Text, "key_apostrophe"), true, 0));  // shift leaves ' alone
  EXPECT_TRUE(applyKey(v, key(KeyboardLayout::Text, "key_7"), true, 0));
  EXPECT_EQ(v, "Si '7");
  EXPECT_FALSE(applyKey(v, key(KeyboardLayout::Text, "key_shift"), false, 0));
  EXPECT_FALSE(applyKey(v, key(KeyboardLayout::Text, "key_done"), false, 0));
  EXPECT_EQ(v, "Si '7");
}

TEST(ApplyKey, BackspaceRemovesAWholeCodePoint) {
  std::string v = "Jos\xC3\xA9";  // José: é is two bytes
  const Key& bs = key(KeyboardLayout::Text, "key_backspace");
  EXPECT_TRUE(applyKey(v, bs, false, 0));
  EXPECT_EQ(v, "Jos");
  v = "a\xE2\x80\xA6";  // a… (three bytes)
  EXPECT_TRUE(applyKey(v, bs, false, 0));
  EXPECT_EQ(v, "a");
  EXPECT_TRUE(applyKey(v, bs, false, 0));
  EXPECT_EQ(v, "");
  EXPECT_FALSE(applyKey(v, bs, false, 0)) << "nothing to remove";
}

TEST(ApplyKey, StopsAtMaxBytes) {
  std::string v = "12345678901234567";
  EXPECT_TRUE(applyKey(v, key(KeyboardLayout::Digits, "key_8"), false, 18));
  EXPECT_FALSE(applyKey(v, key(KeyboardLayout::Digits, "key_9"), false, 18));
  EXPECT_EQ(v, "123456789012345678");
  EXPECT_TRUE(applyKey(v, key(KeyboardLayout::Digits, "key_backspace"), false, 18));
  EXPECT_EQ(v.size(), 17u);
}

TEST(ApplyKey, EachLayoutRefusesKeysItDoesNotHave) {
  std::string v;
  const Key& a = key(KeyboardLayout::Text, "key_a");
  EXPECT_FALSE(applyKey(v, a, false, 0, KeyboardLayout::Digits));
  EXPECT_FALSE(applyKey(v, a, false, 0, KeyboardLayout::Phone));
  EXPECT_FALSE(applyKey(v, key(KeyboardLayout::Phone, "key_plus"), false, 0, KeyboardLayout::Digits));
  EXPECT_TRUE(applyKey(v, key(KeyboardLayout::Phone, "key_plus"), false, 0, KeyboardLayout::Phone));
  EXPECT_TRUE(applyKey(v, key(KeyboardLayout::Email, "key_at"), false, 0, KeyboardLayout::Email));
  EXPECT_FALSE(applyKey(v, key(KeyboardLayout::Email, "key_at"), false, 0, KeyboardLayout::Text));
  EXPECT_TRUE(applyKey(v, a, false, 0, KeyboardLayout::Email));
  EXPECT_EQ(v, "+@a");
  EXPECT_EQ(findKey(KeyboardLayout::Digits, "key_a"), nullptr);
  EXPECT_EQ(findKey(KeyboardLayout::Email, "key_shift"), nullptr);
  for (const char* id : {"key_at", "key_dot", "key_dash", "key_underscore", "key_5", "key_z"})
    EXPECT_NE(findKey(KeyboardLayout::Email, id), nullptr) << id;
  for (auto layout : {KeyboardLayout::Text, KeyboardLayout::Digits, KeyboardLayout::Phone, KeyboardLayout::Email}) {
    EXPECT_NE(findKey(layout, "key_backspace"), nullptr);
    EXPECT_NE(findKey(layout, "key_done"), nullptr);
  }
}

namespace {

class TouchKeyboardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60;
    loadFonts(1.0f);
    applyTheme(1.0f);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  void TearDown() override { ImGui::DestroyContext(); }

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

  // A finger: lands, lifts, then one idle frame.
  void tap(const char* id, const std::function<void()>& body) {
    const ImVec2 c = centerOf(id);
    frame(body, c, false);
    frame(body, c, true);
    frame(body, c, false);
  }
};

}  // namespace

TEST_F(TouchKeyboardTest, TappingKeysEditsTheValueAndDoneSignals) {
  TouchKeyboard kb;
  kb.setLabels({.done = "Selesai", .space = "spasi", .shift = "Shift", .backspace = "Hapus"});
  std::string value;
  int changes = 0;
  bool done = false;
  auto body = [&] {
    ImGui::Dummy({0, 200});
    changes += kb.draw("kb", value, KeyboardLayout::Text, 40, 500);
    done |= kb.done();
  };
  frame(body);
  frame(body);
  const UiItem* b = UiMap::current().find("key_b");
  ASSERT_NE(b, nullptr);
  EXPECT_GE(b->rect.h, 80);  // a finger-sized key
  EXPECT_GE(b->rect.w, 80);
  EXPECT_EQ(b->text, "B") << "shift comes on by itself at the start of a name";
  EXPECT_EQ(UiMap::current().find("key_shift")->label, "on");
  EXPECT_EQ(UiMap::current().find("key_done")->text, "Selesai");
  EXPECT_GT(b->rect.y, 200);  // below what is drawn above it

  tap("key_b", body);
  tap("key_u", body);
  EXPECT_EQ(value, "Bu");
  EXPECT_EQ(UiMap::current().find("key_u")->text, "u") << "one-shot shift";
  tap("key_backspace", body);
  EXPECT_EQ(value, "B");
  EXPECT_EQ(changes, 3);
  EXPECT_FALSE(done);
  tap("key_shift", body);
  EXPECT_TRUE(kb.shift());
  tap("key_i", body);
  EXPECT_EQ(value, "BI");
  EXPECT_FALSE(kb.shift());
  tap("key_done", body);
  EXPECT_TRUE(done);
  EXPECT_EQ(value, "BI");
}

TEST_F(TouchKeyboardTest, AKeyDoesNotFireOnPressOrAfterASlide) {
  TouchKeyboard kb;
  std::string value;
  auto body = [&] { kb.draw("kb", value, KeyboardLayout::Digits, 0, 500); };
  frame(body);
  EXPECT_EQ(UiMap::current().find("key_a"), nullptr);
  const ImVec2 c = centerOf("key_5");
  frame(body, c, true);
  EXPECT_EQ(value, "") << "not on press";
  frame(body, {c.x + 40, c.y}, true);
  frame(body, c, true);
  frame(body, c, false);
  EXPECT_EQ(value, "") << "slid";
  tap("key_5", body);
  tap("key_0", body);
  EXPECT_EQ(value, "50");
}

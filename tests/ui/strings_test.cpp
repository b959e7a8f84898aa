#include "kiosk/ui/strings.hpp"

#include <gtest/gtest.h>

#include <set>

using lpse::ui::Strings;

namespace {

const std::filesystem::path kDir = std::filesystem::path(LPSE_SOURCE_DIR) / "assets" / "strings";

std::set<std::string> keysOf(const Strings::Table& table) {
  std::set<std::string> keys;
  for (const auto& [key, text] : table) keys.insert(key);
  return keys;
}

// The "{name}" tokens in a text (std::regex trips GCC 12 warnings under ASan).
std::set<std::string> placeholders(const std::string& text) {
  std::set<std::string> out;
  for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    out.insert(text.substr(open, close - open + 1));
  }
  return out;
}

}  // namespace

TEST(Strings, BothShippedLanguagesLoadWithIndonesianByDefault) {
  auto strings = Strings::load(kDir);
  ASSERT_TRUE(strings.ok()) << strings.error().en;
  EXPECT_EQ(strings->language(), "id");
  EXPECT_EQ(strings->languages(), (std::vector<std::string>{"en", "id"}));
  EXPECT_EQ(strings->tr("kiosk.attract"), "Sentuh untuk mulai");
  EXPECT_EQ(strings->tr("kiosk.take_number"), "Ambil Nomor Antrian");
  EXPECT_EQ(strings->tr("status.offline"), "Tidak terhubung ke server");
}

TEST(Strings, ShippedFilesHaveTheSameKeysAndPlaceholders) {
  auto strings = Strings::load(kDir);
  ASSERT_TRUE(strings.ok()) << strings.error().en;
  const auto* id = strings->table("id");
  const auto* en = strings->table("en");
  ASSERT_NE(id, nullptr);
  ASSERT_NE(en, nullptr);
  EXPECT_EQ(keysOf(*id), keysOf(*en));
  EXPECT_GT(id->size(), 40u);
  for (const auto& [key, text] : *id) {
    EXPECT_FALSE(text.empty()) << "id: " << key;
    auto other = en->find(key);
    if (other == en->end()) continue;
    EXPECT_FALSE(other->second.empty()) << "en: " << key;
    EXPECT_EQ(placeholders(text), placeholders(other->second)) << key;
  }
}

TEST(Strings, SwitchesLanguageAtRuntime) {
  auto strings = Strings::load(kDir, "id");
  ASSERT_TRUE(strings.ok());
  ASSERT_TRUE(strings->setLanguage("en"));
  EXPECT_EQ(strings->tr("kiosk.attract"), "Touch to start");
  EXPECT_EQ(strings->tr("kiosk.field.agency"), "Agency");
  EXPECT_EQ(strings->tr("desk.no_show"), "No-show");
  EXPECT_FALSE(strings->setLanguage("fr"));
  EXPECT_EQ(strings->language(), "en");
  ASSERT_TRUE(strings->setLanguage("id"));
  EXPECT_EQ(strings->tr("kiosk.field.agency"), "Instansi");
}

TEST(Strings, StartsInTheRequestedLanguageOrFails) {
  auto en = Strings::load(kDir, "en");
  ASSERT_TRUE(en.ok());
  EXPECT_EQ(en->tr("display.counter"), "Counter");
  auto fr = Strings::load(kDir, "fr");
  ASSERT_FALSE(fr.ok());
  EXPECT_EQ(fr.error().code, "strings_language_missing");
  EXPECT_NE(fr.error().id.find("fr"), std::string::npos);
}

TEST(Strings, MissingKeyReturnsTheKeyItselfStably) {
  auto strings = Strings::load(kDir);
  ASSERT_TRUE(strings.ok());
  const std::string& a = strings->tr("no.such.key");
  const std::string& b = strings->tr("no.such.key");
  EXPECT_EQ(a, "no.such.key");
  EXPECT_EQ(&a, &b);  // cached once (and logged once)
  EXPECT_FALSE(strings->has("no.such.key"));
  EXPECT_TRUE(strings->has("kiosk.attract"));
}

TEST(Strings, PlaceholdersAreFilled) {
  auto strings = Strings::load(kDir);
  ASSERT_TRUE(strings.ok());
  EXPECT_EQ(strings->tr("display.counter_n", {{"n", "3"}}), "Loket 3");
  EXPECT_EQ(strings->tr("kiosk.people_ahead", {{"n", "12"}}), "12 orang di depan Anda");
  strings->setLanguage("en");
  EXPECT_EQ(strings->tr("desk.waiting_count", {{"n", "4"}}), "4 waiting");
}

TEST(Strings, ParsesDottedSectionsAndRejectsNonText) {
  auto table =
      Strings::parseTable("top = \"a\"\n[kiosk]\nx = \"b\"\n[kiosk.field]\nname = \"Nama\"\n", "t.toml");
  ASSERT_TRUE(table.ok()) << table.error().en;
  EXPECT_EQ(table->at("top"), "a");
  EXPECT_EQ(table->at("kiosk.x"), "b");
  EXPECT_EQ(table->at("kiosk.field.name"), "Nama");

  auto number = Strings::parseTable("[a]\ncount = 3\n", "n.toml");
  ASSERT_FALSE(number.ok());
  EXPECT_EQ(number.error().code, "strings_not_text");
  EXPECT_NE(number.error().en.find("a.count"), std::string::npos);

  auto broken = Strings::parseTable("key = \"unterminated\n", "b.toml");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().code, "strings_parse");
  EXPECT_NE(broken.error().en.find("b.toml:1"), std::string::npos);
}

TEST(Strings, MissingFolderIsAnError) {
  auto strings = Strings::load("/nonexistent/strings");
  ASSERT_FALSE(strings.ok());
  EXPECT_EQ(strings.error().code, "strings_dir_missing");
}

TEST(Strings, DefaultFolderFindsTheShippedFiles) {
  auto strings = Strings::load(lpse::ui::defaultStringsDir());
  ASSERT_TRUE(strings.ok()) << strings.error().en;
  EXPECT_TRUE(strings->has("kiosk.attract"));
}

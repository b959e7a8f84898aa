#include "kiosk/ui/ui_map.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

using namespace lpse::ui;

namespace {

std::filesystem::path tempPath(const char* name) {
  return std::filesystem::temp_directory_path() /
         (std::string("lpse_ui_map_test_") + std::to_string(::getpid()) + "_" + name);
}

nlohmann::json readJson(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

void fillFrame(UiMap& map, const std::string& clicks) {
  map.beginFrame();
  map.setWindow("Demo", 10, 20, 800, 600);
  map.add({.id = "take",
           .kind = UiKind::Button,
           .text = "Ambil Nomor Antrian",
           .rect = {100.4f, 200.6f, 300, 90}});
  map.add({.id = "name",
           .kind = UiKind::Field,
           .text = "Budi",
           .rect = {1, 2, 3, 4},
           .focused = true,
           .label = "Nama"});
  map.note("clicks", clicks);
}

}  // namespace

TEST(UiMap, WritesJsonWithWidgetsWindowAndNotes) {
  const auto path = tempPath("a.json");
  UiMap map;
  map.setOutputPath(path);
  fillFrame(map, "0");
  EXPECT_FALSE(map.endFrame().has_value());

  const auto doc = readJson(path);
  EXPECT_EQ(doc["title"], "Demo");
  EXPECT_EQ(doc["window"]["x"], 10);
  EXPECT_EQ(doc["window"]["h"], 600);
  ASSERT_EQ(doc["widgets"].size(), 2u);
  const auto& button = doc["widgets"][0];
  EXPECT_EQ(button["id"], "take");
  EXPECT_EQ(button["kind"], "button");
  EXPECT_EQ(button["text"], "Ambil Nomor Antrian");
  EXPECT_EQ(button["rect"]["x"], 100);  // rounded to whole pixels
  EXPECT_EQ(button["rect"]["y"], 201);
  EXPECT_EQ(button["rect"]["w"], 300);
  EXPECT_FALSE(button.contains("label"));
  const auto& field = doc["widgets"][1];
  EXPECT_EQ(field["kind"], "field");
  EXPECT_EQ(field["label"], "Nama");
  EXPECT_EQ(field["focused"], true);
  EXPECT_EQ(doc["notes"]["clicks"], "0");
  std::filesystem::remove(path);
}

TEST(UiMap, RewritesOnlyWhenTheContentChanges) {
  const auto path = tempPath("b.json");
  UiMap map;
  map.setOutputPath(path);
  fillFrame(map, "0");
  map.endFrame();
  fillFrame(map, "0");
  map.endFrame();
  EXPECT_EQ(map.writeCount(), 1u);
  fillFrame(map, "1");
  map.endFrame();
  EXPECT_EQ(map.writeCount(), 2u);
  EXPECT_EQ(readJson(path)["notes"]["clicks"], "1");
  // No temporary file left beside the map.
  for (const auto& entry : std::filesystem::directory_iterator(path.parent_path()))
    EXPECT_EQ(entry.path().string().find(path.filename().string() + ".tmp"), std::string::npos);
  std::filesystem::remove(path);
}

TEST(UiMap, NotesAndItemsLastOneFrame) {
  UiMap map;
  fillFrame(map, "3");
  ASSERT_NE(map.find("take"), nullptr);
  EXPECT_EQ(map.notes().at("clicks"), "3");
  map.beginFrame();
  EXPECT_EQ(map.find("take"), nullptr);
  EXPECT_TRUE(map.notes().empty());
}

TEST(UiMap, WithoutPathNothingIsWritten) {
  UiMap map;
  fillFrame(map, "0");
  EXPECT_FALSE(map.endFrame().has_value());
  EXPECT_EQ(map.writeCount(), 0u);
}

TEST(UiMap, UnwritablePathIsReportedNotThrown) {
  UiMap map;
  map.setOutputPath("/nonexistent-dir/map.json");
  fillFrame(map, "0");
  auto error = map.endFrame();
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->find("/nonexistent-dir/map.json"), std::string::npos);
}

TEST(UiMap, InvalidUtf8DoesNotThrow) {
  UiMap map;
  map.beginFrame();
  map.add({.id = "bad", .kind = UiKind::Text, .text = std::string("caf\xe9")});
  std::string json;
  EXPECT_NO_THROW(json = map.toJson());
  EXPECT_NE(json.find("caf"), std::string::npos);
}

TEST(UiMap, StatusAndCheckLabelsAreWrittenForTests) {
  UiMap map;
  map.beginFrame();
  map.add({.id = "server_status", .kind = UiKind::Status, .text = "Terhubung", .label = "online"});
  map.add({.id = "consent", .kind = UiKind::Button, .text = "Setuju", .label = "checked"});
  map.setLastText("Saya setuju");
  const auto j = nlohmann::json::parse(map.toJson());
  EXPECT_EQ(j["widgets"][0]["label"], "online");
  EXPECT_EQ(j["widgets"][1]["label"], "checked");
  EXPECT_EQ(j["widgets"][1]["text"], "Saya setuju");
}

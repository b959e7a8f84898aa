#pragma once
// What the current frame shows, for automation and accessibility: every
// named widget (id, kind, text, rect in window pixels) plus free-form notes
// a screen records (e.g. the called number on the display). End-to-end tests
// read the JSON file to know where to click (xdotool) and what is shown.
// UI thread only.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lpse::ui {

enum class UiKind { Button, Text, Field, Status };
std::string_view toString(UiKind kind);

struct UiRect {
  float x = 0, y = 0, w = 0, h = 0;  // window-relative pixels
};

struct UiItem {
  std::string id;
  UiKind kind = UiKind::Text;
  std::string text;  // button label, shown text, field value
  UiRect rect;
  bool visible = true;  // not clipped away (scrolled out)
  bool enabled = true;
  bool focused = false;  // fields: has keyboard focus
  std::string label;     // fields: the caption above the value
};

class UiMap {
 public:
  // The map the widgets of this frame write to.
  static UiMap& current();

  void beginFrame();
  void add(UiItem item);
  void note(std::string_view id, std::string_view text);
  // Replaces the text of the item added last (a widget built on another).
  void setLastText(std::string_view text);
  // Writes the file when a path is set and the content differs from the
  // last write. Returns an error sentence if the write failed.
  std::optional<std::string> endFrame();

  // Where the window sits on screen, so tests can turn rects into absolute
  // pointer positions.
  void setWindow(std::string title, int x, int y, int width, int height);
  // Empty disables writing.
  void setOutputPath(std::filesystem::path path);
  const std::filesystem::path& outputPath() const { return m_path; }

  const std::vector<UiItem>& items() const { return m_items; }
  const UiItem* find(std::string_view id) const;
  const std::map<std::string, std::string, std::less<>>& notes() const { return m_notes; }
  std::string toJson() const;
  std::uint64_t writeCount() const { return m_writeCount; }

 private:
  std::vector<UiItem> m_items;
  std::map<std::string, std::string, std::less<>> m_notes;
  std::string m_title;
  int m_winX = 0, m_winY = 0, m_winW = 0, m_winH = 0;
  std::filesystem::path m_path;
  std::string m_lastWritten;
  std::uint64_t m_writeCount = 0;
  bool m_reportedError = false;
};

// Writes `content` to `path` via a temporary file and rename(), so a reader
// never sees half a file.
std::optional<std::string> writeFileAtomically(const std::filesystem::path& path, std::string_view content);

}  // namespace lpse::ui

#include "kiosk/ui/ui_map.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <system_error>

namespace lpse::ui {

std::string_view toString(UiKind kind) {
  switch (kind) {
    case UiKind::Button:
      return "button";
    case UiKind::Text:
      return "text";
    case UiKind::Field:
      return "field";
    case UiKind::Status:
      return "status";
  }
  return "unknown";
}

UiMap& UiMap::current() {
  static UiMap map;
  return map;
}

void UiMap::beginFrame() {
  // Notes are cleared too: a note describes what this frame shows, so a
  // screen that stops showing a value must stop noting it.
  m_items.clear();
  m_notes.clear();
}

void UiMap::add(UiItem item) { m_items.push_back(std::move(item)); }

void UiMap::setLastText(std::string_view text) {
  if (!m_items.empty()) m_items.back().text = std::string(text);
}

void UiMap::note(std::string_view id, std::string_view text) {
  m_notes.insert_or_assign(std::string(id), std::string(text));
}

void UiMap::setWindow(std::string title, int x, int y, int width, int height) {
  m_title = std::move(title);
  m_winX = x;
  m_winY = y;
  m_winW = width;
  m_winH = height;
}

void UiMap::setOutputPath(std::filesystem::path path) {
  m_path = std::move(path);
  m_lastWritten.clear();
}

const UiItem* UiMap::find(std::string_view id) const {
  for (const auto& item : m_items)
    if (item.id == id) return &item;
  return nullptr;
}

std::string UiMap::toJson() const {
  // Integer pixels: what xdotool takes, and sub-pixel jitter would make
  // the file churn without any visible change.
  auto px = [](float v) { return static_cast<int>(std::lround(v)); };
  nlohmann::json widgets = nlohmann::json::array();
  for (const auto& item : m_items) {
    nlohmann::json w{
        {"id", item.id},
        {"kind", toString(item.kind)},
        {"text", item.text},
        {"rect",
         {{"x", px(item.rect.x)}, {"y", px(item.rect.y)}, {"w", px(item.rect.w)}, {"h", px(item.rect.h)}}},
        {"visible", item.visible},
        {"enabled", item.enabled},
    };
    if (item.kind == UiKind::Field) {
      w["label"] = item.label;
      w["focused"] = item.focused;
    } else {
      if (!item.label.empty()) w["label"] = item.label;  // a status pill's state, a check box's "checked"
      if (item.focused) w["focused"] = true;             // the keypad's focus ring is on it
    }
    widgets.push_back(std::move(w));
  }
  nlohmann::json doc{
      {"title", m_title},
      {"window", {{"x", m_winX}, {"y", m_winY}, {"w", m_winW}, {"h", m_winH}}},
      {"widgets", std::move(widgets)},
      {"notes", m_notes},
  };
  // Invalid UTF-8 in a label must not throw out of the frame loop.
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::optional<std::string> UiMap::endFrame() {
  if (m_path.empty()) return std::nullopt;
  std::string json = toJson();
  if (json == m_lastWritten) return std::nullopt;
  if (auto error = writeFileAtomically(m_path, json)) {
    // Once per run: a broken path would otherwise flood the log every frame.
    if (!m_reportedError) std::fprintf(stderr, "lpse-ui: %s\n", error->c_str());
    m_reportedError = true;
    return error;
  }
  m_lastWritten = std::move(json);
  ++m_writeCount;
  return std::nullopt;
}

std::optional<std::string> writeFileAtomically(const std::filesystem::path& path, std::string_view content) {
  std::filesystem::path tmp = path;
  tmp += ".tmp." + std::to_string(::getpid());
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return "Cannot write " + tmp.string() + ".";
  const bool wrote = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  const bool closed = std::fclose(f) == 0;
  std::error_code ec;
  if (!wrote || !closed) {
    std::filesystem::remove(tmp, ec);
    return "Cannot write " + tmp.string() + ".";
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return "Cannot replace " + path.string() + ": " + ec.message() + ".";
  }
  return std::nullopt;
}

}  // namespace lpse::ui

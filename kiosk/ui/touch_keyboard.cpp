#include "kiosk/ui/touch_keyboard.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/key_focus.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui_map.hpp"
#include "kiosk/ui/widgets.hpp"

namespace lpse::ui {
namespace {

Key ch(const std::string& text, const std::string& name, float units = 1.0f) {
  return {KeyKind::Char, text, "key_" + name, units};
}
Key ch(char c) { return ch(std::string(1, c), std::string(1, c)); }

std::vector<Key> chars(const char* s) {
  std::vector<Key> row;
  for (; *s; ++s) row.push_back(ch(*s));
  return row;
}

Key special(KeyKind kind, const char* name, float units) { return {kind, "", std::string("key_") + name, units}; }

std::vector<Key> operator+(std::vector<Key> a, const std::vector<Key>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

using Rows = std::vector<std::vector<Key>>;

Rows makeRows(KeyboardLayout layout) {
  const Key backspace = special(KeyKind::Backspace, "backspace", 1.5f);
  const Key done = special(KeyKind::Done, "done", 3.0f);
  switch (layout) {
    case KeyboardLayout::Digits:
      return {chars("123"), chars("456"), chars("789"),
              {special(KeyKind::Backspace, "backspace", 1.0f), ch("0", "0", 2.0f)}, {done}};
    case KeyboardLayout::Phone:
      return {chars("123"), chars("456"), chars("789"),
              {ch("+", "plus"), ch('0'), special(KeyKind::Backspace, "backspace", 1.0f)}, {done}};
    case KeyboardLayout::Email:
      return {chars("1234567890") + std::vector<Key>{backspace}, chars("qwertyuiop"),
              chars("asdfghjkl") + std::vector<Key>{ch("_", "underscore")},
              chars("zxcvbnm") + std::vector<Key>{ch("-", "dash"), ch(".", "dot")},
              {ch("@", "at", 2.0f), done}};
    case KeyboardLayout::Text:
      break;
  }
  return {chars("1234567890") + std::vector<Key>{backspace},
          chars("qwertyuiop") + std::vector<Key>{ch("'", "apostrophe")},
          chars("asdfghjkl") + std::vector<Key>{ch("-", "dash")},
          std::vector<Key>{special(KeyKind::Shift, "shift", 1.5f)} + chars("zxcvbnm") +
              std::vector<Key>{ch(",", "comma"), ch(".", "dot")},
          {special(KeyKind::Space, "space", 6.0f), done}};
}

std::size_t lastCodePointStart(const std::string& s) {
  std::size_t i = s.size();
  while (i > 0) {
    --i;
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) break;  // not a continuation byte
  }
  return i;
}

float scale() { return fonts().scale > 0 ? fonts().scale : 1.0f; }

// One key: an invisible button that fires on release inside, not after a
// slide (bigButton's rules), drawn with a larger font than a button.
bool keyButton(const Key& key, const std::string& label, ImVec2 size, bool primary, bool on) {
  const bool pressedRaw = ImGui::InvisibleButton(key.id.c_str(), size);
  const bool held = ImGui::IsItemActive();
  const float slop = kTapSlopPx * scale();
  const bool keyFocused = KeyFocus::current().focused() == key.id;
  const bool pressed = (pressedRaw && ImGui::GetIO().MouseDragMaxDistanceSqr[0] <= slop * slop) ||
                       KeyFocus::current().claim(key.id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());

  ImVec4 fill = colors::kPanelPressed, ink = colors::kText;
  if (primary || on) {
    fill = held ? colors::kAccentPressed : colors::kAccent;
    ink = colors::kOnAccent;
  } else if (held) {
    fill = colors::kAccent;
    ink = colors::kOnAccent;
  }
  const ImRect box(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(box.Min, box.Max, ImGui::GetColorU32(fill), ImGui::GetStyle().FrameRounding);
  // Letters large; words (Done, space) in the button font.
  ImFont* font = key.kind == KeyKind::Char && fonts().large ? fonts().large : fonts().bold;
  if (!font) font = ImGui::GetFont();
  const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str());
  const ImVec2 at(IM_FLOOR(box.GetCenter().x - ts.x * 0.5f), IM_FLOOR(box.GetCenter().y - ts.y * 0.5f));
  dl->PushClipRect(box.Min, box.Max, true);
  dl->AddText(font, font->FontSize, at, ImGui::GetColorU32(ink), label.c_str());
  dl->PopClipRect();

  UiMap::current().add({.id = key.id,
                        .kind = UiKind::Button,
                        .text = label,
                        .rect = {box.Min.x, box.Min.y, box.GetWidth(), box.GetHeight()},
                        .visible = ImGui::IsItemVisible(),
                        .focused = keyFocused,
                        .label = on ? "on" : ""});
  return pressed;
}

// A wide key also covers the gaps it spans, so "Selesai" under three pad
// keys is exactly as wide as they are.
float keyWidth(const Key& k, float unit, float gap) { return k.units * unit + gap * std::max(0.0f, k.units - 1.0f); }

std::string upper(const std::string& s) {
  std::string out = s;
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

}  // namespace

const std::vector<std::vector<Key>>& keyRows(KeyboardLayout layout) {
  static const Rows text = makeRows(KeyboardLayout::Text), digits = makeRows(KeyboardLayout::Digits),
                    phone = makeRows(KeyboardLayout::Phone), email = makeRows(KeyboardLayout::Email);
  switch (layout) {
    case KeyboardLayout::Digits: return digits;
    case KeyboardLayout::Phone: return phone;
    case KeyboardLayout::Email: return email;
    case KeyboardLayout::Text: break;
  }
  return text;
}

const Key* findKey(KeyboardLayout layout, const std::string& id) {
  for (const auto& row : keyRows(layout))
    for (const auto& k : row)
      if (k.id == id) return &k;
  return nullptr;
}

bool applyKey(std::string& value, const Key& key, bool shift, std::size_t maxBytes) {
  std::string add;
  switch (key.kind) {
    case KeyKind::Char: add = shift ? upper(key.text) : key.text; break;
    case KeyKind::Space: add = " "; break;
    case KeyKind::Backspace:
      if (value.empty()) return false;
      value.erase(lastCodePointStart(value));
      return true;
    case KeyKind::Shift:
    case KeyKind::Done: return false;
  }
  if (add.empty()) return false;
  if (maxBytes > 0 && value.size() + add.size() > maxBytes) return false;
  value += add;
  return true;
}

bool applyKey(std::string& value, const Key& key, bool shift, std::size_t maxBytes, KeyboardLayout layout) {
  const Key* own = findKey(layout, key.id);
  if (!own || own->kind != key.kind || own->text != key.text) return false;
  return applyKey(value, key, shift, maxBytes);
}

void TouchKeyboard::reset() {
  m_shift = false;
  m_shiftManual = false;
  m_done = false;
}

bool TouchKeyboard::draw(const char* id, std::string& value, KeyboardLayout layout, std::size_t maxBytes,
                         float height) {
  m_done = false;
  const Rows& rows = keyRows(layout);
  const bool autoShift = layout == KeyboardLayout::Text && (value.empty() || value.back() == ' ');
  const bool shiftNow = m_shiftManual ? m_shift : autoShift;
  m_shift = shiftNow;

  const float s = scale();
  const float gap = 10 * s, pad = 14 * s;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, colors::kPanel);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
  ImGui::BeginChild(id, ImVec2(0, height), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                        ImGuiWindowFlags_AlwaysUseWindowPadding);
  const float availW = ImGui::GetContentRegionAvail().x;
  const float availH = ImGui::GetContentRegionAvail().y;
  const auto nRows = static_cast<float>(rows.size());
  const float keyH = std::max(minTouchPx(), (availH - gap * (nRows - 1)) / nRows);
  // The widest row sets the key unit; number pads stay pad-shaped rather
  // than stretching across the screen.
  float unit = keyH * 2.6f;
  for (const auto& row : rows) {
    float units = 0, gaps = -1;
    for (const auto& k : row) {
      units += k.units;
      gaps += 1 + std::max(0.0f, k.units - 1.0f);
    }
    if (units > 0) unit = std::min(unit, (availW - gap * std::max(0.0f, gaps)) / units);
  }

  bool changed = false;
  const Key* tapped = nullptr;
  for (const auto& row : rows) {
    float rowW = 0;
    for (const auto& k : row) rowW += keyWidth(k, unit, gap);
    rowW += gap * static_cast<float>(row.size() - 1);
    ImGui::SetCursorPosX(pad + std::max(0.0f, (availW - rowW) * 0.5f));
    for (std::size_t i = 0; i < row.size(); ++i) {
      const Key& k = row[i];
      if (i > 0) ImGui::SameLine();
      std::string label;
      switch (k.kind) {
        case KeyKind::Char: label = shiftNow ? upper(k.text) : k.text; break;
        case KeyKind::Space: label = m_labels.space; break;
        case KeyKind::Backspace: label = m_labels.backspace; break;
        case KeyKind::Shift: label = m_labels.shift; break;
        case KeyKind::Done: label = m_labels.done; break;
      }
      const float w = keyWidth(k, unit, gap);
      if (keyButton(k, label, ImVec2(w, keyH), k.kind == KeyKind::Done, k.kind == KeyKind::Shift && shiftNow))
        tapped = &k;
    }
  }
  ImGui::EndChild();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();

  if (tapped) {
    switch (tapped->kind) {
      case KeyKind::Shift:
        m_shiftManual = true;
        m_shift = !shiftNow;
        break;
      case KeyKind::Done: m_done = true; break;
      default:
        changed = applyKey(value, *tapped, shiftNow, maxBytes);
        m_shiftManual = false;
        m_shift = false;
        break;
    }
  }
  return changed;
}

}  // namespace lpse::ui

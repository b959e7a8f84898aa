#pragma once
// The on-screen keyboard: a visitor at the kiosk has no physical keyboard.
// Keys are touch targets like bigButton (fire on release inside, not after
// a slide, no hover look) and record themselves in UiMap::current() as
// "key_a", "key_1", "key_at", "key_shift", "key_backspace", "key_space",
// "key_done", ... so end-to-end tests can press them. The editing logic is
// the pure function applyKey(), tested without ImGui.
#include <cstddef>
#include <string>
#include <vector>

namespace lpse::ui {

enum class KeyboardLayout {
  Text,    // names, agencies: digits row, letters, space, . , ' - and shift
  Digits,  // NIP: 0-9
  Phone,   // 0-9 and +
  Email,   // letters, digits, @ . - _
};

enum class KeyKind { Char, Backspace, Shift, Space, Done };

struct Key {
  KeyKind kind = KeyKind::Char;
  std::string text;   // Char: what it types (lowercase; shift upper-cases a-z)
  std::string id;     // UiMap id, e.g. "key_a"
  float units = 1.0f; // width in key units
};

// The rows of a layout, top to bottom.
const std::vector<std::vector<Key>>& keyRows(KeyboardLayout layout);
// The key of `layout` with UiMap id `id`, or null.
const Key* findKey(KeyboardLayout layout, const std::string& id);

// Applies one key to `value`: a Char (upper-cased for a-z when `shift`) or
// a space is appended unless that would pass maxBytes (0 = unlimited);
// Backspace removes the last UTF-8 code point (all of "é", not half of it).
// Shift and Done change nothing. Returns true when value changed.
bool applyKey(std::string& value, const Key& key, bool shift, std::size_t maxBytes);
// The same, refusing a key that `layout` does not have (a letter on the
// NIP pad, typed by a bug or a stale tap).
bool applyKey(std::string& value, const Key& key, bool shift, std::size_t maxBytes, KeyboardLayout layout);

// Labels come from the strings files, never from code.
struct KeyboardLabels {
  std::string done = "Done";
  std::string space = "space";
  std::string shift = "Shift";
  std::string backspace = "Del";
};

class TouchKeyboard {
 public:
  void setLabels(KeyboardLabels labels) { m_labels = std::move(labels); }

  // Draws a band `height` px tall and the full available width at the
  // cursor (draw it last in the window so it sits at the bottom). Returns
  // true on the frame `value` changed.
  bool draw(const char* id, std::string& value, KeyboardLayout layout, std::size_t maxBytes, float height);

  // True on the frame "Done" was tapped (until the next draw()).
  bool done() const { return m_done; }
  // Shift is one-shot; in the Text layout it comes on by itself at the
  // start of the value and after a space (names are capitalised).
  bool shift() const { return m_shift; }
  // Back to the initial state (a new field, a wiped form).
  void reset();

 private:
  KeyboardLabels m_labels;
  bool m_shift = false;
  bool m_shiftManual = false;  // the visitor toggled shift since the last key
  bool m_done = false;
};

}  // namespace lpse::ui

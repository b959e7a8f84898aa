#pragma once
// "Butuh bantuan petugas" (issue #14): a visitor at a kiosk asks for a staff
// member. The alert shows on every signed-in desk until someone answers it.
// One per visitor: the kiosk names the visit it belongs to, and a second
// press in the same visit gets the same alert back.
#include <cstdint>
#include <string>
#include <string_view>

namespace lpse::core {

struct HelpAlert {
  std::int64_t id = 0;  // the event that raised it
  std::string device;   // the kiosk's id, "kiosk-1": public, never who the visitor is
  std::int64_t raisedMs = 0;
  bool acknowledged = false;
  std::string ackedBy;  // the staff member who answered (username)
  std::int64_t ackedMs = 0;
};

// A kiosk's name for one visit: 16-64 letters, digits, '-' or '_' (random,
// made at the first press; the next visitor gets another).
inline bool validVisitKey(std::string_view k) {
  if (k.size() < 16 || k.size() > 64) return false;
  for (char c : k)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_'))
      return false;
  return true;
}

// "kiosk-1" -> "Kiosk 1": how a desk names the kiosk in the alert.
inline std::string deviceLabel(std::string_view device) {
  std::string out(device);
  for (char& c : out)
    if (c == '-' || c == '_') c = ' ';
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace lpse::core

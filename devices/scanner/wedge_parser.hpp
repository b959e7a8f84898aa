#pragma once
// Keyboard-wedge QR scanners are USB keyboards: a scan arrives as a burst of
// keystrokes, a few ms apart, ending in Enter. A person typing is an order
// of magnitude slower. This tells the two apart from keystrokes with their
// times. Pure: no clock, no UI.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lpse::scanner {

struct Keystroke {
  char32_t codepoint = 0;  // the character typed; '\n' or '\r' for Enter
  std::int64_t timeMs = 0; // when it arrived (any monotonic clock, ms)
};

class WedgeParser {
 public:
  struct Options {
    std::int64_t maxGapMs = 60;     // no gap within a scan is longer than this
    double maxMeanGapMs = 30;       // and on average they come at least this fast
    std::size_t minLength = 4;      // shorter bursts are key repeats or chords
  };
  WedgeParser();
  explicit WedgeParser(Options options);

  // One keystroke. Returns the payload (UTF-8) when an Enter ends a burst
  // that was fast enough to be a scanner; the burst is then consumed.
  std::optional<std::string> feed(const Keystroke& key);
  // True while the keystrokes so far look like a scan in progress (the UI
  // may hold them back from the focused field until Enter or a pause).
  bool scanning(std::int64_t nowMs) const;
  // The characters of the current burst, UTF-8 (what to hand to the
  // focused field if it turns out to be typing).
  std::string pending() const;
  void reset();

 private:
  bool fast() const;

  Options m_options;
  std::vector<Keystroke> m_burst;
};

std::string toUtf8(const std::u32string& s);

}  // namespace lpse::scanner

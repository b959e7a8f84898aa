#include "devices/scanner/wedge_parser.hpp"

namespace lpse::scanner {

namespace {
bool isEnter(char32_t c) { return c == U'\n' || c == U'\r'; }

void appendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x110000) {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}
}  // namespace

std::string toUtf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) appendUtf8(out, c);
  return out;
}

WedgeParser::WedgeParser() : WedgeParser(Options{}) {}
WedgeParser::WedgeParser(Options options) : m_options(options) {}

bool WedgeParser::fast() const {
  if (m_burst.size() < m_options.minLength) return false;
  const double span = static_cast<double>(m_burst.back().timeMs - m_burst.front().timeMs);
  return span / static_cast<double>(m_burst.size() - 1) <= m_options.maxMeanGapMs;
}

std::optional<std::string> WedgeParser::feed(const Keystroke& key) {
  // A pause longer than any scanner makes ends the burst: what came before
  // was typing (or an interrupted scan) and is not a payload.
  if (!m_burst.empty() && key.timeMs - m_burst.back().timeMs > m_options.maxGapMs) m_burst.clear();
  if (isEnter(key.codepoint)) {
    std::optional<std::string> payload;
    if (fast()) payload = pending();
    m_burst.clear();
    return payload;
  }
  if (key.codepoint < 0x20 || key.codepoint == 0x7F) {  // Tab, Backspace...: no scanner sends these mid-code
    m_burst.clear();
    return std::nullopt;
  }
  m_burst.push_back(key);
  return std::nullopt;
}

bool WedgeParser::scanning(std::int64_t nowMs) const {
  return fast() && nowMs - m_burst.back().timeMs <= m_options.maxGapMs;
}

std::string WedgeParser::pending() const {
  std::string out;
  for (const auto& k : m_burst) appendUtf8(out, k.codepoint);
  return out;
}

void WedgeParser::reset() { m_burst.clear(); }

}  // namespace lpse::scanner

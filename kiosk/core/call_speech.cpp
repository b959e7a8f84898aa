#include "kiosk/core/call_speech.hpp"

#include <cctype>
#include <sstream>

namespace lpse::core {
namespace {

constexpr std::string_view kLetters[26] = {"a",  "be", "ce", "de", "e",  "ef",  "ge", "ha", "i",
                                           "je", "ka", "el", "em", "en", "o",   "pe", "ki", "er",
                                           "es", "te", "u",  "ve", "we", "eks", "ye", "zet"};

void splitInto(std::vector<std::string>& out, const std::string& text) {
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void spellInto(std::vector<std::string>& out, std::string_view text) {
  for (char c : text) {
    if (auto l = letterName(static_cast<char>(std::toupper(static_cast<unsigned char>(c))))) out.emplace_back(*l);
    else if (c >= '0' && c <= '9') splitInto(out, numberToIndonesianWords(c - '0'));
  }
}

void numberInto(std::vector<std::string>& out, std::string_view digits, SpeakStyle style) {
  if (style == SpeakStyle::DigitByDigit) {
    for (char c : digits) splitInto(out, numberToIndonesianWords(c - '0'));
    return;
  }
  long v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  splitInto(out, numberToIndonesianWords(v));
}

}  // namespace

std::optional<std::string_view> letterName(char c) {
  if (c >= 'A' && c <= 'Z') return kLetters[c - 'A'];
  return std::nullopt;
}

std::vector<std::string> counterWords(std::string_view counter, const SpeechSettings& s, bool* fromConfig) {
  std::vector<std::string> out;
  if (auto it = s.counterNames.find(counter); it != s.counterNames.end()) {
    if (fromConfig) *fromConfig = true;
    splitInto(out, it->second);
    return out;
  }
  if (fromConfig) *fromConfig = false;
  std::istringstream in{std::string(counter)};
  for (std::string w; in >> w;) {
    bool digits = true, caps = true;
    for (char c : w) {
      digits = digits && c >= '0' && c <= '9';
      caps = caps && c >= 'A' && c <= 'Z';
    }
    if (digits && w.size() <= 6) numberInto(out, w, SpeakStyle::AsNumber);
    else if (caps && w.size() <= 4) spellInto(out, w);
    else out.push_back(lower(w));
  }
  return out;
}

std::vector<std::string> ticketWords(std::string_view ticket, const SpeechSettings& s) {
  std::vector<std::string> out;
  auto n = TicketNumber::parse(ticket);
  if (!n) {
    spellInto(out, ticket);
    return out;
  }
  spellInto(out, n->prefix);
  out.push_back(",");
  std::string digits = std::to_string(n->seq);
  if (s.numberStyle == SpeakStyle::DigitByDigit && digits.size() < 3) digits.insert(0, 3 - digits.size(), '0');
  numberInto(out, digits, s.numberStyle);
  return out;
}

std::vector<std::string> callWords(std::string_view ticket, std::string_view counter, CallKind kind,
                                   const SpeechSettings& s) {
  std::vector<std::string> out;
  if (kind == CallKind::Recall) {
    out.push_back(s.recallPhrase.empty() ? "panggilan ulang" : s.recallPhrase);
    out.push_back(",");
  }
  out.push_back("nomor antrian");
  out.push_back(",");
  for (auto& w : ticketWords(ticket, s)) out.push_back(std::move(w));
  out.push_back(",");
  out.push_back(kind == CallKind::CallBack ? "silakan kembali ke" : "silakan menuju");
  for (auto& w : counterWords(counter, s)) out.push_back(std::move(w));
  if (kind == CallKind::CallBack) out.push_back("untuk menerima hasil");
  out.push_back(".");
  return out;
}

std::string sentenceOf(const std::vector<std::string>& words) {
  std::string out;
  bool capital = true;
  for (const auto& w : words) {
    if (w == "," || w == ".") {
      out += w;
      capital = w == ".";
      continue;
    }
    if (!out.empty()) out += ' ';
    std::string word = w;
    if (capital && !word.empty()) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    capital = false;
    out += word;
  }
  return out;
}

std::string englishSentence(std::string_view ticket, std::string_view counter, CallKind kind) {
  std::string t(ticket);
  if (auto n = TicketNumber::parse(ticket)) t = n->prefix + " " + std::to_string(n->seq);
  std::string c(counter);
  if (c.rfind("Loket ", 0) == 0) c = "counter " + c.substr(6);
  std::string out = kind == CallKind::Recall ? "Once again, number " : "Number ";
  out += t;
  out += kind == CallKind::CallBack ? ", please return to " + c + " to receive your result." : ", please go to " + c + ".";
  return out;
}

}  // namespace lpse::core

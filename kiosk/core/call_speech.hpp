#pragma once
// What the wall display says for a call, as words: pure text, no sound.
// "R-012" called to "Loket 1" is: nomor antrian , er , dua belas , silakan
// menuju loket satu . Each word or phrase is one clip of the voice
// (assets/voice/clips.tsv); "," and "." are pauses.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/ticket_number.hpp"

namespace lpse::core {

enum class CallKind { Call, Recall, CallBack };

struct SpeechSettings {
  SpeakStyle numberStyle = SpeakStyle::AsNumber;  // "dua belas"; DigitByDigit: "nol satu dua"
  std::string recallPhrase = "panggilan ulang";   // or "sekali lagi"
  // A counter's spoken form by its display name ("Admin PPE" -> "admin pe pe e").
  std::map<std::string, std::string, std::less<>> counterNames;
};

// 'A'..'Z' -> "a", "be", "ce", ... "zet" (the Indonesian letter names);
// nullopt for anything else.
std::optional<std::string_view> letterName(char c);

// A counter's words: the configured spoken form, else a rule: words are
// lowercased, an all-capitals word of up to 4 letters is spelt ("PPE" -> pe
// pe e), digits become number words ("Loket 1" -> loket satu).
// `fromConfig` tells which one was used (the display logs the guessed ones once).
std::vector<std::string> counterWords(std::string_view counter, const SpeechSettings& s, bool* fromConfig = nullptr);

// The ticket's words: letters by name, then the number ("R-012" -> er dua
// belas). A text that is not a ticket number is spoken character by
// character (letters by name, digits as digits), never dropped.
std::vector<std::string> ticketWords(std::string_view ticket, const SpeechSettings& s);

// The whole announcement, as clip names and pauses.
std::vector<std::string> callWords(std::string_view ticket, std::string_view counter, CallKind kind,
                                   const SpeechSettings& s);

// The same as one sentence ("Nomor antrian, er, dua belas, silakan menuju
// loket satu.") for logs, `lpse voice say` and subtitles.
std::string sentenceOf(const std::vector<std::string>& words);

// The English sentence spoken after the Indonesian when configured; espeak's
// English voice reads "R 12" and "Loket 1" itself.
std::string englishSentence(std::string_view ticket, std::string_view counter, CallKind kind);

}  // namespace lpse::core

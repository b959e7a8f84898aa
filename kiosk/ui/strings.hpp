#pragma once
// UI wording from assets/strings/<lang>.toml (flat `key = "text"`, dotted
// sections allowed: [kiosk] attract = ... -> "kiosk.attract"). All language
// files in the folder are loaded so the language can switch at runtime
// (a visitor taps "EN" on the kiosk). Indonesian ("id") is the default.
#include <filesystem>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/error.hpp"

namespace lpse::ui {

class Strings {
 public:
  using Table = std::map<std::string, std::string, std::less<>>;

  // Loads every *.toml in `dir`; fails if `lang` is not among them or a
  // file does not parse or holds a non-string value.
  static core::Result<Strings> load(const std::filesystem::path& dir, std::string lang = "id");
  // Parses one language from text (used by load; handy in tests).
  static core::Result<Table> parseTable(std::string_view tomlText, std::string_view sourceName);

  Strings();
  Strings(Strings&&) noexcept;
  Strings& operator=(Strings&&) noexcept;
  ~Strings();

  // A missing key returns the key itself, so the gap is visible on screen,
  // and is logged once per key to stderr.
  const std::string& tr(std::string_view key) const;
  // tr() with "{name}" placeholders replaced: tr("display.counter_n", {{"n", "3"}}).
  std::string tr(std::string_view key,
                 std::initializer_list<std::pair<std::string_view, std::string_view>> args) const;
  bool has(std::string_view key) const;

  // Returns false (and keeps the current language) when `lang` was not loaded.
  bool setLanguage(std::string_view lang);
  const std::string& language() const { return m_language; }
  std::vector<std::string> languages() const;
  const Table* table(std::string_view lang) const;

  // Adds or replaces one language (tests, or strings from the server).
  void addLanguage(std::string lang, Table table);

 private:
  std::map<std::string, Table, std::less<>> m_tables;
  std::string m_language;
  const Table* m_current = nullptr;
  // Missing keys, kept so tr() can return a stable reference; the mutex
  // makes tr() safe from worker threads too (e.g. building announcements).
  struct Missing {
    std::mutex mutex;
    std::set<std::string, std::less<>> keys;
  };
  std::unique_ptr<Missing> m_missing;
};

// Where the shipped string files are: $LPSE_STRINGS_DIR, then
// <exe>/../share/lpse-kiosk/strings, then the source tree's assets/strings.
std::filesystem::path defaultStringsDir();

}  // namespace lpse::ui

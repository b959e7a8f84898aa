#include "kiosk/ui/strings.hpp"

#include <toml++/toml.h>

#include <cstdio>
#include <cstdlib>
#include <system_error>

namespace lpse::ui {
namespace {

// Walks nested tables so [kiosk] attract = "..." becomes "kiosk.attract".
bool flatten(const toml::table& table, const std::string& prefix, Strings::Table& out, std::string& badKey) {
  for (const auto& [key, node] : table) {
    std::string full = prefix.empty() ? std::string(key.str()) : prefix + '.' + std::string(key.str());
    if (const auto* sub = node.as_table()) {
      if (!flatten(*sub, full, out, badKey)) return false;
    } else if (const auto* text = node.as_string()) {
      out[full] = text->get();
    } else {
      badKey = full;
      return false;
    }
  }
  return true;
}

}  // namespace

Strings::Strings() : m_missing(std::make_unique<Missing>()) {}
Strings::Strings(Strings&& other) noexcept = default;
Strings& Strings::operator=(Strings&& other) noexcept = default;
Strings::~Strings() = default;

core::Result<Strings::Table> Strings::parseTable(std::string_view tomlText, std::string_view sourceName) {
  toml::table root;
  try {
    root = toml::parse(tomlText, sourceName);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    const std::string at = std::string(sourceName) + ":" + std::to_string(where.line) + ":" +
                           std::to_string(where.column) + ": " + std::string(e.description());
    return core::makeError("strings_parse", "Berkas teks antarmuka rusak: " + at,
                           "A UI strings file does not parse: " + at);
  }
  Table out;
  std::string badKey;
  if (!flatten(root, "", out, badKey)) {
    const std::string where = std::string(sourceName) + ": \"" + badKey + "\"";
    return core::makeError("strings_not_text", "Nilai " + where + " bukan teks.",
                           "The value of " + where + " is not text.");
  }
  return out;
}

core::Result<Strings> Strings::load(const std::filesystem::path& dir, std::string lang) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return core::makeError("strings_dir_missing", "Folder teks antarmuka " + dir.string() + " tidak ada.",
                           "The UI strings folder " + dir.string() + " does not exist.");
  Strings strings;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".toml") continue;
    std::FILE* f = std::fopen(entry.path().c_str(), "rb");
    if (!f)
      return core::makeError("strings_unreadable", "Tidak dapat membaca " + entry.path().string() + ".",
                             "Cannot read " + entry.path().string() + ".");
    std::string text;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
    std::fclose(f);
    auto table = parseTable(text, entry.path().string());
    if (!table) return table.error();
    strings.addLanguage(entry.path().stem().string(), std::move(table.value()));
  }
  if (ec)
    return core::makeError("strings_unreadable", "Tidak dapat membaca folder " + dir.string() + ".",
                           "Cannot list " + dir.string() + ": " + ec.message() + ".");
  if (!strings.setLanguage(lang))
    return core::makeError("strings_language_missing",
                           "Tidak ada teks untuk bahasa \"" + lang + "\" di " + dir.string() + ".",
                           "No strings for language \"" + lang + "\" in " + dir.string() + ".");
  return strings;
}

void Strings::addLanguage(std::string lang, Table table) {
  m_tables[std::move(lang)] = std::move(table);
  // Re-point: map nodes are stable, but the current language may be the one replaced.
  if (!m_language.empty()) setLanguage(std::string(m_language));
}

bool Strings::setLanguage(std::string_view lang) {
  auto it = m_tables.find(lang);
  if (it == m_tables.end()) return false;
  m_language = it->first;
  m_current = &it->second;
  return true;
}

std::vector<std::string> Strings::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, table] : m_tables) out.push_back(lang);
  return out;
}

const Strings::Table* Strings::table(std::string_view lang) const {
  auto it = m_tables.find(lang);
  return it == m_tables.end() ? nullptr : &it->second;
}

bool Strings::has(std::string_view key) const {
  return m_current && m_current->find(key) != m_current->end();
}

const std::string& Strings::tr(std::string_view key) const {
  if (m_current) {
    auto it = m_current->find(key);
    if (it != m_current->end()) return it->second;
  }
  std::lock_guard lock(m_missing->mutex);
  auto it = m_missing->keys.find(key);
  if (it == m_missing->keys.end()) {
    it = m_missing->keys.emplace(key).first;
    std::fprintf(stderr, "lpse-ui: missing string \"%.*s\" for language \"%s\"\n",
                 static_cast<int>(key.size()), key.data(), m_language.c_str());
  }
  return *it;
}

std::string Strings::tr(std::string_view key,
                        std::initializer_list<std::pair<std::string_view, std::string_view>> args) const {
  std::string out = tr(key);
  for (const auto& [name, value] : args) {
    const std::string token = "{" + std::string(name) + "}";
    for (std::size_t pos = 0; (pos = out.find(token, pos)) != std::string::npos;) {
      out.replace(pos, token.size(), value);
      pos += value.size();
    }
  }
  return out;
}

std::filesystem::path defaultStringsDir() {
  std::error_code ec;
  if (const char* env = std::getenv("LPSE_STRINGS_DIR"); env && *env) return env;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto installed = exe.parent_path().parent_path() / "share" / "lpse-kiosk" / "strings";
    if (std::filesystem::is_directory(installed, ec)) return installed;
  }
  return std::filesystem::path(LPSE_UI_SOURCE_ASSETS) / "strings";
}

}  // namespace lpse::ui

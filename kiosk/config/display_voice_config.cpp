#include "kiosk/config/display_voice_config.hpp"

#include <algorithm>
#include <string>

namespace lpse::config {
namespace {

core::Error wrong(const std::string& key, const std::string& id, const std::string& en) {
  return core::makeError("config_invalid", "Pengaturan '" + key + "' salah: " + id, "Setting '" + key + "' is wrong: " + en,
                         key);
}

std::string lineOf(const toml::node& n) {
  return n.source().begin.line ? " (baris/line " + std::to_string(n.source().begin.line) + ")" : "";
}

std::string hm(int m) {
  char b[16];
  std::snprintf(b, sizeof b, "%02d:%02d", m / 60, m % 60);
  return b;
}

}  // namespace

std::optional<core::Error> parseDisplayVoice(const toml::table& root, DisplayVoiceConfig& out) {
  const toml::table* t = root.at_path("display.voice").as_table();
  if (!t) return std::nullopt;
  const std::string base = "display.voice.";
  enum class Kind { Bool, Int, Str };
  struct Key {
    const char* name;
    Kind kind;
    void* field;
    int lo = 0, hi = 0;
    std::initializer_list<std::string_view> words = {};
  };
  const Key keys[] = {
      {"enabled", Kind::Bool, &out.enabled},
      {"repeat", Kind::Int, &out.repeat, 1, 5},
      {"number_style", Kind::Str, &out.numberStyle, 0, 0, {"number", "digits"}},
      {"recall_phrase", Kind::Str, &out.recallPhrase, 0, 0, {"panggilan ulang", "sekali lagi"}},
      {"english", Kind::Bool, &out.english},
      {"max_age_s", Kind::Int, &out.maxAgeS, 0, 86400},
      {"recordings_dir", Kind::Str, &out.recordingsDir},
      {"clips_dir", Kind::Str, &out.clipsDir},
      {"device", Kind::Str, &out.device},
      {"volume", Kind::Int, &out.volume, 0, 200},
  };
  for (const auto& [k, node] : *t) {
    const std::string name(k.str()), key = base + name;
    if (name == "volume_schedule") {
      const toml::array* arr = node.as_array();
      if (!arr) return wrong(key, "harus daftar seperti [\"12:00-13:00=40\"]", "must be a list like [\"12:00-13:00=40\"]");
      std::vector<std::pair<VolumeSpanConfig, std::string>> spans;
      for (const auto& item : *arr) {
        const auto* str = item.as_string();
        const std::string text = str ? str->get() : std::string();
        const auto eq = text.find('=');
        auto span = parseSpan(text.substr(0, eq));
        int pct = -1;
        if (eq != std::string::npos && eq + 1 < text.size() && text.size() - eq <= 4 &&
            std::all_of(text.begin() + static_cast<long>(eq) + 1, text.end(), [](char c) { return c >= '0' && c <= '9'; }))
          pct = std::stoi(text.substr(eq + 1));
        if (!span || pct < 0 || pct > 200)
          return wrong(key, "'" + text + "' bukan JJ:MM-JJ:MM=PERSEN (0..200)" + lineOf(item),
                       "'" + text + "' is not HH:MM-HH:MM=PERCENT (0..200)" + lineOf(item));
        spans.push_back({{span->from, span->to, pct}, lineOf(item)});
      }
      std::sort(spans.begin(), spans.end(), [](auto& a, auto& b) { return a.first.fromMinute < b.first.fromMinute; });
      for (std::size_t i = 1; i < spans.size(); ++i) {
        const auto &a = spans[i - 1].first, &b = spans[i].first;
        if (a.toMinute > b.fromMinute) {
          const std::string what = hm(b.fromMinute) + "-" + hm(b.toMinute), other = hm(a.fromMinute) + "-" + hm(a.toMinute);
          return wrong(key, what + " bertumpang tindih dengan " + other + spans[i].second,
                       what + " overlaps " + other + spans[i].second);
        }
      }
      out.volumeSchedule.clear();
      for (auto& s : spans) out.volumeSchedule.push_back(s.first);
      continue;
    }
    if (name == "counters") {
      const toml::table* ct = node.as_table();
      if (!ct) return wrong(key, "harus tabel { \"Loket 1\" = \"loket satu\" }", "must be a table { \"Loket 1\" = \"loket satu\" }");
      out.counters.clear();
      for (const auto& [counter, spoken] : *ct) {
        const auto* str = spoken.as_string();
        if (!str || str->get().find_first_not_of(' ') == std::string::npos)
          return wrong(key + "." + std::string(counter.str()), "harus kata-kata yang diucapkan" + lineOf(spoken),
                       "must be the spoken words" + lineOf(spoken));
        out.counters.emplace_back(std::string(counter.str()), str->get());
      }
      continue;
    }
    const Key* found = nullptr;
    for (const auto& kd : keys)
      if (name == kd.name) found = &kd;
    if (!found) return wrong(key, "kunci tidak dikenal", "unknown key");
    switch (found->kind) {
      case Kind::Bool:
        if (!node.is_boolean()) return wrong(key, "harus true/false", "must be true/false");
        *static_cast<bool*>(found->field) = node.as_boolean()->get();
        break;
      case Kind::Int: {
        if (!node.is_integer()) return wrong(key, "harus bilangan bulat", "must be an integer");
        const auto v = node.as_integer()->get();
        if (v < found->lo || v > found->hi) {
          const std::string range = std::to_string(found->lo) + ".." + std::to_string(found->hi);
          return wrong(key, range, range);
        }
        *static_cast<int*>(found->field) = static_cast<int>(v);
        break;
      }
      case Kind::Str: {
        if (!node.is_string()) return wrong(key, "harus teks", "must be text");
        const std::string v = node.as_string()->get();
        if (found->words.size() > 0 && std::find(found->words.begin(), found->words.end(), v) == found->words.end()) {
          std::string list;
          for (auto w : found->words) list += (list.empty() ? "" : ", ") + std::string(w);
          return wrong(key, list, list);
        }
        *static_cast<std::string*>(found->field) = v;
        break;
      }
    }
  }
  return std::nullopt;
}

}  // namespace lpse::config

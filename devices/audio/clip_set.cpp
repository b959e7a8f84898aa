#include "devices/audio/clip_set.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "devices/audio/pcm_ops.hpp"
#include "devices/audio/wav.hpp"

namespace lpse::audio {

namespace fs = std::filesystem;

core::Result<std::vector<ClipDef>> parseClipList(std::string_view text, const std::string& sourceName) {
  std::vector<ClipDef> defs;
  std::istringstream in{std::string(text)};
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    ClipDef d{line.substr(0, tab), tab == std::string::npos ? "" : line.substr(tab + 1)};
    if (d.say.empty()) d.say = d.name;
    if (d.name.empty() || d.name.find_first_of("/\\") != std::string::npos) {
      const std::string where = sourceName + ":" + std::to_string(n);
      return core::makeError("clip_list", "Daftar klip salah di " + where, "Bad clip list line " + where, where);
    }
    defs.push_back(std::move(d));
  }
  return defs;
}

core::Result<std::vector<ClipDef>> readClipList(const std::string& path) {
  std::ifstream in(path);
  if (!in) return core::makeError("clip_list", "Daftar klip tidak dapat dibaca: " + path, "Cannot read the clip list: " + path, path);
  std::stringstream ss;
  ss << in.rdbuf();
  return parseClipList(ss.str(), path);
}

std::string defaultClipsDir() {
  if (const char* env = std::getenv("LPSE_VOICE_DIR"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "voice";
  return (exe.parent_path().parent_path() / "voice").string();
}

std::string clipFileName(const std::string& name) {
  std::string f = name;
  for (char& c : f)
    if (c == ' ') c = '_';
  return f + ".wav";
}

std::string_view toString(ClipSource s) {
  switch (s) {
    case ClipSource::Recorded: return "recorded";
    case ClipSource::Generated: return "generated";
    case ClipSource::Synthesized: return "synthesized";
    case ClipSource::Builtin: return "builtin";
    case ClipSource::Missing: return "missing";
  }
  return "missing";
}

ClipSet::ClipSet(Options options, std::vector<ClipDef> defs, Log log)
    : m_options(std::move(options)), m_defs(std::move(defs)), m_log(std::move(log)) {}

const ClipSet::Entry& ClipSet::load(const std::string& name) {
  if (auto it = m_cache.find(name); it != m_cache.end()) return it->second;
  Entry e;
  e.info.name = name;
  const std::string file = clipFileName(name);
  auto tryFile = [&](const std::string& dir, ClipSource source) {
    if (dir.empty()) return false;
    const std::string path = (fs::path(dir) / file).string();
    std::error_code ec;
    if (!fs::exists(path, ec)) return false;
    auto pcm = readWav(path);
    if (!pcm) {
      // A bad office recording: say so once, then fall through to the next source.
      e.info.problem = pcm.error().id;
      if (m_log) m_log(pcm.error().id + " / " + pcm.error().en);
      return false;
    }
    e.pcm = std::move(*pcm);
    e.info.source = source;
    e.info.path = path;
    return true;
  };
  if (!tryFile(m_options.recordingsDir, ClipSource::Recorded) && !tryFile(m_options.generatedDir, ClipSource::Generated)) {
    if (name == "chime") {
      e.pcm = builtinChime();
      e.info.source = ClipSource::Builtin;
    } else if (m_options.synthesize) {
      std::string say = name;
      for (const auto& d : m_defs)
        if (d.name == name) say = d.say;
      auto pcm = synthesize(say, m_options.speech);
      if (pcm) {
        e.pcm = std::move(*pcm);
        e.info.source = ClipSource::Synthesized;
      } else if (m_log) {
        m_log(pcm.error().id + " / " + pcm.error().en);
      }
    }
  }
  if (e.info.source != ClipSource::Builtin && !e.pcm.empty()) {
    trimSilence(e.pcm);
    levelClip(e.pcm);
  }
  e.info.seconds = e.pcm.seconds();
  return m_cache.emplace(name, std::move(e)).first->second;
}

Pcm ClipSet::get(const std::string& name) {
  std::lock_guard lock(m_mutex);
  return load(name).pcm;
}

ClipInfo ClipSet::info(const std::string& name) {
  std::lock_guard lock(m_mutex);
  return load(name).info;
}

void ClipSet::preload() {
  std::lock_guard lock(m_mutex);
  load("chime");
  for (const auto& d : m_defs) load(d.name);
}

std::vector<ClipInfo> ClipSet::listAll() {
  std::vector<ClipInfo> out;
  std::lock_guard lock(m_mutex);
  out.push_back(load("chime").info);
  for (const auto& d : m_defs) out.push_back(load(d.name).info);
  return out;
}

}  // namespace lpse::audio

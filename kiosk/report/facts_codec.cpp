#include "kiosk/report/facts_codec.hpp"

#include <cstring>
#include <type_traits>

namespace lpse::report {
namespace {

template <class T>
std::string pod(const std::vector<T>& v) {
  static_assert(std::is_trivially_copyable_v<T>);
  return std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

template <class T>
bool unpod(const std::string& s, std::vector<T>& v) {
  if (s.size() % sizeof(T) != 0) return false;
  v.resize(s.size() / sizeof(T));
  if (!s.empty()) std::memcpy(v.data(), s.data(), s.size());
  return true;
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += n + '\n';
  return out;
}

std::vector<std::string> split(std::string_view s) {
  std::vector<std::string> out;
  std::size_t at = 0;
  for (std::size_t nl; (nl = s.find('\n', at)) != std::string_view::npos; at = nl + 1)
    out.emplace_back(s.substr(at, nl - at));
  return out;
}

}  // namespace

EncodedFacts encodeFacts(const DayFacts& f) {
  return {join(f.services) + '\t' + join(f.staff), pod(f.cases), pod(f.steps), pod(f.breaks)};
}

bool decodeFacts(const EncodedFacts& e, DayFacts& out) {
  const auto tab = e.names.find('\t');
  if (tab == std::string::npos) return false;
  out.services = split(std::string_view(e.names).substr(0, tab));
  out.staff = split(std::string_view(e.names).substr(tab + 1));
  if (!unpod(e.cases, out.cases) || !unpod(e.steps, out.steps) || !unpod(e.breaks, out.breaks)) return false;
  const auto nSvc = static_cast<int>(out.services.size()), nStaff = static_cast<int>(out.staff.size());
  for (const auto& c : out.cases)
    if (c.serviceIdx < 0 || c.serviceIdx >= nSvc || c.staffIdx >= nStaff) return false;
  for (const auto& s : out.steps)
    if (s.staffIdx >= nStaff) return false;
  for (const auto& b : out.breaks)
    if (b.staffIdx >= nStaff) return false;
  return true;
}

}  // namespace lpse::report

#include "kiosk/config/queue_config.hpp"

#include <string>

namespace lpse::config {

std::optional<core::Error> parseQueue(const toml::table& root, core::PriorityPolicy& out) {
  const auto* t = root.at_path("queue").as_table();
  if (!t) return std::nullopt;
  auto wrong = [](const std::string& key, const std::string& why) {
    return core::makeError("config_invalid", "Pengaturan '" + key + "' salah: " + why,
                           "Setting '" + key + "' is wrong: " + why, key);
  };
  for (const auto& [k, v] : *t)
    if (k.str() != "priority_policy" && k.str() != "priority_every_n")
      return wrong("queue." + std::string(k.str()), "kunci tidak dikenal / unknown key");
  std::string policy(core::toString(out.kind));
  std::int64_t everyN = out.everyN;
  if (auto n = t->get("priority_policy")) {
    if (!n->is_string()) return wrong("queue.priority_policy", "jenis nilai salah / wrong type");
    policy = n->as_string()->get();
  }
  if (auto n = t->get("priority_every_n")) {
    if (!n->is_integer()) return wrong("queue.priority_every_n", "jenis nilai salah / wrong type");
    everyN = n->as_integer()->get();
  }
  auto p = core::priorityPolicyFrom(policy, everyN);
  if (!p) return p.error();
  out = *p;
  return std::nullopt;
}

}  // namespace lpse::config

// libFuzzer target: config/lpse.toml text. A bad file must be an Error
// naming the key or the line, never a crash or an escaping exception.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kiosk/config/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)lpse::config::parseConfig(text, "<fuzz>");
  // The first line alone as an opening-hours span ("08:00-16:00").
  (void)lpse::config::parseSpan(text.substr(0, text.find('\n')));
  return 0;
}

// libFuzzer target: the push-stream parser. The input is a stream body; the
// parser is fed it whole and again in chunks whose sizes come from the bytes
// themselves, and both must give the same messages (the parser promises
// "whatever the chunking").
#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/client/sse_parser.hpp"

namespace {

using lpse::client::SseMessage;
using lpse::client::SseParser;

std::vector<SseMessage> parse(std::string_view body, std::uint32_t seed) {
  std::vector<SseMessage> out;
  SseParser p([&](const SseMessage& m) { out.push_back(m); });
  if (seed == 0) {
    p.feed(body);
    return out;
  }
  // xorshift: chunk sizes 0..16, so CR/LF pairs land on chunk edges often.
  std::uint32_t s = seed;
  while (!body.empty()) {
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    std::size_t n = std::min<std::size_t>(s % 17, body.size());
    p.feed(body.substr(0, n));
    body.remove_prefix(n);
  }
  return out;
}

bool same(const std::vector<SseMessage>& a, const std::vector<SseMessage>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].id != b[i].id || a[i].event != b[i].event || a[i].data != b[i].data) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  std::uint32_t seed = 0x9e3779b9u;
  for (std::size_t i = 0; i < size && i < 64; ++i) seed = seed * 31 + data[i];
  if (seed == 0) seed = 1;
  const auto whole = parse(body, 0);
  if (!same(whole, parse(body, seed))) __builtin_trap();
  if (!same(whole, parse(body, (seed ^ 0x5bd1e995u) | 1u))) __builtin_trap();
  return 0;
}

// libFuzzer target: request bodies as they reach the server (and answers as
// they reach the front-ends). Any byte string must decode to a value or an
// Error, never a crash or an exception, and whatever decodes must survive a
// round trip: encode, parse, decode again, encode again, same JSON.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kiosk/api/wire.hpp"
#include "kiosk/api/wire_access.hpp"

namespace {

using lpse::api::json;

// Re-encoding `first` (already the encoding of a decoded value) and decoding
// it again must succeed and give the same JSON: the encoder only writes what
// the strict decoder accepts.
template <class Decode, class Encode>
void roundTrip(const json& first, Decode decode, Encode encode) {
  auto reparsed = lpse::api::parseJson(first.dump());
  if (!reparsed) __builtin_trap();
  auto again = decode(*reparsed);
  if (!again) __builtin_trap();
  if (encode(*again) != first) __builtin_trap();
}

json actionJson(const std::pair<lpse::core::Action, lpse::core::ActionInput>& a) {
  json j = lpse::api::toJson(a.second);
  j["action"] = std::string(lpse::core::toString(a.first));
  return j;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace api = lpse::api;
  auto parsed = api::parseJson(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!parsed) return 0;
  const json& j = *parsed;

  if (auto v = api::visitFromJson(j))
    roundTrip(api::toJson(*v), api::visitFromJson, [](const auto& x) { return api::toJson(x); });
  if (auto a = api::actionFromJson(j))
    roundTrip(actionJson(*a), api::actionFromJson, actionJson);
  if (auto c = api::caseFromJson(j))
    roundTrip(api::toJson(*c), api::caseFromJson, [](const auto& x) { return api::toJson(x); });
  if (auto b = api::boardFromJson(j))
    roundTrip(api::toJson(*b), api::boardFromJson, [](const auto& x) { return api::toJson(x); });
  if (auto e = api::streamEventFromJson(j))
    roundTrip(api::toJson(*e), api::streamEventFromJson, [](const auto& x) { return api::toJson(x); });
  if (auto t = api::issuedFromJson(j))
    roundTrip(api::toJson(*t), api::issuedFromJson, [](const auto& x) { return api::toJson(x); });
  if (auto l = api::loginFromJson(j))
    roundTrip(api::toJson(*l), api::loginFromJson, [](const auto& x) { return api::toJson(x); });
  if (auto s = api::sessionFromJson(j))
    roundTrip(api::toJson(*s), api::sessionFromJson, [](const auto& x) { return api::toJson(x); });
  (void)api::newStaffFromJson(j);
  (void)api::newDeviceFromJson(j);
  (void)api::errorFromJson(j);
  return 0;
}

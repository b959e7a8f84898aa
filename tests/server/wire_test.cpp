#include "kiosk/api/wire.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace lpse;
using nlohmann::json;

namespace {
json goodVisit() {
  return {{"service", "reset"}, {"name", "Siti Nur'aini, S.Kom."}, {"role", "ppk"}, {"agency", "Dinas PUPR"},
          {"phone", "081234567890"}, {"consent", true}, {"documents", {"request_form", "sk_penunjukan"}}};
}
}  // namespace

TEST(Wire, VisitRoundTrips) {
  auto v = api::visitFromJson(goodVisit());
  ASSERT_TRUE(v.ok()) << v.error().en;
  EXPECT_EQ(v->name, "Siti Nur'aini, S.Kom.");
  EXPECT_EQ(v->role, core::VisitorRole::Ppk);
  ASSERT_EQ(v->documents.size(), 2u);
  auto again = api::visitFromJson(api::toJson(*v));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(api::toJson(*again), api::toJson(*v));
}

TEST(Wire, BadVisitsNameTheField) {
  struct Case {
    std::function<void(json&)> spoil;
    const char* code;
    const char* field;
  } cases[] = {
      {[](json& j) { j["surprise"] = 1; }, "unknown_field", "surprise"},
      {[](json& j) { j.erase("name"); }, "missing_field", "name"},
      {[](json& j) { j["name"] = 42; }, "wrong_type", "name"},
      {[](json& j) { j["consent"] = "yes"; }, "wrong_type", "consent"},
      {[](json& j) { j["role"] = "king"; }, "bad_value", "role"},
      {[](json& j) { j["documents"] = {"passport"}; }, "bad_value", "documents"},
      {[](json& j) { j["documents"] = "request_form"; }, "wrong_type", "documents"},
      {[](json& j) { j["language"] = "fr"; }, "bad_value", "language"},
  };
  for (auto& c : cases) {
    json j = goodVisit();
    c.spoil(j);
    auto v = api::visitFromJson(j);
    ASSERT_FALSE(v.ok()) << j.dump();
    EXPECT_EQ(v.error().code, c.code) << j.dump();
    EXPECT_EQ(v.error().field, c.field) << j.dump();
  }
  EXPECT_EQ(api::visitFromJson(json::array()).error().code, "not_object");
}

TEST(Wire, HugeNumbersAreRejectedNotWrapped) {
  auto c = api::caseFromJson(json::parse(R"({"id": 18446744073709551615, "state": "waiting"})"));
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().field, "id");
}

TEST(Wire, MalformedJsonIsAValueNotAnException) {
  for (const char* text : {"", "{", "{\"a\":}", "[1,2", "nul", "\"\\uZZZZ\""}) {
    auto j = api::parseJson(text);
    ASSERT_FALSE(j.ok()) << text;
    EXPECT_EQ(j.error().code, "malformed_json");
  }
}

TEST(Wire, ActionBodyDecodes) {
  auto a = api::actionFromJson({{"action", "mark_incomplete"}, {"missing", {"sk_penunjukan"}}});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->first, core::Action::MarkIncomplete);
  ASSERT_EQ(a->second.missing.size(), 1u);
  EXPECT_EQ(a->second.missing[0], core::Document::SkPenunjukan);
  EXPECT_FALSE(api::actionFromJson({{"action", "teleport"}}).ok());
  EXPECT_FALSE(api::actionFromJson(json::object()).ok());
}

TEST(Wire, ErrorsCarryBothLanguages) {
  auto e = core::makeError("x", "pesan", "message", "f");
  auto back = api::errorFromJson(api::toJson(e));
  EXPECT_EQ(back.code, "x");
  EXPECT_EQ(back.field, "f");
  EXPECT_EQ(back.id, "pesan");
  EXPECT_EQ(back.en, "message");
}

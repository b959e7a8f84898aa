// The guest-book vocabulary: role documents (SOP step 1), services, names.
#include "kiosk/core/visit.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace lpse::core {
namespace {

TEST(Visit, RequiredDocumentsPerRole) {
  for (VisitorRole r : kAllVisitorRoles) {
    const auto docs = requiredDocuments(r);
    ASSERT_EQ(docs.size(), 2u) << toString(r);
    EXPECT_EQ(docs[0], Document::RequestForm);
    EXPECT_EQ(docs[1], r == VisitorRole::Auditor ? Document::SuratPerintahPemeriksaan : Document::SkPenunjukan)
        << toString(r);
  }
}

TEST(Visit, MissingDocuments) {
  Visit v;
  v.role = VisitorRole::Ppk;
  EXPECT_EQ(v.missingDocuments(), (std::vector<Document>{Document::RequestForm, Document::SkPenunjukan}));
  v.documents = {Document::SkPenunjukan};
  EXPECT_EQ(v.missingDocuments(), std::vector<Document>{Document::RequestForm});
  v.documents = {Document::SkPenunjukan, Document::RequestForm};
  EXPECT_TRUE(v.missingDocuments().empty());

  // An auditor's SK Penunjukan does not stand in for the audit letter.
  v.role = VisitorRole::Auditor;
  EXPECT_EQ(v.missingDocuments(), std::vector<Document>{Document::SuratPerintahPemeriksaan});
}

TEST(Visit, DefaultServicesHaveDistinctPrefixes) {
  const auto services = defaultServices();
  ASSERT_GE(services.size(), 2u);
  std::set<std::string> codes, prefixes;
  for (const auto& s : services) {
    EXPECT_TRUE(codes.insert(s.code).second);
    EXPECT_TRUE(prefixes.insert(s.prefix).second);
    EXPECT_FALSE(s.nameId.empty());
    EXPECT_FALSE(s.nameEn.empty());
  }
  EXPECT_TRUE(prefixes.contains("R"));
  EXPECT_TRUE(codes.contains("reset"));
}

TEST(Visit, NamesRoundTrip) {
  std::set<std::string_view> names;
  for (VisitorRole r : kAllVisitorRoles) {
    EXPECT_TRUE(names.insert(toString(r)).second);
    EXPECT_EQ(visitorRoleFrom(toString(r)), r);
  }
  for (Document d : {Document::RequestForm, Document::SkPenunjukan, Document::SuratPerintahPemeriksaan}) {
    EXPECT_NE(toString(d), "?");
    EXPECT_EQ(documentFrom(toString(d)), d);
  }
  for (Channel c : {Channel::WalkIn, Channel::Email}) {
    EXPECT_NE(toString(c), "?");
    EXPECT_EQ(channelFrom(toString(c)), c);
  }
  EXPECT_FALSE(visitorRoleFrom("PPK").has_value());
  EXPECT_FALSE(documentFrom("").has_value());
  EXPECT_FALSE(channelFrom("fax").has_value());
}

}  // namespace
}  // namespace lpse::core

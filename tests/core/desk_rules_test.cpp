// The desk's domain lists and rules (core/desk_rules, core/result_slip).
#include "kiosk/core/desk_rules.hpp"

#include <gtest/gtest.h>

#include <set>

#include "kiosk/core/result_slip.hpp"

namespace lpse::core {
namespace {

constexpr CodeList kLists[] = {CodeList::Basis,          CodeList::RejectionReason, CodeList::Outcome,
                               CodeList::OutOfOrderReason, CodeList::TransferReason, CodeList::NoShowReason,
                               CodeList::CancelReason,   CodeList::BreakReason};

TEST(DeskRules, EveryListHasUniqueCodesWithBothLanguages) {
  for (auto l : kLists) {
    std::set<std::string_view> seen;
    ASSERT_FALSE(codes(l).empty()) << toString(l);
    for (const auto& c : codes(l)) {
      EXPECT_TRUE(seen.insert(c.code).second) << c.code;
      EXPECT_FALSE(c.id.empty());
      EXPECT_FALSE(c.en.empty());
      EXPECT_FALSE(checkCode(l, c.code, "f").has_value());
      EXPECT_EQ(codeLabel(l, c.code, "en"), c.en);
    }
    auto bad = checkCode(l, "no_such_code", "reason");
    ASSERT_TRUE(bad.has_value());
    EXPECT_EQ(bad->code, "unknown_code");
    EXPECT_EQ(bad->field, "reason");
  }
  // The SOP's step 9 bases: SPSE data, the registration archive, phone or in person.
  std::set<std::string_view> bases;
  for (const auto& c : codes(CodeList::Basis)) bases.insert(c.code);
  EXPECT_EQ(bases, (std::set<std::string_view>{"spse_data", "registration_archive", "phone_confirmation",
                                               "in_person_confirmation"}));
}

TEST(DeskRules, ChecklistIsTheRolesDocumentsMinusTheTicked) {
  auto c = checklistFor(VisitorRole::Auditor, {Document::SkPenunjukan});  // not an auditor's document
  EXPECT_EQ(c.required, (std::vector<Document>{Document::RequestForm, Document::SuratPerintahPemeriksaan}));
  EXPECT_TRUE(c.ticked.empty());
  EXPECT_EQ(c.missing(), c.required);
  c = checklistFor(VisitorRole::Auditor, {Document::SuratPerintahPemeriksaan, Document::RequestForm});
  EXPECT_TRUE(c.complete());
}

TEST(DeskRules, NoShowOfferAndTicketSearch) {
  EXPECT_FALSE(noShowOffered(1, 2));
  EXPECT_FALSE(noShowOffered(2, 2));
  EXPECT_TRUE(noShowOffered(3, 2));
  EXPECT_TRUE(noShowOffered(1, 0));
  CaseRecord a, b;
  a.ticket = "R-007";
  b.ticket = "U-007";
  for (const char* q : {"R-007", "r7", "R 07", "r-7"}) {
    auto found = searchByTicket({a, b}, q);
    ASSERT_EQ(found.size(), 1u) << q;
    EXPECT_EQ(found[0].ticket, "R-007");
  }
  EXPECT_TRUE(searchByTicket({a, b}, "").empty());
  EXPECT_TRUE(searchByTicket({a, b}, "R-70").empty());
}

TEST(DeskRules, ArchiveReferenceAndNotes) {
  EXPECT_FALSE(checkArchiveReference("ARS/2026/11/0042").has_value());
  EXPECT_EQ(checkArchiveReference("")->code, "reference_required");
  EXPECT_EQ(checkArchiveReference(std::string(41, 'A'))->code, "bad_value");
  EXPECT_EQ(checkArchiveReference("A<script>")->code, "bad_value");
  EXPECT_FALSE(checkNote("").has_value());
  EXPECT_FALSE(checkNote(std::string(kNoteMax, 'x')).has_value());
  EXPECT_EQ(checkNote(std::string(kNoteMax + 1, 'x'))->code, "too_long");
}

TEST(DeskRules, ResultSlipHasTheSopInstructionAndABlankNeverAPassword) {
  WorkingCalendar cal;
  SlipInput in{"LPSE Kota Contoh", "R-001", "Siti", "siti.ppk", "password_reset",
               cal.localMidnight({2026, 11, 23}) + 9 * 3600'000LL + 5 * 60'000};
  std::string all;
  for (const auto& l : resultSlip(in, cal, "id")) all += l + "\n";
  EXPECT_NE(all.find("23 November 2026 pukul 09.05 WIB"), std::string::npos) << all;
  EXPECT_NE(all.find("siti.ppk"), std::string::npos);
  EXPECT_NE(all.find("Segera login"), std::string::npos);
  EXPECT_NE(all.find("wajib mengganti password"), std::string::npos);
  EXPECT_NE(all.find(std::string("Password sementara: ") + kPasswordBlank), std::string::npos);
  in.outcome = "user_id_given";
  all.clear();
  for (const auto& l : resultSlip(in, cal, "en")) all += l + "\n";
  EXPECT_EQ(all.find("Temporary password"), std::string::npos);  // a user-ID lookup has none
  EXPECT_NE(all.find("User ID looked up"), std::string::npos);
  EXPECT_EQ(slipFileName(in, cal), "slip-R-001-20261123-090500.pdf");
  in.ticket = "../E 12";  // never a path
  EXPECT_EQ(slipFileName(in, cal), "slip-___E_12-20261123-090500.pdf");
}

TEST(DeskRules, StepTimerLevels) {
  WorkingCalendar cal;
  const std::int64_t t0 = cal.localMidnight({2026, 11, 23}) + 9 * 3600'000LL;
  CaseRecord c;
  c.state = CaseState::Checking;  // step 5, 5 minutes
  c.stateMs = t0;
  const auto st = TimeStandards::sopDefaults();
  EXPECT_EQ(stepTimer(c, st, cal, t0 + 3 * 60'000)->level, TimerLevel::Ok);
  EXPECT_EQ(stepTimer(c, st, cal, t0 + 4 * 60'000)->level, TimerLevel::Near);
  EXPECT_EQ(stepTimer(c, st, cal, t0 + 5 * 60'000 + 1000)->level, TimerLevel::Over);
  c.state = CaseState::AtAdminQueue;  // step 8 has no standard
  EXPECT_EQ(stepTimer(c, st, cal, t0 + 99 * 60'000)->level, TimerLevel::None);
  c.state = CaseState::Delivered;
  EXPECT_FALSE(stepTimer(c, st, cal, t0).has_value());
  // Friday prayer is not working time.
  const std::int64_t fri1120 = cal.localMidnight({2026, 11, 27}) + (11 * 60 + 20) * 60'000LL;
  c.state = CaseState::Checking;
  c.stateMs = fri1120;
  EXPECT_EQ(stepTimer(c, st, cal, fri1120 + 110 * 60'000)->elapsedS, 20 * 60);  // 11:20-11:30, 13:00-13:10
}

}  // namespace
}  // namespace lpse::core

// Exclusions (contracts.md §1.3, rules EX-01..EX-11): hard stops, and the client rules that sit
// beside them (age, pregnancy). Every intake starts from the clean baseline of IntakeBuilder: an
// adult physician-led session in Utah on 2026-11-20, wrinkles on the cheeks.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/decision_view.h"
#include "support/intake_builder.h"

namespace corium {
namespace {

using testing::DecisionName;
using testing::EffectOf;
using testing::EarliestDateOf;
using testing::FindingFor;
using testing::HasConsent;
using testing::IntakeBuilder;
using testing::StatusOf;
using testing::UntilOf;
using testing::ZoneFor;
using testing::ZonesOf;

const std::vector<std::string> kPrescribers = {"physician", "nurse_practitioner",
                                               "physician_assistant"};

// A non-prescriber who is otherwise in scope: a supervised nurse in Utah.
IntakeBuilder NonPrescriber() { return IntakeBuilder().Practitioner("nurse", "US-UT", true); }

TEST(Exclusions, BaselineIntakeProceedsWithNoFindings) {
  const Decision d = IntakeBuilder().Screen();
  EXPECT_EQ(DecisionName(d), "proceed");
  EXPECT_TRUE(d.findings.empty());
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "ok");
}

// --- Age (EX-01, EX-02) ------------------------------------------------------------------------

TEST(Exclusions, ClientUnder18IsDeclinedAndEveryZoneBlocked) {
  // Turns 18 the day after as_of.
  const Decision d = IntakeBuilder().Set("/client/birth_date", "2008-11-21").Screen();
  EXPECT_EQ(DecisionName(d), "decline");
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-01")), "decline");
  EXPECT_TRUE(ZonesOf(FindingFor(d, "EX-01")).empty());
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "blocked");
}

TEST(Exclusions, EighteenthBirthdayOnAsOfIsNoLongerUnder18ButDrawsTheYoungAdultCaution) {
  const Decision d = IntakeBuilder().Set("/client/birth_date", "2008-11-20").Screen();
  EXPECT_EQ(FindingFor(d, "EX-01"), nullptr);
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-02")), "caution");
  EXPECT_TRUE(HasConsent(d, "CN-04"));
  EXPECT_EQ(DecisionName(d), "proceed_with_caution");
}

TEST(Exclusions, ClientBornOnLeapDayIsStillUnder18OnTheLastDayOfFebruary) {
  const Decision d = IntakeBuilder()
                         .Set("/as_of", "2026-02-28")
                         .Set("/client/birth_date", "2008-02-29")
                         .Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-01")), "decline");
}

TEST(Exclusions, ClientBornOnLeapDayIs18OnTheFirstOfMarch) {
  const Decision d = IntakeBuilder()
                         .Set("/as_of", "2026-03-01")
                         .Set("/client/birth_date", "2008-02-29")
                         .Screen();
  EXPECT_EQ(FindingFor(d, "EX-01"), nullptr);
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-02")), "caution");
}

TEST(Exclusions, ClientAged21IsCautionWithOffLabelConsentItem) {
  // 21 on as_of: the 22nd birthday is the next day.
  const Decision d = IntakeBuilder().Set("/client/birth_date", "2004-11-21").Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-02")), "caution");
  EXPECT_TRUE(HasConsent(d, "CN-04"));
  EXPECT_EQ(DecisionName(d), "proceed_with_caution");
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "ok");
}

TEST(Exclusions, ClientOn22ndBirthdayHasNoAgeFindingAndNoOffLabelConsent) {
  const Decision d = IntakeBuilder().Set("/client/birth_date", "2004-11-20").Screen();
  EXPECT_EQ(FindingFor(d, "EX-01"), nullptr);
  EXPECT_EQ(FindingFor(d, "EX-02"), nullptr);
  EXPECT_FALSE(HasConsent(d, "CN-04"));
  EXPECT_EQ(DecisionName(d), "proceed");
}

// --- Pregnancy and breastfeeding (EX-03) -------------------------------------------------------

TEST(Exclusions, PregnantClientIsDeferredWithNoDate) {
  const Decision d = IntakeBuilder().Set("/client/pregnant", true).Screen();
  EXPECT_EQ(DecisionName(d), "defer");
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-03")), "defer");
  EXPECT_EQ(UntilOf(FindingFor(d, "EX-03")), "null");
  EXPECT_EQ(EarliestDateOf(d), "null");
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "deferred");
}

TEST(Exclusions, BreastfeedingClientIsDeferredWithNoDate) {
  const Decision d = IntakeBuilder().Set("/client/breastfeeding", true).Screen();
  EXPECT_EQ(DecisionName(d), "defer");
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-03")), "defer");
  EXPECT_EQ(UntilOf(FindingFor(d, "EX-03")), "null");
  EXPECT_EQ(EarliestDateOf(d), "null");
}

// --- Skin cancer, suspicious lesion (EX-04) ----------------------------------------------------

TEST(Exclusions, SkinCancerInARequestedZoneIsDeclinedAndBlocksThatZone) {
  const Decision d =
      IntakeBuilder().Add("conditions", {{"code", "skin_cancer"}, {"zones", {"cheeks"}}}).Screen();
  EXPECT_EQ(DecisionName(d), "decline");
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-04")), "decline");
  EXPECT_EQ(ZonesOf(FindingFor(d, "EX-04")), std::vector<std::string>{"cheeks"});
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "blocked");
}

TEST(Exclusions, SkinCancerOutsideTheRequestedZonesIsNoFinding) {
  const Decision d =
      IntakeBuilder().Add("conditions", {{"code", "skin_cancer"}, {"zones", {"back"}}}).Screen();
  EXPECT_EQ(FindingFor(d, "EX-04"), nullptr);
  EXPECT_EQ(DecisionName(d), "proceed");
}

TEST(Exclusions, SuspiciousLesionWithNoZoneAppliesEverywhere) {
  const Decision d = IntakeBuilder()
                         .Request("wrinkles", {"cheeks", "neck"})
                         .Add("conditions", {{"code", "suspicious_lesion"}})
                         .Screen();
  EXPECT_EQ(DecisionName(d), "decline");
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "blocked");
  EXPECT_EQ(StatusOf(ZoneFor(d, "neck")), "blocked");
}

TEST(Exclusions, SuspiciousLesionOnOneRequestedZoneBlocksOnlyThatZone) {
  const Decision d = IntakeBuilder()
                         .Request("wrinkles", {"cheeks", "neck"})
                         .Add("conditions", {{"code", "suspicious_lesion"}, {"zones", {"neck"}}})
                         .Screen();
  EXPECT_EQ(DecisionName(d), "decline");
  EXPECT_EQ(ZonesOf(FindingFor(d, "EX-04")), std::vector<std::string>{"neck"});
  EXPECT_EQ(StatusOf(ZoneFor(d, "neck")), "blocked");
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "ok");
}

// --- Bleeding disorder (EX-05), isotretinoin (EX-06) -------------------------------------------

TEST(Exclusions, BleedingDisorderIsDeclinedEvenForAPhysician) {
  const Decision d = IntakeBuilder().Add("conditions", {{"code", "bleeding_disorder"}}).Screen();
  EXPECT_EQ(DecisionName(d), "decline");
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-05")), "decline");
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "blocked");
}

TEST(Exclusions, CurrentIsotretinoinIsDeclinedAndNotTreatedAsAStoppedCourse) {
  const Decision d = IntakeBuilder().Add("medications", {{"code", "isotretinoin"}}).Screen();
  EXPECT_EQ(DecisionName(d), "decline");
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-06")), "decline");
  EXPECT_EQ(FindingFor(d, "DF-01"), nullptr);
}

TEST(Exclusions, IsotretinoinExplicitlyCurrentIsDeclined) {
  const Decision d = IntakeBuilder()
                         .Add("medications", {{"code", "isotretinoin"}, {"current", true}})
                         .Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-06")), "decline");
}

// --- Metal allergy (EX-07) ---------------------------------------------------------------------

TEST(Exclusions, NickelAllergyWithStainlessSteelNeedlesIsDeclined) {
  const Decision d = IntakeBuilder().Add("allergies", {{"code", "nickel"}}).Screen();
  EXPECT_EQ(DecisionName(d), "decline");
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-07")), "decline");
}

TEST(Exclusions, StainlessSteelAllergyWithUnstatedNeedleMaterialIsDeclined) {
  const Decision d = IntakeBuilder()
                         .Remove("/device/needle_material")
                         .Add("allergies", {{"code", "stainless_steel"}})
                         .Screen();
  EXPECT_EQ(DecisionName(d), "decline");
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-07")), "decline");
}

TEST(Exclusions, NickelAllergyWithUnstatedNeedleMaterialIsDeclined) {
  const Decision d = IntakeBuilder()
                         .Remove("/device/needle_material")
                         .Add("allergies", {{"code", "nickel"}})
                         .Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-07")), "decline");
}

TEST(Exclusions, NickelAllergyWithNoDeviceRecordedIsDeclined) {
  const Decision d =
      IntakeBuilder().Remove("/device").Add("allergies", {{"code", "nickel"}}).Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-07")), "decline");
}

TEST(Exclusions, NickelAllergyWithTitaniumNeedlesIsReferredByANonPrescriber) {
  const Decision d = NonPrescriber()
                         .Set("/device/needle_material", "titanium")
                         .Add("allergies", {{"code", "nickel"}})
                         .Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-07")), "refer");
  EXPECT_EQ(DecisionName(d), "refer");
}

TEST(Exclusions, MetalAllergyWithTitaniumNeedlesIsCautionForEachPrescriber) {
  for (const std::string& role : kPrescribers) {
    SCOPED_TRACE(role);
    for (const char* allergy : {"nickel", "stainless_steel"}) {
      SCOPED_TRACE(allergy);
      const Decision d = IntakeBuilder()
                             .Practitioner(role, "US-UT")
                             .Set("/device/needle_material", "titanium")
                             .Add("allergies", {{"code", allergy}})
                             .Screen();
      EXPECT_EQ(EffectOf(FindingFor(d, "EX-07")), "caution");
      EXPECT_EQ(DecisionName(d), "proceed_with_caution");
    }
  }
}

// --- Keloid tendency (EX-08), scleroderma (EX-09) ----------------------------------------------

TEST(Exclusions, KeloidTendencyIsDeclinedForANonPrescriber) {
  const Decision d = NonPrescriber().Add("conditions", {{"code", "keloid_tendency"}}).Screen();
  EXPECT_EQ(DecisionName(d), "decline");
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-08")), "decline");
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "blocked");
}

TEST(Exclusions, SclerodermaIsDeclinedForANonPrescriber) {
  const Decision d = NonPrescriber().Add("conditions", {{"code", "scleroderma"}}).Screen();
  EXPECT_EQ(DecisionName(d), "decline");
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-09")), "decline");
}

TEST(Exclusions, KeloidTendencyAndSclerodermaAreCautionForEachPrescriber) {
  for (const std::string& role : kPrescribers) {
    SCOPED_TRACE(role);
    const Decision keloid = IntakeBuilder()
                                .Practitioner(role, "US-UT")
                                .Add("conditions", {{"code", "keloid_tendency"}})
                                .Screen();
    EXPECT_EQ(EffectOf(FindingFor(keloid, "EX-08")), "caution");
    EXPECT_EQ(DecisionName(keloid), "proceed_with_caution");
    EXPECT_EQ(StatusOf(ZoneFor(keloid, "cheeks")), "ok");

    const Decision scleroderma = IntakeBuilder()
                                     .Practitioner(role, "US-UT")
                                     .Add("conditions", {{"code", "scleroderma"}})
                                     .Screen();
    EXPECT_EQ(EffectOf(FindingFor(scleroderma, "EX-09")), "caution");
    EXPECT_EQ(DecisionName(scleroderma), "proceed_with_caution");
  }
}

// --- Eyelid (EX-10) ----------------------------------------------------------------------------

TEST(Exclusions, EyelidIsBlockedAndDeclinedWithNoDepth) {
  const Decision d = IntakeBuilder().Request("wrinkles", {"eyelid"}).Screen();
  EXPECT_EQ(DecisionName(d), "decline");
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-10")), "decline");
  const ZonePlan* eyelid = ZoneFor(d, "eyelid");
  ASSERT_NE(eyelid, nullptr);
  EXPECT_EQ(StatusOf(eyelid), "blocked");
  EXPECT_FALSE(eyelid->depth.has_value());
}

TEST(Exclusions, EyelidBlockLeavesTheOtherRequestedZonesOk) {
  const Decision d = IntakeBuilder().Request("wrinkles", {"eyelid", "cheeks"}).Screen();
  EXPECT_EQ(DecisionName(d), "decline");
  EXPECT_EQ(ZonesOf(FindingFor(d, "EX-10")), std::vector<std::string>{"eyelid"});
  EXPECT_EQ(StatusOf(ZoneFor(d, "eyelid")), "blocked");
  const ZonePlan* cheeks = ZoneFor(d, "cheeks");
  EXPECT_EQ(StatusOf(cheeks), "ok");
  ASSERT_NE(cheeks, nullptr);
  EXPECT_TRUE(cheeks->depth.has_value());
}

TEST(Exclusions, EyelidIsBlockedWhateverTheIndicationOrPrescriber) {
  for (const char* indication : {"wrinkles", "acne_scars", "scars"}) {
    SCOPED_TRACE(indication);
    const Decision d = IntakeBuilder().Request(indication, {"eyelid"}).Screen();
    EXPECT_EQ(EffectOf(FindingFor(d, "EX-10")), "decline");
    EXPECT_EQ(StatusOf(ZoneFor(d, "eyelid")), "blocked");
    ASSERT_NE(ZoneFor(d, "eyelid"), nullptr);
    EXPECT_FALSE(ZoneFor(d, "eyelid")->depth.has_value());
  }
}

// --- Uncleared device (EX-11) ------------------------------------------------------------------

TEST(Exclusions, UnclearedDeviceInAUsClinicIsDeclined) {
  const Decision d = IntakeBuilder().Set("/device/cleared", false).Screen();
  EXPECT_EQ(DecisionName(d), "decline");
  EXPECT_EQ(EffectOf(FindingFor(d, "EX-11")), "decline");
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "blocked");
}

TEST(Exclusions, UnclearedDeviceInEnglandIsNotAnExclusion) {
  const Decision d = IntakeBuilder()
                         .Practitioner("physician", "GB-ENG")
                         .Set("/device/cleared", false)
                         .Screen();
  EXPECT_EQ(FindingFor(d, "EX-11"), nullptr);
  EXPECT_EQ(DecisionName(d), "proceed");
}

TEST(Exclusions, UnclearedDeviceAtHomeIsNotTheClinicExclusion) {
  const Decision d = IntakeBuilder()
                         .Set("/setting", "home")
                         .Remove("/practitioner")
                         .Set("/device", {{"kind", "roller"}, {"cleared", false},
                                          {"max_depth_mm", 0.25},
                                          {"needle_material", "titanium"}})
                         .Screen();
  EXPECT_EQ(FindingFor(d, "EX-11"), nullptr);
  EXPECT_NE(DecisionName(d), "decline");
}

TEST(Exclusions, UnclearedDeviceInAUsHomeWithAUsJurisdictionIsStillNotTheClinicExclusion) {
  const Decision d = IntakeBuilder()
                         .Set("/setting", "home")
                         .Set("/practitioner", {{"role", "home_user"}, {"jurisdiction", "US-UT"}})
                         .Set("/device", {{"kind", "pen"}, {"cleared", false},
                                          {"max_depth_mm", 0.25}})
                         .Screen();
  EXPECT_EQ(FindingFor(d, "EX-11"), nullptr);
}

}  // namespace
}  // namespace corium

// Deferrals (contracts.md §1.3, rules DF-01..DF-13 and the dated/undated semantics of §1.2):
// exact `until` dates, the end of a wait on as_of, zoned triggers, and earliest_date. The baseline
// is screened on 2026-11-20 by a physician in Utah, wrinkles on the cheeks.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/decision_view.h"
#include "support/intake_builder.h"

namespace corium {
namespace {

using nlohmann::json;
using testing::DecisionName;
using testing::EarliestDateOf;
using testing::EffectOf;
using testing::FindingFor;
using testing::IntakeBuilder;
using testing::StatusOf;
using testing::UntilOf;
using testing::ZoneFor;
using testing::ZonesOf;

json Stopped(const std::string& code, const std::string& last_dose) {
  return {{"code", code}, {"current", false}, {"last_dose", last_dose}};
}

json Procedure(const std::string& code, const std::string& date,
               const std::vector<std::string>& zones = {"cheeks"}) {
  return {{"code", code}, {"date", date}, {"zones", zones}};
}

json Resolved(const std::string& code, const std::string& resolved) {
  return {{"code", code}, {"resolved", resolved}};
}

// --- Isotretinoin stopped (DF-01) --------------------------------------------------------------

TEST(Deferrals, IsotretinoinStoppedDefersToSixMonthsAfterLastDose) {
  const Decision d =
      IntakeBuilder().Add("medications", Stopped("isotretinoin", "2026-08-01")).Screen();
  EXPECT_EQ(DecisionName(d), "defer");
  EXPECT_EQ(EffectOf(FindingFor(d, "DF-01")), "defer");
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-01")), "2027-02-01");
  EXPECT_EQ(EarliestDateOf(d), "2027-02-01");
  EXPECT_EQ(FindingFor(d, "EX-06"), nullptr);
}

TEST(Deferrals, IsotretinoinStoppedDefersToSixMonthsAfterLastDoseClampedToMonthEnd) {
  const Decision d =
      IntakeBuilder().Add("medications", Stopped("isotretinoin", "2026-08-31")).Screen();
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-01")), "2027-02-28");
  EXPECT_EQ(EarliestDateOf(d), "2027-02-28");
}

TEST(Deferrals, IsotretinoinWaitEndingExactlyOnAsOfGivesNoFinding) {
  // 2026-05-20 + 6 months = 2026-11-20 = as_of: the wait is over.
  const Decision d =
      IntakeBuilder().Add("medications", Stopped("isotretinoin", "2026-05-20")).Screen();
  EXPECT_EQ(FindingFor(d, "DF-01"), nullptr);
  EXPECT_EQ(DecisionName(d), "proceed");
  EXPECT_EQ(EarliestDateOf(d), "null");
}

TEST(Deferrals, IsotretinoinWaitEndingTheDayAfterAsOfStillDefers) {
  const Decision d =
      IntakeBuilder().Add("medications", Stopped("isotretinoin", "2026-05-21")).Screen();
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-01")), "2026-11-21");
}

TEST(Deferrals, IsotretinoinStoppedWithNoRecordedLastDoseDefersWithNoDate) {
  const Decision d = IntakeBuilder()
                         .Add("medications", {{"code", "isotretinoin"}, {"current", false}})
                         .Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "DF-01")), "defer");
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-01")), "null");
}

// --- Herpes simplex (DF-02), sunburn and tanning (DF-06) ---------------------------------------

TEST(Deferrals, ActiveHsvDefersWithNoDate) {
  const Decision d = IntakeBuilder().Add("conditions", {{"code", "hsv_active"}}).Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "DF-02")), "defer");
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-02")), "null");
  EXPECT_EQ(EarliestDateOf(d), "null");
}

TEST(Deferrals, ResolvedHsvDefersToSevenDaysAfterResolution) {
  const Decision d =
      IntakeBuilder().Add("conditions", Resolved("hsv_active", "2026-11-15")).Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "DF-02")), "defer");
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-02")), "2026-11-22");
  EXPECT_EQ(EarliestDateOf(d), "2026-11-22");
}

TEST(Deferrals, ResolvedHsvWhoseWaitEndsOnAsOfGivesNoFinding) {
  const Decision d =
      IntakeBuilder().Add("conditions", Resolved("hsv_active", "2026-11-13")).Screen();
  EXPECT_EQ(FindingFor(d, "DF-02"), nullptr);
  EXPECT_EQ(DecisionName(d), "proceed");
}

TEST(Deferrals, SunburnPresentDefersWithNoDate) {
  const Decision d = IntakeBuilder().Add("conditions", {{"code", "sunburn"}}).Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "DF-06")), "defer");
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-06")), "null");
}

TEST(Deferrals, ResolvedSunburnDefersToFourteenDaysAfterResolution) {
  const Decision d = IntakeBuilder().Add("conditions", Resolved("sunburn", "2026-11-10")).Screen();
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-06")), "2026-11-24");
  EXPECT_EQ(EarliestDateOf(d), "2026-11-24");
}

TEST(Deferrals, ResolvedSunburnWhoseWaitEndsOnAsOfGivesNoFinding) {
  const Decision d = IntakeBuilder().Add("conditions", Resolved("sunburn", "2026-11-06")).Screen();
  EXPECT_EQ(FindingFor(d, "DF-06"), nullptr);
}

TEST(Deferrals, TanningInTheZoneDefersFourteenDays) {
  const Decision d = IntakeBuilder().Add("procedures", Procedure("tanning", "2026-11-15")).Screen();
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-06")), "2026-11-29");
}

// --- Topicals (DF-07) --------------------------------------------------------------------------

TEST(Deferrals, CurrentTopicalRetinoidDefersToSevenDaysAfterAsOf) {
  const Decision d = IntakeBuilder().Add("medications", {{"code", "topical_retinoid"}}).Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "DF-07")), "defer");
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-07")), "2026-11-27");
  EXPECT_EQ(EarliestDateOf(d), "2026-11-27");
}

TEST(Deferrals, EveryExfoliatingTopicalDefersSevenDaysWhileCurrent) {
  for (const char* code : {"topical_retinoid", "aha_bha", "benzoyl_peroxide", "hydroquinone"}) {
    SCOPED_TRACE(code);
    const Decision d = IntakeBuilder()
                           .Add("medications", {{"code", code}, {"current", true}})
                           .Screen();
    EXPECT_EQ(UntilOf(FindingFor(d, "DF-07")), "2026-11-27");
  }
}

TEST(Deferrals, CurrentTopicalWaitsFromAsOfEvenWithAnEarlierLastDoseRecorded) {
  const Decision d = IntakeBuilder()
                         .Add("medications", {{"code", "hydroquinone"}, {"current", true},
                                              {"last_dose", "2026-11-01"}})
                         .Screen();
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-07")), "2026-11-27");
}

TEST(Deferrals, StoppedTopicalRetinoidDefersToSevenDaysAfterLastUse) {
  const Decision d =
      IntakeBuilder().Add("medications", Stopped("topical_retinoid", "2026-11-18")).Screen();
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-07")), "2026-11-25");
}

TEST(Deferrals, TopicalRetinoidStoppedSevenDaysBeforeAsOfGivesNoFinding) {
  const Decision d =
      IntakeBuilder().Add("medications", Stopped("aha_bha", "2026-11-13")).Screen();
  EXPECT_EQ(FindingFor(d, "DF-07"), nullptr);
  EXPECT_EQ(DecisionName(d), "proceed");
}

// --- Procedures in the zone (DF-08..DF-11) -----------------------------------------------------

TEST(Deferrals, WaxingInTheRequestedZoneDefersFourteenDaysAndDefersThatZone) {
  const Decision d = IntakeBuilder().Add("procedures", Procedure("waxing", "2026-11-10")).Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "DF-08")), "defer");
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-08")), "2026-11-24");
  EXPECT_EQ(ZonesOf(FindingFor(d, "DF-08")), std::vector<std::string>{"cheeks"});
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "deferred");
}

TEST(Deferrals, WaxingOutsideTheRequestedZonesGivesNoFinding) {
  const Decision d = IntakeBuilder()
                         .Add("procedures", Procedure("waxing", "2026-11-10", {"perioral"}))
                         .Screen();
  EXPECT_EQ(FindingFor(d, "DF-08"), nullptr);
  EXPECT_EQ(DecisionName(d), "proceed");
}

TEST(Deferrals, WaxingInOneOfTwoRequestedZonesDefersOnlyThatZone) {
  const Decision d = IntakeBuilder()
                         .Request("wrinkles", {"cheeks", "perioral"})
                         .Add("procedures", Procedure("waxing", "2026-11-10", {"perioral"}))
                         .Screen();
  EXPECT_EQ(DecisionName(d), "defer");
  EXPECT_EQ(ZonesOf(FindingFor(d, "DF-08")), std::vector<std::string>{"perioral"});
  EXPECT_EQ(StatusOf(ZoneFor(d, "perioral")), "deferred");
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "ok");
}

TEST(Deferrals, UnzonedProcedureCountsInEveryZone) {
  const Decision d = IntakeBuilder()
                         .Request("wrinkles", {"cheeks", "neck"})
                         .Add("procedures", {{"code", "superficial_peel"}, {"date", "2026-11-10"}})
                         .Screen();
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-08")), "2026-11-24");
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "deferred");
  EXPECT_EQ(StatusOf(ZoneFor(d, "neck")), "deferred");
}

TEST(Deferrals, HairRemovalAndSuperficialResurfacingDeferFourteenDays) {
  for (const char* code : {"waxing", "threading", "depilatory", "laser_hair_removal",
                           "superficial_peel", "microdermabrasion", "dermaplaning"}) {
    SCOPED_TRACE(code);
    const Decision d = IntakeBuilder().Add("procedures", Procedure(code, "2026-11-12")).Screen();
    EXPECT_EQ(UntilOf(FindingFor(d, "DF-08")), "2026-11-26");
    EXPECT_EQ(DecisionName(d), "defer");
  }
}

TEST(Deferrals, WaxingFourteenDaysBeforeAsOfGivesNoFinding) {
  const Decision d = IntakeBuilder().Add("procedures", Procedure("waxing", "2026-11-06")).Screen();
  EXPECT_EQ(FindingFor(d, "DF-08"), nullptr);
}

TEST(Deferrals, MediumOrDeepResurfacingDefersTwentyEightDays) {
  for (const char* code : {"medium_deep_peel", "laser_resurfacing", "dermabrasion"}) {
    SCOPED_TRACE(code);
    const Decision d = IntakeBuilder().Add("procedures", Procedure(code, "2026-11-01")).Screen();
    EXPECT_EQ(UntilOf(FindingFor(d, "DF-09")), "2026-11-29");
  }
}

TEST(Deferrals, AblativeLaserDefersNinetyDays) {
  const Decision d =
      IntakeBuilder().Add("procedures", Procedure("ablative_laser", "2026-10-01")).Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "DF-09")), "defer");
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-09")), "2026-12-30");
  EXPECT_EQ(EarliestDateOf(d), "2026-12-30");
}

TEST(Deferrals, AblativeLaserNinetyDaysBeforeAsOfGivesNoFinding) {
  // 2026-08-22 + 90 days = 2026-11-20.
  const Decision d =
      IntakeBuilder().Add("procedures", Procedure("ablative_laser", "2026-08-22")).Screen();
  EXPECT_EQ(FindingFor(d, "DF-09"), nullptr);
}

TEST(Deferrals, HyaluronicFillerDefersTwentyEightDays) {
  const Decision d =
      IntakeBuilder().Add("procedures", Procedure("ha_filler", "2026-11-01")).Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "DF-10")), "defer");
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-10")), "2026-11-29");
}

TEST(Deferrals, NeurotoxinDefersFourteenDays) {
  const Decision d =
      IntakeBuilder().Add("procedures", Procedure("neurotoxin", "2026-11-10")).Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "DF-10")), "defer");
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-10")), "2026-11-24");
}

TEST(Deferrals, NonHyaluronicFillerOrThreadsNeedClearanceWhateverTheDate) {
  for (const char* code : {"non_ha_filler", "threads"}) {
    SCOPED_TRACE(code);
    const Decision nurse = IntakeBuilder()
                               .Practitioner("nurse", "US-UT", true)
                               .Add("procedures", Procedure(code, "2019-03-01"))
                               .Screen();
    EXPECT_EQ(EffectOf(FindingFor(nurse, "DF-10")), "refer");
    EXPECT_EQ(DecisionName(nurse), "refer");

    const Decision physician =
        IntakeBuilder().Add("procedures", Procedure(code, "2019-03-01")).Screen();
    EXPECT_EQ(EffectOf(FindingFor(physician, "DF-10")), "caution");
    EXPECT_EQ(DecisionName(physician), "proceed_with_caution");
  }
}

TEST(Deferrals, MicroneedlingAtHalfMillimetreDefersFourteenDays) {
  const Decision d = IntakeBuilder()
                         .Add("procedures", {{"code", "microneedling"}, {"date", "2026-11-10"},
                                             {"zones", {"cheeks"}}, {"depth_mm", 0.5}})
                         .Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "DF-11")), "defer");
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-11")), "2026-11-24");
}

TEST(Deferrals, MicroneedlingDeeperThanHalfMillimetreDefersTwentyEightDays) {
  const Decision d = IntakeBuilder()
                         .Add("procedures", {{"code", "microneedling"}, {"date", "2026-11-01"},
                                             {"zones", {"cheeks"}}, {"depth_mm", 0.75}})
                         .Screen();
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-11")), "2026-11-29");
}

TEST(Deferrals, MicroneedlingOfUnknownDepthDefersTwentyEightDays) {
  const Decision d = IntakeBuilder()
                         .Add("procedures", Procedure("microneedling", "2026-11-01"))
                         .Screen();
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-11")), "2026-11-29");
}

TEST(Deferrals, ShallowMicroneedlingWhoseFourteenDaysHavePassedGivesNoFinding) {
  // Same date as the 0.75 mm case above: only the deeper session still waits.
  const Decision d = IntakeBuilder()
                         .Add("procedures", {{"code", "microneedling"}, {"date", "2026-11-01"},
                                             {"zones", {"cheeks"}}, {"depth_mm", 0.5}})
                         .Screen();
  EXPECT_EQ(FindingFor(d, "DF-11"), nullptr);
  EXPECT_EQ(DecisionName(d), "proceed");
}

TEST(Deferrals, MicroneedlingOfAnotherZoneGivesNoFinding) {
  const Decision d = IntakeBuilder()
                         .Add("procedures", Procedure("microneedling", "2026-11-15", {"neck"}))
                         .Screen();
  EXPECT_EQ(FindingFor(d, "DF-11"), nullptr);
}

// --- Earliest date -----------------------------------------------------------------------------

TEST(Deferrals, EarliestDateIsTheLatestUntilAmongDatedDeferrals) {
  const Decision d = IntakeBuilder()
                         .Add("procedures", Procedure("neurotoxin", "2026-11-10"))  // 11-24
                         .Add("procedures", Procedure("ha_filler", "2026-11-01"))   // 11-29
                         .Add("medications", {{"code", "topical_retinoid"}})        // 11-27
                         .Screen();
  EXPECT_EQ(DecisionName(d), "defer");
  EXPECT_EQ(EarliestDateOf(d), "2026-11-29");
}

TEST(Deferrals, EarliestDateIgnoresAnUndatedDeferralBesideADatedOne) {
  const Decision d = IntakeBuilder()
                         .Add("conditions", {{"code", "active_acne"}, {"zones", {"cheeks"}}})
                         .Add("procedures", Procedure("neurotoxin", "2026-11-10"))
                         .Screen();
  EXPECT_EQ(DecisionName(d), "defer");
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-03")), "null");
  EXPECT_EQ(EarliestDateOf(d), "2026-11-24");
}

TEST(Deferrals, OnlyUndatedDeferralsGiveANullEarliestDate) {
  const Decision d = IntakeBuilder().Add("conditions", {{"code", "active_acne"}}).Screen();
  EXPECT_EQ(DecisionName(d), "defer");
  EXPECT_EQ(EarliestDateOf(d), "null");
}

TEST(Deferrals, NoDeferralGivesANullEarliestDate) {
  EXPECT_EQ(EarliestDateOf(IntakeBuilder().Screen()), "null");
}

// --- Undated condition deferrals ---------------------------------------------------------------

TEST(Deferrals, PresentSkinConditionsDeferWithNoDate) {
  for (const char* code : {"active_acne", "skin_infection", "open_wound", "dermatitis_active",
                           "acute_illness", "chemotherapy", "hsv_active", "sunburn"}) {
    SCOPED_TRACE(code);
    const Decision d = IntakeBuilder().Add("conditions", {{"code", code}}).Screen();
    EXPECT_EQ(DecisionName(d), "defer");
    EXPECT_EQ(EarliestDateOf(d), "null");
    EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "deferred");
  }
}

TEST(Deferrals, ActiveAcneInAnotherZoneGivesNoFinding) {
  const Decision d = IntakeBuilder()
                         .Add("conditions", {{"code", "active_acne"}, {"zones", {"back"}}})
                         .Screen();
  EXPECT_EQ(FindingFor(d, "DF-03"), nullptr);
  EXPECT_EQ(DecisionName(d), "proceed");
}

TEST(Deferrals, AcuteIllnessDefersWithNoDate) {
  const Decision d = IntakeBuilder().Add("conditions", {{"code", "acute_illness"}}).Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "DF-13")), "defer");
  EXPECT_EQ(UntilOf(FindingFor(d, "DF-13")), "null");
}

TEST(Deferrals, UncontrolledDiabetesDefersWithNoDate) {
  const Decision d = IntakeBuilder()
                         .Add("conditions", {{"code", "diabetes"}, {"controlled", false}})
                         .Screen();
  EXPECT_EQ(DecisionName(d), "defer");
  EXPECT_EQ(EffectOf(FindingFor(d, "PC-02")), "defer");
  EXPECT_EQ(UntilOf(FindingFor(d, "PC-02")), "null");
}

TEST(Deferrals, ControlledDiabetesNeedsClearanceNotDeferral) {
  const Decision nurse = IntakeBuilder()
                             .Practitioner("nurse", "US-UT", true)
                             .Add("conditions", {{"code", "diabetes"}, {"controlled", true}})
                             .Screen();
  EXPECT_EQ(EffectOf(FindingFor(nurse, "PC-02")), "refer");
  EXPECT_EQ(DecisionName(nurse), "refer");

  const Decision physician = IntakeBuilder()
                                 .Add("conditions", {{"code", "diabetes"}, {"controlled", true}})
                                 .Screen();
  EXPECT_EQ(EffectOf(FindingFor(physician, "PC-02")), "caution");
  EXPECT_EQ(DecisionName(physician), "proceed_with_caution");
}

TEST(Deferrals, DiabetesWithUnknownControlIsTreatedAsControlled) {
  const Decision nurse = IntakeBuilder()
                             .Practitioner("nurse", "US-UT", true)
                             .Add("conditions", {{"code", "diabetes"}})
                             .Screen();
  EXPECT_EQ(EffectOf(FindingFor(nurse, "PC-02")), "refer");
  EXPECT_EQ(StatusOf(ZoneFor(nurse, "cheeks")), "ok");

  const Decision physician = IntakeBuilder().Add("conditions", {{"code", "diabetes"}}).Screen();
  EXPECT_EQ(EffectOf(FindingFor(physician, "PC-02")), "caution");
}

}  // namespace
}  // namespace corium

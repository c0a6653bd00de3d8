// Home use (contracts.md §1.3 "Home", rules HM-01, HM-03, DP-12, DP-13): the 0.25 mm setting cap,
// the device-length thresholds, RF pens, rollers, and the pause after a clinic session.
#include <gtest/gtest.h>

#include <string>

#include "support/decision_view.h"
#include "support/intake_builder.h"

namespace corium {
namespace {

using nlohmann::json;
using testing::DecisionName;
using testing::EarliestDateOf;
using testing::EffectOf;
using testing::EndpointOf;
using testing::FindingFor;
using testing::IntakeBuilder;
using testing::LimitedByOf;
using testing::MaxUm;
using testing::MinUm;
using testing::StatusOf;
using testing::UntilOf;
using testing::ZoneFor;

// The baseline moved home: no practitioner, a 0.25 mm roller of titanium.
IntakeBuilder Home(double max_depth_mm = 0.25, const std::string& kind = "roller") {
  IntakeBuilder b;
  b.Set("/setting", "home")
      .Remove("/practitioner")
      .Set("/device", {{"kind", kind}, {"cleared", true}, {"max_depth_mm", max_depth_mm},
                       {"needle_material", "titanium"}});
  return b;
}

TEST(Home, PractitionerMayBeLeftOutAtHome) {
  const Decision d = Home().Screen();
  EXPECT_FALSE(d.zones.empty());
  EXPECT_NE(DecisionName(d), "refer");
}

TEST(Home, ExplicitHomeUserIsAcceptedAtHome) {
  const Decision d = Home().Set("/practitioner", {{"role", "home_user"}}).Screen();
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "ok");
}

TEST(Home, EveryZoneIsCappedAtAQuarterMillimetreLimitedBySetting) {
  const Decision d = Home(0.25, "pen")
                         .Set("/device/max_depth_mm", 0.25)
                         .Request("acne_scars", {"forehead", "cheeks", "neck", "abdomen"})
                         .Screen();
  ASSERT_EQ(d.zones.size(), 4u);
  for (const ZonePlan& z : d.zones) {
    SCOPED_TRACE(z.zone.str());
    EXPECT_EQ(MaxUm(&z), 250);
    EXPECT_EQ(LimitedByOf(&z), "setting");
  }
}

TEST(Home, HomeCapBindsEvenWithNoDeviceRecorded) {
  const Decision d = Home().Remove("/device").Screen();
  EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks")), 250);
  EXPECT_EQ(LimitedByOf(ZoneFor(d, "cheeks")), "setting");
}

TEST(Home, MinimumIsLoweredToTheHomeCap) {
  // Abdomen typical 1.0–1.5 mm.
  const Decision d = Home().Request("stretch_marks", {"abdomen"}).Screen();
  EXPECT_EQ(MinUm(ZoneFor(d, "abdomen")), 250);
  EXPECT_EQ(MaxUm(ZoneFor(d, "abdomen")), 250);
}

TEST(Home, EndpointAtHomeIsErythema) {
  const Decision d = Home().Screen();
  EXPECT_EQ(EndpointOf(ZoneFor(d, "cheeks")), "erythema");
}

TEST(Home, QuarterMillimetrePenProceeds) {
  const Decision d = Home(0.25, "pen").Screen();
  EXPECT_EQ(DecisionName(d), "proceed");
  EXPECT_EQ(FindingFor(d, "HM-01"), nullptr);
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "ok");
}

TEST(Home, DeviceOfHalfMillimetreOrMoreIsDeclined) {
  for (const double mm : {0.5, 1.0, 2.5}) {
    SCOPED_TRACE(mm);
    const Decision d = Home(mm, "pen").Screen();
    EXPECT_EQ(DecisionName(d), "decline");
    EXPECT_EQ(EffectOf(FindingFor(d, "HM-01")), "decline");
    EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "blocked");
  }
}

TEST(Home, DeviceFromPointThreeToPointFourNineIsCaution) {
  for (const double mm : {0.3, 0.4, 0.49}) {
    SCOPED_TRACE(mm);
    const Decision d = Home(mm, "pen").Screen();
    EXPECT_EQ(DecisionName(d), "proceed_with_caution");
    EXPECT_EQ(EffectOf(FindingFor(d, "HM-01")), "caution");
    // The setting cap still binds.
    EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks")), 250);
    EXPECT_EQ(LimitedByOf(ZoneFor(d, "cheeks")), "setting");
  }
}

TEST(Home, DeviceJustBelowPointThreeIsNoFinding) {
  const Decision d = Home(0.29, "pen").Screen();
  EXPECT_EQ(FindingFor(d, "HM-01"), nullptr);
  EXPECT_EQ(DecisionName(d), "proceed");
}

TEST(Home, RfPenAtHomeIsDeclined) {
  const Decision d = Home(0.25, "rf_pen").Screen();
  EXPECT_EQ(DecisionName(d), "decline");
  EXPECT_EQ(EffectOf(FindingFor(d, "DP-13")), "decline");
}

TEST(Home, RfPenInAClinicNeedsClearance) {
  const Decision physician = IntakeBuilder().Set("/device/kind", "rf_pen").Screen();
  EXPECT_EQ(EffectOf(FindingFor(physician, "DP-13")), "caution");
  EXPECT_EQ(DecisionName(physician), "proceed_with_caution");

  const Decision nurse = IntakeBuilder()
                             .Practitioner("nurse", "US-UT", true)
                             .Set("/device/kind", "rf_pen")
                             .Screen();
  EXPECT_EQ(EffectOf(FindingFor(nurse, "DP-13")), "refer");
  EXPECT_EQ(DecisionName(nurse), "refer");
}

TEST(Home, RollerGivesAnInfoFindingAndStillProceeds) {
  const Decision d = Home(0.25, "roller").Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "DP-12")), "info");
  EXPECT_EQ(DecisionName(d), "proceed");
}

TEST(Home, RollerInAClinicGivesTheSameInfoFinding) {
  const Decision d = IntakeBuilder().Set("/device/kind", "roller").Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "DP-12")), "info");
  EXPECT_EQ(DecisionName(d), "proceed");
}

TEST(Home, ClinicMicroneedlingTenDaysAgoDefersHomeRollingToFourteenDaysAfterIt) {
  const Decision d = Home()
                         .Add("procedures", {{"code", "microneedling"}, {"date", "2026-11-10"},
                                             {"zones", {"cheeks"}}, {"depth_mm", 1.0}})
                         .Screen();
  EXPECT_EQ(DecisionName(d), "defer");
  EXPECT_EQ(EffectOf(FindingFor(d, "HM-03")), "defer");
  EXPECT_EQ(UntilOf(FindingFor(d, "HM-03")), "2026-11-24");
  EXPECT_EQ(EarliestDateOf(d), "2026-11-24");
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "deferred");
}

TEST(Home, ClinicMicroneedlingOfAnyZoneDefersHomeRolling) {
  const Decision d = Home()
                         .Add("procedures", {{"code", "microneedling"}, {"date", "2026-11-10"},
                                             {"zones", {"back"}}, {"depth_mm", 1.5}})
                         .Screen();
  EXPECT_EQ(UntilOf(FindingFor(d, "HM-03")), "2026-11-24");
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "deferred");
}

TEST(Home, ClinicMicroneedlingFourteenDaysAgoNoLongerDefers) {
  const Decision d = Home()
                         .Add("procedures", {{"code", "microneedling"}, {"date", "2026-11-06"},
                                             {"zones", {"cheeks"}}})
                         .Screen();
  EXPECT_EQ(FindingFor(d, "HM-03"), nullptr);
  EXPECT_EQ(DecisionName(d), "proceed");
}

TEST(Home, HomeUsesTheHomePauseNotTheClinicSessionInterval) {
  // A deep session 20 days ago: the clinic would wait 28 days (DF-11), home only 14 (HM-03).
  const Decision d = Home()
                         .Add("procedures", {{"code", "microneedling"}, {"date", "2026-10-31"},
                                             {"zones", {"cheeks"}}, {"depth_mm", 1.5}})
                         .Screen();
  EXPECT_EQ(FindingFor(d, "DF-11"), nullptr);
  EXPECT_EQ(FindingFor(d, "HM-03"), nullptr);
}

TEST(Home, ClinicScreeningDoesNotUseTheHomeRules) {
  const Decision d = IntakeBuilder().Set("/device/max_depth_mm", 0.5).Screen();
  EXPECT_EQ(FindingFor(d, "HM-01"), nullptr);
  EXPECT_NE(LimitedByOf(ZoneFor(d, "cheeks")), "setting");
}

}  // namespace
}  // namespace corium

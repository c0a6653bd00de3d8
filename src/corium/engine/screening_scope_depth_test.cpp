// Scope of practice and depth planning (contracts.md §1.2 zones, §1.3 "Zones and depth", "Scope of
// practice", "Device", "Endpoint"): the scope table row by row, every zone's cap, indication and
// device caps, which cap names `limited_by`, depth_mm.min, the endpoint, zone status precedence
// and the order of zone entries.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/decision_view.h"
#include "support/intake_builder.h"
#include "support/test_kb.h"

namespace corium {
namespace {

using testing::DecisionName;
using testing::EffectOf;
using testing::EndpointOf;
using testing::FindingFor;
using testing::IntakeBuilder;
using testing::LimitedByOf;
using testing::MaxUm;
using testing::MinUm;
using testing::StatusOf;
using testing::ZoneFor;
using testing::ZoneOrder;

const std::vector<std::string> kPrescribers = {"physician", "nurse_practitioner",
                                               "physician_assistant"};
const std::vector<std::string> kEstheticRoles = {"esthetician", "cosmetologist",
                                                 "master_esthetician"};

int Um(double mm) { return static_cast<int>(mm * 1000.0 + 0.5); }

// Every requested zone is out of scope, with no depth, bound by scope; the decision is refer.
void ExpectOutOfScope(const Decision& d) {
  EXPECT_EQ(DecisionName(d), "refer");
  bool refer_finding = false;
  for (const Finding& f : d.findings) refer_finding = refer_finding || f.effect == Effect::kRefer;
  EXPECT_TRUE(refer_finding);
  ASSERT_FALSE(d.zones.empty());
  for (const ZonePlan& z : d.zones) {
    SCOPED_TRACE(z.zone.str());
    EXPECT_EQ(StatusOf(&z), "out_of_scope");
    EXPECT_FALSE(z.depth.has_value());
    EXPECT_EQ(LimitedByOf(&z), "scope");
  }
}

// The practitioner may needle: no scope finding, every zone ok with a depth.
void ExpectInScope(const Decision& d) {
  EXPECT_EQ(DecisionName(d), "proceed");
  ASSERT_FALSE(d.zones.empty());
  for (const ZonePlan& z : d.zones) {
    SCOPED_TRACE(z.zone.str());
    EXPECT_EQ(StatusOf(&z), "ok");
    EXPECT_TRUE(z.depth.has_value());
  }
}

Decision ScreenAs(const std::string& role, const std::string& jurisdiction, bool supervised,
                  const std::string& indication = "wrinkles",
                  const std::vector<std::string>& zones = {"cheeks", "forehead"}) {
  return IntakeBuilder()
      .Practitioner(role, jurisdiction, supervised)
      .Request(indication, zones)
      .Screen();
}

// --- Scope table -------------------------------------------------------------------------------

// US-CA, US-TX, US-OH, US-FL and the unknown row (an unlisted state, another country, no
// jurisdiction at all) share one shape.
const std::vector<std::string> kMedicalOnlyJurisdictions = {"US-CA", "US-TX", "US-OH",
                                                            "US-FL", "US-WA", "FR"};

TEST(Scope, EstheticRolesAreNotPermittedInMedicalOnlyJurisdictions) {
  for (const std::string& j : kMedicalOnlyJurisdictions) {
    for (const std::string& role : kEstheticRoles) {
      for (const bool supervised : {false, true}) {
        SCOPED_TRACE(role + " in " + j + (supervised ? " supervised" : " unsupervised"));
        ExpectOutOfScope(ScreenAs(role, j, supervised));
      }
    }
  }
}

TEST(Scope, EstheticRolesWithNoJurisdictionUseTheUnknownRow) {
  for (const std::string& role : kEstheticRoles) {
    SCOPED_TRACE(role);
    ExpectOutOfScope(IntakeBuilder()
                         .Set("/practitioner", {{"role", role}, {"supervised", true}})
                         .Screen());
  }
}

TEST(Scope, NurseNeedsSupervisionInMedicalOnlyJurisdictions) {
  for (const std::string& j : kMedicalOnlyJurisdictions) {
    SCOPED_TRACE(j);
    ExpectOutOfScope(ScreenAs("nurse", j, false));
    ExpectInScope(ScreenAs("nurse", j, true));
  }
}

TEST(Scope, PrescribersArePermittedEverywhereWithoutSupervision) {
  const std::vector<std::string> jurisdictions = {"US-CA", "US-TX", "US-OH", "US-FL", "US-UT",
                                                  "US-NC", "US-AZ", "GB-ENG", "US-WA", "FR"};
  for (const std::string& j : jurisdictions) {
    for (const std::string& role : kPrescribers) {
      SCOPED_TRACE(role + " in " + j);
      ExpectInScope(ScreenAs(role, j, false));
    }
  }
}

TEST(Scope, UtahEstheticianAndCosmetologistAreNotPermitted) {
  for (const char* role : {"esthetician", "cosmetologist"}) {
    for (const bool supervised : {false, true}) {
      SCOPED_TRACE(std::string(role) + (supervised ? " supervised" : " unsupervised"));
      ExpectOutOfScope(ScreenAs(role, "US-UT", supervised));
    }
  }
}

TEST(Scope, UtahNurseNeedsSupervision) {
  ExpectOutOfScope(ScreenAs("nurse", "US-UT", false));
  ExpectInScope(ScreenAs("nurse", "US-UT", true));
}

TEST(Scope, UtahMasterEstheticianUnsupervisedIsCappedAtOneAndAHalfByScope) {
  const Decision d = ScreenAs("master_esthetician", "US-UT", false, "acne_scars", {"cheeks"});
  EXPECT_EQ(DecisionName(d), "proceed");
  const ZonePlan* cheeks = ZoneFor(d, "cheeks");
  EXPECT_EQ(StatusOf(cheeks), "ok");
  EXPECT_EQ(MaxUm(cheeks), 1500);
  EXPECT_EQ(LimitedByOf(cheeks), "scope");
}

TEST(Scope, UtahMasterEstheticianScopeCapDoesNotRaiseASmallerZoneCap) {
  const Decision d = ScreenAs("master_esthetician", "US-UT", false, "acne_scars", {"forehead"});
  EXPECT_EQ(MaxUm(ZoneFor(d, "forehead")), 750);
  EXPECT_EQ(LimitedByOf(ZoneFor(d, "forehead")), "zone");
}

TEST(Scope, UtahMasterEstheticianSupervisedFollowsZoneCaps) {
  const Decision d = ScreenAs("master_esthetician", "US-UT", true, "acne_scars", {"cheeks"});
  EXPECT_EQ(DecisionName(d), "proceed");
  EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks")), 1500);
  EXPECT_EQ(LimitedByOf(ZoneFor(d, "cheeks")), "zone");
}

TEST(Scope, NorthCarolinaEveryNonPrescriberNeedsSupervision) {
  for (const char* role : {"esthetician", "cosmetologist", "master_esthetician", "nurse"}) {
    SCOPED_TRACE(role);
    ExpectInScope(ScreenAs(role, "US-NC", true));
    ExpectOutOfScope(ScreenAs(role, "US-NC", false));
  }
}

TEST(Scope, ArizonaEstheticRolesAreCappedAtHalfMillimetreByScope) {
  for (const std::string& role : kEstheticRoles) {
    for (const bool supervised : {false, true}) {
      SCOPED_TRACE(role + (supervised ? " supervised" : " unsupervised"));
      const Decision d = ScreenAs(role, "US-AZ", supervised, "wrinkles", {"cheeks"});
      EXPECT_EQ(DecisionName(d), "proceed");
      const ZonePlan* cheeks = ZoneFor(d, "cheeks");
      EXPECT_EQ(StatusOf(cheeks), "ok");
      EXPECT_EQ(MaxUm(cheeks), 500);
      EXPECT_EQ(MinUm(cheeks), 500);
      EXPECT_EQ(LimitedByOf(cheeks), "scope");
    }
  }
}

TEST(Scope, ArizonaNurseNeedsSupervision) {
  ExpectOutOfScope(ScreenAs("nurse", "US-AZ", false));
  ExpectInScope(ScreenAs("nurse", "US-AZ", true));
}

TEST(Scope, EnglandPermitsEveryRoleWithoutSupervision) {
  for (const char* role : {"esthetician", "cosmetologist", "master_esthetician", "nurse"}) {
    SCOPED_TRACE(role);
    const Decision d = ScreenAs(role, "GB-ENG", false);
    ExpectInScope(d);
    // No scope cap: wrinkles (1.0) binds the cheeks.
    EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks")), 1000);
    EXPECT_EQ(LimitedByOf(ZoneFor(d, "cheeks")), "indication");
  }
}

TEST(Scope, UnlistedUsStateIsTheUnknownRowButStillUsForTheClearedDeviceRule) {
  const Decision esthetician = ScreenAs("esthetician", "US-WA", false);
  ExpectOutOfScope(esthetician);

  const Decision uncleared = IntakeBuilder()
                                 .Practitioner("physician", "US-WA")
                                 .Set("/device/cleared", false)
                                 .Screen();
  EXPECT_EQ(EffectOf(FindingFor(uncleared, "EX-11")), "decline");
  EXPECT_EQ(DecisionName(uncleared), "decline");
}

TEST(Scope, NonUsUnknownJurisdictionIsNotSubjectToTheClearedDeviceRule) {
  const Decision d = IntakeBuilder()
                         .Practitioner("physician", "FR")
                         .Set("/device/cleared", false)
                         .Screen();
  EXPECT_EQ(FindingFor(d, "EX-11"), nullptr);
}

// --- Zone caps ---------------------------------------------------------------------------------

struct ZoneRow {
  const char* zone;
  double typical_min;
  double cap;
  double scar_cap;
};

// contracts.md §1.3 zone table.
const std::vector<ZoneRow> kZoneTable = {
    {"periorbital", 0.25, 0.5, 0.5}, {"forehead", 0.25, 0.75, 1.5}, {"temple", 0.25, 0.75, 0.75},
    {"nose", 0.25, 0.75, 1.0},       {"cheeks", 0.5, 1.5, 2.0},     {"perioral", 0.25, 1.0, 1.5},
    {"chin", 0.5, 1.5, 2.0},         {"jawline", 0.5, 1.0, 1.5},    {"neck", 0.25, 1.0, 1.0},
    {"decollete", 0.25, 1.0, 1.0},   {"hands", 0.25, 0.75, 0.75},   {"abdomen", 1.0, 1.5, 2.0},
    {"thighs", 1.0, 1.5, 2.0},       {"back", 1.0, 1.5, 2.0},       {"scalp", 0.5, 1.5, 1.5},
};

TEST(ZoneCaps, EveryZoneIsCappedAtItsTableValueWithTypicalMinimum) {
  // Laxity (1.5) is never below a zone cap, so the zone binds (zone before indication on a tie).
  for (const ZoneRow& row : kZoneTable) {
    SCOPED_TRACE(row.zone);
    const Decision d = IntakeBuilder().Request("laxity", {row.zone}).Screen();
    const ZonePlan* z = ZoneFor(d, row.zone);
    EXPECT_EQ(MaxUm(z), Um(row.cap));
    EXPECT_EQ(MinUm(z), Um(row.typical_min));
    EXPECT_EQ(LimitedByOf(z), "zone");
  }
}

TEST(ZoneCaps, PrescriberTreatingScarsGetsEachZonesScarCap) {
  for (const ZoneRow& row : kZoneTable) {
    SCOPED_TRACE(row.zone);
    const Decision d = IntakeBuilder().Request("acne_scars", {row.zone}).Screen();
    const ZonePlan* z = ZoneFor(d, row.zone);
    EXPECT_EQ(MaxUm(z), Um(row.scar_cap));
    EXPECT_EQ(MinUm(z), Um(row.typical_min));
    EXPECT_EQ(LimitedByOf(z), "zone");
  }
}

TEST(ZoneCaps, NonPrescriberTreatingScarsKeepsTheOrdinaryZoneCap) {
  for (const ZoneRow& row : kZoneTable) {
    SCOPED_TRACE(row.zone);
    const Decision d = IntakeBuilder()
                           .Practitioner("nurse", "US-UT", true)
                           .Request("acne_scars", {row.zone})
                           .Screen();
    EXPECT_EQ(MaxUm(ZoneFor(d, row.zone)), Um(row.cap));
    EXPECT_EQ(LimitedByOf(ZoneFor(d, row.zone)), "zone");
  }
}

TEST(ZoneCaps, EveryScarIndicationUnlocksTheScarCapForAPrescriber) {
  for (const char* indication : {"acne_scars", "scars", "stretch_marks", "keloid_scars"}) {
    for (const std::string& role : kPrescribers) {
      SCOPED_TRACE(std::string(indication) + " by " + role);
      const Decision d =
          IntakeBuilder().Practitioner(role, "US-UT").Request(indication, {"abdomen"}).Screen();
      EXPECT_EQ(MaxUm(ZoneFor(d, "abdomen")), 2000);
    }
  }
}

TEST(ZoneCaps, NonScarIndicationDoesNotUnlockTheScarCapForAPrescriber) {
  const Decision d = IntakeBuilder().Request("hyperpigmentation", {"cheeks"}).Screen();
  EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks")), 1500);
}

// --- Indication caps ---------------------------------------------------------------------------

TEST(IndicationCaps, EachIndicationCapsTheCheeksForAPrescriber) {
  struct Case {
    const char* indication;
    int max_um;
    const char* limited_by;
  };
  // Cheeks: cap 1.5, scar cap 2.0. A tie with the zone names the zone.
  for (const Case& c : {Case{"wrinkles", 1000, "indication"}, Case{"photoaging", 1000, "indication"},
                        Case{"pores", 1000, "indication"}, Case{"laxity", 1500, "zone"},
                        Case{"hyperpigmentation", 1500, "zone"}, Case{"melasma", 1500, "zone"},
                        Case{"alopecia", 1500, "zone"}, Case{"acne_scars", 2000, "zone"},
                        Case{"scars", 2000, "zone"}, Case{"stretch_marks", 2000, "zone"},
                        Case{"keloid_scars", 2000, "zone"}, Case{"rosacea", 500, "indication"}}) {
    SCOPED_TRACE(c.indication);
    const Decision d = IntakeBuilder().Request(c.indication, {"cheeks"}).Screen();
    EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks")), c.max_um);
    EXPECT_EQ(LimitedByOf(ZoneFor(d, "cheeks")), c.limited_by);
  }
}

TEST(IndicationCaps, TwoIndicationsOnOneZoneAreCappedSeparately) {
  const Decision d = IntakeBuilder()
                         .Request("wrinkles", {"cheeks"})
                         .Add("requests", {{"indication", "acne_scars"}, {"zones", {"cheeks"}}})
                         .Screen();
  ASSERT_EQ(d.zones.size(), 2u);
  EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks", "wrinkles")), 1000);
  EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks", "acne_scars")), 2000);
}

// --- Device caps -------------------------------------------------------------------------------

TEST(DeviceCaps, DeviceMaximumCapsEveryZoneLimitedByDevice) {
  const Decision d = IntakeBuilder()
                         .Set("/device/max_depth_mm", 1.2)
                         .Request("acne_scars", {"cheeks", "abdomen"})
                         .Screen();
  for (const char* zone : {"cheeks", "abdomen"}) {
    SCOPED_TRACE(zone);
    EXPECT_EQ(MaxUm(ZoneFor(d, zone)), 1200);
    EXPECT_EQ(LimitedByOf(ZoneFor(d, zone)), "device");
  }
}

TEST(DeviceCaps, DeviceDeeperThanEveryOtherCapDoesNotBind) {
  const Decision d = IntakeBuilder().Set("/device/max_depth_mm", 3.0).Screen();
  EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks")), 1000);
  EXPECT_EQ(LimitedByOf(ZoneFor(d, "cheeks")), "indication");
}

TEST(DeviceCaps, DeviceOfZeroDepthLeavesNoDepth) {
  const Decision d = IntakeBuilder().Set("/device/max_depth_mm", 0.0).Screen();
  const ZonePlan* cheeks = ZoneFor(d, "cheeks");
  ASSERT_NE(cheeks, nullptr);
  EXPECT_FALSE(cheeks->depth.has_value());
  EXPECT_EQ(LimitedByOf(cheeks), "device");
}

// --- limited_by on a tie: setting > scope > device > condition > zone > indication -------------

TEST(DepthTies, SettingBeatsDeviceOnATie) {
  const Decision d = IntakeBuilder()
                         .Set("/setting", "home")
                         .Remove("/practitioner")
                         .Set("/device/max_depth_mm", 0.25)
                         .Screen();
  EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks")), 250);
  EXPECT_EQ(LimitedByOf(ZoneFor(d, "cheeks")), "setting");
}

TEST(DepthTies, ScopeBeatsDeviceOnATie) {
  const Decision d = IntakeBuilder()
                         .Practitioner("esthetician", "US-AZ")
                         .Set("/device/max_depth_mm", 0.5)
                         .Screen();
  EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks")), 500);
  EXPECT_EQ(LimitedByOf(ZoneFor(d, "cheeks")), "scope");
}

TEST(DepthTies, ScopeBeatsZoneOnATie) {
  const Decision d = ScreenAs("master_esthetician", "US-UT", false, "acne_scars", {"abdomen"});
  EXPECT_EQ(MaxUm(ZoneFor(d, "abdomen")), 1500);
  EXPECT_EQ(LimitedByOf(ZoneFor(d, "abdomen")), "scope");
}

TEST(DepthTies, DeviceBeatsConditionOnATie) {
  const Decision d = IntakeBuilder()
                         .Set("/device/max_depth_mm", 0.5)
                         .Add("conditions", {{"code", "rosacea"}})
                         .Screen();
  EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks")), 500);
  EXPECT_EQ(LimitedByOf(ZoneFor(d, "cheeks")), "device");
}

TEST(DepthTies, ConditionBeatsZoneOnATie) {
  const Decision d = IntakeBuilder()
                         .Request("wrinkles", {"periorbital"})
                         .Add("conditions", {{"code", "telangiectasia"}})
                         .Screen();
  EXPECT_EQ(MaxUm(ZoneFor(d, "periorbital")), 500);
  EXPECT_EQ(LimitedByOf(ZoneFor(d, "periorbital")), "condition");
}

TEST(DepthTies, ConditionBeatsIndicationOnATie) {
  const Decision d = IntakeBuilder()
                         .Request("rosacea", {"cheeks"})
                         .Add("conditions", {{"code", "rosacea"}})
                         .Screen();
  EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks")), 500);
  EXPECT_EQ(LimitedByOf(ZoneFor(d, "cheeks")), "condition");
}

TEST(DepthTies, DeviceBeatsZoneOnATie) {
  const Decision d = IntakeBuilder()
                         .Request("laxity", {"neck"})
                         .Set("/device/max_depth_mm", 1.0)
                         .Screen();
  EXPECT_EQ(MaxUm(ZoneFor(d, "neck")), 1000);
  EXPECT_EQ(LimitedByOf(ZoneFor(d, "neck")), "device");
}

TEST(DepthTies, ZoneBeatsIndicationOnATie) {
  const Decision d = IntakeBuilder().Request("wrinkles", {"neck"}).Screen();
  EXPECT_EQ(MaxUm(ZoneFor(d, "neck")), 1000);
  EXPECT_EQ(LimitedByOf(ZoneFor(d, "neck")), "zone");
}

TEST(DepthTies, StrictlySmallerCapWinsRegardlessOfOrder) {
  // Device 0.9 under wrinkles 1.0 and the cheek's 1.5: device, although indication comes later
  // and zone comes later; and an indication below a device names the indication.
  const Decision device = IntakeBuilder().Set("/device/max_depth_mm", 0.9).Screen();
  EXPECT_EQ(LimitedByOf(ZoneFor(device, "cheeks")), "device");
  const Decision indication = IntakeBuilder().Set("/device/max_depth_mm", 1.1).Screen();
  EXPECT_EQ(MaxUm(ZoneFor(indication, "cheeks")), 1000);
  EXPECT_EQ(LimitedByOf(ZoneFor(indication, "cheeks")), "indication");
}

// --- depth_mm.min ------------------------------------------------------------------------------

TEST(DepthMin, MinimumIsLoweredToTheMaximumWhenTheMaximumIsSmaller) {
  const Decision d = IntakeBuilder().Set("/device/max_depth_mm", 0.3).Screen();
  // Cheeks typical 0.5–1.0, capped to 0.3.
  EXPECT_EQ(MinUm(ZoneFor(d, "cheeks")), 300);
  EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks")), 300);
}

TEST(DepthMin, MinimumIsTheTypicalLowerEndWhenTheMaximumIsLarger) {
  const Decision d = IntakeBuilder().Set("/device/max_depth_mm", 0.6).Screen();
  EXPECT_EQ(MinUm(ZoneFor(d, "cheeks")), 500);
  EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks")), 600);
}

// --- Endpoint (TP-05) --------------------------------------------------------------------------

TEST(Endpoint, PrescriberInClinicAboveHalfMillimetreIsPinpointBleeding) {
  for (const std::string& role : kPrescribers) {
    SCOPED_TRACE(role);
    const Decision d = IntakeBuilder().Practitioner(role, "US-UT").Screen();
    EXPECT_EQ(EndpointOf(ZoneFor(d, "cheeks")), "pinpoint_bleeding");
  }
}

TEST(Endpoint, SupervisedNurseAboveHalfMillimetreIsPinpointBleeding) {
  const Decision d = ScreenAs("nurse", "US-UT", true, "wrinkles", {"cheeks"});
  EXPECT_EQ(EndpointOf(ZoneFor(d, "cheeks")), "pinpoint_bleeding");
}

TEST(Endpoint, MaximumOfExactlyHalfMillimetreIsErythema) {
  const Decision d = IntakeBuilder().Request("wrinkles", {"periorbital", "cheeks"}).Screen();
  EXPECT_EQ(MaxUm(ZoneFor(d, "periorbital")), 500);
  EXPECT_EQ(EndpointOf(ZoneFor(d, "periorbital")), "erythema");
  EXPECT_EQ(EndpointOf(ZoneFor(d, "cheeks")), "pinpoint_bleeding");
}

TEST(Endpoint, UnsupervisedNonPrescriberIsErythemaWhateverTheDepth) {
  for (const char* role : {"esthetician", "nurse"}) {
    SCOPED_TRACE(role);
    const Decision d = ScreenAs(role, "GB-ENG", false, "acne_scars", {"cheeks"});
    EXPECT_GT(MaxUm(ZoneFor(d, "cheeks")), 500);
    EXPECT_EQ(EndpointOf(ZoneFor(d, "cheeks")), "erythema");
  }
}

TEST(Endpoint, SupervisedNonPrescriberCappedAtHalfMillimetreIsErythema) {
  const Decision d = ScreenAs("esthetician", "US-AZ", true, "wrinkles", {"cheeks"});
  EXPECT_EQ(EndpointOf(ZoneFor(d, "cheeks")), "erythema");
}

TEST(Endpoint, ZoneWithNoDepthIsErythema) {
  const Decision d = ScreenAs("esthetician", "US-CA", false, "wrinkles", {"cheeks"});
  EXPECT_EQ(EndpointOf(ZoneFor(d, "cheeks")), "erythema");
}

// --- Zone status precedence: blocked > out_of_scope > deferred > ok ---------------------------

TEST(ZoneStatus, BlockedBeatsOutOfScope) {
  const Decision d = IntakeBuilder()
                         .Practitioner("esthetician", "US-CA")
                         .Add("conditions", {{"code", "bleeding_disorder"}})
                         .Screen();
  EXPECT_EQ(DecisionName(d), "decline");
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "blocked");
}

TEST(ZoneStatus, OutOfScopeBeatsDeferred) {
  const Decision d = IntakeBuilder()
                         .Practitioner("esthetician", "US-CA")
                         .Add("conditions", {{"code", "active_acne"}})
                         .Screen();
  EXPECT_EQ(DecisionName(d), "refer");
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "out_of_scope");
}

TEST(ZoneStatus, DeferredBeatsOk) {
  const Decision d = IntakeBuilder()
                         .Request("wrinkles", {"cheeks", "forehead"})
                         .Add("conditions", {{"code", "active_acne"}, {"zones", {"cheeks"}}})
                         .Screen();
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "deferred");
  EXPECT_EQ(StatusOf(ZoneFor(d, "forehead")), "ok");
}

TEST(ZoneStatus, BlockedBeatsDeferredZoneByZone) {
  const Decision d = IntakeBuilder()
                         .Request("wrinkles", {"cheeks", "neck"})
                         .Add("conditions", {{"code", "skin_cancer"}, {"zones", {"neck"}}})
                         .Add("conditions", {{"code", "active_acne"}})
                         .Screen();
  EXPECT_EQ(StatusOf(ZoneFor(d, "neck")), "blocked");
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "deferred");
}

TEST(ZoneStatus, ReferForClearanceLeavesTheZoneOk) {
  const Decision d = IntakeBuilder()
                         .Practitioner("nurse", "US-UT", true)
                         .Add("conditions", {{"code", "psoriasis"}})
                         .Screen();
  EXPECT_EQ(DecisionName(d), "refer");
  EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "ok");
}

// --- Zone entries and their order --------------------------------------------------------------

TEST(ZoneEntries, ZonesAreListedInTheKnowledgeBaseOrderWhateverTheRequestOrder) {
  const Decision d = IntakeBuilder()
                         .Request("wrinkles", {"scalp", "neck", "cheeks"})
                         .Add("requests", {{"indication", "wrinkles"},
                                           {"zones", {"hands", "periorbital", "forehead"}}})
                         .Screen();
  const std::vector<std::string> expected = {"periorbital", "forehead", "cheeks",
                                             "neck",        "hands",    "scalp"};
  EXPECT_EQ(ZoneOrder(d), expected);
  // The same order as the knowledge base lists its zones.
  std::vector<std::string> kb_order;
  for (const Code& zone : testing::ShippedKb().vocabulary.zone_order) {
    if (std::find(expected.begin(), expected.end(), zone.str()) != expected.end()) {
      kb_order.push_back(zone.str());
    }
  }
  EXPECT_EQ(ZoneOrder(d), kb_order);
}

TEST(ZoneEntries, OneEntryPerZoneAndIndication) {
  const Decision d = IntakeBuilder()
                         .Request("wrinkles", {"cheeks", "forehead"})
                         .Add("requests", {{"indication", "acne_scars"}, {"zones", {"chin", "cheeks"}}})
                         .Screen();
  ASSERT_EQ(d.zones.size(), 4u);
  EXPECT_NE(ZoneFor(d, "forehead", "wrinkles"), nullptr);
  EXPECT_NE(ZoneFor(d, "cheeks", "wrinkles"), nullptr);
  EXPECT_NE(ZoneFor(d, "cheeks", "acne_scars"), nullptr);
  EXPECT_NE(ZoneFor(d, "chin", "acne_scars"), nullptr);
  // Head to foot: forehead, then both cheek entries together, then chin.
  const std::vector<std::string> order = ZoneOrder(d);
  EXPECT_EQ(order[0], "forehead");
  EXPECT_EQ(order[1], "cheeks");
  EXPECT_EQ(order[2], "cheeks");
  EXPECT_EQ(order[3], "chin");
}

TEST(ZoneEntries, TheSameZoneAndIndicationRequestedTwiceGivesOneEntry) {
  const Decision d = IntakeBuilder()
                         .Request("wrinkles", {"cheeks", "cheeks"})
                         .Add("requests", {{"indication", "wrinkles"}, {"zones", {"cheeks"}}})
                         .Screen();
  ASSERT_EQ(d.zones.size(), 1u);
  EXPECT_EQ(d.zones[0].zone.str(), "cheeks");
  EXPECT_EQ(d.zones[0].indication.str(), "wrinkles");
}

}  // namespace
}  // namespace corium

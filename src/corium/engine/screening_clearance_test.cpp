// Prescriber clearance (contracts.md §1.3, rules PC-01..PC-10): `clearance` is refer for a
// non-prescriber and caution for each prescriber role; plus the effects clearance carries with it
// (endpoint, consent item, depth cap) and the caution-only items.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/decision_view.h"
#include "support/intake_builder.h"

namespace corium {
namespace {

using nlohmann::json;
using testing::DecisionName;
using testing::EffectOf;
using testing::EndpointOf;
using testing::FindingFor;
using testing::HasConsent;
using testing::IntakeBuilder;
using testing::LimitedByOf;
using testing::MaxUm;
using testing::StatusOf;
using testing::ZoneFor;
using testing::ZonesOf;

const std::vector<std::string> kPrescribers = {"physician", "nurse_practitioner",
                                               "physician_assistant"};

// One clearance trigger, added to an intake.
struct Trigger {
  const char* name;
  const char* list;
  json item;
  const char* rule;
};

std::vector<Trigger> ClearanceTriggers() {
  return {
      {"controlled diabetes", "conditions", {{"code", "diabetes"}, {"controlled", true}}, "PC-02"},
      {"immunosuppression", "conditions", {{"code", "immunosuppression"}}, "PC-03"},
      {"immunosuppressant", "medications", {{"code", "immunosuppressant"}}, "PC-03"},
      {"systemic steroid", "medications", {{"code", "systemic_steroid"}}, "PC-03"},
      {"lupus", "conditions", {{"code", "lupus"}}, "PC-04"},
      {"rheumatoid arthritis", "conditions", {{"code", "rheumatoid_arthritis"}}, "PC-04"},
      {"psoriasis", "conditions", {{"code", "psoriasis"}}, "PC-04"},
      {"vitiligo", "conditions", {{"code", "vitiligo"}}, "PC-04"},
      {"lichen planus", "conditions", {{"code", "lichen_planus"}}, "PC-04"},
      {"rosacea", "conditions", {{"code", "rosacea"}}, "PC-05"},
      {"telangiectasia", "conditions", {{"code", "telangiectasia"}}, "PC-05"},
      {"hsv recurrent", "conditions", {{"code", "hsv_recurrent"}}, "PC-06"},
      {"radiotherapy", "conditions", {{"code", "radiotherapy"}}, "PC-07"},
      {"surgery", "procedures", {{"code", "surgery"}, {"date", "2026-09-01"}}, "PC-07"},
      {"actinic keratosis", "conditions", {{"code", "actinic_keratosis"}}, "PC-10"},
      {"anticoagulant", "medications", {{"code", "anticoagulant"}}, "PC-01"},
      {"antiplatelet", "medications", {{"code", "antiplatelet"}}, "PC-01"},
  };
}

TEST(Clearance, EachClearanceTriggerIsReferForANonPrescriber) {
  for (const Trigger& t : ClearanceTriggers()) {
    SCOPED_TRACE(t.name);
    const Decision d =
        IntakeBuilder().Practitioner("nurse", "US-UT", true).Add(t.list, t.item).Screen();
    EXPECT_EQ(EffectOf(FindingFor(d, t.rule)), "refer");
    EXPECT_EQ(DecisionName(d), "refer");
    // Clearance is not a scope problem: the zone stays ok.
    EXPECT_EQ(StatusOf(ZoneFor(d, "cheeks")), "ok");
  }
}

TEST(Clearance, EachClearanceTriggerIsCautionForEveryPrescriberRole) {
  for (const std::string& role : kPrescribers) {
    SCOPED_TRACE(role);
    for (const Trigger& t : ClearanceTriggers()) {
      SCOPED_TRACE(t.name);
      const Decision d = IntakeBuilder().Practitioner(role, "US-UT").Add(t.list, t.item).Screen();
      EXPECT_EQ(EffectOf(FindingFor(d, t.rule)), "caution");
      EXPECT_EQ(DecisionName(d), "proceed_with_caution");
    }
  }
}

TEST(Clearance, ClearanceIsReferForEveryNonPrescriberRoleThatIsInScope) {
  // Each of these may needle where it stands; clearance still needs a prescriber.
  struct Case {
    const char* role;
    const char* jurisdiction;
    bool supervised;
  };
  for (const Case& c : {Case{"nurse", "US-UT", true}, Case{"master_esthetician", "US-UT", false},
                        Case{"esthetician", "GB-ENG", false}, Case{"esthetician", "US-NC", true},
                        Case{"cosmetologist", "US-AZ", false}}) {
    SCOPED_TRACE(std::string(c.role) + " in " + c.jurisdiction);
    const Decision d = IntakeBuilder()
                           .Practitioner(c.role, c.jurisdiction, c.supervised)
                           .Add("conditions", {{"code", "lupus"}})
                           .Screen();
    EXPECT_EQ(EffectOf(FindingFor(d, "PC-04")), "refer");
    EXPECT_EQ(DecisionName(d), "refer");
  }
}

// --- Blood thinners (PC-01) --------------------------------------------------------------------

TEST(Clearance, AnticoagulantForcesErythemaEndpointOnEveryZoneAndAddsBleedingConsent) {
  const Decision d = IntakeBuilder()
                         .Request("acne_scars", {"cheeks", "chin", "abdomen"})
                         .Add("medications", {{"code", "anticoagulant"}})
                         .Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "PC-01")), "caution");
  EXPECT_TRUE(HasConsent(d, "CN-03"));
  ASSERT_EQ(d.zones.size(), 3u);
  for (const ZonePlan& z : d.zones) {
    SCOPED_TRACE(z.zone.str());
    EXPECT_EQ(z.endpoint.str(), "erythema");
    EXPECT_GT(MaxUm(&z), 500);  // deep enough that bleeding would otherwise apply
  }
}

TEST(Clearance, AntiplateletForNonPrescriberIsReferWithErythemaEndpointAndBleedingConsent) {
  const Decision d = IntakeBuilder()
                         .Practitioner("nurse", "US-UT", true)
                         .Add("medications", {{"code", "antiplatelet"}})
                         .Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "PC-01")), "refer");
  EXPECT_TRUE(HasConsent(d, "CN-03"));
  EXPECT_EQ(EndpointOf(ZoneFor(d, "cheeks")), "erythema");
}

TEST(Clearance, AnticoagulantListedWithZonesStillForcesErythemaOnEveryRequestedZone) {
  // contracts.md §1.3 Endpoint: erythema "whenever anticoagulant or antiplatelet is current".
  const Decision d = IntakeBuilder()
                         .Request("acne_scars", {"cheeks", "chin"})
                         .Add("medications", {{"code", "anticoagulant"}, {"zones", {"cheeks"}}})
                         .Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "PC-01")), "caution");
  EXPECT_EQ(EndpointOf(ZoneFor(d, "cheeks")), "erythema");
  EXPECT_EQ(EndpointOf(ZoneFor(d, "chin")), "erythema");
}

TEST(Clearance, StoppedAnticoagulantHasNoFindingAndBleedingEndpointReturns) {
  const Decision d = IntakeBuilder()
                         .Add("medications", {{"code", "anticoagulant"}, {"current", false},
                                              {"last_dose", "2026-10-01"}})
                         .Screen();
  EXPECT_EQ(FindingFor(d, "PC-01"), nullptr);
  EXPECT_FALSE(HasConsent(d, "CN-03"));
  EXPECT_EQ(EndpointOf(ZoneFor(d, "cheeks")), "pinpoint_bleeding");
}

// --- Rosacea, telangiectasia (PC-05) -----------------------------------------------------------

TEST(Clearance, RosaceaCapsDepthAtHalfMillimetreLimitedByCondition) {
  const Decision d = IntakeBuilder().Add("conditions", {{"code", "rosacea"}}).Screen();
  const ZonePlan* cheeks = ZoneFor(d, "cheeks");
  EXPECT_EQ(MaxUm(cheeks), 500);
  EXPECT_EQ(LimitedByOf(cheeks), "condition");
}

TEST(Clearance, TelangiectasiaCapsDepthAtHalfMillimetreLimitedByCondition) {
  const Decision d = IntakeBuilder().Add("conditions", {{"code", "telangiectasia"}}).Screen();
  EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks")), 500);
  EXPECT_EQ(LimitedByOf(ZoneFor(d, "cheeks")), "condition");
}

TEST(Clearance, ZonedRosaceaCapsOnlyItsOwnZone) {
  const Decision d = IntakeBuilder()
                         .Request("wrinkles", {"cheeks", "neck"})
                         .Add("conditions", {{"code", "rosacea"}, {"zones", {"cheeks"}}})
                         .Screen();
  EXPECT_EQ(ZonesOf(FindingFor(d, "PC-05")), std::vector<std::string>{"cheeks"});
  EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks")), 500);
  EXPECT_EQ(LimitedByOf(ZoneFor(d, "cheeks")), "condition");
  // Neck: zone cap 1.0 and wrinkles 1.0; the zone names it on the tie.
  EXPECT_EQ(MaxUm(ZoneFor(d, "neck")), 1000);
  EXPECT_NE(LimitedByOf(ZoneFor(d, "neck")), "condition");
}

TEST(Clearance, RosaceaOutsideTheRequestedZonesGivesNoFindingAndNoCap) {
  const Decision d = IntakeBuilder()
                         .Add("conditions", {{"code", "rosacea"}, {"zones", {"nose"}}})
                         .Screen();
  EXPECT_EQ(FindingFor(d, "PC-05"), nullptr);
  EXPECT_EQ(MaxUm(ZoneFor(d, "cheeks")), 1000);
  EXPECT_EQ(DecisionName(d), "proceed");
}

// --- Recurrent cold sores (PC-06) --------------------------------------------------------------

TEST(Clearance, RecurrentHsvNeedsClearanceWhenAFaceZoneIsRequested) {
  const Decision d = IntakeBuilder()
                         .Practitioner("nurse", "US-UT", true)
                         .Add("conditions", {{"code", "hsv_recurrent"}})
                         .Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "PC-06")), "refer");
  EXPECT_EQ(DecisionName(d), "refer");
}

TEST(Clearance, RecurrentHsvWithANeckOnlyRequestIsNoFinding) {
  const Decision d = IntakeBuilder()
                         .Practitioner("nurse", "US-UT", true)
                         .Request("wrinkles", {"neck"})
                         .Add("conditions", {{"code", "hsv_recurrent"}})
                         .Screen();
  EXPECT_EQ(FindingFor(d, "PC-06"), nullptr);
  EXPECT_EQ(DecisionName(d), "proceed");
}

TEST(Clearance, RecurrentHsvWithAHandsOnlyRequestIsNoFinding) {
  const Decision d = IntakeBuilder()
                         .Request("photoaging", {"hands"})
                         .Add("conditions", {{"code", "hsv_recurrent"}})
                         .Screen();
  EXPECT_EQ(FindingFor(d, "PC-06"), nullptr);
  EXPECT_EQ(DecisionName(d), "proceed");
}

TEST(Clearance, RecurrentHsvFindingNamesOnlyTheRequestedFaceZones) {
  const Decision d = IntakeBuilder()
                         .Request("wrinkles", {"neck", "perioral"})
                         .Add("conditions", {{"code", "hsv_recurrent"}})
                         .Screen();
  EXPECT_EQ(ZonesOf(FindingFor(d, "PC-06")), std::vector<std::string>{"perioral"});
}

TEST(Clearance, EveryFaceZoneCountsForRecurrentHsv) {
  for (const char* zone :
       {"periorbital", "forehead", "temple", "nose", "cheeks", "perioral", "chin", "jawline"}) {
    SCOPED_TRACE(zone);
    const Decision d = IntakeBuilder()
                           .Request("wrinkles", {zone})
                           .Add("conditions", {{"code", "hsv_recurrent"}})
                           .Screen();
    EXPECT_EQ(EffectOf(FindingFor(d, "PC-06")), "caution");
  }
}

// --- Surgery and radiotherapy (PC-07) ----------------------------------------------------------

TEST(Clearance, SurgeryInTheZoneWithinSixMonthsNeedsClearance) {
  const Decision d = IntakeBuilder()
                         .Practitioner("nurse", "US-UT", true)
                         .Add("procedures", {{"code", "surgery"}, {"date", "2026-06-01"},
                                             {"zones", {"cheeks"}}})
                         .Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "PC-07")), "refer");
  EXPECT_EQ(DecisionName(d), "refer");
}

TEST(Clearance, SurgeryMoreThanSixMonthsAgoIsNoFinding) {
  const Decision d = IntakeBuilder()
                         .Practitioner("nurse", "US-UT", true)
                         .Add("procedures", {{"code", "surgery"}, {"date", "2026-05-01"},
                                             {"zones", {"cheeks"}}})
                         .Screen();
  EXPECT_EQ(FindingFor(d, "PC-07"), nullptr);
  EXPECT_EQ(DecisionName(d), "proceed");
}

TEST(Clearance, SurgeryExactlySixMonthsBeforeAsOfIsNoFinding) {
  const Decision d = IntakeBuilder()
                         .Add("procedures", {{"code", "surgery"}, {"date", "2026-05-20"},
                                             {"zones", {"cheeks"}}})
                         .Screen();
  EXPECT_EQ(FindingFor(d, "PC-07"), nullptr);
}

TEST(Clearance, RecentSurgeryInAnotherZoneIsNoFinding) {
  const Decision d = IntakeBuilder()
                         .Add("procedures", {{"code", "surgery"}, {"date", "2026-10-01"},
                                             {"zones", {"abdomen"}}})
                         .Screen();
  EXPECT_EQ(FindingFor(d, "PC-07"), nullptr);
}

// --- Caution-only items (PC-08, CN-02) ---------------------------------------------------------

TEST(Clearance, AnaestheticPrecautionsAreCautionEvenForANonPrescriber) {
  const std::vector<Trigger> triggers = {
      {"arrhythmia", "conditions", {{"code", "arrhythmia"}}, "PC-08"},
      {"hepatic disease", "conditions", {{"code", "hepatic_disease"}}, "PC-08"},
      {"pseudocholinesterase", "conditions", {{"code", "pseudocholinesterase_deficiency"}},
       "PC-08"},
      {"methemoglobinemia", "conditions", {{"code", "methemoglobinemia"}}, "PC-08"},
      {"antiarrhythmic", "medications", {{"code", "antiarrhythmic"}}, "PC-08"},
      {"lidocaine allergy", "allergies", {{"code", "lidocaine"}}, "PC-08"},
      {"ester anaesthetic allergy", "allergies", {{"code", "ester_anesthetic"}}, "PC-08"},
      {"sulfonamide allergy", "allergies", {{"code", "sulfonamide"}}, "PC-08"},
  };
  for (const Trigger& t : triggers) {
    SCOPED_TRACE(t.name);
    const Decision d =
        IntakeBuilder().Practitioner("nurse", "US-UT", true).Add(t.list, t.item).Screen();
    EXPECT_EQ(EffectOf(FindingFor(d, t.rule)), "caution");
    EXPECT_EQ(DecisionName(d), "proceed_with_caution");
  }
}

TEST(Clearance, PhotosensitizerIsCautionForANonPrescriber) {
  const Decision d = IntakeBuilder()
                         .Practitioner("nurse", "US-UT", true)
                         .Add("medications", {{"code", "photosensitizer"}})
                         .Screen();
  EXPECT_EQ(DecisionName(d), "proceed_with_caution");
}

TEST(Clearance, DarkerSkinTypeIsCautionWithPigmentConsentItem) {
  for (const int type : {4, 5, 6}) {
    SCOPED_TRACE(type);
    const Decision d = IntakeBuilder().Set("/client/fitzpatrick", type).Screen();
    EXPECT_EQ(DecisionName(d), "proceed_with_caution");
    EXPECT_TRUE(HasConsent(d, "CN-02"));
  }
  const Decision type3 = IntakeBuilder().Set("/client/fitzpatrick", 3).Screen();
  EXPECT_EQ(DecisionName(type3), "proceed");
  EXPECT_FALSE(HasConsent(type3, "CN-02"));
}

TEST(Clearance, PigmentHistoryIsCautionWithPigmentConsentItem) {
  for (const char* code : {"pih_history", "melasma_history"}) {
    SCOPED_TRACE(code);
    const Decision d = IntakeBuilder().Add("conditions", {{"code", code}}).Screen();
    EXPECT_EQ(DecisionName(d), "proceed_with_caution");
    EXPECT_TRUE(HasConsent(d, "CN-02"));
  }
}

TEST(Clearance, EveryDecisionCarriesTheCoreConsentItem) {
  EXPECT_TRUE(HasConsent(IntakeBuilder().Screen(), "CN-01"));
  EXPECT_TRUE(HasConsent(IntakeBuilder().Set("/client/pregnant", true).Screen(), "CN-01"));
}

// --- Indications needing a physician-directed plan (PC-09) -------------------------------------

TEST(Clearance, PhysicianDirectedIndicationsAreReferForANonPrescriber) {
  struct Case {
    const char* indication;
    const char* zone;
  };
  for (const Case& c : {Case{"alopecia", "scalp"}, Case{"melasma", "cheeks"},
                        Case{"rosacea", "cheeks"}, Case{"keloid_scars", "decollete"},
                        Case{"drug_delivery", "cheeks"}}) {
    SCOPED_TRACE(c.indication);
    const Decision d = IntakeBuilder()
                           .Practitioner("nurse", "US-UT", true)
                           .Request(c.indication, {c.zone})
                           .Screen();
    EXPECT_EQ(EffectOf(FindingFor(d, "PC-09")), "refer");
    EXPECT_EQ(DecisionName(d), "refer");
  }
}

TEST(Clearance, PhysicianDirectedIndicationsAreCautionForEveryPrescriber) {
  for (const std::string& role : kPrescribers) {
    SCOPED_TRACE(role);
    for (const char* indication :
         {"alopecia", "melasma", "rosacea", "keloid_scars", "drug_delivery"}) {
      SCOPED_TRACE(indication);
      const Decision d =
          IntakeBuilder().Practitioner(role, "US-UT").Request(indication, {"cheeks"}).Screen();
      EXPECT_EQ(EffectOf(FindingFor(d, "PC-09")), "caution");
      EXPECT_EQ(DecisionName(d), "proceed_with_caution");
    }
  }
}

TEST(Clearance, OrdinaryIndicationsNeedNoClearance) {
  for (const char* indication : {"wrinkles", "acne_scars", "scars", "stretch_marks",
                                 "hyperpigmentation", "pores", "photoaging", "laxity"}) {
    SCOPED_TRACE(indication);
    const Decision d = IntakeBuilder()
                           .Practitioner("nurse", "US-UT", true)
                           .Request(indication, {"cheeks"})
                           .Screen();
    EXPECT_EQ(FindingFor(d, "PC-09"), nullptr);
    EXPECT_EQ(DecisionName(d), "proceed");
  }
}

TEST(Clearance, PhysicianDirectedIndicationInOneOfTwoRequestsStillNeedsClearance) {
  const Decision d = IntakeBuilder()
                         .Practitioner("nurse", "US-UT", true)
                         .Add("requests", {{"indication", "alopecia"}, {"zones", {"scalp"}}})
                         .Screen();
  EXPECT_EQ(EffectOf(FindingFor(d, "PC-09")), "refer");
  EXPECT_EQ(ZonesOf(FindingFor(d, "PC-09")), std::vector<std::string>{"scalp"});
}

}  // namespace
}  // namespace corium

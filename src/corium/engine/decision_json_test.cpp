// The decision and error JSON (contracts.md §1 and §1.2): exact keys, key order, value types and
// null conventions, for hand-built decisions and for real screenings.
#include "corium/engine/decision_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/intake_builder.h"
#include "support/test_kb.h"

namespace corium::engine {
namespace {

using Json = nlohmann::ordered_json;
using testing::IntakeBuilder;
using testing::ShippedKb;

std::vector<std::string> KeysOf(const Json& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return keys;
}

Json JsonOf(const Decision& d) { return Json::parse(DecisionToJson(d)); }

const std::vector<std::string> kDecisionKeys = {"decision", "earliest_date", "findings",
                                                "zones",    "consent_items", "kb"};
const std::vector<std::string> kFindingKeys = {"rule",    "effect", "until",  "zones",
                                               "summary", "basis",  "sources"};
const std::vector<std::string> kZoneKeys = {"zone",     "indication", "status",
                                            "depth_mm", "limited_by", "endpoint"};

// The contract's example decision, built by hand.
Decision ContractExample() {
  Decision d;
  d.outcome = Outcome::kDefer;
  d.earliest_date = Date::FromYmd(2027, 2, 1);
  Finding f;
  f.rule = "DF-01";
  f.effect = Effect::kDefer;
  f.until = Date::FromYmd(2027, 2, 1);
  f.summary = "Oral isotretinoin in the last 6 months";
  f.basis = "last dose 2026-08-01; wait 6 months after the last dose";
  f.sources = {"R39", "R64"};
  d.findings.push_back(f);
  ZonePlan z;
  z.zone = Code("cheeks");
  z.indication = Code("acne_scars");
  z.status = ZoneStatus::kDeferred;
  z.depth = DepthRange{Depth::FromMicrometres(1000), Depth::FromMicrometres(1500)};
  z.limited_by = CapSource::kZone;
  z.endpoint = Code("pinpoint_bleeding");
  d.zones.push_back(z);
  d.consent_items = {"CN-01"};
  d.kb = {"2026.11.0", "sha256:0123abcd"};
  return d;
}

TEST(DecisionJson, ContractExampleEncodesExactly) {
  EXPECT_EQ(DecisionToJson(ContractExample()),
            R"({"decision":"defer","earliest_date":"2027-02-01","findings":[{"rule":"DF-01",)"
            R"("effect":"defer","until":"2027-02-01","zones":[],"summary":"Oral isotretinoin in )"
            R"(the last 6 months","basis":"last dose 2026-08-01; wait 6 months after the last )"
            R"(dose","sources":["R39","R64"]}],"zones":[{"zone":"cheeks","indication":)"
            R"("acne_scars","status":"deferred","depth_mm":{"min":1.0,"max":1.5},"limited_by":)"
            R"("zone","endpoint":"pinpoint_bleeding"}],"consent_items":["CN-01"],"kb":)"
            R"({"version":"2026.11.0","digest":"sha256:0123abcd"}})");
}

TEST(DecisionJson, KeysAppearInTheContractsOrder) {
  const Json j = JsonOf(ContractExample());
  EXPECT_EQ(KeysOf(j), kDecisionKeys);
  EXPECT_EQ(KeysOf(j["findings"][0]), kFindingKeys);
  EXPECT_EQ(KeysOf(j["zones"][0]), kZoneKeys);
  EXPECT_EQ(KeysOf(j["zones"][0]["depth_mm"]), (std::vector<std::string>{"min", "max"}));
  EXPECT_EQ(KeysOf(j["kb"]), (std::vector<std::string>{"version", "digest"}));
}

TEST(DecisionJson, MissingDatesAndDepthsAreNull) {
  Decision d = ContractExample();
  d.earliest_date.reset();
  d.findings[0].until.reset();
  d.zones[0].depth.reset();
  const Json j = JsonOf(d);
  EXPECT_TRUE(j["earliest_date"].is_null());
  ASSERT_TRUE(j["findings"][0].contains("until"));
  EXPECT_TRUE(j["findings"][0]["until"].is_null());
  ASSERT_TRUE(j["zones"][0].contains("depth_mm"));
  EXPECT_TRUE(j["zones"][0]["depth_mm"].is_null());
  EXPECT_EQ(KeysOf(j), kDecisionKeys);
  EXPECT_EQ(KeysOf(j["zones"][0]), kZoneKeys);
}

TEST(DecisionJson, EmptyListsAreEmptyArraysNotNull) {
  Decision d;
  const Json j = JsonOf(d);
  EXPECT_EQ(j["decision"], "proceed");
  EXPECT_TRUE(j["findings"].is_array());
  EXPECT_TRUE(j["findings"].empty());
  EXPECT_TRUE(j["zones"].is_array());
  EXPECT_TRUE(j["consent_items"].is_array());
}

TEST(DecisionJson, OutcomeNamesAreTheContractsWords) {
  struct Case {
    Outcome outcome;
    const char* name;
  };
  for (const Case& c :
       {Case{Outcome::kDecline, "decline"}, Case{Outcome::kRefer, "refer"},
        Case{Outcome::kDefer, "defer"}, Case{Outcome::kProceedWithCaution, "proceed_with_caution"},
        Case{Outcome::kProceed, "proceed"}}) {
    Decision d;
    d.outcome = c.outcome;
    EXPECT_EQ(JsonOf(d)["decision"], c.name);
  }
}

TEST(DecisionJson, EffectStatusAndLimitedByNamesAreTheContractsWords) {
  Decision d = ContractExample();
  struct EffectCase {
    Effect effect;
    const char* name;
  };
  for (const EffectCase& c :
       {EffectCase{Effect::kDecline, "decline"}, EffectCase{Effect::kRefer, "refer"},
        EffectCase{Effect::kDefer, "defer"}, EffectCase{Effect::kCaution, "caution"},
        EffectCase{Effect::kInfo, "info"}}) {
    d.findings[0].effect = c.effect;
    EXPECT_EQ(JsonOf(d)["findings"][0]["effect"], c.name);
  }
  struct StatusCase {
    ZoneStatus status;
    const char* name;
  };
  for (const StatusCase& c :
       {StatusCase{ZoneStatus::kOk, "ok"}, StatusCase{ZoneStatus::kDeferred, "deferred"},
        StatusCase{ZoneStatus::kBlocked, "blocked"},
        StatusCase{ZoneStatus::kOutOfScope, "out_of_scope"}}) {
    d.zones[0].status = c.status;
    EXPECT_EQ(JsonOf(d)["zones"][0]["status"], c.name);
  }
  struct CapCase {
    CapSource source;
    const char* name;
  };
  for (const CapCase& c :
       {CapCase{CapSource::kSetting, "setting"}, CapCase{CapSource::kScope, "scope"},
        CapCase{CapSource::kDevice, "device"}, CapCase{CapSource::kCondition, "condition"},
        CapCase{CapSource::kZone, "zone"}, CapCase{CapSource::kIndication, "indication"}}) {
    d.zones[0].limited_by = c.source;
    EXPECT_EQ(JsonOf(d)["zones"][0]["limited_by"], c.name);
  }
}

TEST(DecisionJson, DepthsAreNumbersInMillimetres) {
  Decision d = ContractExample();
  d.zones[0].depth = DepthRange{Depth::FromMicrometres(250), Depth::FromMicrometres(750)};
  const Json j = JsonOf(d);
  ASSERT_TRUE(j["zones"][0]["depth_mm"]["min"].is_number());
  EXPECT_DOUBLE_EQ(j["zones"][0]["depth_mm"]["min"].get<double>(), 0.25);
  EXPECT_DOUBLE_EQ(j["zones"][0]["depth_mm"]["max"].get<double>(), 0.75);
}

TEST(DecisionJson, FindingZonesAreListedWhenTheFindingIsZoned) {
  Decision d = ContractExample();
  d.findings[0].zones = {Code("cheeks"), Code("chin")};
  EXPECT_EQ(JsonOf(d)["findings"][0]["zones"], Json::array({"cheeks", "chin"}));
}

TEST(DecisionJson, ScreenedDecisionHasTheContractShape) {
  const Decision d =
      IntakeBuilder()
          .Request("acne_scars", {"cheeks", "eyelid"})
          .Add("medications",
               {{"code", "isotretinoin"}, {"current", false}, {"last_dose", "2026-08-01"}})
          .Add("conditions", {{"code", "active_acne"}})
          .Screen();
  const Json j = JsonOf(d);
  EXPECT_EQ(KeysOf(j), kDecisionKeys);
  EXPECT_EQ(j["decision"], "decline");  // the eyelid
  EXPECT_EQ(j["earliest_date"], "2027-02-01");
  ASSERT_GE(j["findings"].size(), 3u);
  for (const Json& f : j["findings"]) {
    SCOPED_TRACE(f.dump());
    EXPECT_EQ(KeysOf(f), kFindingKeys);
    EXPECT_TRUE(f["rule"].is_string());
    EXPECT_TRUE(f["until"].is_null() || f["until"].is_string());
    EXPECT_TRUE(f["zones"].is_array());
    EXPECT_FALSE(f["summary"].get<std::string>().empty());
    EXPECT_FALSE(f["basis"].get<std::string>().empty());
    EXPECT_TRUE(f["sources"].is_array());
  }
  ASSERT_EQ(j["zones"].size(), 2u);
  for (const Json& z : j["zones"]) {
    SCOPED_TRACE(z.dump());
    EXPECT_EQ(KeysOf(z), kZoneKeys);
    EXPECT_TRUE(z["depth_mm"].is_null() ||
                KeysOf(z["depth_mm"]) == (std::vector<std::string>{"min", "max"}));
  }
  EXPECT_TRUE(j["zones"][0]["depth_mm"].is_null());  // eyelid, listed before the cheeks
  EXPECT_EQ(j["zones"][0]["zone"], "eyelid");
  EXPECT_EQ(j["zones"][0]["status"], "blocked");
  EXPECT_EQ(j["consent_items"], Json::array({"CN-01"}));
}

TEST(DecisionJson, DatedAndUndatedFindingsCarryUntilAsTextOrNull) {
  const Decision d =
      IntakeBuilder()
          .Add("medications",
               {{"code", "isotretinoin"}, {"current", false}, {"last_dose", "2026-08-01"}})
          .Add("conditions", {{"code", "active_acne"}})
          .Screen();
  const Json j = JsonOf(d);
  bool saw_dated = false;
  bool saw_undated = false;
  for (const Json& f : j["findings"]) {
    if (f["rule"] == "DF-01") {
      EXPECT_EQ(f["until"], "2027-02-01");
      EXPECT_EQ(f["effect"], "defer");
      saw_dated = true;
    }
    if (f["rule"] == "DF-03") {
      EXPECT_TRUE(f["until"].is_null());
      saw_undated = true;
    }
  }
  EXPECT_TRUE(saw_dated);
  EXPECT_TRUE(saw_undated);
}

TEST(DecisionJson, KbStampCarriesTheShippedVersionAndASha256Digest) {
  const Json j = JsonOf(IntakeBuilder().Screen());
  EXPECT_EQ(j["kb"]["version"], ShippedKb().version);
  EXPECT_EQ(j["kb"]["version"], "2026.11.2");
  const std::string digest = j["kb"]["digest"].get<std::string>();
  ASSERT_EQ(digest.rfind("sha256:", 0), 0u) << digest;
  const std::string hex = digest.substr(7);
  EXPECT_EQ(hex.size(), 64u);
  EXPECT_EQ(hex.find_first_not_of("0123456789abcdef"), std::string::npos) << hex;
  EXPECT_EQ(digest, ShippedKb().digest);
}

TEST(DecisionJson, SameIntakeGivesTheSameBytes) {
  const IntakeBuilder b = IntakeBuilder()
                              .Request("wrinkles", {"cheeks", "neck"})
                              .Add("conditions", {{"code", "rosacea"}})
                              .Add("medications", {{"code", "anticoagulant"}});
  EXPECT_EQ(DecisionToJson(b.Screen()), DecisionToJson(b.Screen()));
}

TEST(DecisionJson, OrderOfTheIntakesListsDoesNotChangeTheDecision) {
  const Json acne = {{"code", "active_acne"}, {"zones", {"cheeks"}}};
  const Json lupus = {{"code", "lupus"}};
  const Json waxing = {{"code", "waxing"}, {"date", "2026-11-10"}};
  const Json peel = {{"code", "superficial_peel"}, {"date", "2026-11-12"}};
  const std::string one = DecisionToJson(IntakeBuilder()
                                             .Request("wrinkles", {"neck", "cheeks"})
                                             .Add("conditions", acne)
                                             .Add("conditions", lupus)
                                             .Add("procedures", waxing)
                                             .Add("procedures", peel)
                                             .Screen());
  const std::string two = DecisionToJson(IntakeBuilder()
                                             .Request("wrinkles", {"cheeks", "neck"})
                                             .Add("conditions", lupus)
                                             .Add("conditions", acne)
                                             .Add("procedures", peel)
                                             .Add("procedures", waxing)
                                             .Screen());
  EXPECT_EQ(one, two);
}

// The decision is written without a JSON tree; nlohmann, reading it and writing it again, must
// give back the same bytes (the same escapes, number forms and separators).
TEST(DecisionJson, NlohmannRewritesARealDecisionToTheSameBytes) {
  const Decision d = IntakeBuilder()
                         .Request("wrinkles", {"cheeks", "neck"})
                         .Add("conditions", {{"code", "active_acne"}, {"zones", {"cheeks"}}})
                         .Add("conditions", {{"code", "lupus"}})
                         .Add("medications", {{"code", "anticoagulant"}})
                         .Add("procedures", {{"code", "superficial_peel"}, {"date", "2026-11-12"}})
                         .Screen();
  ASSERT_GE(d.findings.size(), 3U);
  for (const Decision& decision : {d, ContractExample(), Decision{}}) {
    const std::string written = DecisionToJson(decision);
    EXPECT_EQ(Json::parse(written).dump(), written);
  }
}

// --- Errors ------------------------------------------------------------------------------------

TEST(ErrorsJson, ErrorsAreAListOfPathAndMessage) {
  const std::vector<FieldError> errors = {{"conditions[2].code", "unknown code \"acme\""},
                                          {"client.birth_date", "required"}};
  EXPECT_EQ(ErrorsToJson(errors),
            R"({"errors":[{"path":"conditions[2].code","message":"unknown code \"acme\""},)"
            R"({"path":"client.birth_date","message":"required"}]})");
  const Json j = Json::parse(ErrorsToJson(errors));
  EXPECT_EQ(KeysOf(j), (std::vector<std::string>{"errors"}));
  EXPECT_EQ(KeysOf(j["errors"][0]), (std::vector<std::string>{"path", "message"}));
}

TEST(ErrorsJson, NoErrorsIsAnEmptyList) { EXPECT_EQ(ErrorsToJson({}), R"({"errors":[]})"); }

}  // namespace
}  // namespace corium::engine

// Intake parsing (contracts.md §1.1 and the exit-1 rule of §1): every offending field is named by
// its JSON path, nothing unknown is silently dropped, and the documented defaults hold.
#include "corium/engine/intake_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/intake_builder.h"
#include "support/test_kb.h"

namespace corium::engine {
namespace {

using nlohmann::json;
using testing::IntakeBuilder;
using testing::ShippedKb;

const Date kDefaultAsOf = Date::FromYmd(2026, 11, 20);

Result<Intake> Parse(const std::string& text) {
  return ParseIntake(text, ShippedKb(), kDefaultAsOf);
}
Result<Intake> Parse(const IntakeBuilder& b) { return Parse(b.str()); }

std::vector<FieldError> ErrorsOf(const IntakeBuilder& b) {
  const auto result = Parse(b);
  EXPECT_FALSE(result.ok()) << b.str();
  return result.ok() ? std::vector<FieldError>{} : result.status().field_errors();
}

std::vector<std::string> PathsOf(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const FieldError& e : errors) out.push_back(e.path);
  return out;
}

const FieldError* ErrorAt(const std::vector<FieldError>& errors, const std::string& path) {
  for (const FieldError& e : errors) {
    if (e.path == path) return &e;
  }
  return nullptr;
}

// Exactly one error, at `path`.
void ExpectOnlyErrorAt(const IntakeBuilder& b, const std::string& path) {
  const auto errors = ErrorsOf(b);
  ASSERT_EQ(errors.size(), 1u) << ::testing::PrintToString(PathsOf(errors));
  EXPECT_EQ(errors[0].path, path) << errors[0].message;
  EXPECT_FALSE(errors[0].message.empty());
}

TEST(IntakeParser, BaselineIntakeIsValid) {
  const auto intake = Parse(IntakeBuilder());
  ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  EXPECT_EQ(intake->as_of.ToString(), "2026-11-20");
  EXPECT_EQ(intake->requests.size(), 1u);
}

TEST(IntakeParser, ContractExampleIntakeIsValid) {
  const std::string text = R"({
    "as_of": "2026-11-20",
    "setting": "clinic",
    "client": {"birth_date": "1990-05-01", "fitzpatrick": 3, "pregnant": false, "breastfeeding": false},
    "conditions":  [{"code": "active_acne", "zones": ["cheeks"]},
                    {"code": "diabetes", "controlled": true}],
    "medications": [{"code": "isotretinoin", "current": false, "last_dose": "2026-08-01"}],
    "allergies":   [{"code": "lidocaine"}],
    "procedures":  [{"code": "waxing", "date": "2026-11-10", "zones": ["perioral"]},
                    {"code": "microneedling", "date": "2026-10-30", "zones": ["cheeks"], "depth_mm": 1.0}],
    "requests":    [{"indication": "acne_scars", "zones": ["cheeks", "chin"]}],
    "practitioner": {"role": "nurse", "jurisdiction": "US-UT", "supervised": true},
    "device":      {"kind": "pen", "cleared": true, "max_depth_mm": 2.5, "needle_material": "stainless_steel"}
  })";
  const auto intake = Parse(text);
  ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  ASSERT_EQ(intake->conditions.size(), 2u);
  EXPECT_EQ(intake->conditions[1].controlled, std::optional<bool>(true));
  ASSERT_EQ(intake->procedures.size(), 2u);
  ASSERT_TRUE(intake->procedures[1].depth.has_value());
  EXPECT_EQ(intake->procedures[1].depth->micrometres(), 1000);
  EXPECT_TRUE(intake->practitioner.supervised);
}

// --- Unknown fields and codes ------------------------------------------------------------------

TEST(IntakeParser, UnknownTopLevelFieldIsAnErrorAtItsName) {
  ExpectOnlyErrorAt(IntakeBuilder().Set("/conditons", json::array()), "conditons");
}

TEST(IntakeParser, UnknownNestedFieldIsAnErrorAtItsFullPath) {
  const IntakeBuilder b = IntakeBuilder()
                              .Add("conditions", {{"code", "active_acne"}, {"zones", {"cheeks"}}})
                              .Add("conditions", {{"code", "rosacea"}, {"zone", {"cheeks"}}});
  ExpectOnlyErrorAt(b, "conditions[1].zone");
}

TEST(IntakeParser, UnknownFieldsInEveryObjectAreReported) {
  struct Case {
    const char* pointer;
    const char* path;
  };
  for (const Case& c :
       {Case{"/client/pregnent", "client.pregnent"},
        Case{"/practitioner/supervisor", "practitioner.supervisor"},
        Case{"/device/needle", "device.needle"}, Case{"/requests/0/zone", "requests[0].zone"}}) {
    SCOPED_TRACE(c.path);
    ExpectOnlyErrorAt(IntakeBuilder().Set(c.pointer, true), c.path);
  }
}

TEST(IntakeParser, UnknownFieldInAMedicationProcedureOrAllergyIsReported) {
  ExpectOnlyErrorAt(IntakeBuilder().Add("medications", {{"code", "aha_bha"}, {"curent", false}}),
                    "medications[0].curent");
  ExpectOnlyErrorAt(IntakeBuilder().Add(
                        "procedures", {{"code", "waxing"}, {"date", "2026-11-01"}, {"depth", 0.5}}),
                    "procedures[0].depth");
  ExpectOnlyErrorAt(IntakeBuilder().Add("allergies", {{"code", "nickel"}, {"severity", "high"}}),
                    "allergies[0].severity");
}

TEST(IntakeParser, UnknownCodeIsAnErrorNamingTheCode) {
  const auto errors = ErrorsOf(IntakeBuilder()
                                   .Add("conditions", {{"code", "active_acne"}})
                                   .Add("conditions", {{"code", "rosacea"}})
                                   .Add("conditions", {{"code", "acme"}}));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "conditions[2].code");
  EXPECT_NE(errors[0].message.find("unknown code \"acme\""), std::string::npos)
      << errors[0].message;
}

TEST(IntakeParser, UnknownCodesAreReportedInEveryCategory) {
  struct Case {
    IntakeBuilder builder;
    const char* path;
  };
  const std::vector<Case> cases = {
      {IntakeBuilder().Add("medications", {{"code", "aspirin"}}), "medications[0].code"},
      {IntakeBuilder().Add("allergies", {{"code", "latex"}}), "allergies[0].code"},
      {IntakeBuilder().Add("procedures", {{"code", "botox"}, {"date", "2026-11-01"}}),
       "procedures[0].code"},
      {IntakeBuilder().Request("tattoo_removal", {"cheeks"}), "requests[0].indication"},
      {IntakeBuilder().Request("wrinkles", {"cheeks", "elbow"}), "requests[0].zones[1]"},
      {IntakeBuilder().Add("conditions", {{"code", "rosacea"}, {"zones", {"cheek"}}}),
       "conditions[0].zones[0]"},
      {IntakeBuilder().Set("/practitioner/role", "dentist"), "practitioner.role"},
      {IntakeBuilder().Set("/device/kind", "laser"), "device.kind"},
      {IntakeBuilder().Set("/device/needle_material", "copper"), "device.needle_material"},
      {IntakeBuilder().Set("/setting", "spa"), "setting"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    ExpectOnlyErrorAt(c.builder, c.path);
  }
}

// --- Dates -------------------------------------------------------------------------------------

TEST(IntakeParser, ImpossibleDateIsAnErrorAtItsPath) {
  ExpectOnlyErrorAt(IntakeBuilder().Add("procedures", {{"code", "waxing"}, {"date", "2026-02-30"}}),
                    "procedures[0].date");
}

TEST(IntakeParser, MalformedDatesAreErrors) {
  for (const char* text : {"2026-2-03", "03/02/2026", "2026-11-20T10:00", "yesterday"}) {
    SCOPED_TRACE(text);
    ExpectOnlyErrorAt(IntakeBuilder().Set("/client/birth_date", text), "client.birth_date");
  }
}

TEST(IntakeParser, ImpossibleAsOfIsAnError) {
  const auto errors = ErrorsOf(IntakeBuilder().Set("/as_of", "2026-13-01"));
  EXPECT_NE(ErrorAt(errors, "as_of"), nullptr) << ::testing::PrintToString(PathsOf(errors));
}

TEST(IntakeParser, HistoryDateAfterAsOfIsAnError) {
  ExpectOnlyErrorAt(IntakeBuilder().Add("procedures", {{"code", "waxing"}, {"date", "2026-11-21"}}),
                    "procedures[0].date");
  ExpectOnlyErrorAt(IntakeBuilder().Add("medications", {{"code", "isotretinoin"},
                                                        {"current", false},
                                                        {"last_dose", "2026-12-01"}}),
                    "medications[0].last_dose");
  ExpectOnlyErrorAt(
      IntakeBuilder().Add("conditions", {{"code", "sunburn"}, {"resolved", "2026-11-21"}}),
      "conditions[0].resolved");
  ExpectOnlyErrorAt(IntakeBuilder().Set("/client/birth_date", "2027-01-01"), "client.birth_date");
}

TEST(IntakeParser, HistoryDateOnAsOfIsAccepted) {
  const auto intake =
      Parse(IntakeBuilder().Add("procedures", {{"code", "waxing"}, {"date", "2026-11-20"}}));
  ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  EXPECT_EQ(intake->procedures[0].date.ToString(), "2026-11-20");
}

TEST(IntakeParser, HistoryDatesAreJudgedAgainstTheIntakesOwnAsOf) {
  // The default as_of is 2026-11-20, but the intake says 2027-01-10.
  const auto intake = Parse(IntakeBuilder()
                                .Set("/as_of", "2027-01-10")
                                .Add("procedures", {{"code", "waxing"}, {"date", "2027-01-01"}}));
  ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  ExpectOnlyErrorAt(IntakeBuilder()
                        .Set("/as_of", "2026-10-01")
                        .Add("procedures", {{"code", "waxing"}, {"date", "2026-10-15"}}),
                    "procedures[0].date");
}

TEST(IntakeParser, ProcedureWithoutADateIsAnError) {
  ExpectOnlyErrorAt(IntakeBuilder().Add("procedures", {{"code", "waxing"}}), "procedures[0].date");
}

// --- Client ------------------------------------------------------------------------------------

TEST(IntakeParser, MissingBirthDateIsAnError) {
  ExpectOnlyErrorAt(IntakeBuilder().Remove("/client/birth_date"), "client.birth_date");
}

TEST(IntakeParser, MissingClientIsAnError) {
  const auto errors = ErrorsOf(IntakeBuilder().Remove("/client"));
  EXPECT_FALSE(errors.empty());
  bool names_client = false;
  for (const FieldError& e : errors) names_client = names_client || e.path.rfind("client", 0) == 0;
  EXPECT_TRUE(names_client) << ::testing::PrintToString(PathsOf(errors));
}

TEST(IntakeParser, FitzpatrickOutsideOneToSixIsAnError) {
  for (const int type : {0, 7, -1}) {
    SCOPED_TRACE(type);
    ExpectOnlyErrorAt(IntakeBuilder().Set("/client/fitzpatrick", type), "client.fitzpatrick");
  }
}

TEST(IntakeParser, FitzpatrickMustBeAWholeNumber) {
  ExpectOnlyErrorAt(IntakeBuilder().Set("/client/fitzpatrick", 3.5), "client.fitzpatrick");
  ExpectOnlyErrorAt(IntakeBuilder().Set("/client/fitzpatrick", "III"), "client.fitzpatrick");
}

TEST(IntakeParser, FitzpatrickIsOptional) {
  const auto intake = Parse(IntakeBuilder().Remove("/client/fitzpatrick"));
  ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  EXPECT_FALSE(intake->client.fitzpatrick.has_value());
}

// --- Depths ------------------------------------------------------------------------------------

TEST(IntakeParser, NegativeDepthIsAnError) {
  ExpectOnlyErrorAt(
      IntakeBuilder().Add("procedures",
                          {{"code", "microneedling"}, {"date", "2026-11-01"}, {"depth_mm", -0.5}}),
      "procedures[0].depth_mm");
  ExpectOnlyErrorAt(IntakeBuilder().Set("/device/max_depth_mm", -1.0), "device.max_depth_mm");
}

TEST(IntakeParser, DepthMustBeANumber) {
  ExpectOnlyErrorAt(IntakeBuilder().Set("/device/max_depth_mm", "2.5"), "device.max_depth_mm");
}

TEST(IntakeParser, ZeroDepthIsAccepted) {
  const auto intake = Parse(IntakeBuilder().Set("/device/max_depth_mm", 0));
  ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  ASSERT_TRUE(intake->device->max_depth.has_value());
  EXPECT_TRUE(intake->device->max_depth->is_zero());
}

// --- Requests ----------------------------------------------------------------------------------

TEST(IntakeParser, EmptyRequestsIsAnError) {
  ExpectOnlyErrorAt(IntakeBuilder().Set("/requests", json::array()), "requests");
}

TEST(IntakeParser, MissingRequestsIsAnError) {
  ExpectOnlyErrorAt(IntakeBuilder().Remove("/requests"), "requests");
}

TEST(IntakeParser, RequestWithoutZonesIsAnError) {
  ExpectOnlyErrorAt(IntakeBuilder().Remove("/requests/0/zones"), "requests[0].zones");
  ExpectOnlyErrorAt(IntakeBuilder().Set("/requests/0/zones", json::array()), "requests[0].zones");
}

TEST(IntakeParser, RequestWithoutIndicationIsAnError) {
  ExpectOnlyErrorAt(IntakeBuilder().Remove("/requests/0/indication"), "requests[0].indication");
}

// --- Types -------------------------------------------------------------------------------------

TEST(IntakeParser, WrongTypesAreErrorsAtTheirPaths) {
  struct Case {
    const char* pointer;
    json value;
    const char* path;
  };
  const std::vector<Case> cases = {
      {"/client/pregnant", "yes", "client.pregnant"},
      {"/client/breastfeeding", 0, "client.breastfeeding"},
      {"/client/birth_date", 19880314, "client.birth_date"},
      {"/as_of", 20261120, "as_of"},
      {"/conditions", "active_acne", "conditions"},
      {"/medications", {{"code", "aha_bha"}}, "medications"},
      {"/requests/0/zones", "cheeks", "requests[0].zones"},
      {"/requests/0/indication", 3, "requests[0].indication"},
      {"/device/cleared", "true", "device.cleared"},
      {"/practitioner/supervised", "no", "practitioner.supervised"},
      {"/practitioner/jurisdiction", 42, "practitioner.jurisdiction"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    ExpectOnlyErrorAt(IntakeBuilder().Set(c.pointer, c.value), c.path);
  }
}

TEST(IntakeParser, ConditionThatIsNotAnObjectIsAnErrorAtItsIndex) {
  ExpectOnlyErrorAt(IntakeBuilder().Add("conditions", "active_acne"), "conditions[0]");
}

TEST(IntakeParser, ControlledMustBeABoolean) {
  ExpectOnlyErrorAt(
      IntakeBuilder().Add("conditions", {{"code", "diabetes"}, {"controlled", "yes"}}),
      "conditions[0].controlled");
}

TEST(IntakeParser, MedicationCurrentMustBeABoolean) {
  ExpectOnlyErrorAt(IntakeBuilder().Add("medications", {{"code", "aha_bha"}, {"current", 1}}),
                    "medications[0].current");
}

TEST(IntakeParser, IntakeThatIsNotAnObjectIsRejected) {
  for (const char* text : {"[]", "42", "\"intake\"", "null"}) {
    SCOPED_TRACE(text);
    const auto result = Parse(std::string(text));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
    EXPECT_FALSE(result.status().field_errors().empty());
  }
}

TEST(IntakeParser, InvalidJsonTextIsRejectedWithAnError) {
  for (const char* text : {"", "{", "{\"as_of\": }", "{\"as_of\": \"2026-11-20\",}", "not json"}) {
    SCOPED_TRACE(text);
    const auto result = Parse(std::string(text));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
    ASSERT_FALSE(result.status().field_errors().empty());
    EXPECT_FALSE(result.status().field_errors()[0].message.empty());
  }
}

// --- Several errors at once --------------------------------------------------------------------

TEST(IntakeParser, EveryErrorIsReportedNotJustTheFirst) {
  const IntakeBuilder b = IntakeBuilder()
                              .Set("/colour", "red")
                              .Set("/client/fitzpatrick", 9)
                              .Add("conditions", {{"code", "acme"}})
                              .Add("procedures", {{"code", "waxing"}, {"date", "2026-02-30"}})
                              .Set("/device/max_depth_mm", -2)
                              .Set("/requests/0/zones", json::array());
  const auto errors = ErrorsOf(b);
  const std::vector<std::string> expected = {"colour",
                                             "client.fitzpatrick",
                                             "conditions[0].code",
                                             "procedures[0].date",
                                             "device.max_depth_mm",
                                             "requests[0].zones"};
  for (const std::string& path : expected) {
    EXPECT_NE(ErrorAt(errors, path), nullptr)
        << "missing " << path << " in " << ::testing::PrintToString(PathsOf(errors));
  }
  EXPECT_EQ(errors.size(), expected.size()) << ::testing::PrintToString(PathsOf(errors));
}

TEST(IntakeParser, ErrorsInSeveralListItemsAreEachReported) {
  const auto errors = ErrorsOf(IntakeBuilder()
                                   .Add("conditions", {{"code", "acme"}})
                                   .Add("conditions", {{"code", "active_acne"}})
                                   .Add("conditions", {{"code", "fake"}}));
  EXPECT_EQ(PathsOf(errors),
            (std::vector<std::string>{"conditions[0].code", "conditions[2].code"}));
}

// --- Settings and roles ------------------------------------------------------------------------

TEST(IntakeParser, HomeUserInAClinicIsRejected) {
  ExpectOnlyErrorAt(IntakeBuilder().Set("/practitioner", {{"role", "home_user"}}),
                    "practitioner.role");
}

TEST(IntakeParser, PractitionerMayBeOmittedAtHomeAndIsTheHomeUser) {
  const auto intake = Parse(IntakeBuilder().Set("/setting", "home").Remove("/practitioner"));
  ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  EXPECT_EQ(intake->setting.str(), "home");
  EXPECT_EQ(intake->practitioner.role.str(), "home_user");
}

TEST(IntakeParser, PractitionerIsRequiredInAClinic) {
  const auto errors = ErrorsOf(IntakeBuilder().Remove("/practitioner"));
  EXPECT_NE(ErrorAt(errors, "practitioner"), nullptr) << ::testing::PrintToString(PathsOf(errors));
}

TEST(IntakeParser, UnlistedJurisdictionIsAccepted) {
  const auto intake = Parse(IntakeBuilder().Practitioner("nurse", "US-WA", true));
  ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  EXPECT_EQ(intake->practitioner.jurisdiction, "US-WA");
}

// --- Defaults ----------------------------------------------------------------------------------

TEST(IntakeParser, SettingDefaultsToClinic) {
  const auto intake = Parse(IntakeBuilder().Remove("/setting"));
  ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  EXPECT_EQ(intake->setting.str(), "clinic");
}

TEST(IntakeParser, AsOfDefaultsToTheDatePassedIn) {
  const auto intake =
      ParseIntake(IntakeBuilder().Remove("/as_of").str(), ShippedKb(), Date::FromYmd(2026, 12, 3));
  ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  EXPECT_EQ(intake->as_of.ToString(), "2026-12-03");
}

TEST(IntakeParser, AsOfInTheIntakeOverridesTheDefault) {
  const auto intake = ParseIntake(IntakeBuilder().Set("/as_of", "2026-11-25").str(), ShippedKb(),
                                  Date::FromYmd(2026, 12, 3));
  ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  EXPECT_EQ(intake->as_of.ToString(), "2026-11-25");
}

TEST(IntakeParser, MedicationCurrentDefaultsToTrue) {
  const auto intake = Parse(IntakeBuilder().Add("medications", {{"code", "aha_bha"}}));
  ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  ASSERT_EQ(intake->medications.size(), 1u);
  EXPECT_TRUE(intake->medications[0].current);
}

TEST(IntakeParser, DiabetesControlDefaultsToUnknown) {
  const auto intake = Parse(IntakeBuilder().Add("conditions", {{"code", "diabetes"}}));
  ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  EXPECT_FALSE(intake->conditions[0].controlled.has_value());
  EXPECT_FALSE(intake->conditions[0].resolved.has_value());
  EXPECT_TRUE(intake->conditions[0].zones.empty());
}

TEST(IntakeParser, PregnancyAndBreastfeedingDefaultToFalse) {
  const auto intake =
      Parse(IntakeBuilder().Remove("/client/pregnant").Remove("/client/breastfeeding"));
  ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  EXPECT_FALSE(intake->client.pregnant);
  EXPECT_FALSE(intake->client.breastfeeding);
}

TEST(IntakeParser, HistoryListsAndDeviceAreOptional) {
  const auto intake = Parse(IntakeBuilder()
                                .Remove("/conditions")
                                .Remove("/medications")
                                .Remove("/allergies")
                                .Remove("/procedures")
                                .Remove("/device"));
  ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  EXPECT_TRUE(intake->conditions.empty());
  EXPECT_FALSE(intake->device.has_value());
}

TEST(IntakeParser, UnstatedNeedleMaterialIsKeptUnstated) {
  const auto intake = Parse(IntakeBuilder().Remove("/device/needle_material"));
  ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  EXPECT_FALSE(intake->device->needle_material.has_value());
}

}  // namespace
}  // namespace corium::engine

namespace corium::engine {
namespace {

TEST(IntakeParserDuplicates, RepeatedFieldIsAnErrorNotASilentReplacement) {
  const std::string text = R"({"client": {"birth_date": "1988-03-14"},
    "conditions": [{"code": "active_acne"}], "conditions": [],
    "requests": [{"indication": "wrinkles", "zones": ["cheeks"]}],
    "practitioner": {"role": "physician", "jurisdiction": "US-UT"}})";
  const auto intake = ParseIntake(text, corium::testing::ShippedKb(), Date::FromYmd(2026, 11, 20));
  ASSERT_FALSE(intake.ok());
  ASSERT_EQ(intake.status().field_errors().size(), 1u);
  EXPECT_NE(intake.status().field_errors()[0].message.find("\"conditions\" appears twice"),
            std::string::npos);
}

// The HTTP pipeline hands the parser simdjson's index of a body; a stored or built intake comes
// as nlohmann's tree. Both must give the same intake, or the same errors in the same order.
TEST(IntakeParserForms, TheIndexAndTheTreeGiveTheSameAnswer) {
  const Date today = Date::FromYmd(2026, 11, 20);
  const kb::KnowledgeBase& kb = corium::testing::ShippedKb();
  const std::vector<std::string> texts = {
      IntakeBuilder().str(),
      R"({"zz": 1, "client": {"birth_date": "1988-03-14", "zeta": 1, "alpha": 2},
          "aa": 2, "requests": [{"indication": "wrinkles", "zones": ["cheeks", "nowhere"]}],
          "practitioner": {"role": "physician"}, "device": {"kind": "pen", "max_depth_mm": 11}})",
      R"({"client": {"birth_date": "1988-03-14", "fitzpatrick": 9223372036854775808},
          "conditions": [{"code": 3}, {"zones": "cheeks"}], "medications": [{"code": "isotretinoin",
          "last_dose": "2031-01-01"}], "procedures": [{"code": "waxing", "date": "2026-02-30"}],
          "requests": [], "practitioner": {"role": "physician", "supervised": "yes"}})",
      R"({"client": {"birth_date": "1988-03-14", "fitzpatrick": 4.0},
          "requests": [{"indication": "wrinkles", "zones": ["cheeks"]}],
          "practitioner": {"role": "physician", "jurisdiction": ""}, "device": {"kind": "pen",
          "cleared": true, "max_depth_mm": 1e1, "needle_material": "gold"}})",
      R"([])",
  };
  for (const std::string& text : texts) {
    auto read = ReadStrictJson(text, 32);
    ASSERT_TRUE(std::holds_alternative<StrictJsonDocument>(read)) << text;
    const auto from_index = ParseIntakeDocument(std::get<StrictJsonDocument>(read), kb, today);
    const auto from_tree = ParseIntakeDocument(json::parse(text), kb, today);
    ASSERT_EQ(from_index.ok(), from_tree.ok()) << text;
    if (from_index.ok()) {
      EXPECT_EQ(from_index->requests.size(), from_tree->requests.size());
      EXPECT_EQ(from_index->client.fitzpatrick, from_tree->client.fitzpatrick);
      EXPECT_EQ(from_index->device.has_value(), from_tree->device.has_value());
      continue;
    }
    const auto& index_errors = from_index.status().field_errors();
    const auto& tree_errors = from_tree.status().field_errors();
    ASSERT_EQ(PathsOf(index_errors), PathsOf(tree_errors)) << text;
    for (size_t i = 0; i < index_errors.size(); ++i) {
      EXPECT_EQ(index_errors[i].message, tree_errors[i].message) << index_errors[i].path;
    }
  }
}

// Unknown fields are named by name order, not the text's, whichever form is read.
TEST(IntakeParserForms, UnknownFieldsAreListedByName) {
  const std::string text = R"({"zz": 1, "client": {"birth_date": "1988-03-14"}, "aa": 2,
      "requests": [{"indication": "wrinkles", "zones": ["cheeks"]}], "mm": 3,
      "practitioner": {"role": "physician"}})";
  const auto intake = Parse(text);
  ASSERT_FALSE(intake.ok());
  EXPECT_EQ(PathsOf(intake.status().field_errors()), (std::vector<std::string>{"aa", "mm", "zz"}));
}

}  // namespace
}  // namespace corium::engine

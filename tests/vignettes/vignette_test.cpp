// Vignettes through the CLI as a black box: each case of screening.json is piped into
// `corium screen - --format json` and its decision, earliest date and zone plans are compared with
// what contracts.md §1 says they must be. Also the text format and the exit statuses of misuse.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/test_kb.h"

namespace corium::testing {
namespace {

using nlohmann::json;

struct Vignette {
  std::string name;
  json intake;
  json expect;
};

// Printed by gtest in failure messages instead of a byte dump.
void PrintTo(const Vignette& v, std::ostream* os) { *os << v.name; }

std::string VignettesPath() { return TestsDir() + "/vignettes/screening.json"; }

// The cases of screening.json; empty when the file cannot be read (CasesFileIsReadable reports it).
std::vector<Vignette> LoadVignettes() {
  std::ifstream in(VignettesPath());
  if (!in) return {};
  const json doc = json::parse(in, nullptr, false);
  if (!doc.is_array()) return {};
  std::vector<Vignette> cases;
  for (const json& item : doc) {
    if (!item.is_object() || !item.contains("name") || !item.contains("intake") ||
        !item.contains("expect")) {
      continue;
    }
    cases.push_back({item["name"].get<std::string>(), item["intake"], item["expect"]});
  }
  return cases;
}

const std::vector<Vignette>& Vignettes() {
  static const std::vector<Vignette> kCases = LoadVignettes();
  return kCases;
}

// "anticoagulant, supervised nurse" -> "anticoagulant_supervised_nurse".
std::string Slug(const std::string& text) {
  std::string name;
  bool gap = false;
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      if (gap && !name.empty()) name += '_';
      name += c;
      gap = false;
    } else {
      gap = true;
    }
  }
  return name.empty() ? "case" : name;
}

// The case name as a gtest name, unique across the file (names that differ only in punctuation
// get a numeric suffix).
std::string TestNameOf(const ::testing::TestParamInfo<Vignette>& info) {
  const std::string name = Slug(info.param.name);
  size_t same = 0;
  const auto& all = Vignettes();
  for (size_t i = 0; i < info.index && i < all.size(); ++i) {
    if (Slug(all[i].name) == name) ++same;
  }
  return same == 0 ? name : name + "_" + std::to_string(same + 1);
}


json ParseOrNull(const std::string& text) {
  json out = json::parse(text, nullptr, false);
  return out.is_discarded() ? json(nullptr) : out;
}

const json* ZoneEntry(const json& decision, const std::string& zone) {
  if (!decision.contains("zones") || !decision["zones"].is_array()) return nullptr;
  for (const json& z : decision["zones"]) {
    if (z.is_object() && z.value("zone", "") == zone) return &z;
  }
  return nullptr;
}

TEST(VignetteFile, CasesFileIsReadable) {
  std::ifstream in(VignettesPath());
  ASSERT_TRUE(in) << "cannot open " << VignettesPath();
  const json doc = json::parse(in, nullptr, false);
  ASSERT_TRUE(doc.is_array()) << VignettesPath() << " is not a JSON array";
  EXPECT_EQ(Vignettes().size(), doc.size()) << "every case needs name, intake and expect";
  EXPECT_GE(Vignettes().size(), 20U);
}

class VignetteTest : public ::testing::TestWithParam<Vignette> {};

TEST_P(VignetteTest, ScreensAsExpected) {
  const Vignette& v = GetParam();
  const CommandResult run = RunCorium("screen - --format json", v.intake.dump());
  SCOPED_TRACE("stdout: " + run.out + "\nstderr: " + run.err);

  if (v.expect.value("invalid", false)) {
    const std::string path = v.expect.at("path").get<std::string>();
    EXPECT_EQ(run.exit_code, 1) << "an invalid intake exits 1";
    EXPECT_NE(run.err.find(path), std::string::npos) << "standard error names " << path;
    const json out = ParseOrNull(run.out);
    ASSERT_TRUE(out.is_object()) << "standard output is one JSON object";
    ASSERT_TRUE(out.contains("errors") && out["errors"].is_array());
    ASSERT_FALSE(out["errors"].empty());
    bool named = false;
    for (const json& e : out["errors"]) {
      ASSERT_TRUE(e.is_object());
      ASSERT_TRUE(e.contains("path") && e["path"].is_string()) << e.dump();
      ASSERT_TRUE(e.contains("message") && e["message"].is_string()) << e.dump();
      EXPECT_FALSE(e["message"].get<std::string>().empty());
      named = named || e["path"] == path;
    }
    EXPECT_TRUE(named) << "errors[] holds path " << path;
    return;
  }

  ASSERT_EQ(run.exit_code, 0) << "a decision was made";
  const json out = ParseOrNull(run.out);
  ASSERT_TRUE(out.is_object()) << "standard output is one JSON object";
  ASSERT_TRUE(out.contains("decision"));

  const json& want = v.expect.at("decision");
  if (want.is_array()) {
    EXPECT_NE(std::find(want.begin(), want.end(), out["decision"]), want.end())
        << "decision " << out["decision"] << " is not one of " << want;
  } else {
    EXPECT_EQ(out["decision"], want);
  }
  if (v.expect.contains("earliest_date")) {
    ASSERT_TRUE(out.contains("earliest_date")) << "earliest_date is always present";
    EXPECT_EQ(out["earliest_date"], v.expect["earliest_date"]);
  }
  if (v.expect.contains("zones")) {
    for (const json& wz : v.expect["zones"]) {
      const std::string zone = wz.at("zone").get<std::string>();
      const json* z = ZoneEntry(out, zone);
      ASSERT_NE(z, nullptr) << "zone " << zone << " is in the decision";
      SCOPED_TRACE("zone " + zone);
      for (const char* key : {"status", "limited_by", "endpoint"}) {
        if (wz.contains(key)) {
          EXPECT_EQ((*z).value(key, json()), wz[key]) << key;
        }
      }
      if (wz.contains("max")) {
        ASSERT_TRUE(z->contains("depth_mm") && (*z)["depth_mm"].is_object())
            << "depth_mm is not null";
        const json& max = (*z)["depth_mm"]["max"];
        ASSERT_TRUE(max.is_number());
        EXPECT_NEAR(max.get<double>(), wz["max"].get<double>(), 1e-9) << "depth_mm.max";
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Screening, VignetteTest, ::testing::ValuesIn(Vignettes()), TestNameOf);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(VignetteTest);

// --- the rest of the command line -----------------------------------------------------------

const Vignette* VignetteNamed(const std::string& name) {
  for (const Vignette& v : Vignettes()) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

TEST(ScreenCli, TextFormatLeadsWithTheDecisionAndNamesTheDate) {
  const Vignette* v = VignetteNamed("isotretinoin stopped 2026-08-01");
  ASSERT_NE(v, nullptr);
  const CommandResult run = RunCorium("screen - --format text", v->intake.dump());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::string head = run.out.substr(0, 5);
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(head, "defer") << run.out;
  EXPECT_NE(run.out.find("2027-02-01"), std::string::npos) << run.out;
  EXPECT_EQ(ParseOrNull(run.out), json(nullptr)) << "text output is not JSON";
}

TEST(ScreenCli, TextAndJsonAgreeOnTheDecision) {
  const Vignette* v = VignetteNamed("esthetician in California");
  ASSERT_NE(v, nullptr);
  const CommandResult text = RunCorium("screen - --format text", v->intake.dump());
  const CommandResult js = RunCorium("screen - --format json", v->intake.dump());
  ASSERT_EQ(text.exit_code, 0);
  ASSERT_EQ(js.exit_code, 0);
  EXPECT_EQ(text.out.rfind("REFER", 0), 0U) << text.out;
  EXPECT_EQ(ParseOrNull(js.out).value("decision", ""), "refer");
}

TEST(ScreenCli, ReadsTheIntakeFromAFile) {
  const Vignette* v = VignetteNamed("waxed upper lip, perioral request");
  ASSERT_NE(v, nullptr);
  const std::string path = ::testing::TempDir() + "/corium-vignette-intake.json";
  {
    std::ofstream out(path);
    out << v->intake.dump(2);
  }
  const CommandResult run = RunCorium("screen " + ShellQuote(path) + " --format json");
  std::remove(path.c_str());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json out = ParseOrNull(run.out);
  EXPECT_EQ(out.value("decision", ""), "defer");
  EXPECT_EQ(out.value("earliest_date", ""), "2026-11-24");
}

TEST(ScreenCli, MalformedJsonIsAnInvalidIntake) {
  const CommandResult run = RunCorium("screen - --format json", "{\"as_of\": ");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const json out = ParseOrNull(run.out);
  ASSERT_TRUE(out.is_object()) << run.out;
  ASSERT_TRUE(out.contains("errors") && out["errors"].is_array() && !out["errors"].empty());
}

// nlohmann::json throws out_of_range (not parse_error) for a number too large for a double; the
// intake is invalid (exit 1), and the process must not abort. Found by the intake fuzzer.
TEST(ScreenCli, NumberOverflowIsAnInvalidIntake) {
  const CommandResult run = RunCorium(
      "screen - --format json",
      R"({"as_of": "2026-11-20", "client": {"birth_date": "1988-03-14", "fitzpatrick": 1e400},
          "requests": [{"indication": "wrinkles", "zones": ["cheeks"]}],
          "practitioner": {"role": "physician", "jurisdiction": "US-UT"}})");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const json out = ParseOrNull(run.out);
  ASSERT_TRUE(out.is_object()) << run.out;
  ASSERT_TRUE(out.contains("errors") && out["errors"].is_array() && !out["errors"].empty());
}

TEST(ScreenCli, UnknownFlagIsAUsageError) {
  const Vignette* v = VignetteNamed("clean physician, cheek wrinkles");
  ASSERT_NE(v, nullptr);
  const CommandResult run = RunCorium("screen - --format json --frobnicate", v->intake.dump());
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_FALSE(run.err.empty());
  EXPECT_EQ(run.out.find("\"decision\""), std::string::npos) << "no decision on a usage error";
}

TEST(ScreenCli, UnknownFormatIsAUsageError) {
  const Vignette* v = VignetteNamed("clean physician, cheek wrinkles");
  ASSERT_NE(v, nullptr);
  const CommandResult run = RunCorium("screen - --format xml", v->intake.dump());
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_FALSE(run.err.empty());
  EXPECT_EQ(run.out.find("\"decision\""), std::string::npos);
}

TEST(ScreenCli, NoSubcommandIsAUsageError) {
  const CommandResult run = RunCorium("");
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
}

TEST(ScreenCli, MissingInputFileExits2) {
  const CommandResult run =
      RunCorium("screen /nonexistent/corium/no-such-intake.json --format json");
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("no-such-intake.json"), std::string::npos) << run.err;
  EXPECT_EQ(run.out.find("\"decision\""), std::string::npos);
}

TEST(ScreenCli, MissingKnowledgeBaseExits2) {
  const Vignette* v = VignetteNamed("clean physician, cheek wrinkles");
  ASSERT_NE(v, nullptr);
  const CommandResult run = RunCorium("screen - --kb /nonexistent --format json", v->intake.dump());
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("/nonexistent"), std::string::npos) << run.err;
  EXPECT_EQ(run.out.find("\"decision\""), std::string::npos);
}

TEST(ScreenCli, ExplicitShippedKbGivesTheSameDecision) {
  const Vignette* v = VignetteNamed("anticoagulant, physician");
  ASSERT_NE(v, nullptr);
  const CommandResult plain = RunCorium("screen - --format json", v->intake.dump());
  const CommandResult explicit_kb =
      RunCorium("screen - --format json --kb " + ShellQuote(SourceKbDir()), v->intake.dump());
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  ASSERT_EQ(explicit_kb.exit_code, 0) << explicit_kb.err;
  EXPECT_EQ(plain.out, explicit_kb.out);
  const json out = ParseOrNull(plain.out);
  ASSERT_TRUE(out.contains("kb"));
  EXPECT_EQ(out["kb"].value("digest", "").rfind("sha256:", 0), 0U);
}

}  // namespace
}  // namespace corium::testing

// `corium kb check` on deliberately broken copies of the shipped knowledge base: each test copies
// kb/ into a fresh directory, breaks one thing, and expects exit 2 with standard error naming the
// file, the line and the problem (docs/knowledge-base.md). Lines are found by content, so the tests
// follow edits to the shipped files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_kb.h"

namespace corium::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class KbCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) /
           ("corium-kb-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + "-" +
            info->name()) /
           "kb";
    fs::remove_all(dir_.parent_path());
    fs::create_directories(dir_.parent_path());
    fs::copy(SourceKbDir(), dir_, fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_.parent_path()); }

  fs::path PathOf(const std::string& file) const { return dir_ / file; }

  std::vector<std::string> Read(const std::string& file) const {
    std::ifstream in(PathOf(file), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return SplitLines(text.str());
  }

  void Write(const std::string& file, const std::vector<std::string>& lines) const {
    std::ofstream out(PathOf(file), std::ios::binary | std::ios::trunc);
    for (const std::string& line : lines) out << line << "\n";
  }

  // The 1-based line of the first line at or after `from_line` containing `needle`; 0 if none.
  int LineOf(const std::string& file, const std::string& needle, int from_line = 1) const {
    const auto lines = Read(file);
    for (size_t i = from_line > 0 ? static_cast<size_t>(from_line - 1) : 0; i < lines.size(); ++i) {
      if (lines[i].find(needle) != std::string::npos) return static_cast<int>(i + 1);
    }
    return 0;
  }

  // Finds the line holding `anchor`, then the first line from there holding `from`, and replaces
  // `from` with `to` in it. Returns that line's number (1-based); fails the test if not found.
  int ReplaceAfter(const std::string& file, const std::string& anchor, const std::string& from,
                   const std::string& to) {
    const int start = LineOf(file, anchor);
    EXPECT_GT(start, 0) << file << " has no line with \"" << anchor << "\"";
    if (start == 0) return 0;
    const int line = LineOf(file, from, start);
    EXPECT_GT(line, 0) << file << " has no \"" << from << "\" after \"" << anchor << "\"";
    if (line == 0) return 0;
    auto lines = Read(file);
    std::string& text = lines[static_cast<size_t>(line - 1)];
    text.replace(text.find(from), from.size(), to);
    Write(file, lines);
    return line;
  }

  // Inserts `text` as a new line after line `after` (1-based); returns the new line's number.
  int InsertAfter(const std::string& file, int after, const std::string& text) {
    auto lines = Read(file);
    EXPECT_GT(after, 0);
    EXPECT_LE(static_cast<size_t>(after), lines.size());
    lines.insert(lines.begin() + after, text);
    Write(file, lines);
    return after + 1;
  }

  void DeleteLine(const std::string& file, int line) {
    auto lines = Read(file);
    ASSERT_GT(line, 0);
    ASSERT_LE(static_cast<size_t>(line), lines.size());
    lines.erase(lines.begin() + (line - 1));
    Write(file, lines);
  }

  CommandResult Check() const { return RunCorium("kb check " + ShellQuote(dir_.string())); }

  // Exit 2, and one line of standard error names `file:line` and holds every word of `problem`.
  static void ExpectProblemAt(const CommandResult& run, const std::string& file, int line,
                              std::initializer_list<std::string> problem) {
    EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
    const std::string where = file + ":" + std::to_string(line);
    bool found = false;
    for (const std::string& err_line : SplitLines(run.err)) {
      const size_t at = err_line.find(where);
      if (at == std::string::npos) continue;
      // "file:1" must not match "file:12".
      const size_t end = at + where.size();
      if (end < err_line.size() && std::isdigit(static_cast<unsigned char>(err_line[end])) != 0) {
        continue;
      }
      bool all = true;
      for (const std::string& word : problem) all = all && err_line.find(word) != std::string::npos;
      found = found || all;
    }
    std::string words;
    for (const std::string& word : problem) words += " \"" + word + "\"";
    EXPECT_TRUE(found) << "expected a line naming " << where << " with" << words
                       << "\nstandard error:\n"
                       << run.err;
  }

  // Exit 2, and one line of standard error holds every word (for problems that have no line).
  static void ExpectProblem(const CommandResult& run, std::initializer_list<std::string> words) {
    EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
    bool found = false;
    for (const std::string& err_line : SplitLines(run.err)) {
      bool all = true;
      for (const std::string& word : words) all = all && err_line.find(word) != std::string::npos;
      found = found || all;
    }
    std::string list;
    for (const std::string& word : words) list += " \"" + word + "\"";
    EXPECT_TRUE(found) << "expected a line with" << list << "\nstandard error:\n" << run.err;
  }

  fs::path dir_;
};

std::string ManifestVersion() {
  std::ifstream in(fs::path(SourceKbDir()) / "manifest.yaml");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("version:", 0) == 0) {
      std::string v = line.substr(8);
      const size_t first = v.find_first_not_of(" \"'");
      const size_t last = v.find_last_not_of(" \"'\r");
      return first == std::string::npos ? "" : v.substr(first, last - first + 1);
    }
  }
  return "";
}

// --- the unmodified copy ----------------------------------------------------------------------

TEST_F(KbCheckTest, UnmodifiedCopyPasses) {
  const CommandResult run = Check();
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const std::string version = ManifestVersion();
  ASSERT_FALSE(version.empty());
  EXPECT_NE(run.out.find(version), std::string::npos) << run.out;
  const size_t digest = run.out.find("sha256:");
  ASSERT_NE(digest, std::string::npos) << run.out;
  EXPECT_NE(run.out.find(ShippedKb().digest), std::string::npos)
      << "a byte-identical copy has the shipped digest\n"
      << run.out;
  const std::string hex = run.out.substr(digest + 7, 64);
  EXPECT_EQ(hex.size(), 64U);
  EXPECT_EQ(hex.find_first_not_of("0123456789abcdef"), std::string::npos) << hex;
}

TEST_F(KbCheckTest, AnyEditChangesTheDigest) {
  auto lines = Read("zones.yaml");
  lines.push_back("# a comment added by a test");
  Write("zones.yaml", lines);
  const CommandResult run = Check();
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("sha256:"), std::string::npos);
  EXPECT_EQ(run.out.find(ShippedKb().digest), std::string::npos) << "the digest covers every byte\n"
                                                                 << run.out;
}

TEST_F(KbCheckTest, MissingDirectoryExits2) {
  const CommandResult run = RunCorium("kb check " + ShellQuote((dir_ / "nowhere").string()));
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("nowhere"), std::string::npos) << run.err;
}

// --- broken copies ----------------------------------------------------------------------------

TEST_F(KbCheckTest, YamlSyntaxError) {
  const int line =
      ReplaceAfter("rules/deferrals.yaml", "- id: DF-01", "effect: defer", "effect: defer: now");
  ExpectProblemAt(Check(), "rules/deferrals.yaml", line, {"YAML syntax"});
}

TEST_F(KbCheckTest, DuplicateKeyInAMapping) {
  const int cap = LineOf("zones.yaml", "cap_mm: 1.5", LineOf("zones.yaml", "zone: cheeks"));
  ASSERT_GT(cap, 0);
  const int line = InsertAfter("zones.yaml", cap, "    cap_mm: 2.5");
  ExpectProblemAt(Check(), "zones.yaml", line, {"duplicate", "cap_mm"});
}

TEST_F(KbCheckTest, DuplicateRuleIdAcrossTwoRulesFiles) {
  const int first = LineOf("rules/exclusions.yaml", "- id: EX-01");
  ASSERT_GT(first, 0);
  const int second = ReplaceAfter("rules/deferrals.yaml", "- id: DF-01", "id: DF-01", "id: EX-01");
  const CommandResult run = Check();
  // The loader reads files in name order; whichever it meets second, the message names both.
  ExpectProblem(run, {"EX-01", "twice", "rules/deferrals.yaml:" + std::to_string(second),
                      "rules/exclusions.yaml:" + std::to_string(first)});
}

TEST_F(KbCheckTest, RuleCitesAnUndefinedSource) {
  const int line = ReplaceAfter("rules/deferrals.yaml", "- id: DF-01", "sources: [R39, R64]",
                                "sources: [R39, R99]");
  ExpectProblemAt(Check(), "rules/deferrals.yaml", line, {"R99", "source"});
}

TEST_F(KbCheckTest, RuleCaseUsesAnUndefinedConditionCode) {
  const int line = ReplaceAfter("rules/deferrals.yaml", "- id: DF-03", "codes: [active_acne]",
                                "codes: [acme_acne]");
  ExpectProblemAt(Check(), "rules/deferrals.yaml", line, {"acme_acne", "not defined"});
}

TEST_F(KbCheckTest, CourseNamesAnUndefinedRule) {
  const int line = ReplaceAfter("course.yaml", "no_response:", "rule: FU-03", "rule: FU-93");
  ExpectProblemAt(Check(), "course.yaml", line, {"FU-93"});
}

TEST_F(KbCheckTest, CourseSeriesWithFewerMaxSessionsThanSessions) {
  const int line =
      ReplaceAfter("course.yaml", "indication: acne_scars", "max_sessions: 6", "max_sessions: 2");
  ExpectProblemAt(Check(), "course.yaml", line, {"max_sessions"});
}

TEST_F(KbCheckTest, CourseFollowUpPointWithoutItsDays) {
  const int line = ReplaceAfter("course.yaml", "point: day_7", "days: 7", "months: 7");
  ExpectProblemAt(Check(), "course.yaml", line - 1, {"days"});
}

TEST_F(KbCheckTest, SchemaViolationEffectMaybe) {
  const int line =
      ReplaceAfter("rules/deferrals.yaml", "- id: DF-01", "effect: defer", "effect: maybe");
  ExpectProblemAt(Check(), "rules/deferrals.yaml", line, {"effect"});
}

TEST_F(KbCheckTest, SchemaViolationNegativeZoneCap) {
  const int line = ReplaceAfter("zones.yaml", "zone: cheeks", "cap_mm: 1.5", "cap_mm: -1");
  ExpectProblemAt(Check(), "zones.yaml", line, {"cap_mm"});
}

TEST_F(KbCheckTest, SchemaViolationMissingRequiredField) {
  const int rule = LineOf("rules/deferrals.yaml", "- id: DF-01");
  const int title = LineOf("rules/deferrals.yaml", "title:", rule);
  ASSERT_GT(rule, 0);
  ASSERT_EQ(title, rule + 1) << "DF-01's title is expected right after its id";
  DeleteLine("rules/deferrals.yaml", title);
  // A missing field has no line of its own: the rule that lacks it is named.
  ExpectProblemAt(Check(), "rules/deferrals.yaml", rule, {"title"});
}

TEST_F(KbCheckTest, UnknownFieldInARule) {
  const int rule = LineOf("rules/deferrals.yaml", "- id: DF-01");
  const int stage = LineOf("rules/deferrals.yaml", "stage:", rule);
  ASSERT_GT(stage, 0);
  const int line = InsertAfter("rules/deferrals.yaml", stage, "    colour: blue");
  const CommandResult run = Check();
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  // Either the line of the unknown field itself or the line of the rule holding it.
  const std::string at_field = "rules/deferrals.yaml:" + std::to_string(line);
  const std::string at_rule = "rules/deferrals.yaml:" + std::to_string(rule);
  bool found = false;
  for (const std::string& err_line : SplitLines(run.err)) {
    const bool located = err_line.find(at_field + ":") != std::string::npos ||
                         err_line.find(at_rule + ":") != std::string::npos;
    found = found || (located && err_line.find("colour") != std::string::npos);
  }
  EXPECT_TRUE(found) << "expected " << at_field << " (or " << at_rule << ") with \"colour\"\n"
                     << run.err;
}

TEST_F(KbCheckTest, UnknownFieldInARuleCaseCondition) {
  const int line =
      ReplaceAfter("rules/deferrals.yaml", "- id: DF-01", "{medication:", "{medicaton:");
  ExpectProblemAt(Check(), "rules/deferrals.yaml", line, {"medicaton"});
}

TEST_F(KbCheckTest, MissingTopicFile) {
  fs::remove(PathOf("zones.yaml"));
  ExpectProblem(Check(), {"zones.yaml", "missing"});
}

TEST_F(KbCheckTest, ScopeRowReferencesAnUnknownRole) {
  const int line =
      ReplaceAfter("jurisdictions.yaml", "code: US-NC", "roles: [nurse]", "roles: [nurse, wizard]");
  ExpectProblemAt(Check(), "jurisdictions.yaml", line, {"wizard"});
}

TEST_F(KbCheckTest, ScopeRowReferencesAnUnknownRule) {
  const int line = ReplaceAfter("jurisdictions.yaml", "code: US-NC", "rule: DP-05", "rule: DP-99");
  ExpectProblemAt(Check(), "jurisdictions.yaml", line, {"DP-99"});
}

TEST_F(KbCheckTest, RuleAddsAnUndefinedConsentItem) {
  const int line =
      ReplaceAfter("rules/clearance.yaml", "rules:", "consent: [CN-03]", "consent: [CN-99]");
  ExpectProblemAt(Check(), "rules/clearance.yaml", line, {"CN-99"});
}

TEST_F(KbCheckTest, MissingSchemaFile) {
  fs::remove(PathOf("schema/zones.schema.json"));
  ExpectProblem(Check(), {"schema/zones.schema.json", "missing"});
}

// docs/knowledge-base.md lists the placeholders a summary or basis may use; any other one would be
// printed to the clinician as literal braces.
TEST_F(KbCheckTest, UnknownPlaceholderInBasis) {
  const int line = ReplaceAfter("rules/deferrals.yaml", "- id: DF-01", "{last_dose}", "{last_dos}");
  ExpectProblemAt(Check(), "rules/deferrals.yaml", line, {"last_dos"});
}

// Charting asks for a speed only where the vocabulary says a device kind is motorised (TP-08), so
// every kind must say.
TEST_F(KbCheckTest, DeviceKindWithoutMotorised) {
  const int kind = LineOf("vocabulary.yaml", "- code: roller");
  const int motorised = LineOf("vocabulary.yaml", "motorised:", kind);
  ASSERT_GT(kind, 0);
  ASSERT_EQ(motorised, kind + 2) << "roller's motorised is expected after its label";
  DeleteLine("vocabulary.yaml", motorised);
  ExpectProblemAt(Check(), "vocabulary.yaml", kind, {"motorised"});
}

TEST_F(KbCheckTest, OutcomeScaleWithItsScoresUpsideDown) {
  const int line = ReplaceAfter("indications.yaml", "- code: gais", "scores: {min: 1, max: 5}",
                                "scores: {min: 5, max: 1}");
  ExpectProblemAt(Check(), "indications.yaml", line, {"scores", "min"});
}

TEST_F(KbCheckTest, ChecklistStepListedTwice) {
  const int line =
      ReplaceAfter("rules/technique.yaml", "checklist_policy:", "- step: calming", "- step: glide");
  ExpectProblemAt(Check(), "rules/technique.yaml", line, {"checklist step", "glide", "twice"});
}

TEST_F(KbCheckTest, SterileStepThatIsNotOnTheChecklist) {
  const int line =
      ReplaceAfter("rules/technique.yaml", "product_policy:", "sterile_at_steps: [glide, needling]",
                   "sterile_at_steps: [glide, microneedling]");
  ExpectProblemAt(Check(), "rules/technique.yaml", line, {"microneedling", "not defined"});
}

TEST_F(KbCheckTest, AnaestheticContactTimeUpsideDown) {
  const int line = ReplaceAfter("rules/technique.yaml",
                                "anaesthetic_policy:", "contact_minutes: {min: 1, max: 60}",
                                "contact_minutes: {min: 90, max: 60}");
  ExpectProblemAt(Check(), "rules/technique.yaml", line, {"min", "above max"});
}

TEST_F(KbCheckTest, ChecklistPolicyMissing) {
  const int from = LineOf("rules/technique.yaml", "checklist_policy:");
  ASSERT_GT(from, 0);
  auto lines = Read("rules/technique.yaml");
  // The policy runs to the next rule or the end of the file.
  auto end = lines.begin() + from;
  while (end != lines.end() && end->rfind("  - id:", 0) != 0) ++end;
  lines.erase(lines.begin() + (from - 1), end);
  Write("rules/technique.yaml", lines);
  ExpectProblem(Check(), {"exactly one rule", "checklist_policy", "found 0"});
}

// --- the screen command on a broken knowledge base -------------------------------------------

TEST_F(KbCheckTest, ScreenWithABrokenKbExits2) {
  ReplaceAfter("rules/deferrals.yaml", "- id: DF-01", "sources: [R39, R64]", "sources: [R39, R99]");
  const std::string intake = R"({"as_of": "2026-11-20", "setting": "clinic",
    "client": {"birth_date": "1988-03-14"},
    "requests": [{"indication": "wrinkles", "zones": ["cheeks"]}],
    "practitioner": {"role": "physician", "jurisdiction": "US-UT"},
    "device": {"kind": "pen", "cleared": true, "max_depth_mm": 2.5,
               "needle_material": "stainless_steel"}})";
  // The intake itself is valid: with the shipped knowledge base it gets a decision.
  const CommandResult good =
      RunCorium("screen - --format json --kb " + ShellQuote(SourceKbDir()), intake);
  ASSERT_EQ(good.exit_code, 0) << good.err;
  const CommandResult run =
      RunCorium("screen - --format json --kb " + ShellQuote(dir_.string()), intake);
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("R99"), std::string::npos) << run.err;
  EXPECT_EQ(run.out.find("\"decision\""), std::string::npos) << run.out;
}

TEST_F(KbCheckTest, ScreenWithAKbMissingAFileExits2) {
  fs::remove(PathOf("zones.yaml"));
  const CommandResult run = RunCorium("screen - --format json --kb " + ShellQuote(dir_.string()),
                                      R"({"client": {"birth_date": "1988-03-14"},
          "requests": [{"indication": "wrinkles", "zones": ["cheeks"]}],
          "practitioner": {"role": "physician", "jurisdiction": "US-UT"}})");
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("zones.yaml"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace corium::testing

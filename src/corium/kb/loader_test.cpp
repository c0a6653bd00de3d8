// Loading the knowledge base (docs/knowledge-base.md, contracts.md §1.2 kb stamp and §3
// vocabulary): the shipped files load and define every contract code; the digest identifies the
// exact bytes; YAML scalars are typed as YAML 1.2 core; and every kind of problem is reported by
// file and line. Broken copies are built in memory from the shipped files, one edit at a time.
#include "corium/kb/loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "corium/kb/yaml_document.h"
#include "support/test_kb.h"

namespace corium::kb {
namespace {

using testing::SourceKbDir;

std::vector<KbFile> ShippedFiles() {
  auto files = ReadKbDirectory(SourceKbDir());
  EXPECT_TRUE(files.ok()) << files.status().ToString();
  return files.ok() ? *files : std::vector<KbFile>{};
}

KbFile& FileNamed(std::vector<KbFile>& files, const std::string& name) {
  for (KbFile& f : files) {
    if (f.name == name) return f;
  }
  ADD_FAILURE() << "no file " << name;
  static KbFile none;
  return none;
}

// 1-based line of the first occurrence of `needle` in `text`; 0 when absent.
int LineOf(const std::string& text, const std::string& needle) {
  const size_t pos = text.find(needle);
  if (pos == std::string::npos) return 0;
  return 1 + static_cast<int>(
                 std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}

// Replaces the first occurrence of `from` (which must exist exactly once) in `name`, and returns
// the 1-based line where it was.
int Edit(std::vector<KbFile>& files, const std::string& name, const std::string& from,
         const std::string& to) {
  std::string& text = FileNamed(files, name).text;
  const size_t pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << "\"" << from << "\" not in " << name;
  if (pos == std::string::npos) return 0;
  EXPECT_EQ(text.find(from, pos + 1), std::string::npos) << "\"" << from << "\" twice in " << name;
  const int line = LineOf(text, from);
  text.replace(pos, from.size(), to);
  return line;
}

std::vector<FieldError> ProblemsOf(const std::vector<KbFile>& files) {
  const auto kb = LoadKnowledgeBase(files);
  EXPECT_FALSE(kb.ok()) << "the broken knowledge base loaded";
  return kb.ok() ? std::vector<FieldError>{} : kb.status().field_errors();
}

std::string Describe(const std::vector<FieldError>& problems) {
  std::string out;
  for (const FieldError& p : problems) out += "\n  [" + p.path + "] " + p.message;
  return out;
}

// The problem whose path is exactly `where`, or nullptr.
const FieldError* ProblemAt(const std::vector<FieldError>& problems, const std::string& where) {
  for (const FieldError& p : problems) {
    if (p.path == where) return &p;
  }
  return nullptr;
}

// --- The shipped knowledge base ----------------------------------------------------------------

TEST(KbLoader, ShippedKnowledgeBaseLoads) {
  const auto kb = LoadKnowledgeBase(ShippedFiles());
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  EXPECT_EQ(kb->version, "2026.11.2");
  EXPECT_FALSE(kb->rules.empty());
  EXPECT_NE(kb->Endpoint(), nullptr);
}

// The intake form asks for the details the rules read (DF-02, DF-11, PC-02, DF-01).
TEST(KbLoader, VocabularySaysWhichDetailsAnEntryAsksFor) {
  const auto kb = LoadKnowledgeBase(ShippedFiles());
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  const Vocabulary& vocab = kb->vocabulary;
  using Asks = std::vector<std::string>;
  EXPECT_EQ(vocab.Asks("conditions", Code("diabetes")), Asks{"controlled"});
  EXPECT_EQ(vocab.Asks("conditions", Code("hsv_active")), (Asks{"zones", "resolved"}));
  EXPECT_EQ(vocab.Asks("medications", Code("isotretinoin")), (Asks{"current", "last_dose"}));
  EXPECT_EQ(vocab.Asks("procedures", Code("microneedling")), (Asks{"date", "zones", "depth_mm"}));
  EXPECT_TRUE(vocab.Asks("allergies", Code("nickel")).empty());
  ASSERT_NE(vocab.Note("zones", Code("eyelid")), nullptr);
  EXPECT_EQ(*vocab.Note("zones", Code("eyelid")), "Always blocked (EX-10).");
  EXPECT_EQ(vocab.order.at("zones"), vocab.zone_order);
}

TEST(KbLoader, RulesKeepTheirRationaleAndSourcesTheirCitations) {
  const auto kb = LoadKnowledgeBase(ShippedFiles());
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  const Rule* af02 = kb->FindRule("AF-02");
  ASSERT_NE(af02, nullptr);
  EXPECT_EQ(af02->stage, "aftercare");
  EXPECT_NE(af02->rationale.find("keep taking it"), std::string::npos);
  EXPECT_NE(af02->rationale.back(), '\n');
  EXPECT_EQ(af02->sources, std::vector<std::string>{"R58"});
  for (const char* id : {"AF-01", "ES-01", "ES-02", "ES-03", "ES-04", "ES-05", "ES-06", "ES-07"}) {
    EXPECT_NE(kb->FindRule(id), nullptr) << id;
  }
  const Source* r58 = kb->FindSource("R58");
  ASSERT_NE(r58, nullptr);
  EXPECT_NE(r58->citation.find("Otley"), std::string::npos);
  const Source* r01 = kb->FindSource("R01");
  ASSERT_NE(r01, nullptr);
  EXPECT_EQ(r01->urls.size(), 2U);
}

TEST(KbLoader, ShippedKnowledgeBaseDefinesEveryContractVocabularyCode) {
  const KnowledgeBase& kb = testing::ShippedKb();
  struct Category {
    const char* name;
    std::vector<std::string> codes;
  };
  const std::vector<Category> categories = {
      {"zones",
       {"periorbital", "eyelid", "forehead", "temple", "nose", "cheeks", "perioral", "chin",
        "jawline", "neck", "decollete", "hands", "abdomen", "thighs", "back", "scalp"}},
      {"indications",
       {"wrinkles", "acne_scars", "scars", "keloid_scars", "stretch_marks", "hyperpigmentation",
        "melasma", "pores", "photoaging", "laxity", "alopecia", "rosacea", "drug_delivery"}},
      {"conditions",
       {"active_acne",
        "hsv_active",
        "hsv_recurrent",
        "skin_infection",
        "open_wound",
        "dermatitis_active",
        "sunburn",
        "skin_cancer",
        "suspicious_lesion",
        "actinic_keratosis",
        "bleeding_disorder",
        "keloid_tendency",
        "scleroderma",
        "diabetes",
        "immunosuppression",
        "lupus",
        "rheumatoid_arthritis",
        "psoriasis",
        "vitiligo",
        "lichen_planus",
        "rosacea",
        "telangiectasia",
        "melasma_history",
        "pih_history",
        "radiotherapy",
        "acute_illness",
        "chemotherapy",
        "arrhythmia",
        "hepatic_disease",
        "pseudocholinesterase_deficiency",
        "methemoglobinemia"}},
      {"medications",
       {"isotretinoin", "anticoagulant", "antiplatelet", "topical_retinoid", "aha_bha",
        "benzoyl_peroxide", "hydroquinone", "immunosuppressant", "systemic_steroid",
        "photosensitizer", "antiarrhythmic"}},
      {"allergies", {"nickel", "stainless_steel", "lidocaine", "ester_anesthetic", "sulfonamide"}},
      {"procedures",
       {"waxing", "threading", "depilatory", "laser_hair_removal", "superficial_peel",
        "microdermabrasion", "dermaplaning", "medium_deep_peel", "laser_resurfacing",
        "ablative_laser", "dermabrasion", "neurotoxin", "ha_filler", "non_ha_filler", "threads",
        "surgery", "tanning", "microneedling"}},
      {"roles",
       {"esthetician", "master_esthetician", "cosmetologist", "nurse", "nurse_practitioner",
        "physician_assistant", "physician", "home_user"}},
      {"device_kinds", {"pen", "roller", "stamp", "rf_pen"}},
      {"endpoints", {"erythema", "pinpoint_bleeding"}},
      {"settings", {"clinic", "home"}},
  };
  for (const Category& c : categories) {
    for (const std::string& code : c.codes) {
      EXPECT_TRUE(kb.vocabulary.Has(c.name, Code(code))) << c.name << ": " << code;
    }
  }
  for (const std::string& code :
       {std::string("US-CA"), std::string("US-TX"), std::string("US-OH"), std::string("US-FL"),
        std::string("US-UT"), std::string("US-NC"), std::string("US-AZ"), std::string("GB-ENG")}) {
    EXPECT_EQ(kb.JurisdictionFor(code).code, code) << code;
  }
  EXPECT_EQ(
      kb.vocabulary.prescriber_roles,
      (std::set<Code>{Code("physician"), Code("nurse_practitioner"), Code("physician_assistant")}));
}

TEST(KbLoader, ShippedZonesAreListedHeadToFoot) {
  std::vector<std::string> order;
  for (const Code& z : testing::ShippedKb().vocabulary.zone_order) order.push_back(z.str());
  EXPECT_EQ(order,
            (std::vector<std::string>{"periorbital", "eyelid", "forehead", "temple", "nose",
                                      "cheeks", "perioral", "chin", "jawline", "neck", "decollete",
                                      "hands", "abdomen", "thighs", "back", "scalp"}));
}

TEST(KbLoader, PensAreMotorisedAndRollersAndStampsAreNot) {
  const Vocabulary& vocab = testing::ShippedKb().vocabulary;
  EXPECT_TRUE(vocab.IsMotorised(Code("pen")));
  EXPECT_TRUE(vocab.IsMotorised(Code("rf_pen")));
  EXPECT_FALSE(vocab.IsMotorised(Code("roller")));
  EXPECT_FALSE(vocab.IsMotorised(Code("stamp")));
  // A kind the vocabulary does not know is asked for its speed (the conservative answer).
  EXPECT_TRUE(vocab.IsMotorised(Code("laser_stamp")));
}

TEST(KbLoader, OutcomeScalesCarryTheirScoresWhereTheBriefGivesThem) {
  const KnowledgeBase& kb = testing::ShippedKb();
  const OutcomeScale* gais = kb.FindOutcomeScale(Code("gais"));
  ASSERT_NE(gais, nullptr);
  ASSERT_TRUE(gais->scores.has_value());
  EXPECT_EQ(gais->scores->min, 1);
  EXPECT_EQ(gais->scores->max, 5);
  const OutcomeScale* lemperle = kb.FindOutcomeScale(Code("lemperle"));
  ASSERT_NE(lemperle, nullptr);
  ASSERT_TRUE(lemperle->scores.has_value());
  EXPECT_EQ(lemperle->scores->min, 0);
  // Unverified ranges [U] are not used to refuse a score.
  const OutcomeScale* mmasi = kb.FindOutcomeScale(Code("mmasi"));
  ASSERT_NE(mmasi, nullptr);
  EXPECT_FALSE(mmasi->scores.has_value());
  EXPECT_EQ(kb.FindOutcomeScale(Code("likert")), nullptr);
}

TEST(KbLoader, TheSessionPoliciesComeFromTheTechniqueRules) {
  const KnowledgeBase& kb = testing::ShippedKb();
  const ChecklistPolicy* checklist = kb.Checklist();
  ASSERT_NE(checklist, nullptr);
  std::vector<std::string> steps;
  std::vector<std::string> skippable;
  for (const ChecklistStep& step : checklist->steps) {
    steps.push_back(step.step.str());
    if (step.may_skip) skippable.push_back(step.step.str());
  }
  EXPECT_EQ(steps, (std::vector<std::string>{"cleanse", "anaesthetic", "antisepsis", "glide",
                                             "needling", "endpoint", "calming", "sun_protection"}));
  EXPECT_EQ(skippable, std::vector<std::string>{"anaesthetic"});
  ASSERT_NE(kb.Products(), nullptr);
  EXPECT_EQ(kb.Products()->sterile_at_steps, (std::set<Code>{Code("glide"), Code("needling")}));
  ASSERT_NE(kb.Anaesthetic(), nullptr);
  EXPECT_EQ(kb.Anaesthetic()->step, Code("anaesthetic"));
  EXPECT_EQ(kb.Anaesthetic()->min_contact_minutes, 1);
  EXPECT_EQ(kb.Anaesthetic()->max_contact_minutes, 60);
  const Rule* tp06 = kb.FindRule("TP-06");
  ASSERT_NE(tp06, nullptr);
  EXPECT_TRUE(tp06->checklist_policy.has_value());
}

TEST(KbLoader, UnlistedJurisdictionUsesTheUnknownRow) {
  const KnowledgeBase& kb = testing::ShippedKb();
  EXPECT_EQ(kb.JurisdictionFor("US-WA").code, kb.unknown_jurisdiction);
  EXPECT_EQ(kb.JurisdictionFor("").code, kb.unknown_jurisdiction);
}

// --- Digest ------------------------------------------------------------------------------------

TEST(KbDigest, DigestIsSha256HexOfTheFiles) {
  const std::string digest = DigestOf(ShippedFiles());
  ASSERT_EQ(digest.rfind("sha256:", 0), 0u) << digest;
  EXPECT_EQ(digest.size(), 7u + 64u);
  EXPECT_EQ(digest.find_first_not_of("0123456789abcdef", 7), std::string::npos) << digest;
}

TEST(KbDigest, DigestIsStableAcrossReadsAndLoads) {
  const std::vector<KbFile> files = ShippedFiles();
  EXPECT_EQ(DigestOf(files), DigestOf(ShippedFiles()));
  const auto kb = LoadKnowledgeBase(files);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  EXPECT_EQ(kb->digest, DigestOf(files));
  EXPECT_EQ(kb->digest, testing::ShippedKb().digest);
}

TEST(KbDigest, DigestDoesNotDependOnTheOrderFilesArePassedIn) {
  std::vector<KbFile> files = ShippedFiles();
  const std::string digest = DigestOf(files);
  std::reverse(files.begin(), files.end());
  EXPECT_EQ(DigestOf(files), digest);
}

TEST(KbDigest, ChangingOneByteChangesTheDigest) {
  std::vector<KbFile> files = ShippedFiles();
  const std::string before = DigestOf(files);
  // One byte of a comment: the knowledge base still loads, with a different digest.
  std::string& text = FileNamed(files, "rules/home.yaml").text;
  ASSERT_EQ(text[0], '#');
  text[1] = text[1] == ' ' ? '-' : ' ';
  EXPECT_NE(DigestOf(files), before);
  const auto kb = LoadKnowledgeBase(files);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  EXPECT_NE(kb->digest, before);
}

TEST(KbDigest, MovingBytesBetweenFilesChangesTheDigest) {
  const std::vector<KbFile> a = {{"a.yaml", "xy"}, {"b.yaml", "z"}};
  const std::vector<KbFile> b = {{"a.yaml", "x"}, {"b.yaml", "yz"}};
  EXPECT_NE(DigestOf(a), DigestOf(b));
}

// --- YAML scalars ------------------------------------------------------------------------------

TEST(KbYaml, PlainScalarsAreTypedAndQuotedScalarsStayStrings) {
  const auto doc = ParseYaml("t.yaml",
                             "int: 3\n"
                             "negative: -2\n"
                             "decimal: 1.5\n"
                             "yes_value: true\n"
                             "no_value: false\n"
                             "nothing: null\n"
                             "tilde: ~\n"
                             "empty:\n"
                             "double_quoted: \"1.5\"\n"
                             "single_quoted: 'true'\n"
                             "quoted_null: \"null\"\n"
                             "word: cheeks\n"
                             "rule: EX-01\n"
                             "version: 2026.11.0\n");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const nlohmann::json& r = doc->root;
  EXPECT_TRUE(r["int"].is_number_integer());
  EXPECT_EQ(r["int"].get<int>(), 3);
  EXPECT_TRUE(r["negative"].is_number_integer());
  EXPECT_EQ(r["negative"].get<int>(), -2);
  EXPECT_TRUE(r["decimal"].is_number_float());
  EXPECT_DOUBLE_EQ(r["decimal"].get<double>(), 1.5);
  EXPECT_EQ(r["yes_value"], true);
  EXPECT_EQ(r["no_value"], false);
  EXPECT_TRUE(r["nothing"].is_null());
  EXPECT_TRUE(r["tilde"].is_null());
  EXPECT_TRUE(r["empty"].is_null());
  EXPECT_EQ(r["double_quoted"], "1.5");
  EXPECT_EQ(r["single_quoted"], "true");
  EXPECT_EQ(r["quoted_null"], "null");
  EXPECT_EQ(r["word"], "cheeks");
  EXPECT_EQ(r["rule"], "EX-01");
  EXPECT_EQ(r["version"], "2026.11.0");
}

TEST(KbYaml, ScalarsInsideFlowCollectionsAreTypedToo) {
  const auto doc = ParseYaml("t.yaml", "range: [0.25, 1]\nmap: {a: false, b: '0.5'}\n");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_TRUE(doc->root["range"][0].is_number_float());
  EXPECT_TRUE(doc->root["range"][1].is_number_integer());
  EXPECT_EQ(doc->root["map"]["a"], false);
  EXPECT_EQ(doc->root["map"]["b"], "0.5");
}

TEST(KbYaml, NodesRememberTheirLines) {
  const auto doc = ParseYaml("t.yaml", "# comment\na: 1\nlist:\n  - x\n  - y\n");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->LineOf("/a"), 2);
  EXPECT_EQ(doc->LineOf("/list/1"), 5);
  EXPECT_EQ(doc->Where("/list/0"), "t.yaml:4");
}

TEST(KbYaml, DuplicateKeyIsRejectedWithFileAndLine) {
  const auto doc = ParseYaml("rules/t.yaml", "a: 1\nb: 2\na: 3\n");
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().ToString().find("rules/t.yaml:3"), std::string::npos)
      << doc.status().ToString();
  EXPECT_NE(doc.status().ToString().find("duplicate"), std::string::npos)
      << doc.status().ToString();
}

TEST(KbYaml, DuplicateNestedKeyIsRejectedWithFileAndLine) {
  const auto doc =
      ParseYaml("z.yaml", "zones:\n  - zone: cheeks\n    cap_mm: 1.5\n    cap_mm: 2\n");
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().ToString().find("z.yaml:4"), std::string::npos) << doc.status().ToString();
}

TEST(KbYaml, SyntaxErrorNamesFileAndLine) {
  const auto doc = ParseYaml("bad.yaml", "a: 1\nb: [1, 2\nc: 3\n");
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().ToString().find("bad.yaml:"), std::string::npos)
      << doc.status().ToString();
}

// --- Problems with file and line ---------------------------------------------------------------

// Every aftercare rule reaches the client's sheet (aftercare.yaml); a rule left off is reported.
TEST(KbProblems, AnAftercareRuleMissingFromTheSheetIsReported) {
  std::vector<KbFile> files = ShippedFiles();
  Edit(files, "aftercare.yaml", "  - rule: ES-03\n", "  - rule: ES-02\n");
  const auto problems = ProblemsOf(files);
  bool named = false;
  for (const FieldError& p : problems) {
    named = named || p.message.find("ES-03 appears nowhere") != std::string::npos;
  }
  EXPECT_TRUE(named) << Describe(problems);
}

TEST(KbProblems, DuplicateYamlKeyInAShippedFileIsReportedAtFileAndLine) {
  std::vector<KbFile> files = ShippedFiles();
  const int line = Edit(files, "zones.yaml", "    cap_mm: 0.75\n    scar_cap_mm: 1.5\n",
                        "    cap_mm: 0.75\n    cap_mm: 0.75\n    scar_cap_mm: 1.5\n");
  const auto problems = ProblemsOf(files);
  const std::string where = "zones.yaml:" + std::to_string(line + 1);
  bool named = false;
  for (const FieldError& p : problems) {
    named = named || p.path == where || p.message.find(where) != std::string::npos;
  }
  EXPECT_TRUE(named) << "expected " << where << Describe(problems);
}

TEST(KbProblems, DuplicateYamlKeyProblemPathIsFileAndLine) {
  // loader.h: "the Status lists each problem as a FieldError whose path is file:line".
  std::vector<KbFile> files = ShippedFiles();
  const int line = Edit(files, "zones.yaml", "    cap_mm: 0.75\n    scar_cap_mm: 1.5\n",
                        "    cap_mm: 0.75\n    cap_mm: 0.75\n    scar_cap_mm: 1.5\n");
  const auto problems = ProblemsOf(files);
  EXPECT_NE(ProblemAt(problems, "zones.yaml:" + std::to_string(line + 1)), nullptr)
      << Describe(problems);
}

TEST(KbProblems, SchemaViolationIsReportedAtFileAndLine) {
  std::vector<KbFile> files = ShippedFiles();
  const int line = Edit(files, "zones.yaml", "  - zone: periorbital\n    region: face\n",
                        "  - zone: periorbital\n    region: facial\n");
  const auto problems = ProblemsOf(files);
  const std::string where = "zones.yaml:" + std::to_string(line + 1);
  EXPECT_NE(ProblemAt(problems, where), nullptr) << "expected " << where << Describe(problems);
}

TEST(KbProblems, SchemaViolationOfAWrongTypeIsReportedAtFileAndLine) {
  std::vector<KbFile> files = ShippedFiles();
  const int line = Edit(files, "indications.yaml", "  - indication: pores\n    cap_mm: 1.0\n",
                        "  - indication: pores\n    cap_mm: deep\n");
  const auto problems = ProblemsOf(files);
  const std::string where = "indications.yaml:" + std::to_string(line + 1);
  EXPECT_NE(ProblemAt(problems, where), nullptr) << "expected " << where << Describe(problems);
}

TEST(KbProblems, UndefinedCodeIsReportedAtFileAndLine) {
  std::vector<KbFile> files = ShippedFiles();
  const int line = Edit(files, "rules/exclusions.yaml", "codes: [skin_cancer, suspicious_lesion]",
                        "codes: [skin_cancer, suspicous_lesion]");
  const auto problems = ProblemsOf(files);
  const std::string where = "rules/exclusions.yaml:" + std::to_string(line);
  const FieldError* p = ProblemAt(problems, where);
  ASSERT_NE(p, nullptr) << "expected " << where << Describe(problems);
  EXPECT_NE(p->message.find("suspicous_lesion"), std::string::npos) << p->message;
}

TEST(KbProblems, UndefinedSourceIsReportedAtFileAndLine) {
  std::vector<KbFile> files = ShippedFiles();
  const int line =
      Edit(files, "rules/exclusions.yaml", "sources: [R07, R64]", "sources: [R07, R99]");
  const auto problems = ProblemsOf(files);
  const std::string where = "rules/exclusions.yaml:" + std::to_string(line);
  const FieldError* p = ProblemAt(problems, where);
  ASSERT_NE(p, nullptr) << "expected " << where << Describe(problems);
  EXPECT_NE(p->message.find("R99"), std::string::npos) << p->message;
}

TEST(KbProblems, DuplicateRuleIdIsReportedAtTheSecondDefinition) {
  std::vector<KbFile> files = ShippedFiles();
  const int line = Edit(files, "rules/exclusions.yaml", "  - id: EX-09\n", "  - id: EX-08\n");
  const auto problems = ProblemsOf(files);
  const std::string where = "rules/exclusions.yaml:" + std::to_string(line);
  const FieldError* p = ProblemAt(problems, where);
  ASSERT_NE(p, nullptr) << "expected " << where << Describe(problems);
  EXPECT_NE(p->message.find("EX-08"), std::string::npos) << p->message;
}

TEST(KbProblems, DuplicateRuleIdAcrossFilesIsReported) {
  std::vector<KbFile> files = ShippedFiles();
  const int line = Edit(files, "rules/home.yaml", "  - id: HM-06\n", "  - id: EX-01\n");
  const auto problems = ProblemsOf(files);
  const std::string where = "rules/home.yaml:" + std::to_string(line);
  EXPECT_NE(ProblemAt(problems, where), nullptr) << "expected " << where << Describe(problems);
}

TEST(KbProblems, EveryProblemIsReportedAtOnce) {
  std::vector<KbFile> files = ShippedFiles();
  const int code_line =
      Edit(files, "rules/exclusions.yaml", "codes: [skin_cancer, suspicious_lesion]",
           "codes: [skin_cancer, suspicous_lesion]");
  const int source_line =
      Edit(files, "rules/exclusions.yaml", "sources: [R07, R64]", "sources: [R07, R99]");
  const auto problems = ProblemsOf(files);
  EXPECT_NE(ProblemAt(problems, "rules/exclusions.yaml:" + std::to_string(code_line)), nullptr)
      << Describe(problems);
  EXPECT_NE(ProblemAt(problems, "rules/exclusions.yaml:" + std::to_string(source_line)), nullptr)
      << Describe(problems);
}

TEST(KbProblems, MissingTopicFileIsReported) {
  std::vector<KbFile> files = ShippedFiles();
  files.erase(std::remove_if(files.begin(), files.end(),
                             [](const KbFile& f) { return f.name == "zones.yaml"; }),
              files.end());
  const auto problems = ProblemsOf(files);
  bool named = false;
  for (const FieldError& p : problems) {
    named = named || p.path.find("zones.yaml") != std::string::npos;
  }
  EXPECT_TRUE(named) << Describe(problems);
}

}  // namespace
}  // namespace corium::kb

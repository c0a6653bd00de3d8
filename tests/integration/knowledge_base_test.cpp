// The knowledge base as the clinicians' app reads it, through the real server on SQLite and
// PostgreSQL: the vocabulary says which details an intake entry asks for and which region a zone
// is in; the rules come in id order with their sources resolved (DF-11, AF-02); any signed-in
// account may read both, and nobody else.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "integration/role_sessions.h"

namespace corium::testing {
namespace {

class KnowledgeBaseApiTest : public RoleApiTest {};

const json& WithCode(const json& list, const std::string& code) {
  for (const json& item : list) {
    if (item.value("code", item.value("id", "")) == code) return item;
  }
  static const json kNone = json::object();
  ADD_FAILURE() << "no entry " << code;
  return kNone;
}

TEST_P(KnowledgeBaseApiTest, VocabularySaysWhatEachEntryAsksFor) {
  const HttpResponse response = As("front_desk").Get("/api/v1/knowledge-base/vocabulary");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/knowledge-base/vocabulary", response, 200);
  const json vocab = response.Json();
  EXPECT_EQ(vocab["kb"]["digest"], physician().Get("/api/v1/knowledge-base").Json()["digest"]);
  EXPECT_EQ(vocab["zones"][0]["code"], "periorbital");  // head to foot, as the kb lists them
  EXPECT_EQ(WithCode(vocab["zones"], "cheeks")["region"], "face");
  EXPECT_EQ(WithCode(vocab["zones"], "thighs")["region"], "body");
  EXPECT_EQ(WithCode(vocab["zones"], "eyelid")["help"], "Always blocked (EX-10).");
  EXPECT_EQ(WithCode(vocab["conditions"], "diabetes")["asks"], json::array({"controlled"}));
  EXPECT_EQ(WithCode(vocab["conditions"], "sunburn")["asks"], json::array({"zones", "resolved"}));
  EXPECT_EQ(WithCode(vocab["medications"], "topical_retinoid")["asks"],
            json::array({"current", "last_dose", "zones"}));
  EXPECT_EQ(WithCode(vocab["procedures"], "microneedling")["asks"],
            json::array({"date", "zones", "depth_mm"}));
  EXPECT_EQ(WithCode(vocab["procedures"], "waxing")["asks"], json::array({"date", "zones"}));
  EXPECT_TRUE(WithCode(vocab["roles"], "physician")["prescriber"].get<bool>());
  EXPECT_FALSE(WithCode(vocab["roles"], "nurse")["prescriber"].get<bool>());
  // TP-06's checklist in the order done, and the outcome scales (FU-02), from the kb.
  ASSERT_GE(vocab["checklist"].size(), 2U);
  EXPECT_EQ(vocab["checklist"][0]["code"], "cleanse");
  EXPECT_FALSE(vocab["checklist"][0]["may_skip"].get<bool>());
  EXPECT_EQ(vocab["checklist"][1]["code"], "anaesthetic");
  EXPECT_TRUE(vocab["checklist"][1]["may_skip"].get<bool>());
  EXPECT_FALSE(WithCode(vocab["outcome_scales"], "gais")["label"].get<std::string>().empty());
  // FU-02: each indication lists the scales that suit it (GAIS for all), so a form offers only
  // those.
  for (const json& indication : vocab["indications"]) {
    const json& scales = indication["outcome_scales"];
    EXPECT_NE(std::find(scales.begin(), scales.end(), "gais"), scales.end()) << indication;
  }
  EXPECT_EQ(WithCode(vocab["indications"], "acne_scars")["outcome_scales"],
            json::array({"goodman_baron_qualitative", "goodman_baron_quantitative", "gais"}));
  EXPECT_EQ(WithCode(vocab["indications"], "acne_scars")["assess_months"], json::array({3, 6}));
  EXPECT_EQ(WithCode(vocab["indications"], "wrinkles")["outcome_scales"][0], "lemperle");
  EXPECT_EQ(WithCode(vocab["indications"], "rosacea")["assess_months"], json::array());
  EXPECT_EQ(WithCode(vocab["endpoints"], "pinpoint_bleeding")["label"],
            "Even erythema with pinpoint bleeding");
  EXPECT_EQ(vocab["conditions"].size(), 31U);
  EXPECT_EQ(vocab["procedures"].size(), 18U);
}

TEST_P(KnowledgeBaseApiTest, RulesComeInIdOrderWithTheirSources) {
  const HttpResponse response = As("auditor").Get("/api/v1/knowledge-base/rules");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/knowledge-base/rules", response, 200);
  const json rules = response.Json()["rules"];
  std::vector<std::string> ids;
  for (const json& rule : rules) ids.push_back(rule["id"]);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));

  const json& df11 = WithCode(rules, "DF-11");
  EXPECT_EQ(df11["stage"], "consultation");
  EXPECT_FALSE(df11["rationale"].get<std::string>().empty());
  ASSERT_FALSE(df11["sources"].empty());
  for (const json& source : df11["sources"]) {
    EXPECT_NE(source["citation"], source["id"]) << source;  // resolved from sources.yaml
  }

  const json& af02 = WithCode(rules, "AF-02");
  EXPECT_EQ(af02["stage"], "aftercare");
  EXPECT_EQ(af02["confidence"], "H");
  ASSERT_EQ(af02["sources"].size(), 1U);
  EXPECT_EQ(af02["sources"][0]["id"], "R58");
  EXPECT_NE(af02["sources"][0]["citation"].get<std::string>().find("warfarin"), std::string::npos);
  EXPECT_TRUE(af02["sources"][0].contains("url"));
  for (const char* id : {"AF-01", "ES-01", "ES-02", "ES-03", "ES-04", "ES-05", "ES-06", "ES-07"}) {
    EXPECT_EQ(WithCode(rules, id)["stage"], "aftercare") << id;
  }
}

TEST_P(KnowledgeBaseApiTest, EverySignedInAccountMayReadItAndNobodyElse) {
  for (const std::string role : {"admin", "nurse", "esthetician"}) {
    EXPECT_EQ(As(role).Get("/api/v1/knowledge-base/vocabulary").status, 200) << role;
    EXPECT_EQ(As(role).Get("/api/v1/knowledge-base/rules").status, 200) << role;
  }
  const ApiSession anonymous(http());
  CORIUM_EXPECT_REPLY("GET", "/api/v1/knowledge-base/vocabulary",
                      anonymous.Get("/api/v1/knowledge-base/vocabulary"), 401);
  CORIUM_EXPECT_REPLY("GET", "/api/v1/knowledge-base/rules",
                      anonymous.Get("/api/v1/knowledge-base/rules"), 401);
}

INSTANTIATE_TEST_SUITE_P(Engines, KnowledgeBaseApiTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing

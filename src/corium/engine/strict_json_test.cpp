// The strict reader: the same documents as nlohmann's parser for valid text, and a refusal, saying
// which, for what a plain parse would let through (a repeated key, deep nesting) or cannot read.
#include "corium/engine/strict_json.h"

#include <gtest/gtest.h>

#include <string>
#include <variant>

namespace corium::engine {
namespace {

using nlohmann::json;
using Kind = StrictJsonError::Kind;

StrictJsonError Refusal(std::string_view text, int max_depth = 32) {
  auto parsed = ParseStrictJson(text, max_depth);
  EXPECT_TRUE(std::holds_alternative<StrictJsonError>(parsed)) << text;
  if (auto* error = std::get_if<StrictJsonError>(&parsed)) return *error;
  return {};
}

TEST(StrictJson, ValidTextGivesTheDocumentNlohmannGives) {
  for (const std::string_view text :
       {R"({"a":1,"b":[true,false,null,"x",-2,3.5,18446744073709551615],"c":{"d":{}},"e":[]})",
        R"([{"x":1},{"x":2}])", R"("just a string")", "42", " null ",
        R"({"same":{"k":1},"other":{"k":2}})", R"({"text":"caf\u00e9 \"q\" \\ \n"})"}) {
    auto parsed = ParseStrictJson(text, 32);
    ASSERT_TRUE(std::holds_alternative<json>(parsed)) << text;
    EXPECT_EQ(std::get<json>(parsed), json::parse(text)) << text;
  }
}

TEST(StrictJson, AKeyRepeatedInOneObjectIsRefusedByName) {
  const StrictJsonError at_root = Refusal(R"({"conditions":[],"age":3,"conditions":[1]})");
  EXPECT_EQ(at_root.kind, Kind::kRepeatedKey);
  EXPECT_EQ(at_root.key, "conditions");
  EXPECT_EQ(at_root.message, "field \"conditions\" appears twice in one object");

  const StrictJsonError nested = Refusal(R"({"client":{"birth_date":"a","birth_date":"b"}})");
  EXPECT_EQ(nested.kind, Kind::kRepeatedKey);
  EXPECT_EQ(nested.key, "birth_date");

  const StrictJsonError in_array = Refusal(R"([{"x":1},{"x":2,"x":3}])");
  EXPECT_EQ(in_array.kind, Kind::kRepeatedKey);
}

TEST(StrictJson, NestingBeyondTheLimitIsRefused) {
  const std::string at_limit = std::string(4, '[') + std::string(4, ']');
  EXPECT_TRUE(std::holds_alternative<json>(ParseStrictJson(at_limit, 4)));
  const StrictJsonError deeper = Refusal(std::string(5, '[') + std::string(5, ']'), 4);
  EXPECT_EQ(deeper.kind, Kind::kTooDeep);
  EXPECT_EQ(deeper.message, "nested more than 4 levels deep");
  // A hostile body never reaches a recursive step: a million brackets stop at the limit.
  EXPECT_EQ(Refusal(std::string(1'000'000, '['), 32).kind, Kind::kTooDeep);
  EXPECT_EQ(Refusal(std::string(40, '{'), 32).kind, Kind::kSyntax);  // keys missing first
}

TEST(StrictJson, BrokenTextSaysWhere) {
  const StrictJsonError truncated = Refusal(R"({"a":)");
  EXPECT_EQ(truncated.kind, Kind::kSyntax);
  EXPECT_EQ(truncated.message, "not valid JSON at byte " + std::to_string(truncated.byte));
  EXPECT_GT(truncated.byte, 0U);
  EXPECT_EQ(Refusal("").kind, Kind::kSyntax);
  EXPECT_EQ(Refusal(R"({"a":1} trailing)").kind, Kind::kSyntax);
  EXPECT_EQ(Refusal("{'a':1}").kind, Kind::kSyntax);
  EXPECT_EQ(Refusal("\"\xff\xfe\"").kind, Kind::kSyntax);  // not UTF-8
}

TEST(StrictJson, ANumberTooLargeForADoubleIsOutOfRange) {
  const StrictJsonError huge = Refusal(R"({"depth":1e400})");
  EXPECT_EQ(huge.kind, Kind::kNumberOutOfRange);
  EXPECT_EQ(huge.message, "not valid JSON: a number is out of range");
}

}  // namespace
}  // namespace corium::engine

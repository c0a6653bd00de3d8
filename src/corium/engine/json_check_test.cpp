#include "corium/engine/json_check.h"

#include <gtest/gtest.h>

namespace corium::engine {
namespace {

TEST(IsJsonObject, TakesOneObjectAndNothingElse) {
  EXPECT_TRUE(IsJsonObject(R"({"decision":"ok","zones":[]})"));
  EXPECT_TRUE(IsJsonObject(" {}\n"));
  EXPECT_FALSE(IsJsonObject(""));
  EXPECT_FALSE(IsJsonObject("[]"));
  EXPECT_FALSE(IsJsonObject("\"text\""));
  EXPECT_FALSE(IsJsonObject(R"({"a":1} {"b":2})"));
  EXPECT_FALSE(IsJsonObject(R"({"a":1)"));
  EXPECT_FALSE(IsJsonObject(R"({"a":tru})"));
}

TEST(WriteStoredObject, SplicesAnObjectAndReplacesAnythingElseWithAnEmptyOne) {
  JsonWriter out;
  out.BeginArray();
  WriteStoredObject(out, R"({"decision":"defer"})");
  WriteStoredObject(out, R"({"decision":)");
  out.EndArray();
  EXPECT_EQ(out.Take(), R"([{"decision":"defer"},{}])");
}

}  // namespace
}  // namespace corium::engine

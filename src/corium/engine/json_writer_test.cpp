// JsonWriter writes what nlohmann's dump() writes for the same values: numbers (the depths of a
// decision), strings with every escape, and nesting. The decision's own bytes are checked against
// the contract in decision_json_test.cpp.
#include "corium/engine/json_writer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

namespace corium::engine {
namespace {

using Json = nlohmann::ordered_json;

std::string Written(double value) { return JsonWriter().Number(value).Take(); }
std::string Written(std::string_view text) { return JsonWriter().String(text).Take(); }

TEST(JsonWriter, EveryDepthInMicrometresReadsAsNlohmannWritesIt) {
  for (int micrometres = 0; micrometres <= 5000; ++micrometres) {
    const double millimetres = micrometres / 1000.0;
    ASSERT_EQ(Written(millimetres), Json(millimetres).dump()) << micrometres << " µm";
  }
}

TEST(JsonWriter, ThousandthsWriteWhatTheDoubleWouldHave) {
  const auto thousandths = [](std::int64_t value) {
    return JsonWriter().Thousandths(value).Take();
  };
  for (std::int64_t value = -12000; value <= 12000; ++value) {
    ASSERT_EQ(thousandths(value), Json(static_cast<double>(value) / 1000.0).dump()) << value;
  }
  for (const std::int64_t value :
       {std::int64_t{100'000'000}, std::int64_t{123'456'789'012}, std::int64_t{-987'654'321}}) {
    EXPECT_EQ(thousandths(value), Json(static_cast<double>(value) / 1000.0).dump()) << value;
  }
  EXPECT_EQ(thousandths(std::numeric_limits<std::int64_t>::min()), "-9223372036854775.808");
  EXPECT_EQ(JsonWriter().BeginArray().Thousandths(1500).Thousandths(-250).EndArray().Take(),
            "[1.5,-0.25]");
}

TEST(JsonWriter, NumbersAtTheEdgesOfPlainNotationMatchNlohmann) {
  for (const double value : {0.0,
                             -0.0,
                             1.0,
                             -1.5,
                             0.1,
                             1.0 / 3.0,
                             1e-4,
                             9.99e-5,
                             1e-5,
                             2.5e-7,
                             123456789012345.0,
                             999999999999999.0,
                             1e15,
                             1.5e15,
                             1e21,
                             1e300,
                             -1e-300,
                             5e-324,
                             std::numeric_limits<double>::max(),
                             std::numeric_limits<double>::min()}) {
    EXPECT_EQ(Written(value), Json(value).dump()) << value;
  }
}

TEST(JsonWriter, NumbersJsonCannotHoldAreNull) {
  EXPECT_EQ(Written(std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(Written(std::numeric_limits<double>::quiet_NaN()), "null");
}

TEST(JsonWriter, StringsEscapeAsNlohmannDoes) {
  std::string every_ascii;
  for (int c = 1; c < 0x80; ++c) every_ascii += static_cast<char>(c);
  EXPECT_EQ(Written(every_ascii), Json(every_ascii).dump());
  const std::string utf8 = "Café ✓ — ≤ 0.5 mm, “quoted” \\ and \"quoted\"";
  EXPECT_EQ(Written(utf8), Json(utf8).dump());
  EXPECT_EQ(Written(std::string_view("a\0b", 3)), Json(std::string("a\0b", 3)).dump());
  EXPECT_EQ(Written(""), "\"\"");
}

// Plain text is skipped eight bytes at a time: a character that needs an escape is found at
// every position of a word and at the end, and UTF-8 bytes never count as one.
TEST(JsonWriter, EscapesAreFoundAtEveryPositionOfLongText) {
  for (const char special : {'"', '\\', '\n', '\x01', '\x1f'}) {
    for (size_t length = 1; length <= 24; ++length) {
      for (size_t at = 0; at < length; ++at) {
        std::string text(length, 'a');
        text[at] = special;
        ASSERT_EQ(Written(text), Json(text).dump()) << length << " " << at;
      }
    }
  }
  const std::string utf8 =
      "caf\xc3\xa9 na\xc3\xafve \xe2\x80\x94 r\xc3\xa9sum\xc3\xa9 \xf0\x9f\x98\x80 "
      "and more plain text after it";
  EXPECT_EQ(Written(utf8), Json(utf8).dump());
  EXPECT_EQ(Written(" !#$%&'()*+,-./0123456789:;<=>?@[]^_`{|}~\x7f"),
            Json(" !#$%&'()*+,-./0123456789:;<=>?@[]^_`{|}~\x7f").dump());
}

TEST(JsonWriter, NestingAndSeparatorsMatchNlohmann) {
  JsonWriter out;
  out.BeginObject();
  out.Key("empty_object").BeginObject().EndObject();
  out.Key("empty_array").BeginArray().EndArray();
  out.Key("list").BeginArray();
  out.String("a").Number(1.5).Null();
  out.BeginObject().Key("x").Null().Key("y").String("z").EndObject();
  out.BeginArray().BeginArray().EndArray().EndArray();
  out.EndArray();
  out.Key("last").String("end");
  out.EndObject();

  Json expected;
  expected["empty_object"] = Json::object();
  expected["empty_array"] = Json::array();
  expected["list"] = Json::array(
      {"a", 1.5, nullptr, Json{{"x", nullptr}, {"y", "z"}}, Json::array({Json::array()})});
  expected["last"] = "end";
  EXPECT_EQ(out.Take(), expected.dump());
}

TEST(JsonWriter, IntegersAtTheirLimitsAndSplicedValuesReadAsNlohmannWritesThem) {
  JsonWriter out;
  out.BeginObject()
      .Key("low")
      .Integer(std::numeric_limits<std::int64_t>::min())
      .Key("zero")
      .Integer(0)
      .Key("high")
      .Integer(std::numeric_limits<std::int64_t>::max())
      .Key("stored")
      .Verbatim(R"({"a":[1,2],"b":null})")
      .EndObject();
  const nlohmann::json expected = {{"low", std::numeric_limits<std::int64_t>::min()},
                                   {"zero", 0},
                                   {"high", std::numeric_limits<std::int64_t>::max()},
                                   {"stored", {{"a", {1, 2}}, {"b", nullptr}}}};
  EXPECT_EQ(nlohmann::json::parse(out.Take()), expected);
}

}  // namespace
}  // namespace corium::engine

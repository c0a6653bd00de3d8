// Compact JSON written straight into a string, for documents the engine produces on every request
// (the decision): no intermediate tree, no allocation per value. The output is what nlohmann's
// dump() writes for the same values (the tests compare them), so the two can be mixed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace corium::engine {

class JsonWriter {
 public:
  JsonWriter() { out_.reserve(2048); }  // a decision is 1–3 kB

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // The next value is this object member's. The name is written as it is: names are spelled by
  // the program, never by a user, and need no escape.
  JsonWriter& Key(std::string_view name);

  JsonWriter& String(std::string_view text);
  JsonWriter& Number(double value);
  // `value` thousandths (a depth in micrometres, written in millimetres), as Number(value /
  // 1000.0) writes it, without the cost of printing a double.
  JsonWriter& Thousandths(std::int64_t value);
  JsonWriter& Null();
  JsonWriter& Integer(std::int64_t value);
  // One JSON value that is already text (a document this program wrote and stored), spliced in
  // as it is. The caller answers for its being exactly one valid value (see IsJsonObject).
  JsonWriter& Verbatim(std::string_view json_text);

  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();

  std::string out_;
  bool first_ = true;  // no member or element yet in the innermost object or array
};

}  // namespace corium::engine

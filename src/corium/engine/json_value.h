// One JSON value, read-only, in either form a strict read produces (strict_json.h): a node of
// nlohmann's tree, or an element of simdjson's index of the text. The intake parser reads through
// it, so one parser serves a request body that simdjson indexed and a document given as a tree,
// and the answers cannot drift apart.
//
// This header brings in simdjson's; include it only where a value is read.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace corium::engine {

class JsonValue {
 public:
  explicit JsonValue(const nlohmann::json& node) : node_(&node) {}
  explicit JsonValue(simdjson::dom::element element) : element_(element) {}

  bool IsNull() const;
  bool IsObject() const;
  bool IsArray() const;
  bool IsString() const;
  bool IsBool() const;
  bool IsNumber() const;  // an integer or not

  // Each reads a value of its kind; a value of another kind reads as empty, false or zero.
  std::string_view String() const;
  bool Bool() const;
  double Number() const;
  // A whole number written without a fraction or exponent, if it fits in 64 bits.
  std::optional<std::int64_t> Integer() const;

  // An object's member; nullopt when the object has none by that name (or this is no object).
  std::optional<JsonValue> Member(std::string_view key) const;
  // An object's members in the form's own order (the tree's is by key, the index's the text's).
  std::vector<std::pair<std::string_view, JsonValue>> Members() const;
  // An array's items in order; empty for anything else.
  std::vector<JsonValue> Items() const;

 private:
  const nlohmann::json* node_ = nullptr;  // the tree's node, or null for simdjson's element
  simdjson::dom::element element_;
};

}  // namespace corium::engine

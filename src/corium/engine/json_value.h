// One JSON value, read-only, in either form a strict read produces (strict_json.h): a node of
// nlohmann's tree, or an element of simdjson's index of the text. The intake parser reads through
// it, so one parser serves a request body that simdjson indexed and a document given as a tree,
// and the answers cannot drift apart.
//
// This header brings in simdjson's; include it only where a value is read.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace corium::engine {

class JsonValue {
 public:
  explicit JsonValue(const nlohmann::json& node) : node_(&node) {}
  explicit JsonValue(simdjson::dom::element element) : element_(element) {}

  // The questions asked of every value are answered here, inline.
  bool IsNull() const {
    return node_ != nullptr ? node_->is_null() : Type() == simdjson::dom::element_type::NULL_VALUE;
  }
  bool IsObject() const {
    return node_ != nullptr ? node_->is_object() : Type() == simdjson::dom::element_type::OBJECT;
  }
  bool IsArray() const {
    return node_ != nullptr ? node_->is_array() : Type() == simdjson::dom::element_type::ARRAY;
  }
  bool IsString() const {
    return node_ != nullptr ? node_->is_string() : Type() == simdjson::dom::element_type::STRING;
  }
  bool IsBool() const {
    return node_ != nullptr ? node_->is_boolean() : Type() == simdjson::dom::element_type::BOOL;
  }
  bool IsNumber() const;  // an integer or not

  // Each reads a value of its kind; a value of another kind reads as empty, false or zero.
  std::string_view String() const {
    if (node_ != nullptr) {
      return node_->is_string() ? std::string_view(node_->get_ref<const std::string&>())
                                : std::string_view();
    }
    std::string_view text;
    return element_.get_string().get(text) == simdjson::SUCCESS ? text : std::string_view();
  }
  bool Bool() const;
  double Number() const;
  // A whole number written without a fraction or exponent, if it fits in 64 bits.
  std::optional<std::int64_t> Integer() const;

  // An object's member; nullopt when the object has none by that name (or this is no object).
  std::optional<JsonValue> Member(std::string_view key) const;
  // Calls `visit(key, value)` for each of an object's members, in the form's own order (the
  // tree's is by key, the index's the text's); for anything else, never. Builds no list.
  template <typename Visit>
  void ForEachMember(Visit&& visit) const;
  // Calls `visit(index, item)` for each of an array's items, in order; for anything else, never.
  template <typename Visit>
  void ForEachItem(Visit&& visit) const;
  // How many items an array has; 0 for anything else.
  size_t ItemCount() const;

 private:
  simdjson::dom::element_type Type() const { return element_.type(); }

  const nlohmann::json* node_ = nullptr;  // the tree's node, or null for simdjson's element
  simdjson::dom::element element_;
};

template <typename Visit>
void JsonValue::ForEachMember(Visit&& visit) const {
  if (node_ != nullptr) {
    if (!node_->is_object()) return;
    for (const auto& [key, value] : node_->get_ref<const nlohmann::json::object_t&>()) {
      visit(std::string_view(key), JsonValue(value));
    }
    return;
  }
  simdjson::dom::object object;
  if (element_.get_object().get(object) != simdjson::SUCCESS) return;
  for (const auto field : object) visit(field.key, JsonValue(field.value));
}

template <typename Visit>
void JsonValue::ForEachItem(Visit&& visit) const {
  size_t index = 0;
  if (node_ != nullptr) {
    if (!node_->is_array()) return;
    for (const auto& item : *node_) visit(index++, JsonValue(item));
    return;
  }
  simdjson::dom::array array;
  if (element_.get_array().get(array) != simdjson::SUCCESS) return;
  for (const auto item : array) visit(index++, JsonValue(item));
}

}  // namespace corium::engine

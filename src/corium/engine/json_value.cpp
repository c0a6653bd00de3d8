#include "corium/engine/json_value.h"

#include <limits>

namespace corium::engine {

using simdjson::dom::element_type;

bool JsonValue::IsNumber() const {
  if (node_ != nullptr) return node_->is_number();
  const element_type type = element_.type();
  return type == element_type::INT64 || type == element_type::UINT64 ||
         type == element_type::DOUBLE;
}

bool JsonValue::Bool() const {
  if (node_ != nullptr) return node_->is_boolean() && node_->get<bool>();
  bool value = false;
  return element_.get_bool().get(value) == simdjson::SUCCESS && value;
}

double JsonValue::Number() const {
  if (node_ != nullptr) return node_->is_number() ? node_->get<double>() : 0.0;
  double value = 0.0;
  return element_.get_double().get(value) == simdjson::SUCCESS ? value : 0.0;
}

std::optional<std::int64_t> JsonValue::Integer() const {
  if (node_ != nullptr) {
    if (node_->is_number_unsigned()) {
      const auto value = node_->get<std::uint64_t>();
      if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        return std::nullopt;
      }
      return static_cast<std::int64_t>(value);
    }
    if (node_->is_number_integer()) return node_->get<std::int64_t>();
    return std::nullopt;
  }
  // simdjson keeps a whole number past int64 as UINT64, which is left out here as above.
  if (element_.type() != element_type::INT64) return std::nullopt;
  return element_.get_int64().value_unsafe();
}

std::optional<JsonValue> JsonValue::Member(std::string_view key) const {
  if (node_ != nullptr) {
    if (!node_->is_object()) return std::nullopt;
    const auto found = node_->find(key);
    if (found == node_->end()) return std::nullopt;
    return JsonValue(*found);
  }
  simdjson::dom::object object;
  if (element_.get_object().get(object) != simdjson::SUCCESS) return std::nullopt;
  simdjson::dom::element member;
  if (object.at_key(key).get(member) != simdjson::SUCCESS) return std::nullopt;
  return JsonValue(member);
}

size_t JsonValue::ItemCount() const {
  if (node_ != nullptr) return node_->is_array() ? node_->size() : 0;
  simdjson::dom::array array;
  return element_.get_array().get(array) == simdjson::SUCCESS ? array.size() : 0;
}

}  // namespace corium::engine

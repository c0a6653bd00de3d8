#include "corium/kb/node_reader.h"

namespace corium::kb {
namespace {

const nlohmann::json& NullJson() {
  static const nlohmann::json null_json;
  return null_json;
}

}  // namespace

std::string NodeReader::PointerTo(const std::string& key) const { return pointer_ + "/" + key; }

void NodeReader::Problem(const std::string& key, const std::string& message) const {
  const std::string pointer = key.empty() ? pointer_ : PointerTo(key);
  problems_->Add(*doc_, pointer, (pointer.empty() ? "(document)" : pointer.substr(1)) + ": " +
                                     message);
}

bool NodeReader::Has(const std::string& key) const {
  return node_->is_object() && node_->contains(key) && !(*node_)[key].is_null();
}

NodeReader NodeReader::Child(const std::string& key) const {
  if (!Has(key)) return NodeReader(*doc_, NullJson(), PointerTo(key), *problems_);
  return NodeReader(*doc_, (*node_)[key], PointerTo(key), *problems_);
}

std::vector<NodeReader> NodeReader::Items(const std::string& key) const {
  std::vector<NodeReader> items;
  if (!Has(key)) return items;
  const nlohmann::json& array = (*node_)[key];
  if (!array.is_array()) {
    Problem(key, "expected a list");
    return items;
  }
  for (size_t i = 0; i < array.size(); ++i) {
    items.emplace_back(*doc_, array[i], PointerTo(key) + "/" + std::to_string(i), *problems_);
  }
  return items;
}

std::string NodeReader::String(const std::string& key) const {
  if (const auto value = OptionalString(key)) return *value;
  Problem(key, "required text is missing");
  return {};
}

std::optional<std::string> NodeReader::OptionalString(const std::string& key) const {
  if (!Has(key)) return std::nullopt;
  const nlohmann::json& value = (*node_)[key];
  if (!value.is_string()) {
    Problem(key, "expected text");
    return std::nullopt;
  }
  return value.get<std::string>();
}

bool NodeReader::Bool(const std::string& key, bool fallback) const {
  if (!Has(key)) return fallback;
  const nlohmann::json& value = (*node_)[key];
  if (!value.is_boolean()) {
    Problem(key, "expected true or false");
    return fallback;
  }
  return value.get<bool>();
}

std::optional<int> NodeReader::OptionalInt(const std::string& key) const {
  if (!Has(key)) return std::nullopt;
  const nlohmann::json& value = (*node_)[key];
  if (!value.is_number_integer()) {
    Problem(key, "expected a whole number");
    return std::nullopt;
  }
  return value.get<int>();
}

Depth NodeReader::Millimetres(const std::string& key) const {
  if (const auto depth = OptionalMillimetres(key)) return *depth;
  if (!Has(key)) Problem(key, "required depth in millimetres is missing");
  return Depth();
}

std::optional<Depth> NodeReader::OptionalMillimetres(const std::string& key) const {
  if (!Has(key)) return std::nullopt;
  const nlohmann::json& value = (*node_)[key];
  if (!value.is_number()) {
    Problem(key, "expected a depth in millimetres");
    return std::nullopt;
  }
  const auto depth = Depth::FromMillimetres(value.get<double>());
  if (!depth) Problem(key, "depth must be between 0 and 100 mm");
  return depth;
}

std::vector<std::string> NodeReader::Strings(const std::string& key) const {
  std::vector<std::string> out;
  if (!Has(key)) return out;
  const nlohmann::json& array = (*node_)[key];
  if (!array.is_array()) {
    Problem(key, "expected a list");
    return out;
  }
  for (const nlohmann::json& item : array) {
    if (item.is_string()) {
      out.push_back(item.get<std::string>());
    } else {
      Problem(key, "expected a list of text");
    }
  }
  return out;
}

std::vector<Code> NodeReader::Codes(const std::string& key) const {
  std::vector<Code> out;
  for (std::string& s : Strings(key)) out.emplace_back(std::move(s));
  return out;
}

}  // namespace corium::kb

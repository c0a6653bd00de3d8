#include "corium/engine/strict_json.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "corium/engine/json_value.h"

namespace corium::engine {
namespace {

using nlohmann::json;

// The index a document of this thread last let go of, kept with its buffers for the next read, so
// that reading a request body does not allocate three buffers (and free them after). Only the
// index of a text up to kSpareIndexBytes is kept (its buffers take about ten times the text): one
// large body does not hold on to its memory.
thread_local std::unique_ptr<simdjson::dom::document> spare_index;
constexpr size_t kSpareIndexBytes = size_t{16} * 1024;

std::unique_ptr<simdjson::dom::document> NewIndex() {
  if (spare_index != nullptr) return std::move(spare_index);
  return std::make_unique<simdjson::dom::document>();
}

void LetGo(std::unique_ptr<simdjson::dom::document> index) {
  if (index != nullptr && index->capacity() <= kSpareIndexBytes) spare_index = std::move(index);
}

// The exact reader: a SAX handler over nlohmann's parser that builds the document itself, so that
// a repeated key is seen as it arrives, and that knows where text stops being JSON.
class StrictBuilder {
 public:
  explicit StrictBuilder(int max_depth) : max_depth_(max_depth) {}

  bool null() { return Put(json(nullptr)); }
  bool boolean(bool value) { return Put(json(value)); }
  bool number_integer(json::number_integer_t value) { return Put(json(value)); }
  bool number_unsigned(json::number_unsigned_t value) { return Put(json(value)); }
  bool number_float(json::number_float_t value, const json::string_t& /*text*/) {
    if (!std::isfinite(value)) return Fail(StrictJsonError::Kind::kNumberOutOfRange, 0);
    return Put(json(value));
  }
  bool string(json::string_t& value) { return Put(json(std::move(value))); }
  bool binary(json::binary_t& /*value*/) { return Fail(StrictJsonError::Kind::kSyntax, 0); }

  bool start_object(std::size_t /*size*/) { return Open(json::object()); }
  bool key(json::string_t& name) {
    json& object = *open_.back();
    if (object.contains(name)) {
      error_.key = name;
      return Fail(StrictJsonError::Kind::kRepeatedKey, 0);
    }
    pending_ = &object[name];
    return true;
  }
  bool end_object() { return Close(); }
  bool start_array(std::size_t /*size*/) { return Open(json::array()); }
  bool end_array() { return Close(); }

  bool parse_error(std::size_t position, const std::string& /*token*/,
                   const nlohmann::detail::exception& e) {
    // nlohmann reports a number it cannot hold (1e400) as out_of_range 406.
    const bool range = e.id == 406;
    return Fail(range ? StrictJsonError::Kind::kNumberOutOfRange : StrictJsonError::Kind::kSyntax,
                position);
  }

  bool failed() const { return failed_; }
  StrictJsonError TakeError() { return std::move(error_); }
  json TakeDocument() { return std::move(root_); }

 private:
  // Places a value where the grammar says it goes: the root, the next array element, or the
  // member whose key just arrived.
  json* Place(json&& value) {
    if (open_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    json& container = *open_.back();
    if (container.is_array()) {
      container.push_back(std::move(value));
      return &container.back();
    }
    *pending_ = std::move(value);
    return pending_;
  }
  bool Put(json&& value) {
    Place(std::move(value));
    return true;
  }
  bool Open(json&& container) {
    if (static_cast<int>(open_.size()) >= max_depth_) {
      return Fail(StrictJsonError::Kind::kTooDeep, 0);
    }
    open_.push_back(Place(std::move(container)));
    return true;
  }
  bool Close() {
    open_.pop_back();
    return true;
  }
  bool Fail(StrictJsonError::Kind kind, size_t byte) {
    failed_ = true;
    error_.kind = kind;
    error_.byte = byte;
    return false;
  }

  int max_depth_;
  json root_;
  std::vector<json*> open_;  // the containers being filled, innermost last
  json* pending_ = nullptr;  // the member slot made by the last key
  bool failed_ = false;
  StrictJsonError error_;
};

std::string Describe(const StrictJsonError& error, int max_depth) {
  switch (error.kind) {
    case StrictJsonError::Kind::kSyntax:
      return "not valid JSON at byte " + std::to_string(error.byte);
    case StrictJsonError::Kind::kNumberOutOfRange:
      return "not valid JSON: a number is out of range";
    case StrictJsonError::Kind::kRepeatedKey:
      return "field \"" + error.key + "\" appears twice in one object";
    case StrictJsonError::Kind::kTooDeep:
      return "nested more than " + std::to_string(max_depth) + " levels deep";
  }
  return "not valid JSON";
}

// The fast reader: simdjson validates the text (UTF-8 included) and indexes it several times
// faster than nlohmann's lexer; the index is then checked for repeated keys and depth. simdjson
// only says whether text is well-formed JSON, not where it is not, so a refusal goes to the exact
// reader.
class FastReader {
 public:
  explicit FastReader(int max_depth) : max_depth_(max_depth) {}

  // Null when the text needs the exact reader's judgement (and `error` is untouched), or when it
  // has a repeated key or is too deep (and `error` says so).
  std::unique_ptr<simdjson::dom::document> Read(std::string_view text, StrictJsonError& error) {
    // One parser per thread keeps its working buffers from request to request; the index goes
    // into a document of its own, which the caller keeps. The parser's depth limit sits above
    // ours, so the limit is applied below, the same way for both readers.
    thread_local simdjson::dom::parser parser;
    const auto depth = static_cast<size_t>(max_depth_) + 2;
    if (parser.max_depth() != depth &&
        parser.allocate(std::max<size_t>(text.size(), kInitialCapacity), depth) !=
            simdjson::SUCCESS) {
      return nullptr;
    }
    auto index = NewIndex();
    simdjson::dom::element root;
    if (parser.parse_into_document(*index, text.data(), text.size()).get(root) !=
            simdjson::SUCCESS ||
        (HoldsOthers(root) && !Check(root, 0, error))) {
      LetGo(std::move(index));
      return nullptr;
    }
    return index;
  }

 private:
  static constexpr size_t kInitialCapacity = size_t{64} * 1024;
  // Up to this many members, a new key is compared with those before it; past it, a hash set
  // keeps a hostile object of many keys from costing the square of their number.
  static constexpr size_t kFewMembers = 16;

  // Whether an element is an array or an object: only those are checked, so a number or a
  // string (most of a document) costs one look at its type.
  static bool HoldsOthers(simdjson::dom::element element) {
    const auto type = element.type();
    return type == simdjson::dom::element_type::ARRAY ||
           type == simdjson::dom::element_type::OBJECT;
  }

  // Checks an array or an object and what it holds, in text order, so the first fault found is
  // the one the exact reader, which reads in text order too, would report.
  bool Check(simdjson::dom::element element, int depth, StrictJsonError& error) {
    if (depth >= max_depth_) return TooDeep(error);
    if (element.type() == simdjson::dom::element_type::OBJECT) {
      return CheckObject(simdjson::dom::object(element), depth, error);
    }
    for (const auto item : simdjson::dom::array(element)) {
      if (HoldsOthers(item) && !Check(item, depth + 1, error)) return false;
    }
    return true;
  }

  bool CheckObject(simdjson::dom::object object, int depth, StrictJsonError& error) {
    // The first `few` keys, each made as it is met (an array of string_views would clear all
    // sixteen for every object).
    union FewKeys {
      FewKeys() {}  // NOLINT(modernize-use-equals-default): makes no key
      std::array<std::string_view, kFewMembers> keys;
    } few_keys;
    size_t few = 0;
    std::unique_ptr<std::unordered_set<std::string_view>> many_keys;  // made past kFewMembers
    for (const auto field : object) {
      bool repeated = false;
      if (few < kFewMembers) {
        const auto known = few_keys.keys.begin();
        repeated = std::find(known, known + few, field.key) != known + few;
        std::construct_at(&few_keys.keys[few++], field.key);
      } else {
        if (many_keys == nullptr) {
          many_keys = std::make_unique<std::unordered_set<std::string_view>>(few_keys.keys.begin(),
                                                                             few_keys.keys.end());
        }
        repeated = !many_keys->insert(field.key).second;
      }
      if (repeated) {
        error.kind = StrictJsonError::Kind::kRepeatedKey;
        error.key = std::string(field.key);
        return false;
      }
      if (HoldsOthers(field.value) && !Check(field.value, depth + 1, error)) return false;
    }
    return true;
  }

  static bool TooDeep(StrictJsonError& error) {
    error.kind = StrictJsonError::Kind::kTooDeep;
    return false;
  }

  int max_depth_;
};

// nlohmann's tree from an index that passed the checks above.
void BuildTree(simdjson::dom::element element, json& out) {
  using simdjson::dom::element_type;
  switch (element.type()) {
    case element_type::OBJECT: {
      out = json::object();
      auto& members = out.get_ref<json::object_t&>();
      for (const auto field : simdjson::dom::object(element)) {
        BuildTree(field.value, members[std::string(field.key)]);
      }
      return;
    }
    case element_type::ARRAY: {
      out = json::array();
      auto& items = out.get_ref<json::array_t&>();
      for (const auto item : simdjson::dom::array(element)) BuildTree(item, items.emplace_back());
      return;
    }
    case element_type::STRING:
      out = std::string(element.get_string().value_unsafe());
      return;
    case element_type::INT64: {
      // nlohmann keeps a non-negative integer as unsigned; so does this reader.
      const std::int64_t value = element.get_int64().value_unsafe();
      out = value < 0 ? json(value) : json(static_cast<std::uint64_t>(value));
      return;
    }
    case element_type::UINT64:
      out = element.get_uint64().value_unsafe();
      return;
    case element_type::DOUBLE:
      out = element.get_double().value_unsafe();
      return;
    case element_type::BOOL:
      out = element.get_bool().value_unsafe();
      return;
    case element_type::NULL_VALUE:
      out = nullptr;
      return;
  }
}

}  // namespace

StrictJsonDocument::StrictJsonDocument() = default;
StrictJsonDocument::StrictJsonDocument(json tree) : tree_(std::move(tree)) {}
StrictJsonDocument::StrictJsonDocument(std::unique_ptr<simdjson::dom::document> index)
    : index_(std::move(index)) {}
StrictJsonDocument::StrictJsonDocument(StrictJsonDocument&& other) noexcept = default;
StrictJsonDocument& StrictJsonDocument::operator=(StrictJsonDocument&& other) noexcept = default;
StrictJsonDocument::~StrictJsonDocument() { LetGo(std::move(index_)); }

bool StrictJsonDocument::IsObject() const { return Root().IsObject(); }

JsonValue StrictJsonDocument::Root() const {
  return index_ != nullptr ? JsonValue(index_->root()) : JsonValue(tree_);
}

json StrictJsonDocument::TakeTree() && {
  if (index_ == nullptr) return std::move(tree_);
  json tree;
  BuildTree(index_->root(), tree);
  LetGo(std::move(index_));
  return tree;
}

std::variant<StrictJsonDocument, StrictJsonError> ReadStrictJson(std::string_view text,
                                                                 int max_depth) {
  StrictJsonError error;
  error.kind = StrictJsonError::Kind::kSyntax;
  if (auto index = FastReader(max_depth).Read(text, error)) {
    return StrictJsonDocument(std::move(index));
  }
  if (error.kind == StrictJsonError::Kind::kRepeatedKey ||
      error.kind == StrictJsonError::Kind::kTooDeep) {
    error.message = Describe(error, max_depth);
    return error;
  }
  // The text is not JSON to simdjson (or holds what only nlohmann reads, such as an integer past
  // 64 bits, which it keeps as a double): the exact reader decides, and says where.
  auto exact = ParseStrictJsonExactly(text, max_depth);
  if (auto* failed = std::get_if<StrictJsonError>(&exact)) return std::move(*failed);
  return StrictJsonDocument(std::move(std::get<json>(exact)));
}

std::variant<json, StrictJsonError> ParseStrictJson(std::string_view text, int max_depth) {
  auto read = ReadStrictJson(text, max_depth);
  if (auto* error = std::get_if<StrictJsonError>(&read)) return std::move(*error);
  return std::move(std::get<StrictJsonDocument>(read)).TakeTree();
}

std::variant<json, StrictJsonError> ParseStrictJsonExactly(std::string_view text, int max_depth) {
  StrictJsonError error;
  StrictBuilder builder(max_depth);
  const bool parsed = json::sax_parse(text, &builder, json::input_format_t::json, true);
  if (!parsed || builder.failed()) {
    error = builder.TakeError();
    error.message = Describe(error, max_depth);
    return error;
  }
  return builder.TakeDocument();
}

}  // namespace corium::engine

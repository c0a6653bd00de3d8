#include "corium/engine/strict_json.h"

#include <cmath>
#include <utility>
#include <vector>

namespace corium::engine {
namespace {

using nlohmann::json;

// A SAX handler that builds the document itself, so that a repeated key is seen as it arrives
// (nlohmann's callback parser would do the same through a std::function per token, at about
// twice the cost of the whole parse).
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

}  // namespace

std::variant<json, StrictJsonError> ParseStrictJson(std::string_view text, int max_depth) {
  StrictBuilder builder(max_depth);
  const bool parsed = json::sax_parse(text, &builder, json::input_format_t::json, true);
  if (!parsed || builder.failed()) {
    StrictJsonError error = builder.TakeError();
    error.message = Describe(error, max_depth);
    return error;
  }
  return builder.TakeDocument();
}

}  // namespace corium::engine

// The one reader for JSON text that comes from outside (an intake file, a request body). Besides
// the grammar it refuses what a plain parse lets through silently: a key repeated in one object
// (the later value would replace the earlier, so a second "conditions" list would hide the first)
// and nesting deeper than a limit. Request bodies are parsed once, here.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>

namespace simdjson::dom {
class document;
}

namespace corium::engine {

class JsonValue;  // json_value.h

struct StrictJsonError {
  enum class Kind { kSyntax, kNumberOutOfRange, kRepeatedKey, kTooDeep };
  Kind kind = Kind::kSyntax;
  size_t byte = 0;      // where the text stopped making sense (kSyntax)
  std::string key;      // the repeated key (kRepeatedKey)
  std::string message;  // says which of the above, in words a caller can pass on
};

// A document that passed the strict read, in the form its reader left it: simdjson's index of the
// text (the fast reader's), or nlohmann's tree (the exact reader's, or one given). A reader that
// walks the document once, such as the intake parser, reads either form through Root(); everyone
// else takes the tree, built from the index when there is one.
class StrictJsonDocument {
 public:
  StrictJsonDocument();  // the JSON null
  explicit StrictJsonDocument(nlohmann::json tree);
  explicit StrictJsonDocument(std::unique_ptr<simdjson::dom::document> index);
  StrictJsonDocument(StrictJsonDocument&& other) noexcept;
  StrictJsonDocument& operator=(StrictJsonDocument&& other) noexcept;
  StrictJsonDocument(const StrictJsonDocument&) = delete;
  StrictJsonDocument& operator=(const StrictJsonDocument&) = delete;
  ~StrictJsonDocument();

  bool IsObject() const;
  // Valid while the document lives and is not moved.
  JsonValue Root() const;
  nlohmann::json TakeTree() &&;

 private:
  std::unique_ptr<simdjson::dom::document> index_;  // null when the document is the tree
  nlohmann::json tree_;
};

// Reads `text` as a document, or says why not. `max_depth` bounds objects and arrays nested in one
// another. simdjson reads well-formed text; anything it refuses goes to the exact reader below, so
// a refusal is always the exact reader's.
std::variant<StrictJsonDocument, StrictJsonError> ReadStrictJson(std::string_view text,
                                                                 int max_depth);

// The same, as nlohmann's tree.
std::variant<nlohmann::json, StrictJsonError> ParseStrictJson(std::string_view text, int max_depth);

// The exact reader alone (nlohmann's parser, about twice as slow): what ParseStrictJson falls
// back to, and what the tests and the fuzzer hold the fast path to.
std::variant<nlohmann::json, StrictJsonError> ParseStrictJsonExactly(std::string_view text,
                                                                     int max_depth);

}  // namespace corium::engine

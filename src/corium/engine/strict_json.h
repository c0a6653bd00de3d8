// The one reader for JSON text that comes from outside (an intake file, a request body). Besides
// the grammar it refuses what a plain parse lets through silently: a key repeated in one object
// (the later value would replace the earlier, so a second "conditions" list would hide the first)
// and nesting deeper than a limit. Request bodies are parsed once, here.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>

namespace corium::engine {

struct StrictJsonError {
  enum class Kind { kSyntax, kNumberOutOfRange, kRepeatedKey, kTooDeep };
  Kind kind = Kind::kSyntax;
  size_t byte = 0;      // where the text stopped making sense (kSyntax)
  std::string key;      // the repeated key (kRepeatedKey)
  std::string message;  // says which of the above, in words a caller can pass on
};

// Parses `text` into a document, or says why not. `max_depth` bounds objects and arrays nested in
// one another. simdjson reads well-formed text; anything it refuses goes to the exact reader
// below, so the answer is always the exact reader's.
std::variant<nlohmann::json, StrictJsonError> ParseStrictJson(std::string_view text, int max_depth);

// The exact reader alone (nlohmann's parser, about twice as slow): what ParseStrictJson falls
// back to, and what the tests and the fuzzer hold the fast path to.
std::variant<nlohmann::json, StrictJsonError> ParseStrictJsonExactly(std::string_view text,
                                                                     int max_depth);

}  // namespace corium::engine

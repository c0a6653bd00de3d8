#include "corium/engine/json_check.h"

#include <simdjson.h>

namespace corium::engine {

bool IsJsonObject(std::string_view text) {
  // One parser per thread, kept: its buffers are sized by the first documents and then reused.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  // realloc_if_needed: the text has no padding of its own, so simdjson copies it into its own.
  if (parser.parse(text.data(), text.size(), true).get(root) != simdjson::SUCCESS) return false;
  return root.type() == simdjson::dom::element_type::OBJECT;
}

void WriteStoredObject(JsonWriter& out, std::string_view stored) {
  if (IsJsonObject(stored)) {
    out.Verbatim(stored);
  } else {
    out.BeginObject().EndObject();
  }
}

}  // namespace corium::engine

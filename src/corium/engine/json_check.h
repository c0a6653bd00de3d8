// Whether a text is one JSON object: the check before a stored document (an intake's history, a
// screening's decision) is spliced into a response as it is, rather than parsed into a tree and
// printed back.
#pragma once

#include <string_view>

#include "corium/engine/json_writer.h"

namespace corium::engine {

// True when `text` is exactly one JSON object (whitespace around it allowed).
bool IsJsonObject(std::string_view text);

// Writes `stored` as it is when it is one JSON object, and {} when it is not: Corium wrote it, so
// only a database edited by hand gives {} (as printing a parsed tree answered before).
void WriteStoredObject(JsonWriter& out, std::string_view stored);

}  // namespace corium::engine

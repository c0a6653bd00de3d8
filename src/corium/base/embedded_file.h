// EmbeddedFile: a file compiled into the binary by cmake/EmbedFiles.cmake (the OpenAPI
// document), so the installed binary needs nothing beside it. Immutable static data.
#pragma once

#include <string_view>

namespace corium {

struct EmbeddedFile {
  std::string_view path;  // relative to the embedded folder, e.g. "paths/clients.json"
  std::string_view text;
};

}  // namespace corium

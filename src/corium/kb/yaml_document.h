// YamlDocument: a knowledge-base YAML file as JSON, remembering the line of every node so that a
// problem found later (by the schema, by a cross-reference check) can name file and line.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "corium/base/result.h"

namespace corium::kb {

struct YamlDocument {  // NOLINT(bugprone-exception-escape): json moves do not throw
  std::string file;  // relative to the knowledge base root, e.g. "rules/deferrals.yaml"
  nlohmann::json root;
  std::map<std::string, int> lines;  // JSON pointer -> 1-based line

  // The line of the node at `pointer`, or of its nearest ancestor that has one.
  int LineOf(std::string pointer) const;
  // "file:line" for the node at `pointer`.
  std::string Where(const std::string& pointer) const;
};

// Parses one YAML document (with libyaml). Plain scalars follow the YAML 1.2 core schema: `null`/`~`,
// `true`/`false`, integers and decimals are typed; quoted scalars are always strings. Duplicate keys
// and aliases are errors, named by file and line.
Result<YamlDocument> ParseYaml(std::string file, std::string_view text);

}  // namespace corium::kb

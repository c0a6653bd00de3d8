// Checks a knowledge-base document against its JSON Schema (kb/schema/*.schema.json).
#pragma once

#include <memory>
#include <string>

#include "corium/kb/problems.h"
#include "corium/kb/yaml_document.h"

namespace corium::kb {

// Checks documents against JSON Schemas. One checker serves a whole knowledge-base load, so that
// each schema is parsed once and each regular expression compiled once (compiling std::regex
// patterns dominated the load before). Not thread-safe; use one per load.
class SchemaChecker {
 public:
  SchemaChecker();
  ~SchemaChecker();
  SchemaChecker(const SchemaChecker&) = delete;
  SchemaChecker& operator=(const SchemaChecker&) = delete;

  // Adds one problem per failing node (the deepest ones: "rules/3/id: …" rather than also every
  // container around it). A schema that cannot be parsed is a problem of the schema file.
  void Check(const YamlDocument& doc, const std::string& schema_file,
             const std::string& schema_text, Problems& problems);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace corium::kb

// Checks a knowledge-base document against its JSON Schema (kb/schema/*.schema.json).
#pragma once

#include <nlohmann/json.hpp>

#include "corium/kb/problems.h"
#include "corium/kb/yaml_document.h"

namespace corium::kb {

// Adds one problem per failing node (the deepest ones: "rules/3/id: …" rather than also every
// container around it). A schema that itself cannot be parsed is a problem of the schema file.
void CheckAgainstSchema(const YamlDocument& doc, const nlohmann::json& schema,
                        const std::string& schema_file, Problems& problems);

}  // namespace corium::kb

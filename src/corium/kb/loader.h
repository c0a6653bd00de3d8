// Loading a knowledge base: files in, an immutable KnowledgeBase out, or every problem found, each
// with file and line. LoadKnowledgeBase is pure (the files arrive as text); ReadKbDirectory is the
// one function here that touches the filesystem.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "corium/base/result.h"
#include "corium/kb/knowledge_base.h"

namespace corium::kb {

struct KbFile {
  std::string name;  // relative path with forward slashes: "zones.yaml", "rules/home.yaml"
  std::string text;
};

// The topic files every knowledge base has, besides rules/*.yaml and schema/*.schema.json.
const std::vector<std::string>& TopicFiles();

// Parses, validates against the schemas in `schema/`, builds the tables and checks every cross-
// reference. On failure the Status lists each problem as a FieldError whose path is "file:line".
Result<KnowledgeBase> LoadKnowledgeBase(const std::vector<KbFile>& files);

// Reads the topic files, rules/*.yaml and schema/*.json of a knowledge base directory, sorted by
// name. A missing topic file is reported by LoadKnowledgeBase, not here.
Result<std::vector<KbFile>> ReadKbDirectory(const std::filesystem::path& dir);

// "sha256:<hex>" over every file's name and bytes, in name order.
std::string DigestOf(const std::vector<KbFile>& files);

}  // namespace corium::kb

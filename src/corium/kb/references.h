// References: every code, source, rule and consent item a knowledge-base file refers to, with where
// it was used, so the cross-reference check can name the exact line of a dangling reference.
#pragma once

#include <string>
#include <vector>

#include "corium/kb/yaml_document.h"

namespace corium::kb {

struct Reference {
  std::string
      kind;  // a vocabulary category ("zones", "conditions"…), "sources", "rules", "consent"
  std::string id;
  std::string where;  // file:line
};

struct Definition {
  std::string kind;  // "rules", "consent", "sources", "outcome_scales", "checklist_steps"
  std::string id;
  std::string where;
};

struct References {
  std::vector<Reference> uses;
  std::vector<Definition> definitions;

  void Use(std::string kind, std::string id, const YamlDocument& doc, const std::string& pointer) {
    uses.push_back({std::move(kind), std::move(id), doc.Where(pointer)});
  }
  void Define(std::string kind, std::string id, const YamlDocument& doc,
              const std::string& pointer) {
    definitions.push_back({std::move(kind), std::move(id), doc.Where(pointer)});
  }
};

}  // namespace corium::kb

// Builds the rules of one rules/*.yaml document: each rule's cases become typed matchers that the
// engine evaluates (see docs/knowledge-base.md for the language).
#pragma once

#include "corium/kb/knowledge_base.h"
#include "corium/kb/problems.h"
#include "corium/kb/references.h"
#include "corium/kb/yaml_document.h"

namespace corium::kb {

void BuildRules(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems, References& refs);

}  // namespace corium::kb

// Builds the outbox's message templates from kb/messages.yaml, checking that every source cited
// exists. See loader.h for the whole load.
#pragma once

#include "corium/kb/knowledge_base.h"
#include "corium/kb/problems.h"
#include "corium/kb/references.h"
#include "corium/kb/yaml_document.h"

namespace corium::kb {

void BuildMessages(const YamlDocument& doc, KnowledgeBase& kb, Problems& problems,
                   References& refs);

}  // namespace corium::kb

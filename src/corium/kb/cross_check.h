// The knowledge base's cross-reference check: every code used is defined in the vocabulary, every
// cited source, rule and consent item exists, ids are unique, and the tables cover the vocabulary.
#pragma once

#include "corium/kb/knowledge_base.h"
#include "corium/kb/problems.h"
#include "corium/kb/references.h"

namespace corium::kb {

void CheckCrossReferences(const KnowledgeBase& kb, const References& refs, Problems& problems);

}  // namespace corium::kb

// JSON views of the knowledge base for the clinicians' app (api/paths/knowledge_base.json): the
// vocabulary an intake form is built from, and every rule with its sources resolved. Pure
// functions of an immutable KnowledgeBase; safe from any thread.
#pragma once

#include <nlohmann/json.hpp>

#include "corium/kb/knowledge_base.h"

namespace corium::http {

// {"version", "digest"}: which knowledge base an answer came from.
nlohmann::json KnowledgeBaseIdentityToJson(const kb::KnowledgeBase& kb);

// GET /knowledge-base/vocabulary: every category with labels, notes (`help`), the details each
// entry asks for (`asks`), zone regions and prescriber roles.
nlohmann::json VocabularyToJson(const kb::KnowledgeBase& kb);

// GET /knowledge-base/rules: every rule in id order, each source with its citation.
nlohmann::json RulesToJson(const kb::KnowledgeBase& kb);

}  // namespace corium::http

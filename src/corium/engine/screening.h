// The screening: an intake and a knowledge base in, a Decision out (contracts.md §1.2–1.3).
// Pure and deterministic: the same intake and knowledge base give the same decision, whatever
// the order of the intake's lists. Safe to call from many threads on one KnowledgeBase.
#pragma once

#include "corium/domain/decision.h"
#include "corium/domain/intake.h"
#include "corium/kb/knowledge_base.h"

namespace corium::engine {

Decision Screen(const Intake& intake, const kb::KnowledgeBase& kb);

}  // namespace corium::engine

// The decision as a practitioner reads it: the verdict in plain words first, the earliest date,
// each finding with its reason and sources, then the per-zone depth table.
#pragma once

#include <string>

#include "corium/domain/decision.h"
#include "corium/domain/intake.h"
#include "corium/kb/knowledge_base.h"

namespace corium::cli {

std::string TextReport(const Decision& decision, const Intake& intake, const kb::KnowledgeBase& kb);

}  // namespace corium::cli

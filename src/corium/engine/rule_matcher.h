// Rule matching: which cases of the knowledge base's rules the intake sets off, and for each hit
// the zones it touches, its date and the facts that fill its basis. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corium/engine/fact_text.h"
#include "corium/engine/screening_context.h"

namespace corium::engine {

struct Hit {
  const kb::Rule* rule = nullptr;
  const kb::RuleCase* rule_case = nullptr;
  std::vector<Code> zones;  // requested zones it applies to; empty: every zone
  std::optional<Date> until;
  // This hit's own placeholder values; FactText::Common() holds those every hit shares.
  TextValues values;
};

std::vector<Hit> MatchRules(const ScreeningContext& ctx);

}  // namespace corium::engine

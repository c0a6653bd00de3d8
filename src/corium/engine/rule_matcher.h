// Rule matching: which cases of the knowledge base's rules the intake sets off, and for each hit
// the zones it touches, its date and the facts that fill its basis. Pure.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "corium/engine/screening_context.h"

namespace corium::engine {

struct Hit {
  const kb::Rule* rule = nullptr;
  const kb::RuleCase* rule_case = nullptr;
  std::vector<Code> zones;  // requested zones it applies to; empty: every zone
  std::optional<Date> until;
  std::map<std::string, std::string> values;  // placeholder -> text
};

std::vector<Hit> MatchRules(const ScreeningContext& ctx);

}  // namespace corium::engine

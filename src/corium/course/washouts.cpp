#include "corium/course/washouts.h"

#include <algorithm>
#include <variant>

namespace corium::course {
namespace {

// A case defers a clinic session by a wait counted from a procedure's date.
bool IsClinicProcedureWait(const kb::RuleCase& c) {
  if (!std::holds_alternative<kb::ProcedureMatch>(c.subject)) return false;
  if (c.effect.none || !c.window || c.window->from != kb::WindowFrom::kDate) return false;
  if (c.qualifiers.setting && *c.qualifiers.setting != "clinic") return false;
  return c.effect.other == Effect::kDefer || c.effect.prescriber == Effect::kDefer;
}

}  // namespace

bool Washout::Matches(const Code& code, const std::optional<Depth>& depth) const {
  if (codes.count(code) == 0) return false;
  if (depth_above && depth && !(*depth > *depth_above)) return false;
  if (depth_at_most && (!depth || *depth > *depth_at_most)) return false;
  return true;
}

Date Washout::EndAfter(Date procedure) const { return procedure.AddMonths(months).AddDays(days); }

std::vector<Washout> WashoutsOf(const kb::KnowledgeBase& kb) {
  std::vector<Washout> washouts;
  for (const kb::Rule& rule : kb.rules) {
    for (const kb::RuleCase& c : rule.cases) {
      if (!IsClinicProcedureWait(c)) continue;
      const auto& match = std::get<kb::ProcedureMatch>(c.subject);
      washouts.push_back({rule.id, c.summary, match.codes, match.depth_above, match.depth_at_most,
                          c.window->days, c.window->months});
    }
  }
  return washouts;
}

int LongestWaitDays(const kb::KnowledgeBase& kb, const std::string& rule_id) {
  const kb::Rule* rule = kb.FindRule(rule_id);
  if (rule == nullptr) return 0;
  int longest = 0;
  for (const kb::RuleCase& c : rule->cases) {
    if (c.window) longest = std::max(longest, c.window->days);
  }
  return longest;
}

}  // namespace corium::course

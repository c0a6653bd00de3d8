// Wash-outs: how long after a procedure (DF-06..DF-11: waxing, peels, toxin, filler, another
// microneedling session…) the same zone may be needled again, read from the deferral rules of the
// knowledge base rather than repeated here. Pure functions of the knowledge base.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "corium/course/course.h"
#include "corium/kb/knowledge_base.h"

namespace corium::course {

struct Washout {
  std::string rule;
  std::string summary;
  CodeSet codes;
  std::optional<Depth> depth_above;    // an unknown depth counts as above
  std::optional<Depth> depth_at_most;  // an unknown depth never matches
  int days = 0;
  int months = 0;

  bool Matches(const Code& code, const std::optional<Depth>& depth) const;
  Date EndAfter(Date procedure) const;  // the first day the zone may be needled again
};

// Every dated procedure deferral of a clinic session, in rule order.
std::vector<Washout> WashoutsOf(const kb::KnowledgeBase& kb);

// The longest dated wait, in days, of a rule's cases (0 when it has none): how far ahead a
// preparation reminder that names the rule must come.
int LongestWaitDays(const kb::KnowledgeBase& kb, const std::string& rule_id);

}  // namespace corium::course

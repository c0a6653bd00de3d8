// ScreeningContext: the facts every rule looks at, derived once per screening from the intake and
// the knowledge base (requested zones in canonical order, whether the practitioner is a prescriber,
// the jurisdiction and the scope-of-practice verdict).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corium/domain/intake.h"
#include "corium/kb/knowledge_base.h"

namespace corium::engine {

struct ScopeVerdict {
  std::optional<kb::ScopeSituation> situation;  // nullopt: the practitioner may needle
  std::string rule;                              // the rule of the scope row
  std::optional<Depth> cap;                      // a scope cap in the current supervision state
};

struct ScreeningContext {
  const Intake* intake = nullptr;
  const kb::KnowledgeBase* kb = nullptr;
  std::vector<Code> requested_zones;  // unique, in the knowledge base's zone order
  bool prescriber = false;
  std::string country;                  // of the practitioner's jurisdiction; "" when unknown
  std::string jurisdiction_label;       // for findings' basis
  std::optional<ScopeVerdict> scope;    // nullopt where scope of practice does not apply (home)

  bool Requested(const Code& zone) const;
  const kb::ZoneInfo* Zone(const Code& zone) const { return kb->FindZone(zone); }
};

ScreeningContext MakeContext(const Intake& intake, const kb::KnowledgeBase& kb);

}  // namespace corium::engine

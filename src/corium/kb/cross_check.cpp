#include "corium/kb/cross_check.h"

#include <map>
#include <set>
#include <string>

namespace corium::kb {
namespace {

std::string Singular(const std::string& kind) {
  if (kind == "sources") return "source";
  if (kind == "rules") return "rule";
  if (kind == "consent") return "consent item";
  if (kind == "outcome_scales") return "outcome scale";
  if (kind == "checklist_steps") return "checklist step";
  return kind + " code";
}

void CheckUniqueDefinitions(const References& refs, Problems& problems) {
  std::map<std::pair<std::string, std::string>, std::string> first;
  for (const Definition& d : refs.definitions) {
    const auto [it, inserted] = first.emplace(std::make_pair(d.kind, d.id), d.where);
    if (!inserted) {
      problems.Add(d.where, Singular(d.kind) + " \"" + d.id + "\" is defined twice (first at " +
                                it->second + ")");
    }
  }
}

bool Defined(const KnowledgeBase& kb, const References& refs, const Reference& use) {
  if (use.kind == "sources" || use.kind == "rules" || use.kind == "consent" ||
      use.kind == "outcome_scales" || use.kind == "checklist_steps") {
    for (const Definition& d : refs.definitions) {
      if (d.kind == use.kind && d.id == use.id) return true;
    }
    return false;
  }
  return kb.vocabulary.Has(use.kind, Code(use.id));
}

// The screening and charting read each policy from the one rule that carries it; a second copy
// would be silently ignored, and a missing one would leave its checks with nothing to check.
template <typename Policy>
void CheckOnePolicy(const KnowledgeBase& kb, const std::string& key,
                    std::optional<Policy> Rule::*member, Problems& problems) {
  int policies = 0;
  for (const Rule& r : kb.rules) policies += (r.*member) ? 1 : 0;
  if (policies != 1) {
    problems.Add("rules/", "exactly one rule must carry the " + key + " (found " +
                               std::to_string(policies) + ")");
  }
}

// Every aftercare rule reaches the client's sheet: an instruction, a check-in, a warning sign or a
// note of aftercare.yaml cites it, so a rule cannot be added without saying what the client reads.
void CheckAftercareCoverage(const KnowledgeBase& kb, Problems& problems) {
  const AftercarePolicy& sheet = kb.aftercare;
  std::set<std::string> cited;
  for (const AftercareAvoid& a : sheet.avoid) cited.insert(a.rule);
  for (const AftercareCheckIn& c : sheet.check_ins) cited.insert(c.rule);
  for (const WarningSign& w : sheet.warning_signs) cited.insert(w.rule);
  for (const AftercareNote& n : sheet.notes) cited.insert(n.rule);
  for (const Rule& rule : kb.rules) {
    if (rule.stage == "aftercare" && cited.count(rule.id) == 0) {
      problems.Add("aftercare.yaml", "aftercare rule " + rule.id + " appears nowhere on the sheet");
    }
  }
}

void CheckCoverage(const KnowledgeBase& kb, Problems& problems) {
  const Vocabulary& vocab = kb.vocabulary;
  for (const Code& zone : vocab.zone_order) {
    if (kb.FindZone(zone) == nullptr) {
      problems.Add("zones.yaml", "zone \"" + zone.str() + "\" has no entry");
    }
  }
  if (const auto it = vocab.order.find("indications"); it != vocab.order.end()) {
    for (const Code& indication : it->second) {
      if (kb.FindIndication(indication) == nullptr) {
        problems.Add("indications.yaml", "indication \"" + indication.str() + "\" has no entry");
      }
    }
  }
  // Every clinic role needs a scope row in every jurisdiction, so that no practitioner falls
  // through the table unjudged.
  std::set<Code> setting_roles;
  for (const auto& [setting, role] : vocab.setting_default_role) setting_roles.insert(role);
  if (const auto it = vocab.order.find("roles"); it != vocab.order.end()) {
    for (const Jurisdiction& j : kb.jurisdictions) {
      for (const Code& role : it->second) {
        if (setting_roles.count(role) != 0) continue;
        bool covered = false;
        for (const ScopeEntry& row : j.scope) {
          for (const Code& r : row.roles) covered = covered || r == role;
        }
        if (!covered) {
          problems.Add(
              "jurisdictions.yaml",
              "jurisdiction " + j.code + " has no scope row for role \"" + role.str() + "\"");
        }
      }
    }
  }
  CheckOnePolicy(kb, "endpoint_policy", &Rule::endpoint_policy, problems);
  CheckOnePolicy(kb, "checklist_policy", &Rule::checklist_policy, problems);
  CheckOnePolicy(kb, "product_policy", &Rule::product_policy, problems);
  CheckOnePolicy(kb, "anaesthetic_policy", &Rule::anaesthetic_policy, problems);
  CheckAftercareCoverage(kb, problems);
}

}  // namespace

void CheckCrossReferences(const KnowledgeBase& kb, const References& refs, Problems& problems) {
  CheckUniqueDefinitions(refs, problems);
  for (const Reference& use : refs.uses) {
    if (!Defined(kb, refs, use)) {
      problems.Add(use.where, Singular(use.kind) + " \"" + use.id + "\" is not defined");
    }
  }
  CheckCoverage(kb, problems);
}

}  // namespace corium::kb

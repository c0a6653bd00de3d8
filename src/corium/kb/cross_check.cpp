#include "corium/kb/cross_check.h"

#include <map>

namespace corium::kb {
namespace {

void CheckUniqueDefinitions(const References& refs, Problems& problems) {
  std::map<std::pair<std::string, std::string>, std::string> first;
  for (const Definition& d : refs.definitions) {
    const auto [it, inserted] = first.emplace(std::make_pair(d.kind, d.id), d.where);
    if (!inserted) {
      problems.Add(d.where, d.kind + " id \"" + d.id + "\" is defined twice (first at " +
                                it->second + ")");
    }
  }
}

bool Defined(const KnowledgeBase& kb, const References& refs, const Reference& use) {
  if (use.kind == "sources" || use.kind == "rules" || use.kind == "consent" ||
      use.kind == "outcome_scales") {
    for (const Definition& d : refs.definitions) {
      if (d.kind == use.kind && d.id == use.id) return true;
    }
    return false;
  }
  return kb.vocabulary.Has(use.kind, Code(use.id));
}

std::string Singular(const std::string& kind) {
  if (kind == "sources") return "source";
  if (kind == "rules") return "rule";
  if (kind == "consent") return "consent item";
  if (kind == "outcome_scales") return "outcome scale";
  return kind + " code";
}

void CheckCoverage(const KnowledgeBase& kb, Problems& problems) {
  const Vocabulary& vocab = kb.vocabulary;
  for (const Code& zone : vocab.zone_order) {
    if (kb.FindZone(zone) == nullptr) {
      problems.Add("zones.yaml", "zone \"" + zone.str() + "\" has no entry");
    }
  }
  if (const auto it = vocab.labels.find("indications"); it != vocab.labels.end()) {
    for (const auto& [indication, label] : it->second) {
      if (kb.FindIndication(indication) == nullptr) {
        problems.Add("indications.yaml", "indication \"" + indication.str() + "\" has no entry");
      }
    }
  }
  // Every clinic role needs a scope row in every jurisdiction, so that no practitioner falls
  // through the table unjudged.
  std::set<Code> setting_roles;
  for (const auto& [setting, role] : vocab.setting_default_role) setting_roles.insert(role);
  if (const auto it = vocab.labels.find("roles"); it != vocab.labels.end()) {
    for (const Jurisdiction& j : kb.jurisdictions) {
      for (const auto& [role, label] : it->second) {
        if (setting_roles.count(role) != 0) continue;
        bool covered = false;
        for (const ScopeEntry& row : j.scope) {
          for (const Code& r : row.roles) covered = covered || r == role;
        }
        if (!covered) {
          problems.Add("jurisdictions.yaml",
                       "jurisdiction " + j.code + " has no scope row for role \"" + role.str() + "\"");
        }
      }
    }
  }
  int policies = 0;
  for (const Rule& r : kb.rules) policies += r.endpoint_policy ? 1 : 0;
  if (policies != 1) {
    problems.Add("rules/", "exactly one rule must carry the endpoint_policy (found " +
                               std::to_string(policies) + ")");
  }
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

#include "corium/engine/screening_context.h"

#include <algorithm>

namespace corium::engine {
namespace {

// The country of a jurisdiction code: the listed row's, else the part before the hyphen
// ("US-WA" -> "US"), so that an unlisted US state is still judged as a US jurisdiction.
std::string CountryOf(const std::string& code, const kb::Jurisdiction& row) {
  if (row.code == code) return row.country;
  const size_t hyphen = code.find('-');
  return hyphen == std::string::npos ? code : code.substr(0, hyphen);
}

std::optional<ScopeVerdict> JudgeScope(const Intake& intake, const kb::KnowledgeBase& kb,
                                       const kb::Jurisdiction& row) {
  // Scope of practice governs practitioners; a setting with its own role (home) has none.
  for (const auto& [setting, role] : kb.vocabulary.setting_default_role) {
    if (intake.practitioner.role == role) return std::nullopt;
  }
  const bool supervised = intake.practitioner.supervised;
  for (const kb::ScopeEntry& entry : row.scope) {
    if (std::find(entry.roles.begin(), entry.roles.end(), intake.practitioner.role) ==
        entry.roles.end()) {
      continue;
    }
    ScopeVerdict verdict;
    verdict.rule = entry.rule;
    verdict.cap = supervised ? entry.cap_supervised : entry.cap_unsupervised;
    if (entry.access == kb::ScopeAccess::kNotPermitted) {
      verdict.situation = kb::ScopeSituation::kNotPermitted;
    } else if (entry.access == kb::ScopeAccess::kSupervised && !supervised) {
      verdict.situation = kb::ScopeSituation::kNeedsSupervision;
    }
    return verdict;
  }
  // The knowledge base check guarantees every role a row; should one be missing, refuse.
  ScopeVerdict verdict;
  verdict.situation = kb::ScopeSituation::kNotPermitted;
  return verdict;
}

}  // namespace

bool ScreeningContext::Requested(const Code& zone) const {
  return std::find(requested_zones.begin(), requested_zones.end(), zone) != requested_zones.end();
}

ScreeningContext MakeContext(const Intake& intake, const kb::KnowledgeBase& kb) {
  ScreeningContext ctx;
  ctx.intake = &intake;
  ctx.kb = &kb;
  for (const Code& zone : kb.vocabulary.zone_order) {
    for (const TreatmentRequest& request : intake.requests) {
      if (std::find(request.zones.begin(), request.zones.end(), zone) != request.zones.end()) {
        ctx.requested_zones.push_back(zone);
        break;
      }
    }
  }
  ctx.prescriber = kb.vocabulary.prescriber_roles.count(intake.practitioner.role) != 0;
  const std::string& code = intake.practitioner.jurisdiction;
  const kb::Jurisdiction& row = kb.JurisdictionFor(code);
  ctx.country = CountryOf(code, row);
  if (code.empty()) {
    ctx.jurisdiction_label = "an unrecorded jurisdiction";
  } else if (row.code == code) {
    ctx.jurisdiction_label = row.label + " (" + code + ")";
  } else {
    ctx.jurisdiction_label = code + " (not in the scope table)";
  }
  ctx.scope = JudgeScope(intake, kb, row);
  return ctx;
}

}  // namespace corium::engine

#include "corium/engine/screening.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "corium/engine/depth_plan.h"
#include "corium/engine/fact_text.h"
#include "corium/engine/rule_matcher.h"

namespace corium::engine {
namespace {

Finding FindingOf(const Hit& hit, bool prescriber, const TextValues& common) {
  const kb::RuleCase& rc = *hit.rule_case;
  Finding f;
  f.rule = hit.rule->id;
  f.effect = prescriber ? rc.effect.prescriber : rc.effect.other;
  if (f.effect == Effect::kDefer) f.until = hit.until;
  f.zones = hit.zones;
  f.summary = FillTemplate(rc.summary, hit.values, common);
  f.basis = FillTemplate(rc.basis, hit.values, common);
  f.sources = hit.rule->sources;
  f.from_scope = std::holds_alternative<kb::ScopeMatch>(rc.subject);
  return f;
}

// Most severe first, then by rule id; the rest of the key only makes the order total.
bool Before(const Finding& a, const Finding& b) {
  return std::tie(b.effect, a.rule, a.zones, a.until, a.summary, a.basis) <
         std::tie(a.effect, b.rule, b.zones, b.until, b.summary, b.basis);
}

bool Same(const Finding& a, const Finding& b) {
  return std::tie(a.effect, a.rule, a.zones, a.until, a.summary, a.basis) ==
         std::tie(b.effect, b.rule, b.zones, b.until, b.summary, b.basis);
}

}  // namespace

Decision Screen(const Intake& intake, const kb::KnowledgeBase& kb) {
  const ScreeningContext ctx = MakeContext(intake, kb);
  const std::vector<Hit> hits = MatchRules(ctx);

  Decision decision;
  std::set<std::string> consent;
  // The values every finding's text may use, built once (not per hit, as copying them was).
  const TextValues common = hits.empty() ? TextValues() : FactText(ctx).Common();
  for (const Hit& hit : hits) {
    consent.insert(hit.rule_case->consent.begin(), hit.rule_case->consent.end());
    if (!hit.rule_case->effect.none) {
      decision.findings.push_back(FindingOf(hit, ctx.prescriber, common));
    }
  }
  std::sort(decision.findings.begin(), decision.findings.end(), Before);
  decision.findings.erase(std::unique(decision.findings.begin(), decision.findings.end(), Same),
                          decision.findings.end());

  for (const Finding& f : decision.findings) {
    decision.outcome = std::max(decision.outcome, OutcomeOf(f.effect));
    if (f.effect == Effect::kDefer && f.until &&
        (!decision.earliest_date || *f.until > *decision.earliest_date)) {
      decision.earliest_date = f.until;
    }
  }
  decision.zones = PlanZones(ctx, hits, decision.findings);
  decision.consent_items.assign(consent.begin(), consent.end());
  decision.kb = {kb.version, kb.digest};
  return decision;
}

}  // namespace corium::engine

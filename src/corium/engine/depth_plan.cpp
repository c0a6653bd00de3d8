#include "corium/engine/depth_plan.h"

#include <algorithm>
#include <optional>

namespace corium::engine {
namespace {

bool AppliesTo(const std::vector<Code>& zones, const Code& zone) {
  return zones.empty() || std::find(zones.begin(), zones.end(), zone) != zones.end();
}

// A cap of "no depth at all" is kept apart from a cap of 0 mm only by name; both leave no depth.
struct Cap {
  CapSource source;
  std::optional<Depth> depth;  // nullopt: nothing may be done at all
};

class ZonePlanner {
 public:
  ZonePlanner(const ScreeningContext& ctx, const std::vector<Hit>& hits,
              const std::vector<Finding>& findings)
      : ctx_(ctx), hits_(hits), findings_(findings) {}

  ZonePlan Plan(const Code& zone, const Code& indication) const {
    ZonePlan plan;
    plan.zone = zone;
    plan.indication = indication;
    const kb::ZoneInfo* info = ctx_.Zone(zone);
    const std::vector<Cap> caps = CapsFor(zone, indication, info);
    // The smallest cap wins; on a tie the first source in the contract's order names it.
    const Cap* binding = nullptr;
    for (const Cap& cap : caps) {
      if (binding == nullptr || Tighter(cap, *binding)) binding = &cap;
    }
    plan.limited_by = binding != nullptr ? binding->source : CapSource::kZone;
    if (binding != nullptr && binding->depth && !binding->depth->is_zero() && info != nullptr &&
        info->typical) {
      const Depth max = *binding->depth;
      plan.depth = DepthRange{std::min(info->typical->min, max), max};
    }
    plan.status = StatusOf(zone);
    plan.endpoint = EndpointOf(zone, plan.depth);
    return plan;
  }

 private:
  static bool Tighter(const Cap& a, const Cap& b) {
    const auto rank = [](const Cap& c) { return c.depth ? c.depth->micrometres() : -1; };
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    return a.source < b.source;
  }

  std::vector<Cap> CapsFor(const Code& zone, const Code& indication,
                           const kb::ZoneInfo* info) const {
    std::vector<Cap> caps;
    for (const Hit& hit : hits_) {
      const kb::RuleCase& rc = *hit.rule_case;
      if (rc.cap && AppliesTo(hit.zones, zone)) caps.push_back({rc.cap_source, *rc.cap});
    }
    if (ctx_.scope) {
      if (ctx_.scope->situation) {
        caps.push_back({CapSource::kScope, std::nullopt});
      } else if (ctx_.scope->cap) {
        caps.push_back({CapSource::kScope, *ctx_.scope->cap});
      }
    }
    const Intake& intake = *ctx_.intake;
    if (intake.device && intake.device->max_depth) {
      caps.push_back({CapSource::kDevice, *intake.device->max_depth});
    }
    const kb::IndicationInfo* ind = ctx_.kb->FindIndication(indication);
    if (info == nullptr || !info->cap) {
      caps.push_back({CapSource::kZone, std::nullopt});
    } else {
      // A zone's scar cap is for a prescriber treating a scar indication only.
      const bool scar_work = ctx_.prescriber && ind != nullptr && ind->scar && info->scar_cap;
      caps.push_back({CapSource::kZone, scar_work ? *info->scar_cap : *info->cap});
    }
    if (ind != nullptr) caps.push_back({CapSource::kIndication, ind->cap});
    return caps;
  }

  // blocked where a decline applies; else out_of_scope where scope leaves it out; else deferred
  // where a deferral applies; else ok.
  ZoneStatus StatusOf(const Code& zone) const {
    bool declined = false;
    bool out_of_scope = false;
    bool deferred = false;
    for (const Finding& f : findings_) {
      if (!AppliesTo(f.zones, zone)) continue;
      declined = declined || f.effect == Effect::kDecline;
      out_of_scope = out_of_scope || f.from_scope;
      deferred = deferred || f.effect == Effect::kDefer;
    }
    if (declined) return ZoneStatus::kBlocked;
    if (out_of_scope) return ZoneStatus::kOutOfScope;
    if (deferred) return ZoneStatus::kDeferred;
    return ZoneStatus::kOk;
  }

  Code EndpointOf(const Code& zone, const std::optional<DepthRange>& depth) const {
    const kb::EndpointPolicy* policy = ctx_.kb->Endpoint();
    for (const Hit& hit : hits_) {
      if (hit.rule_case->endpoint && AppliesTo(hit.zones, zone)) return *hit.rule_case->endpoint;
    }
    const Intake& intake = *ctx_.intake;
    const bool medical = ctx_.prescriber || intake.practitioner.supervised;
    if (medical && intake.setting == policy->setting && depth &&
        depth->max > policy->depth_above) {
      return policy->bleeding;
    }
    return policy->otherwise;
  }

  const ScreeningContext& ctx_;
  const std::vector<Hit>& hits_;
  const std::vector<Finding>& findings_;
};

}  // namespace

std::vector<ZonePlan> PlanZones(const ScreeningContext& ctx, const std::vector<Hit>& hits,
                                const std::vector<Finding>& findings) {
  const ZonePlanner planner(ctx, hits, findings);
  // One entry per requested zone and indication, zones head to foot, then indication code.
  std::vector<std::pair<Code, Code>> pairs;
  for (const Code& zone : ctx.requested_zones) {
    std::vector<Code> indications;
    for (const TreatmentRequest& r : ctx.intake->requests) {
      if (std::find(r.zones.begin(), r.zones.end(), zone) != r.zones.end()) {
        indications.push_back(r.indication);
      }
    }
    std::sort(indications.begin(), indications.end());
    indications.erase(std::unique(indications.begin(), indications.end()), indications.end());
    for (const Code& indication : indications) pairs.emplace_back(zone, indication);
  }
  std::vector<ZonePlan> plans;
  plans.reserve(pairs.size());
  for (const auto& [zone, indication] : pairs) plans.push_back(planner.Plan(zone, indication));
  return plans;
}

}  // namespace corium::engine

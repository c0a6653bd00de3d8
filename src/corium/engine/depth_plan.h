// Depth planning: for each requested zone and indication, the depth range every applicable cap
// allows (setting, scope, device, condition, zone, indication), which cap bound it, the zone's
// status and the endpoint (contracts.md §1.2, rule TP-05). Pure.
#pragma once

#include <vector>

#include "corium/domain/decision.h"
#include "corium/engine/rule_matcher.h"

namespace corium::engine {

// `findings` are those the hits produced (with their effects resolved for this practitioner).
std::vector<ZonePlan> PlanZones(const ScreeningContext& ctx, const std::vector<Hit>& hits,
                                const std::vector<Finding>& findings);

}  // namespace corium::engine
